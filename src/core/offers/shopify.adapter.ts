// Shopify Admin GraphQL behind the commerce interface: a pause deactivates the discount (code or
// automatic) and, when the binding names a publication, unpublishes the products from that live
// channel; a resume undoes both. `userErrors` become the producer's message; the cost bucket
// (extensions.cost.throttleStatus) is respected. Tested against a local fake, not real Shopify.
import type { CommerceAdapter, StoreReading } from './commerce.adapter';
import { StoreError } from './commerce.adapter';
import { postJson, type HttpDeps } from './http-json';
import { createCostBucket, readThrottleStatus } from './shopify.throttle';

export interface ShopifyBinding {
  shopDomain: string;
  discountId: string;
  productIds: string[];
  unpublishFromPublicationId?: string | undefined;
  bonusDiscountId?: string | undefined;
  apiVersion: string;
}

interface UserError {
  field?: string[] | null;
  code?: string | null;
  message: string;
}
interface GraphqlBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}
type DiscountFlavour = 'code' | 'automatic';

const DEFAULT_COST = 10;
const MAX_THROTTLE_RETRIES = 3;

export function shopifyEndpoint(binding: Pick<ShopifyBinding, 'shopDomain' | 'apiVersion'>): string {
  // A scheme in shopDomain is for local test doubles only; real shops are always https.
  const origin = /^https?:\/\//.test(binding.shopDomain) ? binding.shopDomain.replace(/\/+$/, '') : `https://${binding.shopDomain}`;
  return `${origin}/admin/api/${binding.apiVersion}/graphql.json`;
}

/** The discount's page in the shop's admin (discounts are listed by their numeric id there). */
export function shopifyAdminUrl(shopDomain: string, discountId: string): string | null {
  const shop = shopAddress(shopDomain);
  if (shop === null) return null;
  const id = /\/(\d+)$/.exec(discountId)?.[1];
  return id ? `${shop.origin}/admin/discounts/${id}` : `${shop.origin}/admin/discounts`;
}

/**
 * The shop's address as views may show it: scheme, host and port, never a `user:password@` the show
 * file put in `shopDomain` (the label and the admin link reach every role's offers slice, while the
 * binding itself is kept to the producer). Null when it is no address.
 */
