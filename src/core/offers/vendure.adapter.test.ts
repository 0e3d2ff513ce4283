// The Vendure adapter's notes: each variant's own out-of-stock threshold (taken while the variant
// is not held, kept across reads, and put back exactly by a resume) and the order cursor.
import { describe, expect, it } from 'vitest';
import { createVendureAdapter, PAUSE_THRESHOLD, VENDURE_TOGGLE_DOCUMENTS, vendureAdminUrl } from './vendure.adapter';
import { createMemoryMemo } from './adapter.memo';
import type { VendureClient } from './vendure.client';

interface V {
  useGlobal: boolean;
  threshold: number;
}

/** A store of two variants answering the adapter's three toggle documents, recording each variant update. */
function fakeStore(variants: Record<string, V>) {
  let enabled = true;
  const updates: unknown[] = [];
  const client: VendureClient = {
    forget() {},
    async gql<T>(query: string, variables: Record<string, unknown>): Promise<T> {
      if (query === VENDURE_TOGGLE_DOCUMENTS.setPromotion) {
        enabled = variables.enabled as boolean;
        return { updatePromotion: { __typename: 'Promotion', id: variables.id, enabled } } as T;
      }
      if (query === VENDURE_TOGGLE_DOCUMENTS.holdVariants) {
        const input = variables.input as { id: string; useGlobalOutOfStockThreshold: boolean; outOfStockThreshold?: number }[];
        updates.push(input);
        for (const i of input) {
          const v = variants[i.id]!;
          v.useGlobal = i.useGlobalOutOfStockThreshold;
          if (i.outOfStockThreshold !== undefined) v.threshold = i.outOfStockThreshold;
        }
        return { updateProductVariants: input.map((i) => ({ id: i.id })) } as T;
      }
      const items = Object.entries(variants).map(([id, v]) => ({
        id, sku: `SKU-${id}`, enabled: true, stockOnHand: 10, stockAllocated: 0, outOfStockThreshold: v.threshold, useGlobalOutOfStockThreshold: v.useGlobal,
      }));
      return { promotion: { id: '1', enabled }, productVariants: { items } } as T;
    },
  };
  return { client, updates };
}

const binding = { adminApiUrl: 'http://127.0.0.1:3000/admin-api', promotionId: '1', variantIds: ['7', '8'] };

describe('vendure adapter: each variant’s own threshold', () => {
  it('is noted before the hold and put back exactly by the resume, over several toggles', async () => {
    const variants = { '7': { useGlobal: false, threshold: 3 }, '8': { useGlobal: true, threshold: 0 } };
    const store = fakeStore(variants);
    const memo = createMemoryMemo();
    const adapter = createVendureAdapter({ client: store.client, binding, memo, now: () => 0 });
    for (let i = 0; i < 3; i++) {
      expect((await adapter.setPaused(true, { key: `k${i}`, reason: null })).paused).toBe(true);
      expect(variants['7']).toEqual({ useGlobal: false, threshold: PAUSE_THRESHOLD });
      expect((await adapter.setPaused(false, { key: `r${i}`, reason: null })).paused).toBe(false);
      expect(variants).toEqual({ '7': { useGlobal: false, threshold: 3 }, '8': { useGlobal: true, threshold: PAUSE_THRESHOLD } });
      expect(store.updates.at(-1)).toEqual([
        { id: '7', useGlobalOutOfStockThreshold: false, outOfStockThreshold: 3 },
        { id: '8', useGlobalOutOfStockThreshold: true },
      ]);
    }
    // A variant on the global threshold keeps whatever number the store shows: only `useGlobal` is put back.
    expect(JSON.parse(memo.get('vendure.thresholds') ?? '{}')).toEqual({ '7': { useGlobal: false, threshold: 3 }, '8': { useGlobal: true, threshold: PAUSE_THRESHOLD } });
  });

  it('follows a threshold changed in the store while live, and never notes a held one', async () => {
    const variants = { '7': { useGlobal: false, threshold: 3 }, '8': { useGlobal: true, threshold: 0 } };
    const store = fakeStore(variants);
    const memo = createMemoryMemo();
    const adapter = createVendureAdapter({ client: store.client, binding, memo, now: () => 0 });
    await adapter.read();
    variants['7'].threshold = 5; // someone edits the variant in Vendure's admin
    await adapter.read();
    expect(JSON.parse(memo.get('vendure.thresholds') ?? '{}')['7']).toEqual({ useGlobal: false, threshold: 5 });
    await adapter.setPaused(true, { key: 'k', reason: null });
    await adapter.read(); // held: the notes stay those from before the hold
    expect(JSON.parse(memo.get('vendure.thresholds') ?? '{}')['7']).toEqual({ useGlobal: false, threshold: 5 });
    await adapter.setPaused(false, { key: 'r', reason: null });
    expect(variants['7']).toEqual({ useGlobal: false, threshold: 5 });
  });
});

