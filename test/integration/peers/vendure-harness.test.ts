// The Vendure test store itself: start, seed, a shopper checkout with the live coupon, the offer
// pause done with raw Admin GraphQL (promotion disabled + stock threshold on the bundle), what
// shoppers see while paused, resume, crash + restart, and the pause latency.
//
//   npx vitest run --project integration test/integration/peers/vendure-harness.test.ts
//   VENDURE_TOGGLE_RUNS=50 ... to time more pause/resume cycles (default 20)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVendureStore, type VendureStore } from '../../peers/vendure-store.js';
import { continueCheckout, getActiveOrder, openCart, tryCheckout } from '../../peers/vendure-shopper.js';

// ---- the raw Admin GraphQL for the offer pause (what the real adapter will send) -------------

const SET_PROMOTION_ENABLED = /* GraphQL */ `
  mutation SetPromotionEnabled($id: ID!, $enabled: Boolean!) {
    updatePromotion(input: { id: $id, enabled: $enabled }) {
      __typename
      ... on Promotion { id enabled couponCode }
      ... on ErrorResult { errorCode message }
    }
  }`;

const UPDATE_VARIANTS = /* GraphQL */ `
  mutation SetVariantStockPause($input: [UpdateProductVariantInput!]!) {
    updateProductVariants(input: $input) {
      id sku stockOnHand outOfStockThreshold useGlobalOutOfStockThreshold
    }
  }`;

const READ_OFFER_STATE = /* GraphQL */ `
  query OfferState($promotionId: ID!, $variantIds: [String!]!) {
    promotion(id: $promotionId) { id enabled couponCode }
    productVariants(options: { filter: { id: { in: $variantIds } } }) {
      items { id sku enabled stockOnHand outOfStockThreshold useGlobalOutOfStockThreshold }
    }
  }`;

const PAUSE_THRESHOLD = 1_000_000;

interface PromotionResult {
  updatePromotion: { __typename: string; id?: string; enabled?: boolean; errorCode?: string; message?: string };
}
interface VariantState {
  id: string;
  sku: string;
  enabled: boolean;
  stockOnHand: number;
  outOfStockThreshold: number;
  useGlobalOutOfStockThreshold: boolean;
}
interface OfferState {
  promotion: { id: string; enabled: boolean; couponCode: string } | null;
  productVariants: { items: VariantState[] };
}

async function setPromotionEnabled(store: VendureStore, enabled: boolean): Promise<void> {
  const r = await store.adminGraphql<PromotionResult>(SET_PROMOTION_ENABLED, { id: store.seed.promotionId, enabled });
  if (r.updatePromotion.__typename !== 'Promotion') throw new Error(`updatePromotion: ${JSON.stringify(r)}`);
}

async function setBundleStockPause(store: VendureStore, paused: boolean): Promise<void> {
  const id = store.seed.variantIdsBySku[store.seed.bundleSku];
  const input = paused
    ? [{ id, useGlobalOutOfStockThreshold: false, outOfStockThreshold: PAUSE_THRESHOLD }]
    : [{ id, useGlobalOutOfStockThreshold: true }];
  await store.adminGraphql(UPDATE_VARIANTS, { input });
}

async function readOfferState(store: VendureStore): Promise<{ promotionEnabled: boolean; bundle: VariantState }> {
  const bundleId = store.seed.variantIdsBySku[store.seed.bundleSku];
  const s = await store.adminGraphql<OfferState>(READ_OFFER_STATE, {
    promotionId: store.seed.promotionId,
    variantIds: [bundleId],
  });
  const bundle = s.productVariants.items[0];
  if (!s.promotion || !bundle) throw new Error(`read-back incomplete: ${JSON.stringify(s)}`);
  return { promotionEnabled: s.promotion.enabled, bundle };
}

/** Pause or resume the whole offer: mutations one by one, then one read-back. */
async function toggleOffer(store: VendureStore, paused: boolean): Promise<{ promotionEnabled: boolean; bundle: VariantState }> {
  await setPromotionEnabled(store, !paused);
  await setBundleStockPause(store, paused);
  return readOfferState(store);
}

