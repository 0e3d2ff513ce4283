// Against a local fake that answers with the documented Admin GraphQL shapes (payloads with
// `userErrors`, `extensions.cost.throttleStatus`, THROTTLED errors, the 401 body). No real
// Shopify store is reachable from here; the shapes come from shopify.dev's reference.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createKeepAliveHttp } from './keep-alive.http';
import { startJsonServer, type JsonReply, type JsonServer, type RecordedRequest } from '../../../test/support/json-server';
import { createShopifyAdapter, shopifyAdminUrl, shopifyEndpoint, type ShopifyBinding } from './shopify.adapter';
import { createCostBucket } from './shopify.throttle';

/** The stores' own client, as the station uses it. */
const client = createKeepAliveHttp();
afterAll(() => client.close());

const CODE = 'gid://shopify/DiscountCodeNode/1001';
const AUTO = 'gid://shopify/DiscountAutomaticNode/2002';
const PUB = 'gid://shopify/Publication/77';
const P1 = 'gid://shopify/Product/1';
const P2 = 'gid://shopify/Product/2';
const TOKEN = 'shpat_test';

interface FakeShop {
  server: JsonServer;
  discounts: Map<string, string>;
  published: Map<string, boolean>;
  throttleNext: number;
  userErrorsFor: string | null;
  sleeps: number[];
}