describe('the promotion in Vendure’s own admin (where a person pauses it when the API is down)', () => {
  it('is the promotion’s page of the admin UI beside the Admin API; nothing for an address that is not one', () => {
    expect(vendureAdminUrl('http://127.0.0.1:3001/admin-api', '1')).toBe('http://127.0.0.1:3001/admin/marketing/promotions/1');
    expect(vendureAdminUrl('https://shop.example/api/admin?x=1', 'a b')).toBe('https://shop.example/admin/marketing/promotions/a%20b');
    expect(vendureAdminUrl('not a url', '1')).toBeNull();
  });
  it('carries no user:password@ of the Admin API address: the link is in every role’s offers slice, and the address is stripped from theirs', () => {
    expect(vendureAdminUrl('https://staging:hunter2@shop.example/admin-api', '1')).toBe('https://shop.example/admin/marketing/promotions/1');
  });
});

/** A store that only lists orders: `answer` gets the listing's cursor (ms) and says which orders it holds after it. */
function orderListing(answer: (since: number) => unknown[]): VendureClient {
  return {
    forget() {},
    async gql<T>(query: string, variables: Record<string, unknown>): Promise<T> {
      if (!query.includes('BatonOrders')) throw new Error('only the order listing is expected');
      return { orders: { items: answer(Date.parse(variables.since as string)) } } as T;
    },
  };
}

/** One paid order of variant 7 (SKU-7), 39.00 USD. */
const paidOrder = (code: string, orderPlacedAt: string) => ({ code, orderPlacedAt, totalWithTax: 3900, currencyCode: 'USD', lines: [{ quantity: 1, productVariant: { id: '7', sku: 'SKU-7' } }] });

describe('vendure adapter: the order cursor', () => {
  it('starts when the adapter began watching, so an order paid before the first listing is listed', async () => {
    let now = Date.parse('2026-12-07T10:00:00Z');
    const placed = [{ code: 'EARLY', at: now + 1000 }];
    const client = orderListing((since) => placed.filter((o) => o.at > since).map((o) => paidOrder(o.code, new Date(o.at).toISOString())));
    const memo = createMemoryMemo();
    const adapter = createVendureAdapter({ client, binding, memo, now: () => now });
    now += 2500; // the first listing goes later (half a poll period, or after the store came back)
    expect((await adapter.pollOrders())?.map((o) => o.id)).toEqual(['vendure:EARLY']);
    // A cursor already stored (a restart) is where the next adapter carries on.
    const later = createVendureAdapter({ client, binding, memo, now: () => now + 60_000 });
    expect((await later.pollOrders())?.map((o) => o.id)).toEqual(['vendure:EARLY']);
  });

  it('never moves past now on a store’s word: an order dated years ahead (or undated garbage) does not hide the orders paid after it', async () => {
    let now = Date.parse('2026-12-07T10:00:00Z');
    const placed: { code: string; at: string }[] = [{ code: 'FUTURE', at: '2099-01-01T00:00:00Z' }];
    // A store that answers every order it holds after the cursor (and an undated one always).
    const client = orderListing((since) => placed.filter((o) => !(Date.parse(o.at) <= since)).map((o) => paidOrder(o.code, o.at)));
    const adapter = createVendureAdapter({ client, binding, memo: createMemoryMemo(), now: () => now });
    // Counted when it was listed, not in 2099 (the KPI windows and the cap read `at`).
    expect((await adapter.pollOrders())?.map((o) => [o.id, o.at])).toEqual([['vendure:FUTURE', now]]);
    now += 5000;
    placed.push({ code: 'REAL', at: new Date(now - 1000).toISOString() }, { code: 'GARBAGE', at: 'not a date' });
    const next = await adapter.pollOrders();
    expect(next?.map((o) => o.id)).toContain('vendure:REAL');
    expect(next?.find((o) => o.id === 'vendure:GARBAGE')?.at).toBe(now);
  });

  it('reads each listed order as untrusted: one without lines does not stop the listing, and a total that is no number is no revenue figure (not NaN)', async () => {
    let now = Date.parse('2026-12-07T10:00:00Z');
    const line = { quantity: 1, productVariant: { id: '7', sku: 'SKU-7' } };
    let answer: unknown[] = [
      { code: 'NOLINES', orderPlacedAt: new Date(now - 500).toISOString(), totalWithTax: 3900, currencyCode: 'USD', lines: null },
      { code: 'ODD', orderPlacedAt: new Date(now - 400).toISOString(), totalWithTax: '39.00', currencyCode: 'USD', lines: [line] },
    ];
    const client: VendureClient = {
      forget() {},
      async gql<T>(): Promise<T> {
        return { orders: { items: answer } } as T;
      },
    };
    const adapter = createVendureAdapter({ client, binding, memo: createMemoryMemo(), now: () => now });
    const first = await adapter.pollOrders();
    expect(first?.map((o) => [o.id, o.amount])).toEqual([['vendure:ODD', null]]);
    now += 5000;
    answer = [{ code: 'REAL', orderPlacedAt: new Date(now - 100).toISOString(), totalWithTax: 3900, currencyCode: 'USD', lines: [line] }];
    expect((await adapter.pollOrders())?.map((o) => [o.id, o.amount])).toEqual([['vendure:REAL', 39]]);
  });
});