function isPaused(s: { promotionEnabled: boolean; bundle: VariantState }): boolean {
  return !s.promotionEnabled && !s.bundle.useGlobalOutOfStockThreshold && s.bundle.outOfStockThreshold >= PAUSE_THRESHOLD;
}

function isLive(s: { promotionEnabled: boolean; bundle: VariantState }): boolean {
  return s.promotionEnabled && s.bundle.useGlobalOutOfStockThreshold;
}

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
};
const fmt = (ms: number): string => `${ms.toFixed(1)} ms`;

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('Vendure test store harness', () => {
  let workDir: string;
  let store: VendureStore;
  const pids: number[] = [];

  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'baton-vendure-'));
    const t0 = performance.now();
    store = await startVendureStore({ workDir });
    if (store.pid) pids.push(store.pid);
    console.log(
      `[vendure] install check ${fmt(store.timings.installMs)}, start to /health ${fmt(store.timings.startMs)}, ` +
        `seed ${fmt(store.timings.seedMs)}, total ${fmt(performance.now() - t0)} (port ${store.port}, log ${store.logFile})`,
    );
  });

  afterAll(async () => {
    await store?.stop();
    expect(store?.pid).toBeUndefined();
    for (const pid of pids) expect(pidAlive(pid), `pid ${pid} still alive`).toBe(false);
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('is seeded with the live-shopping catalog and the LIVEGLOW promotion', () => {
    expect(store.seed.couponCode).toBe('LIVEGLOW');
    expect(store.seed.bundleSku).toBe('BNDL-GLOW-KIT');
    expect(store.seed.promotionId).toMatch(/^\d+$/);
    expect(Object.keys(store.seed.variantIdsBySku).sort()).toEqual(
      ['BNDL-GLOW-KIT', 'GLW-SER-30', 'GLW-SER-50', 'LIP-TINT-BERRY', 'LIP-TINT-NUDE', 'LIP-TINT-RED'].sort(),
    );
  });

  it('a fresh shopper buys the Glow Kit with LIVEGLOW and gets the discount', async () => {
    const r = await tryCheckout({ shopApiUrl: store.shopApiUrl, sku: 'BNDL-GLOW-KIT', couponCode: 'LIVEGLOW' });
    expect(r, JSON.stringify(r)).toMatchObject({ ok: true, stage: 'done', discountApplied: true, orderState: 'PaymentSettled' });
    // 39.00 kit, 20% off = -7.80, + 5.00 shipping, 0% tax
    expect(r.discountTotal).toBe(-780);
    expect(r.total).toBe(3900 - 780 + 500);
    expect(r.orderCode).toBeTruthy();
  });

  it('pause: coupon invalid and bundle unbuyable for new shoppers, open carts cannot pay; resume restores', async () => {
    const opts = { shopApiUrl: store.shopApiUrl, sku: 'BNDL-GLOW-KIT', couponCode: 'LIVEGLOW', variantIdsBySku: store.seed.variantIdsBySku };
    // Carts opened during the live offer.
    const beforeTransition = await openCart({ ...opts, stopBefore: 'transition' });
    const beforePayment = await openCart({ ...opts, stopBefore: 'payment' });
    expect(beforeTransition.result).toMatchObject({ ok: true, stage: 'transition', discountApplied: true });
    expect(beforePayment.result).toMatchObject({ ok: true, stage: 'payment', orderState: 'ArrangingPayment' });

    const paused = await toggleOffer(store, true);
    expect(isPaused(paused), JSON.stringify(paused)).toBe(true);

    const coupon = await tryCheckout({ shopApiUrl: store.shopApiUrl, sku: 'GLW-SER-30', couponCode: 'LIVEGLOW' });
    expect(coupon).toMatchObject({ ok: false, stage: 'coupon', errorType: 'CouponCodeInvalidError' });

    const bundle = await tryCheckout({ shopApiUrl: store.shopApiUrl, sku: 'BNDL-GLOW-KIT' });
    expect(bundle).toMatchObject({ ok: false, stage: 'addItem', errorType: 'InsufficientStockError' });

    const late1 = await continueCheckout(beforeTransition.cart);
    expect(late1.ok, JSON.stringify(late1)).toBe(false);
    expect(['transition', 'payment']).toContain(late1.stage);
    const late2 = await continueCheckout(beforePayment.cart);
    expect(late2.ok, JSON.stringify(late2)).toBe(false);
    expect(late2.stage).toBe('payment');
    console.log(`[vendure] open carts after pause: ${late1.stage}/${late1.errorType}, ${late2.stage}/${late2.errorType}`);
    const order = await getActiveOrder(beforePayment.cart);
    expect(order?.state).not.toBe('PaymentSettled');

    const live = await toggleOffer(store, false);
    expect(isLive(live), JSON.stringify(live)).toBe(true);
    const again = await tryCheckout({ shopApiUrl: store.shopApiUrl, sku: 'BNDL-GLOW-KIT', couponCode: 'LIVEGLOW' });
    expect(again, JSON.stringify(again)).toMatchObject({ ok: true, stage: 'done', discountApplied: true });
  });

  it('survives a crash: kill() then restart() keeps the data and the paused state', async () => {
    const paid = await tryCheckout({ shopApiUrl: store.shopApiUrl, sku: 'LIP-TINT-NUDE', quantity: 2 });
    expect(paid.ok).toBe(true);
    expect(isPaused(await toggleOffer(store, true))).toBe(true);

    const oldPid = store.pid;
    expect(oldPid).toBeTypeOf('number');
    await store.kill();
    expect(store.pid).toBeUndefined();
    expect(pidAlive(oldPid ?? -1)).toBe(false);
    await expect(fetch(`${store.baseUrl}/health`)).rejects.toThrow();

    const t0 = performance.now();
    await store.restart();
    const restartMs = performance.now() - t0;
    if (store.pid) pids.push(store.pid);
    expect(store.pid).not.toBe(oldPid);
    console.log(`[vendure] restart after SIGKILL to /health ${fmt(restartMs)}`);

    expect(isPaused(await readOfferState(store))).toBe(true);
    const orders = await store.adminGraphql<{ orders: { items: { code: string; state: string }[] } }>(
      `query($code: String!) { orders(options: { filter: { code: { eq: $code } } }) { items { code state } } }`,
      { code: paid.orderCode },
    );
    expect(orders.orders.items[0]).toEqual({ code: paid.orderCode, state: 'PaymentSettled' });
    const blocked = await tryCheckout({ shopApiUrl: store.shopApiUrl, sku: 'BNDL-GLOW-KIT', couponCode: 'LIVEGLOW' });
    expect(blocked.ok).toBe(false);

    expect(isLive(await toggleOffer(store, false))).toBe(true);
    const ok = await tryCheckout({ shopApiUrl: store.shopApiUrl, sku: 'BNDL-GLOW-KIT', couponCode: 'LIVEGLOW' });
    expect(ok).toMatchObject({ ok: true, discountApplied: true });
  });

  it('times the pause/resume round trip (mutations + read-back)', async () => {
    const runs = Number(process.env.VENDURE_TOGGLE_RUNS ?? 20);
    const total: number[] = [];
    const promo: number[] = [];
    const variants: number[] = [];
    const read: number[] = [];
    await readOfferState(store); // warm-up (login, resolvers)
    for (let i = 0; i < runs; i++) {
      const paused = i % 2 === 0;
      const t0 = performance.now();
      await setPromotionEnabled(store, !paused);
      const t1 = performance.now();
      await setBundleStockPause(store, paused);
      const t2 = performance.now();
      const state = await readOfferState(store);
      const t3 = performance.now();
      expect(paused ? isPaused(state) : isLive(state)).toBe(true);
      promo.push(t1 - t0);
      variants.push(t2 - t1);
      read.push(t3 - t2);
      total.push(t3 - t0);
    }
    if (runs % 2 === 1) await toggleOffer(store, false);
    const line = (name: string, xs: number[]): string => `${name} median ${fmt(pct(xs, 50))} p99 ${fmt(pct(xs, 99))}`;
    console.log(
      `[vendure] toggle x${runs}: ${line('total', total)}; ${line('updatePromotion', promo)}; ` +
        `${line('updateProductVariants', variants)}; ${line('read-back', read)}`,
    );
    expect(pct(total, 50)).toBeLessThan(1000);
  });
});