function shopAddress(shopDomain: string): { origin: string; host: string } | null {
  try {
    const url = new URL(/^https?:\/\//.test(shopDomain) ? shopDomain : `https://${shopDomain}`);
    return { origin: url.origin, host: url.host };
  } catch {
    return null;
  }
}

export function discountFlavour(gid: string): DiscountFlavour {
  return gid.includes('/DiscountAutomaticNode/') ? 'automatic' : 'code';
}

const STATUS_FRAGMENTS: Record<DiscountFlavour, string> = {
  code: `codeDiscount { __typename ... on DiscountCodeBasic { status } ... on DiscountCodeBxgy { status } ... on DiscountCodeFreeShipping { status } ... on DiscountCodeApp { status } }`,
  automatic: `automaticDiscount { __typename ... on DiscountAutomaticBasic { status } ... on DiscountAutomaticBxgy { status } ... on DiscountAutomaticFreeShipping { status } ... on DiscountAutomaticApp { status } }`,
};

function statusQuery(alias: string, variable: string, flavour: DiscountFlavour): string {
  const root = flavour === 'code' ? 'codeDiscountNode' : 'automaticDiscountNode';
  return `${alias}: ${root}(id: $${variable}) { id ${STATUS_FRAGMENTS[flavour]} }`;
}

function toggleMutation(flavour: DiscountFlavour, active: boolean): { doc: string; field: string } {
  const field = `discount${flavour === 'code' ? 'Code' : 'Automatic'}${active ? 'Activate' : 'Deactivate'}`;
  const node = flavour === 'code' ? 'codeDiscountNode' : 'automaticDiscountNode';
  return {
    field,
    doc: `mutation BatonDiscountToggle($id: ID!) { ${field}(id: $id) { ${node} { id } userErrors { field code message } } }`,
  };
}

const PUBLISH = (publish: boolean) => {
  const field = publish ? 'publishablePublish' : 'publishableUnpublish';
  return {
    field,
    doc: `mutation BatonPublication($id: ID!, $pub: ID!) { ${field}(id: $id, input: [{ publicationId: $pub }]) { userErrors { field message } } }`,
  };
};

export function createShopifyAdapter(deps: {
  http: HttpDeps;
  binding: ShopifyBinding;
  token: () => string | null;
  tokenSecret: string;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  /** A pause never waits longer than this for the cost bucket; it fails as `throttled` instead. */
  maxThrottleWaitMs: number;
}): CommerceAdapter {
  const { binding } = deps;
  const endpoint = shopifyEndpoint(binding);
  const bucket = createCostBucket();
  const costs = new Map<string, number>();
  const flavour = discountFlavour(binding.discountId);
  const unpublish = binding.unpublishFromPublicationId !== undefined && binding.productIds.length > 0;

  const gql = async <T>(doc: string, variables: Record<string, unknown>): Promise<T> => {
    const token = deps.token();
    if (!token) {
      throw new StoreError('config', `no Shopify access token: store it with offer.credentials (secret "${deps.tokenSecret}")`, null, false);
    }
    for (let attempt = 0; ; attempt++) {
      const wait = bucket.waitFor(costs.get(doc) ?? DEFAULT_COST, deps.now());
      if (wait > deps.maxThrottleWaitMs) {
        throw new StoreError('throttled', `Shopify's rate limit needs ${(wait / 1000).toFixed(1)} s before the next call`);
      }
      if (wait > 0) await deps.sleep(wait);
      let body: GraphqlBody;
      try {
        body = (await postJson(deps.http, endpoint, JSON.stringify({ query: doc, variables }), { 'x-shopify-access-token': token })).body as GraphqlBody;
      } catch (error) {
        if (error instanceof StoreError && error.kind === 'throttled' && attempt < MAX_THROTTLE_RETRIES) {
          await deps.sleep(1000);
          continue;
        }
        throw error;
      }
      const throttle = readThrottleStatus(body);
      if (throttle) {
        bucket.update(throttle.status, deps.now());
        if (throttle.requested !== null) costs.set(doc, throttle.requested);
      }
      const errors = body?.errors ?? [];
      if (errors.some((e) => e.extensions?.code === 'THROTTLED')) {
        if (attempt < MAX_THROTTLE_RETRIES) continue; // the bucket now says how long to wait
        throw new StoreError('throttled', 'Shopify kept throttling Baton (THROTTLED after 3 waits)');
      }
      if (errors.length) {
        const denied = errors.some((e) => e.extensions?.code === 'ACCESS_DENIED');
        throw new StoreError(denied ? 'auth' : 'rejected', `Shopify: ${errors.map((e) => e.message).join('; ')}`);
      }
      if (!body?.data) throw new StoreError('protocol', 'Shopify answered without data');
      return body.data as T;
    }
  };

  const checkUserErrors = (what: string, payload: unknown) => {
    const errs = (payload as { userErrors?: UserError[] } | null)?.userErrors ?? [];
    if (errs.length) {
      throw new StoreError('rejected', `Shopify refused to ${what}: ${errs.map((e) => (e.field?.length ? `${e.field.join('.')}: ` : '') + e.message).join('; ')}`);
    }
    if (payload === null || payload === undefined) throw new StoreError('protocol', `Shopify answered ${what} without a payload`);
  };

  const toggle = async (gid: string, active: boolean) => {
    const m = toggleMutation(discountFlavour(gid), active);
    const data = await gql<Record<string, unknown>>(m.doc, { id: gid });
    checkUserErrors(`${active ? 'activate' : 'deactivate'} discount ${gid}`, data[m.field]);
  };

  const setPublished = async (publish: boolean) => {
    if (!unpublish) return;
    const m = PUBLISH(publish);
    for (const id of binding.productIds) {
      const data = await gql<Record<string, unknown>>(m.doc, { id, pub: binding.unpublishFromPublicationId });
      checkUserErrors(`${publish ? 'publish' : 'unpublish'} product ${id}`, data[m.field]);
    }
  };

  const read = async (): Promise<StoreReading> => {
    const bonusFlavour = binding.bonusDiscountId ? discountFlavour(binding.bonusDiscountId) : null;
    const vars = ['$id: ID!'];
    const parts = [statusQuery('discount', 'id', flavour)];
    const variables: Record<string, unknown> = { id: binding.discountId };
    if (binding.bonusDiscountId && bonusFlavour) {
      vars.push('$bonusId: ID!');
      parts.push(statusQuery('bonus', 'bonusId', bonusFlavour));
      variables.bonusId = binding.bonusDiscountId;
    }
    if (unpublish) {
      vars.push('$productIds: [ID!]!', '$pub: ID!');
      parts.push('products: nodes(ids: $productIds) { ... on Product { id publishedOnPublication(publicationId: $pub) } }');
      variables.productIds = binding.productIds;
      variables.pub = binding.unpublishFromPublicationId;
    }
    const data = await gql<{
      discount: DiscountNode | null;
      bonus?: DiscountNode | null;
      products?: ({ id: string; publishedOnPublication: boolean } | null)[];
    }>(`query BatonShopifyState(${vars.join(', ')}) { ${parts.join(' ')} }`, variables);
    const status = statusOf(data.discount);
    if (status === null) throw new StoreError('config', `Shopify has no discount ${binding.discountId} (check the show's store binding)`);
    const active = status === 'ACTIVE';
    const products = data.products ?? [];
    if (unpublish && products.some((p) => p === null)) {
      throw new StoreError('config', `Shopify has no product among ${binding.productIds.join(', ')} (check the show's store binding)`);
    }
    const published = products.filter((p) => p?.publishedOnPublication).length;
    const offCount = unpublish ? products.length - published : 0;
    const allOff = !active && (!unpublish || published === 0);
    const allOn = active && (!unpublish || published === products.length);
    const bonus = binding.bonusDiscountId ? statusOf(data.bonus ?? null) : null;
    return {
      paused: allOff ? true : allOn ? false : 'partial',
      detail: `discount ${status}${unpublish ? `; ${offCount} of ${products.length} product(s) unpublished from the live channel` : ''}`,
      stock: null,
      bonusActive: bonus === null ? null : bonus === 'ACTIVE',
    };
  };

  return {
    kind: 'shopify',
    label: `Shopify ${shopAddress(binding.shopDomain)?.host ?? 'shop'} · ${flavour} discount`,
    adminUrl: shopifyAdminUrl(binding.shopDomain, binding.discountId),
    rehearsal: false,
    async setPaused(paused) {
      if (paused) {
        await toggle(binding.discountId, false);
        await setPublished(false);
      } else {
        await setPublished(true);
        await toggle(binding.discountId, true);
      }
      return read();
    },
    read,
    async removeBonus() {
      if (!binding.bonusDiscountId) {
        throw new StoreError('config', 'the Shopify binding names no bonusDiscountId, so Baton cannot end the bonus in the store');
      }
      await toggle(binding.bonusDiscountId, false);
      return read();
    },
    // Shopify orders reach Baton through the signed event webhook (an orders/create webhook relay).
    pollOrders: () => Promise.resolve(null),
    close() {},
  };
}

type DiscountNode = { id: string; codeDiscount?: { status?: string } | null; automaticDiscount?: { status?: string } | null };

function statusOf(node: DiscountNode | null): string | null {
  if (!node) return null;
  return node.codeDiscount?.status ?? node.automaticDiscount?.status ?? null;
}