const servers: JsonServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function fakeShop(): Promise<FakeShop> {
  const shop = {
    discounts: new Map([
      [CODE, 'ACTIVE'],
      [AUTO, 'ACTIVE'],
    ]),
    published: new Map([
      [P1, true],
      [P2, true],
    ]),
    throttleNext: 0,
    userErrorsFor: null as string | null,
    sleeps: [] as number[],
  } as FakeShop;
  let available = 100;
  const cost = (requested: number) => ({
    requestedQueryCost: requested,
    actualQueryCost: requested,
    throttleStatus: { maximumAvailable: 100, currentlyAvailable: available, restoreRate: 50 },
  });
  const handle = (req: RecordedRequest): JsonReply => {
    if (req.headers['x-shopify-access-token'] !== TOKEN) {
      return { status: 401, body: { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' } };
    }
    const { query, variables } = JSON.parse(req.body) as { query: string; variables: Record<string, unknown> };
    if (shop.throttleNext > 0) {
      shop.throttleNext -= 1;
      available = 2;
      return {
        body: {
          errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' } }],
          extensions: { cost: { requestedQueryCost: 10, actualQueryCost: null, throttleStatus: { maximumAvailable: 100, currentlyAvailable: available, restoreRate: 50 } } },
        },
      };
    }
    available = 90;
    const toggle = /(discount(Code|Automatic)(Activate|Deactivate))\(/.exec(query);
    if (toggle) {
      const field = toggle[1] as string;
      const id = variables.id as string;
      if (shop.userErrorsFor === id || !shop.discounts.has(id)) {
        return { body: { data: { [field]: { codeDiscountNode: null, userErrors: [{ field: ['id'], code: 'INVALID', message: 'Discount does not exist' }] } }, extensions: { cost: cost(10) } } };
      }
      shop.discounts.set(id, toggle[3] === 'Activate' ? 'ACTIVE' : 'EXPIRED');
      const node = toggle[2] === 'Code' ? 'codeDiscountNode' : 'automaticDiscountNode';
      return { body: { data: { [field]: { [node]: { id }, userErrors: [] } }, extensions: { cost: cost(10) } } };
    }
    const pub = /(publishable(Publish|Unpublish))\(/.exec(query);
    if (pub) {
      shop.published.set(variables.id as string, pub[2] === 'Publish');
      return { body: { data: { [pub[1] as string]: { userErrors: [] } }, extensions: { cost: cost(10) } } };
    }
    const data: Record<string, unknown> = {};
    const node = (id: string) => {
      const status = shop.discounts.get(id);
      if (!status) return null;
      return id.includes('Automatic')
        ? { id, automaticDiscount: { __typename: 'DiscountAutomaticBasic', status } }
        : { id, codeDiscount: { __typename: 'DiscountCodeBasic', status } };
    };
    data.discount = node(variables.id as string);
    if (variables.bonusId) data.bonus = node(variables.bonusId as string);
    if (variables.productIds) {
      data.products = (variables.productIds as string[]).map((id) => (shop.published.has(id) ? { id, publishedOnPublication: shop.published.get(id) } : null));
    }
    return { body: { data, extensions: { cost: cost(5) } } };
  };
  shop.server = await startJsonServer(handle);
  servers.push(shop.server);
  return shop;
}

function adapter(shop: FakeShop, binding: Partial<ShopifyBinding> = {}, token: string | null = TOKEN) {
  return createShopifyAdapter({
    http: { post: client.post, timeoutMs: 1000, observe: () => {} },
    binding: { shopDomain: shop.server.url, discountId: CODE, productIds: [], apiVersion: '2025-07', ...binding },
    token: () => token,
    tokenSecret: 'shopify.token',
    sleep: (ms) => {
      shop.sleeps.push(ms);
      return new Promise((r) => setTimeout(r, Math.min(ms, 20)));
    },
    now: () => Date.now(),
    maxThrottleWaitMs: 5000,
  });
}

describe('shopify adapter', () => {
  it('deactivates and reactivates a code discount, reading the status back', async () => {
    const shop = await fakeShop();
    const a = adapter(shop);
    expect((await a.read()).paused).toBe(false);
    const r = await a.setPaused(true, { key: 'k', reason: 'x' });
    expect(r).toMatchObject({ paused: true, detail: 'discount EXPIRED' });
    expect(shop.discounts.get(CODE)).toBe('EXPIRED');
    expect((await a.setPaused(false, { key: 'k2', reason: null })).paused).toBe(false);
    const first = shop.server.requests[1] as RecordedRequest;
    expect(first.path).toBe('/admin/api/2025-07/graphql.json');
    expect(JSON.parse(first.body).query).toContain('discountCodeDeactivate(id: $id)');
  });

  it('pauses an automatic discount and unpublishes the products from the live channel', async () => {
    const shop = await fakeShop();
    const a = adapter(shop, { discountId: AUTO, productIds: [P1, P2], unpublishFromPublicationId: PUB, bonusDiscountId: CODE });
    const r = await a.setPaused(true, { key: 'k', reason: 'x' });
    expect(r).toMatchObject({ paused: true, detail: 'discount EXPIRED; 2 of 2 product(s) unpublished from the live channel', bonusActive: true });
    expect([...shop.published.values()]).toEqual([false, false]);
    shop.published.set(P2, true); // someone republished one product by hand
    expect((await a.read()).paused).toBe('partial');
    expect((await a.setPaused(false, { key: 'k2', reason: null })).paused).toBe(false);
    expect((await a.removeBonus({ key: 'b', reason: null })).bonusActive).toBe(false);
  });

  it('surfaces userErrors as the producer’s message', async () => {
    const shop = await fakeShop();
    shop.userErrorsFor = CODE;
    await expect(adapter(shop).setPaused(true, { key: 'k', reason: 'x' })).rejects.toMatchObject({
      kind: 'rejected',
      retryable: false,
      message: `Shopify refused to deactivate discount ${CODE}: id: Discount does not exist`,
    });
  });

  it('waits out THROTTLED answers using throttleStatus, then succeeds', async () => {
    const shop = await fakeShop();
    shop.throttleNext = 2;
    const r = await adapter(shop).setPaused(true, { key: 'k', reason: 'x' });
    expect(r.paused).toBe(true);
    // After each THROTTLED (2 of 100 points, 50/s back) the adapter waited for its 10 points.
    expect(shop.sleeps).toHaveLength(2);
    for (const ms of shop.sleeps) expect(ms).toBeGreaterThan(100);
    for (const ms of shop.sleeps) expect(ms).toBeLessThanOrEqual(160);
  });

  it('refuses without a token, and reports a bad token as auth', async () => {
    const shop = await fakeShop();
    await expect(adapter(shop, {}, null).read()).rejects.toThrow('offer.credentials (secret "shopify.token")');
    await expect(adapter(shop, {}, 'wrong').read()).rejects.toMatchObject({ kind: 'auth', status: 401 });
  });

  it('endpoint and cost bucket', () => {
    expect(shopifyEndpoint({ shopDomain: 'glow.myshopify.com', apiVersion: '2025-07' })).toBe('https://glow.myshopify.com/admin/api/2025-07/graphql.json');
    const b = createCostBucket();
    expect(b.waitFor(10, 0)).toBe(0);
    b.update({ maximumAvailable: 100, currentlyAvailable: 0, restoreRate: 50 }, 1000);
    expect(b.waitFor(10, 1000)).toBe(200);
    expect(b.waitFor(10, 1100)).toBe(100);
    expect(b.waitFor(10, 1300)).toBe(0);
  });
});

describe('the discount in the shop’s own admin (where a person pauses it when the API is down)', () => {
  it('links the discount by its numeric id, on https unless a test double names its scheme', () => {
    expect(shopifyAdminUrl('glow.myshopify.com', 'gid://shopify/DiscountCodeNode/123')).toBe('https://glow.myshopify.com/admin/discounts/123');
    expect(shopifyAdminUrl('http://127.0.0.1:9/', 'gid://shopify/DiscountAutomaticNode/9')).toBe('http://127.0.0.1:9/admin/discounts/9');
  });
  it('carries no user:password@ of the shop’s address: the link is in every role’s offers slice, and the address is stripped from theirs', () => {
    expect(shopifyAdminUrl('https://staging:hunter2@glow.myshopify.com', 'gid://shopify/DiscountCodeNode/123')).toBe('https://glow.myshopify.com/admin/discounts/123');
    expect(shopifyAdminUrl('staging:hunter2@glow.myshopify.com', 'gid://shopify/DiscountCodeNode/123')).toBe('https://glow.myshopify.com/admin/discounts/123');
    // The store's label (every role's offers slice and the banners) names the shop, not its login.
    const a = createShopifyAdapter({
      http: { post: () => Promise.reject(new Error('not called')), timeoutMs: 1000, observe: () => {} },
      binding: { shopDomain: 'https://staging:hunter2@glow.myshopify.com', discountId: CODE, productIds: [], apiVersion: '2025-07' },
      token: () => TOKEN,
      tokenSecret: 'shopify.token',
      sleep: () => Promise.resolve(),
      now: () => Date.now(),
      maxThrottleWaitMs: 5000,
    });
    expect(a.label).toBe('Shopify glow.myshopify.com · code discount');
  });
});
