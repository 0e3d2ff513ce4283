// The preflight's test-order check against the real test Vendure store: a Shop API checkout with
// the offer's coupon, seen by the Admin API, refunded and cancelled (no revenue), its evidence in
// the check and the GO record; a paused offer and a store that is down are answers, not crashes.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVendureStore, type VendureStore } from '../../peers/vendure-store';
import { OFFER, startVendureStation, writeVendureShow, type VendureStation } from '../../peers/vendure-station';
import type { GoRecord, PreflightCheck, TestOrderResult } from '../../../src/shared/contract/index';
import { until } from '../../support/until';

describe('preflight test order against a real Vendure store', () => {
  let dir: string;
  let store: VendureStore;
  let baton: VendureStation;
  const check = (): PreflightCheck => baton.station.core.snapshot().state.preflight.checks.find((c) => c.id === 'test-order')!;
  const evidence = (): TestOrderResult[] => baton.station.core.snapshot().state.showday.probes['store.testOrder']?.testOrders ?? [];
  const adminOrder = (code: string) =>
    store.adminGraphql<{ orders: { items: { state: string; totalWithTax: number; payments: { state: string; refunds: { state: string; total: number }[] }[] }[] } }>(
      'query($c: String!) { orders(options: { filter: { code: { eq: $c } } }) { items { state totalWithTax payments { state refunds { state total } } } } }',
      { c: code },
    );

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'baton-testorder-it-'));
    store = await startVendureStore({ workDir: join(dir, 'vendure') });
    const file = writeVendureShow(join(dir, 'show'), store);
    const show = JSON.parse(readFileSync(file, 'utf8')) as { offers: { store: Record<string, unknown> }[]; checklist: unknown[] };
    show.offers[0]!.store.testOrder = { paymentMethod: store.seed.paymentMethodCode };
    show.checklist = [{ id: 'test-order', label: 'Test order cleared to payment', kind: 'auto', check: 'store.testOrder' }];
    writeFileSync(file, JSON.stringify(show));
    baton = await startVendureStation({ dataDir: join(dir, 'station'), showFile: file, store });
    await until(() => baton.station.core.snapshot().state.offers.items[0]?.state === 'live', 15_000, 'the first read-back');
  }, 120_000);

  afterAll(async () => {
    await baton?.close();
    await store?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('is pending until the checks run, then passes with the order code, amount and times', async () => {
    expect(check().status).toBe('pending');
    const t0 = Date.now();
    const r = await baton.post('preflight.run', {});
    expect(r.status).toBe(200);
    await until(() => check().status !== 'pending', 5_000, 'the check to settle');
    const [order] = evidence();
    expect(check(), JSON.stringify(order)).toMatchObject({ status: 'pass' });
    expect(order).toMatchObject({ ok: true, store: 'vendure', step: 'done', cancelled: true, currency: 'USD' });
    expect(order!.orderCode).toMatch(/^[A-Z0-9]+$/);
    expect(order!.amount).toBeGreaterThan(0);
    for (const at of [order!.placedAt, order!.confirmedAt, order!.refundedAt, order!.cancelledAt]) expect(at).toBeGreaterThanOrEqual(t0);
    expect(check().detail).toContain(`order ${order!.orderCode}`);

    // What Vendure itself says: cancelled, its payment refunded in full.
    const seen = (await adminOrder(order!.orderCode!)).orders.items[0]!;
    expect(seen.state).toBe('Cancelled');
    const refunds = seen.payments.flatMap((p) => p.refunds);
    expect(refunds.map((x) => x.state)).toEqual(['Settled']);
    expect(refunds[0]!.total).toBe(Math.round(order!.amount! * 100));
  });

  it('is no revenue: the order polls never count it', async () => {
    await baton.post('offer.refresh', { offerId: OFFER });
    await new Promise((r) => setTimeout(r, 1500));
    await baton.post('offer.refresh', { offerId: OFFER });
    expect(baton.station.core.snapshot().state.kpis.orders).toBe(0);
    expect(baton.station.core.snapshot().state.offers.items[0]!.orders).toBe(0);
  });

  it('goes into the GO record with its evidence', async () => {
    const r = await baton.post<{ go: GoRecord }>('show.go', {});
    expect(r.body.ok, JSON.stringify(r.body)).toBe(true);
    const row = r.body.result!.go.checks.find((c) => c.id === 'test-order')!;
    expect(row.status).toBe('pass');
    expect(row.detail).toContain(evidence()[0]!.orderCode!);
    expect(r.body.result!.go.testOrders).toEqual(evidence());
    await baton.post('show.end', {});
  });

  it('fails with the store’s reason when the coupon is off (offer paused)', async () => {
    expect((await baton.post('offer.pause', { offerId: OFFER, reason: 'test order must fail' })).status).toBe(200);
    await baton.post('preflight.run', {});
    await until(() => evidence()[0]?.ok === false, 10_000, 'a failed test order');
    expect(check().status).toBe('fail');
    expect(evidence()[0]!.cancelled).toBe(false);
    // The paused bundle is held out of stock: the very first step is refused, with Vendure's words.
    expect(check().detail).toMatch(/add to cart|coupon/);
    expect(check().detail.toLowerCase()).toMatch(/stock|coupon/);
    await baton.post('offer.resume', { offerId: OFFER });
  });

  it('fails with the reason when the store is down, and the station keeps answering', async () => {
    await store.stop();
    const r = await baton.post('preflight.run', {});
    expect(r.status).toBe(200);
    await until(() => check().status === 'fail' && /reach|refused|ECONN|fetch/i.test(check().detail), 15_000, 'the store-down answer');
    expect(check().detail).toContain('vendure');
  });
});
