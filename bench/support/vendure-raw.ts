// The Vendure side of the offers benches: the raw client (the adapter's documents, sent by hand),
// a twin of the live bundle for it to toggle, and the station-side helpers (wait for the offer to
// read live, send a command the way the HTTP clicks do). Shared by offers.bench.ts and offers-ab.ts.
import type { VendureStore } from '../../test/peers/vendure-store';
import { OFFER } from '../../test/peers/vendure-station';
import type { StationProcess } from '../../test/peers/station-process';
import type { StationState } from '../../src/shared/contract/index';
import { PAUSE_THRESHOLD, VENDURE_TOGGLE_DOCUMENTS } from '../../src/core/offers/vendure.adapter';
import type { StorePost } from '../../src/core/offers/http-json';

const { setPromotion: SET_PROMOTION, holdVariants: UPDATE_VARIANTS, readState: READ_STATE } = VENDURE_TOGGLE_DOCUMENTS;
const TIMEOUT_MS = 4000;

/** The raw path: one logged-in session, the adapter's mutations one by one, then the read-back. */
export async function rawClient(store: VendureStore, promotionId: string, variantId: string, post: StorePost) {
  const url = new URL(store.adminApiUrl);
  const login = await post(url, {
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({
      query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { __typename } }',
      variables: { u: store.username, p: store.password },
    }),
    timeoutMs: TIMEOUT_MS,
  });
  const token = login.headers.get('vendure-auth-token');
  if (!token) throw new Error('raw login failed');
  const gql = async (query: string, variables: Record<string, unknown>) => {
    const res = await post(url, {
      headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
      timeoutMs: TIMEOUT_MS,
    });
    const body = JSON.parse(res.text) as { data?: Record<string, unknown>; errors?: unknown[] };
    if (body.errors?.length || !body.data) throw new Error(`raw GraphQL failed: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
  const read = async () => {
    const d = (await gql(READ_STATE, { promotionId, variantIds: [variantId], withBonus: false, bonusId: promotionId })) as {
      promotion: { enabled: boolean };
      productVariants: { items: { outOfStockThreshold: number; useGlobalOutOfStockThreshold: boolean }[] };
    };
    const v = d.productVariants.items[0];
    const held = !!v && !v.useGlobalOutOfStockThreshold && v.outOfStockThreshold >= PAUSE_THRESHOLD;
    return !d.promotion.enabled && held ? 'paused' : d.promotion.enabled && !held ? 'live' : 'partial';
  };
  return {
    async pause() {
      await gql(SET_PROMOTION, { id: promotionId, enabled: false });
      await gql(UPDATE_VARIANTS, { input: [{ id: variantId, useGlobalOutOfStockThreshold: false, outOfStockThreshold: PAUSE_THRESHOLD }] });
      if ((await read()) !== 'paused') throw new Error('raw pause not confirmed');
    },
    async resume() {
      await gql(UPDATE_VARIANTS, { input: [{ id: variantId, useGlobalOutOfStockThreshold: true }] });
      await gql(SET_PROMOTION, { id: promotionId, enabled: true });
      if ((await read()) !== 'live') throw new Error('raw resume not confirmed');
    },
  };
}

interface Operation {
  code: string;
  args: { name: string; value: string }[];
}

/** A promotion condition or action as input, with the live variant's id swapped for the twin's. */
function operationInput(op: Operation, liveVariant: string, twinVariant: string) {
  return {
    code: op.code,
    arguments: op.args.map((a) => ({
      name: a.name,
      value: a.name === 'productVariantIds' ? JSON.stringify((JSON.parse(a.value) as unknown[]).map((id) => (String(id) === liveVariant ? twinVariant : id))) : a.value,
    })),
  };
}

/**
 * The raw side's own product: a copy of the live bundle (one variant, no option group, the same
 * price, stock, tax category and texts) with a promotion built like the live one (coupon, condition,
 * action, texts). Vendure's work for a mutation depends on what it touches (a variant with options in
 * a product of several loads and saves more rows), so only a copy of the same shape makes the raw
 * calls the identical calls.
 */
export async function twinOfBundle(store: VendureStore, tag = 'twin'): Promise<{ promotionId: string; variantId: string }> {
  const liveVariant = store.seed.variantIdsBySku[store.seed.bundleSku] as string;
  const live = await store.adminGraphql<{
    productVariant: {
      price: number;
      stockOnHand: number;
      trackInventory: string;
      taxCategory: { id: string };
      name: string;
      options: unknown[];
      product: { name: string; slug: string; description: string; variantList: { totalItems: number } };
    } | null;
    promotion: { name: string; description: string; perCustomerUsageLimit: number | null; conditions: Operation[]; actions: Operation[] } | null;
  }>(
    `query($v: ID!, $p: ID!) {
      productVariant(id: $v) { price stockOnHand trackInventory taxCategory { id } name options { id } product { name slug description variantList { totalItems } } }
      promotion(id: $p) { name description perCustomerUsageLimit conditions { code args { name value } } actions { code args { name value } } }
    }`,
    { v: liveVariant, p: store.seed.promotionId },
  );
  const v = live.productVariant;
  const promo = live.promotion;
  if (!v || !promo) throw new Error('the live bundle or its promotion is missing');
  // The twin copies a one-variant product without options; say so if the seed ever changes that.
  if (v.options.length !== 0 || v.product.variantList.totalItems !== 1) throw new Error('the live bundle is no longer a single variant without options: update the twin');
  const product = await store.adminGraphql<{ createProduct: { id: string } }>(
    `mutation($input: CreateProductInput!) { createProduct(input: $input) { id } }`,
    { input: { enabled: true, translations: [{ languageCode: 'en', name: `${v.product.name} (bench ${tag})`, slug: `${v.product.slug}-bench-${tag}`, description: v.product.description }] } },
  );
  const variants = await store.adminGraphql<{ createProductVariants: { id: string }[] }>(
    `mutation($input: [CreateProductVariantInput!]!) { createProductVariants(input: $input) { id } }`,
    {
      input: [
        {
          productId: product.createProduct.id,
          sku: `${store.seed.bundleSku}-${tag.toUpperCase()}`,
          price: v.price,
          stockOnHand: v.stockOnHand,
          trackInventory: v.trackInventory,
          taxCategoryId: v.taxCategory.id,
          optionIds: [],
          translations: [{ languageCode: 'en', name: `${v.name} (bench ${tag})` }],
        },
      ],
    },
  );
  const variantId = String(variants.createProductVariants[0]?.id ?? '');
  if (!variantId) throw new Error('twin variant not created');
  const r = await store.adminGraphql<{ createPromotion: { id?: string } }>(
    `mutation($input: CreatePromotionInput!) { createPromotion(input: $input) { ... on Promotion { id } } }`,
    {
      input: {
        enabled: true,
        couponCode: `BENCH${tag.toUpperCase()}`,
        perCustomerUsageLimit: promo.perCustomerUsageLimit,
        // The live promotion's own conditions and actions, pointed at the twin variant.
        conditions: promo.conditions.map((c) => operationInput(c, liveVariant, variantId)),
        actions: promo.actions.map((a) => operationInput(a, liveVariant, variantId)),
        translations: [{ languageCode: 'en', name: `${promo.name} (bench ${tag})`, description: promo.description }],
      },
    },
  );
  if (!r.createPromotion.id) throw new Error('twin promotion not created');
  return { promotionId: String(r.createPromotion.id), variantId };
}

export async function waitLive(b: StationProcess): Promise<void> {
  const end = Date.now() + 20_000;
  for (;;) {
    const res = await fetch(`${b.url}/api/state`, { headers: { authorization: `Bearer ${b.tokens.producer}` } });
    const { state } = (await res.json()) as { state: StationState };
    const o = state.offers.items.find((i) => i.id === OFFER);
    if (o?.state === 'live') return;
    if (Date.now() > end) throw new Error(`the offer never read live: ${JSON.stringify(o)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A command sent the way the clicks are: the stores' kept-alive client, plain requests. */
export function stationClient(b: StationProcess, post: StorePost) {
  return async (name: string, args: unknown): Promise<{ ok: boolean; result?: unknown; error?: unknown }> => {
    const res = await post(new URL(`${b.url}/api/commands/${name}`), {
      headers: { authorization: `Bearer ${b.tokens.producer}`, 'content-type': 'application/json' },
      body: JSON.stringify(args),
      timeoutMs: 15_000,
    });
    return JSON.parse(res.text) as { ok: boolean; result?: unknown; error?: unknown };
  };
}
