import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createKpiWindows, type WindowEvent } from './kpi.windows';

const T0 = Date.UTC(2026, 11, 5, 19, 0, 0);
const s = (sec: number) => T0 + sec * 1000;
const make = () =>
  createKpiWindows({
    startAt: T0,
    currency: 'USD',
    offers: [
      { id: 'A', currency: 'USD' },
      { id: 'B', currency: 'usd' },
    ],
  });
const feed = (w: ReturnType<typeof make>, events: WindowEvent[], now: number) => events.map((e) => w.add(e, now));

describe('KPI windows (hand-computed)', () => {
  // minute 0: 100 views of A · minute 1: 10 carts of A · minute 5: 3 checkouts of A
  // minute 6: order A 40.00, order B 20.00
  const base: WindowEvent[] = [
    { id: 'v', type: 'view', offerId: 'A', at: s(10), count: 100 },
    { id: 'c', type: 'add_to_cart', offerId: 'A', at: s(70), count: 10 },
    { id: 'k', type: 'checkout', offerId: 'A', at: s(301), count: 3 },
    { id: 'o1', type: 'order', offerId: 'A', at: s(360), amount: 40, currency: 'USD' },
    { id: 'o2', type: 'order', offerId: 'B', at: s(390), amount: 20 },
  ];

  it('sums the 1, 5 and 15 minute windows and the whole show, with denominators', () => {
    const w = make();
    expect(feed(w, base, s(419)).every((r) => r.ok)).toBe(true);
    const v = w.view(s(419)); // minute 6
    expect(v.total['1m'].counts).toMatchObject({ orders: 2, revenue: 60, checkouts: 0 });
    expect(v.total['5m'].counts).toMatchObject({ views: 0, addToCart: 0, checkouts: 3, orders: 2 });
    expect(v.total['5m'].cartToCheckout).toEqual({ num: 3, den: 0, value: null });
    expect(v.total['15m'].viewToCart).toEqual({ num: 10, den: 100, value: 0.1 });
    expect(v.total['15m'].cartToCheckout).toEqual({ num: 3, den: 10, value: 0.3 });
    expect(v.total.show.aov).toEqual({ num: 60, den: 2, value: 30 });
    expect(v.offers.A!.show.counts).toMatchObject({ views: 100, orders: 1, revenue: 40 });
    expect(v.offers.B!['1m'].counts).toMatchObject({ orders: 1, revenue: 20 });
    // 16 minutes on, the 15-minute window has let go of everything; the show keeps it.
    const later = w.view(s(22 * 60));
    expect(later.total['15m'].counts.orders).toBe(0);
    expect(later.total.show.counts.orders).toBe(2);
  });

  it('a window is the last 1, 5 or 15 minutes up to now, not the clock minute: a second past the minute the 1m window still counts the last 60 s', () => {
    // The showday e2e once read the serum duo's 1m orders as 0 (44 in the 5m window) right after a
    // minute began: the window held only the clock minute that had just started.
    const w = make();
    const orders = Array.from({ length: 10 }, (_, i): WindowEvent => ({ id: `o${i}`, type: 'order', offerId: 'A', at: s(232 + i * 3), amount: 10 }));
    expect(feed(w, orders, s(261)).every((r) => r.ok)).toBe(true);
    expect(w.view(s(232 + 60)).total['1m'].counts.orders).toBe(9); // the first is exactly 60 s old: out
    expect(w.view(s(300)).total['1m'].counts.orders).toBe(7); // 4:00–5:00: 4:01 … 4:19
    const v = w.view(s(241 + 60)); // 5:01: the orders of 3:52–4:19 are 42–69 s old
    expect(v.total['1m'].counts.orders).toBe(6); // 4:01–5:01 holds those at 4:04 … 4:19
    expect(v.total['5m'].counts.orders).toBe(10);
    expect(w.view(s(232 + 15 * 60 - 1)).total['15m'].counts.orders).toBe(10);
    expect(w.view(s(232 + 15 * 60)).total['15m'].counts.orders).toBe(9);
    expect(v.offers.A!['1m'].counts).toMatchObject({ orders: 6, revenue: 60 });
  });

  it('counts a late event once, in the minute it happened, whatever order events arrive in', () => {
    const w = make();
    feed(w, [...base].reverse(), s(419));
    // Order of A placed at 2:10, arriving at 7:00.
    expect(w.add({ id: 'late', type: 'order', offerId: 'A', at: s(130), amount: 30 }, s(420))).toEqual({ ok: true });
    expect(w.add({ id: 'late', type: 'order', offerId: 'A', at: s(130), amount: 30 }, s(421))).toMatchObject({ ok: false, reason: expect.stringContaining('duplicate') });
    const v = w.view(s(450)); // minute 7: 5m = minutes 3..7
    expect(v.total['5m'].counts.orders).toBe(2);
    expect(v.total['15m'].counts).toMatchObject({ orders: 3, revenue: 90 });
    expect(v.offers.A!.show.aov).toEqual({ num: 70, den: 2, value: 35 });
    expect(w.series('A').find((p) => p.at === T0 + 2 * 60_000)?.counts.orders).toBe(1);
    expect(v).toMatchObject({ accepted: 6, refused: 1 });
  });

  it('refuses, with the reason, unknown offers, negative amounts, future times, other currencies and pre-show events — counting none of them', () => {
    const w = make();
    const now = s(600);
    const results = feed(
      w,
      [
        { type: 'order', offerId: 'Z', at: s(10), amount: 5 },
        { type: 'order', offerId: 'A', at: s(10), amount: -5 },
        { type: 'view', offerId: 'A', at: now + 60_000 },
        { type: 'order', offerId: 'A', at: s(10), amount: 5, currency: 'EUR' },
        { type: 'view', offerId: 'A', at: T0 - 1 },
        { type: 'view', at: s(10) },
        { type: 'view', offerId: 'A', at: s(10), count: 0 },
      ],
      now,
    );
    expect(results.map((r) => (r.ok ? 'ok' : r.reason))).toEqual([
      'unknown offer “Z”',
      'negative amount -5',
      expect.stringContaining('in the future'),
      'currency EUR differs from the offer’s USD',
      'before the show went live',
      expect.stringContaining('no offer named'),
      'count 0 is not a positive whole number',
    ]);
    const v = w.view(now);
    expect(v.total.show.counts).toEqual({ views: 0, addToCart: 0, checkouts: 0, orders: 0, revenue: 0, paymentErrors: 0, refunds: 0 });
    expect(v.refused).toBe(7);
    // An event 3 s ahead of our clock is within the drift allowed.
    expect(w.add({ type: 'view', offerId: 'A', at: now + 3000 }, now)).toEqual({ ok: true });
  });

  it('takes refunds off the revenue and counts payment errors against attempts', () => {
    const w = make();
    feed(
      w,
      [
        { type: 'order', offerId: 'A', at: s(5), amount: 50 },
        { type: 'order', offerId: 'A', at: s(6), amount: 50 },
        { type: 'payment_error', offerId: 'A', at: s(7), count: 2 },
        { type: 'refund', offerId: 'A', at: s(8), amount: 50 },
      ],
      s(30),
    );
    const v = w.view(s(30)).total['1m'];
    expect(v.counts).toMatchObject({ orders: 2, revenue: 50, refunds: 1, paymentErrors: 2 });
    expect(v.paymentErrorRate).toEqual({ num: 2, den: 4, value: 0.5 });
  });

  it('keeps the cost per event flat from 10k to 200k events', () => {
    const timePer = (n: number) => {
      const w = make();
      const t = performance.now();
      for (let i = 0; i < n; i++) w.add({ id: `e${i}`, type: i % 3 ? 'view' : 'add_to_cart', offerId: i % 2 ? 'A' : 'B', at: T0 + i * 5 }, T0 + n * 5);
      return (performance.now() - t) / n;
    };
    timePer(10_000); // warm-up
    const small = timePer(10_000);
    const large = timePer(200_000);
    // Generous bound for a shared CI machine: O(n) per event would be ~100× slower.
    expect(large).toBeLessThan(small * 5 + 0.002);
  });
});

