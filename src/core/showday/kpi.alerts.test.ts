import { describe, expect, it } from 'vitest';
import { createKpiWindows } from './kpi.windows';
import { createKpiAlerts, type KpiTarget } from './kpi.alerts';

const T0 = Date.UTC(2026, 11, 5, 19);
const target: KpiTarget = { id: 'c2c', kpi: 'cartToCheckout', window: '5m', below: 0.3, minDenominator: 10, owner: 'sam', cooldownSeconds: 300 };

describe('KPI thresholds', () => {
  it('alerts the owner when cart→checkout falls below 30 % over 5 min, clears when back, and keeps quiet within the cool-down', () => {
    const raised: string[] = [];
    const cleared: string[] = [];
    let mono = 0;
    const a = createKpiAlerts({ alerts: { raise: (x) => raised.push(x.message), clear: (k) => cleared.push(k) }, targets: () => [target], monotonic: () => mono });
    const w = createKpiWindows({ startAt: T0, currency: 'USD', offers: [{ id: 'A', currency: 'USD' }] });
    w.add({ type: 'add_to_cart', offerId: 'A', at: T0 + 1000, count: 9 }, T0 + 2000);
    mono = T0 + 2000;
    a.evaluate(w.view(T0 + 2000));
    expect(raised).toEqual([]); // 9 carts: below the minimum denominator, not judged
    w.add({ type: 'add_to_cart', offerId: 'A', at: T0 + 3000, count: 11 }, T0 + 4000);
    w.add({ type: 'checkout', offerId: 'A', at: T0 + 3000, count: 4 }, T0 + 4000);
    mono = T0 + 4000;
    a.evaluate(w.view(T0 + 4000));
    expect(raised).toEqual(['@sam: cart→checkout is 20.0 % over 5m (4 / 20), below 30.0 %']);
    w.add({ type: 'checkout', offerId: 'A', at: T0 + 5000, count: 4 }, T0 + 6000);
    mono = T0 + 6000;
    a.evaluate(w.view(T0 + 6000));
    expect(cleared).toEqual(['kpi:c2c']);
    w.add({ type: 'add_to_cart', offerId: 'A', at: T0 + 7000, count: 30 }, T0 + 8000);
    mono = T0 + 8000;
    a.evaluate(w.view(T0 + 8000));
    expect(raised).toHaveLength(1); // crossed again within the cool-down: no new alert
    mono = T0 + 301_000 + 4000;
    a.evaluate(w.view(T0 + 60_000));
    expect(raised).toHaveLength(2);
  });

  it('times the cool-down on the monotonic clock: a wall clock stepped back an hour neither holds a new alert off for that hour nor, stepped forward, lets one through at once', () => {
    let mono = 0;
    const raised: string[] = [];
    const a = createKpiAlerts({ alerts: { raise: (x) => raised.push(x.message), clear: () => undefined }, targets: () => [target], monotonic: () => mono });
    // Two fixed views: cart→checkout at 0 % (crossed) and at 100 % (fine).
    const lowW = createKpiWindows({ startAt: T0, currency: 'USD', offers: [{ id: 'A', currency: 'USD' }] });
    lowW.add({ type: 'add_to_cart', offerId: 'A', at: T0 + 1000, count: 20 }, T0 + 1000);
    const fineW = createKpiWindows({ startAt: T0, currency: 'USD', offers: [{ id: 'A', currency: 'USD' }] });
    fineW.add({ type: 'add_to_cart', offerId: 'A', at: T0 + 1000, count: 20 }, T0 + 1000);
    fineW.add({ type: 'checkout', offerId: 'A', at: T0 + 1000, count: 20 }, T0 + 1000);
    const low = lowW.view(T0 + 2000);
    const fine = fineW.view(T0 + 2000);
    a.evaluate(low);
    expect(raised).toHaveLength(1);
    a.evaluate(fine);
    // The wall clock jumps an hour ahead, ten seconds later: still inside the five-minute cool-down.
    mono += 10_000;
    a.evaluate(low);
    expect(raised).toHaveLength(1);
    a.evaluate(fine);
    // Six minutes later, with the wall clock stepped back an hour: the cool-down is over.
    mono += 360_000;
    a.evaluate(low);
    expect(raised).toHaveLength(2);
  });

  it('addresses each alert to the KPI’s owner role: commerce for cart→checkout, social ops for view→cart', () => {
    const raised: { key: string; audience?: readonly string[] }[] = [];
    const v2c: KpiTarget = { ...target, id: 'v2c', kpi: 'viewToCart', below: 0.5 };
    const a = createKpiAlerts({ alerts: { raise: (x) => raised.push(x), clear: () => undefined }, targets: () => [target, v2c], monotonic: () => 0 });
    const w = createKpiWindows({ startAt: T0, currency: 'USD', offers: [{ id: 'A', currency: 'USD' }] });
    w.add({ type: 'view', offerId: 'A', at: T0 + 1000, count: 100 }, T0 + 2000);
    w.add({ type: 'add_to_cart', offerId: 'A', at: T0 + 1000, count: 20 }, T0 + 2000);
    w.add({ type: 'checkout', offerId: 'A', at: T0 + 1000, count: 2 }, T0 + 2000);
    a.evaluate(w.view(T0 + 2000));
    expect(raised.map((r) => [r.key, r.audience])).toEqual([
      ['kpi:c2c', ['commerce']],
      ['kpi:v2c', ['moderator']],
    ]);
  });
});
