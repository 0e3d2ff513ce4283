// Baton's pause button against a real Vendure store on loopback, through the station's HTTP API:
// pause stops new shoppers (coupon and bundle) and open carts; resume lets a shopper check out
// with the coupon; a store killed mid-pause never shows "paused" until it is back and confirms;
// signed payment-error events pause the offer by themselves; the order cap ends the bonus.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVendureStore, type VendureStore } from '../../peers/vendure-store';
import { continueCheckout, openCart, tryCheckout } from '../../peers/vendure-shopper';
import type { OfferPhase, OfferView, ServerMessage } from '../../../src/shared/contract/index';
import { signEvent } from '../../../src/core/offers/hmac';
import {
  EVENTS_KEY,
  OFFER,
  createBonusPromotion,
  promotionEnabled,
  startVendureStation,
  vendureOfferState,
  writeVendureShow,
  type VendureStation,
} from '../../peers/vendure-station';
import { until } from '../../support/until';

describe('offer control against a real Vendure store', () => {
  let dir: string;
  let store: VendureStore;
  let baton: VendureStation;
  let bonusPromotionId: string;
  const offer = (): OfferView => {
    const o = baton.station.core.snapshot().state.offers.items.find((i) => i.id === OFFER);
    if (!o) throw new Error('offer missing');
    return o;
  };
  const shopper = () => ({ shopApiUrl: store.shopApiUrl, variantIdsBySku: store.seed.variantIdsBySku });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'baton-offers-it-'));
    store = await startVendureStore({ workDir: join(dir, 'vendure') });
    bonusPromotionId = await createBonusPromotion(store);
    const showFile = writeVendureShow(join(dir, 'show'), store, { cap: { orders: 3, bonus: 'free travel pouch' }, bonusPromotionId });
    baton = await startVendureStation({ dataDir: join(dir, 'station'), showFile, store });
    await until(() => offer().state === 'live', 15_000, 'the first read-back');
  });

  afterAll(async () => {
    await baton?.close();
    await store?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reads the live offer from Vendure with its stock', () => {
    expect(offer()).toMatchObject({ state: 'live', storeKind: 'vendure', rehearsal: false, storeReachable: true });
    expect(offer().storeLabel).toContain(`Vendure 127.0.0.1:${store.port}`);
    expect(offer().stock?.['BNDL-GLOW-KIT']).toBe(500);
  });

  it('pause: a new shopper can neither apply the coupon nor buy the bundle, and an open cart cannot pay', async () => {
    const open = await openCart({ ...shopper(), sku: 'BNDL-GLOW-KIT', couponCode: 'LIVEGLOW', stopBefore: 'payment' });
    expect(open.result, JSON.stringify(open.result)).toMatchObject({ ok: true, discountApplied: true });

    const r = await baton.post('offer.pause', { offerId: OFFER, reason: 'wrong price on the bundle' });
    expect(r).toEqual({ status: 200, body: { ok: true, result: { state: 'paused' } } });
    expect(offer()).toMatchObject({ state: 'paused', intent: 'paused', pending: false, reason: 'wrong price on the bundle' });
    expect(await vendureOfferState(store)).toEqual({ promotionEnabled: false, held: true });

    const coupon = await tryCheckout({ ...shopper(), sku: 'GLW-SER-30', couponCode: 'LIVEGLOW' });
    expect(coupon, JSON.stringify(coupon)).toMatchObject({ ok: false, stage: 'coupon', errorType: 'CouponCodeInvalidError' });
    const bundle = await tryCheckout({ ...shopper(), sku: 'BNDL-GLOW-KIT' });
    expect(bundle, JSON.stringify(bundle)).toMatchObject({ ok: false, stage: 'addItem', errorType: 'InsufficientStockError' });
    const late = await continueCheckout(open.cart);
    expect(late.ok, JSON.stringify(late)).toBe(false);

    // A second click on a paused offer changes nothing and answers at once.
    const again = await baton.post('offer.pause', { offerId: OFFER, reason: 'again' });
    expect(again.body).toEqual({ ok: true, result: { state: 'paused' } });
  });

  it('resume: a shopper completes a checkout with the coupon', async () => {
    const r = await baton.post('offer.resume', { offerId: OFFER });
    expect(r).toEqual({ status: 200, body: { ok: true, result: { state: 'live' } } });
    expect(await vendureOfferState(store)).toEqual({ promotionEnabled: true, held: false });
    const paid = await tryCheckout({ ...shopper(), sku: 'BNDL-GLOW-KIT', couponCode: 'LIVEGLOW' });
    expect(paid, JSON.stringify(paid)).toMatchObject({ ok: true, stage: 'done', discountApplied: true, couponCodes: ['LIVEGLOW'] });
  });

  it('store killed mid-pause: pending/error, never paused, completed when the store is back; every attempt audited', async () => {
    const states: OfferPhase[] = [];
    const unsubscribe = baton.station.core.subscribe((m: ServerMessage) => {
      if (m.t !== 'patch' || m.domain !== 'offers') return;
      const s = m.value.items.find((i) => i.id === OFFER)?.state;
      if (s && states[states.length - 1] !== s) states.push(s);
    });
    const firstSeq = baton.station.core.audit.head()?.seq ?? 0;
    const answer = baton.post('offer.pause', { offerId: OFFER, reason: 'fulfilment backlog' });
    await store.kill();
    const r = await answer;
    // The deadline passed without a confirmation: the caller is told, the intent stays.
    expect(r.status).toBe(503);
    expect(r.body.error?.message).toContain('has not confirmed the pause');
    expect(offer()).toMatchObject({ state: 'error', intent: 'paused', pending: true, storeReachable: false });
    expect(offer().lastError).toMatch(/cannot reach|did not answer|connection/);
    expect(baton.station.core.snapshot().state.alerts.items.some((a) => a.key === `offers.pending.${OFFER}` && a.clearedAt === null)).toBe(true);
    expect(states).not.toContain('paused');

    await store.restart();
    await until(() => offer().state === 'paused', 30_000, 'the pause to complete after the restart');
    unsubscribe();
    expect(states[0]).toBe('pausing');
    expect(states.indexOf('paused')).toBe(states.length - 1);
    expect(states.slice(0, -1).every((s) => s === 'pausing' || s === 'error')).toBe(true);
    expect(await vendureOfferState(store)).toEqual({ promotionEnabled: false, held: true });

    const attempts = baton.station.core.audit
      .list({ limit: 200, command: 'offer.pause.attempt' })
      .filter((e) => e.seq > firstSeq)
      .reverse();
    expect(attempts.length).toBeGreaterThanOrEqual(3);
    expect(attempts.slice(0, -1).every((e) => e.outcome.startsWith('failed:'))).toBe(true);
    expect(attempts[attempts.length - 1]).toMatchObject({ outcome: 'confirmed', actor: expect.stringMatching(/Producer \(station automation key\)$/) });
    for (const a of attempts) expect(a.args).toMatchObject({ offerId: OFFER, reason: 'fulfilment backlog' });
    const command = baton.station.core.audit.list({ limit: 200, command: 'offer.pause' }).find((e) => e.seq > firstSeq);
    expect(command).toMatchObject({ outcome: 'failed:unavailable' });

    expect((await baton.post('offer.resume', { offerId: OFFER })).body).toEqual({ ok: true, result: { state: 'live' } });
  });

  it('signed payment-error events pause the offer by itself', async () => {
    const events = [
      ...Array.from({ length: 8 }, (_, i) => ({ id: `pay-ok-${i}`, type: 'payment_ok', code: 'LIVEGLOW' })),
      ...Array.from({ length: 4 }, (_, i) => ({ id: `pay-err-${i}`, type: 'payment_error', code: 'LIVEGLOW', message: 'card processor 502' })),
    ];
    const body = JSON.stringify({ events });
    const ts = String(Math.floor(Date.now() / 1000));
    const res = await fetch(`${baton.url}/api/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-baton-timestamp': ts, 'idempotency-key': 'pay-batch-1', 'x-baton-signature': signEvent(EVENTS_KEY, ts, 'pay-batch-1', body) },
      body,
    });
    expect(res.status).toBe(202);
    await until(() => offer().state === 'paused', 15_000, 'the trigger to pause the offer');
    expect(offer().requestedBy).toBe('system:trigger:pay-errors');
    expect(await vendureOfferState(store)).toEqual({ promotionEnabled: false, held: true });
    const firing = baton.station.core.snapshot().state.offers.firings.find((f) => f.ruleId === 'pay-errors');
    expect(firing?.evidence).toContain('4 failed of 12 payments (33%)');
    const bundle = await tryCheckout({ ...shopper(), sku: 'BNDL-GLOW-KIT', couponCode: 'LIVEGLOW' });
    expect(bundle.ok).toBe(false);
    expect((await baton.post('offer.resume', { offerId: OFFER })).body).toEqual({ ok: true, result: { state: 'live' } });
  });

  it('order cap: real orders counted from Vendure end the bonus promotion in the store', async () => {
    expect(await promotionEnabled(store, bonusPromotionId)).toBe(true);
    // One bundle order was paid in the resume test; two more reach the cap of 3.
    for (let i = 0; i < 2; i++) {
      const paid = await tryCheckout({ ...shopper(), sku: 'BNDL-GLOW-KIT', couponCode: 'LIVEGLOW' });
      expect(paid.ok, JSON.stringify(paid)).toBe(true);
    }
    await until(() => offer().cap?.reached === true, 20_000, 'the order poll to count the cap');
    await until(() => offer().cap?.bonusRemoval === 'removed', 10_000, 'the bonus to be removed');
    expect(offer().orders).toBeGreaterThanOrEqual(3);
    expect(await promotionEnabled(store, bonusPromotionId)).toBe(false);
    const removed = baton.station.core.audit.list({ limit: 50, command: 'offer.bonus.remove' })[0];
    expect(removed).toMatchObject({ outcome: 'confirmed', actor: 'system:offers:cap' });
    expect(baton.station.core.snapshot().state.kpis.orders).toBeGreaterThanOrEqual(3);
  });
});