describe('KPI windows with hostile numbers', () => {
  it('answers every time and amount with a refusal or a count, never a throw (a time past year 275,760 broke the reason)', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer(), fc.double(), fc.constantFrom(Number.MAX_SAFE_INTEGER, 8.64e15 + 1, -1, NaN, Infinity)),
        fc.oneof(fc.double(), fc.constantFrom(-0, 1e308, NaN)),
        fc.oneof(fc.integer(), fc.constantFrom(0, -1, 1.5, 2 ** 53)),
        (at, amount, count) => {
          const w = make();
          const r = w.add({ type: 'order', offerId: 'A', at, amount, count }, s(600));
          expect(typeof r.ok).toBe('boolean');
          const v = w.view(s(600));
          expect(Number.isFinite(v.total.show.counts.revenue)).toBe(true);
        },
      ),
      { numRuns: 500, seed: 20261205 },
    );
  });
});

describe('KPI windows: the ids kept for the duplicate check are bounded', () => {
  const bounded = (maxIds: number) => createKpiWindows({ startAt: T0, currency: 'USD', offers: [{ id: 'A', currency: 'USD' }], maxIds });

  it('keeps at most maxIds ids over a long show, and still refuses a duplicate of a recent event', () => {
    const w = bounded(100);
    // 3 hours, 30 signed orders a minute: 5,400 ids seen.
    for (let i = 0; i < 5400; i++) expect(w.add({ id: `o${i}`, type: 'order', offerId: 'A', at: s(i * 2), amount: 1 }, s(i * 2))).toEqual({ ok: true });
    expect(w.keptIds()).toBeLessThanOrEqual(100);
    const now = s(5400 * 2);
    expect(w.add({ id: 'o5399', type: 'order', offerId: 'A', at: s(5399 * 2), amount: 1 }, now)).toMatchObject({ ok: false, reason: expect.stringContaining('duplicate') });
    expect(w.view(now).total.show.counts.orders).toBe(5400);
  });

  it('refuses a late repeat of a forgotten id as too late (never counts it twice); late events without an id still count', () => {
    const w = bounded(100);
    for (let i = 0; i < 600; i++) w.add({ id: `o${i}`, type: 'order', offerId: 'A', at: s(i * 2), amount: 1 }, s(i * 2));
    const now = s(1200);
    expect(w.add({ id: 'o0', type: 'order', offerId: 'A', at: s(0), amount: 1 }, now)).toMatchObject({ ok: false, reason: expect.stringContaining('too late') });
    expect(w.add({ id: 'new-but-old', type: 'order', offerId: 'A', at: s(3), amount: 1 }, now)).toMatchObject({ ok: false, reason: expect.stringContaining('too late') });
    expect(w.add({ type: 'order', offerId: 'A', at: s(3), amount: 1 }, now)).toEqual({ ok: true });
    expect(w.view(now).total.show.counts.orders).toBe(601);
    expect(w.keptIds()).toBeLessThanOrEqual(100);
  });

  it('a flood of ids within one minute stays bounded too', () => {
    const w = bounded(50);
    const results = Array.from({ length: 200 }, (_, i) => w.add({ id: `f${i}`, type: 'view', offerId: 'A', at: s(30) }, s(31)));
    expect(w.keptIds()).toBeLessThanOrEqual(50);
    expect(results.filter((r) => r.ok).length).toBeGreaterThan(0);
    expect(w.view(s(31)).total.show.counts.views).toBe(results.filter((r) => r.ok).length);
  });
});

