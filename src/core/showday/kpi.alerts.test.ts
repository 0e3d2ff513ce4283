import { describe, expect, it } from 'vitest';
import { createKpiWindows } from './kpi.windows';
import { createKpiAlerts, type KpiTarget } from './kpi.alerts';

const T0 = Date.UTC(2026, 11, 5, 19);
const target: KpiTarget = { id: 'c2c', kpi: 'cartToCheckout', window: '5m', below: 0.3, minDenominator: 10, owner: 'sam', cooldownSeconds: 300 };

describe('KPI thresholds', () => {
  it('alerts the owner when cart→checkout falls below 30 % over 5 min, clears when back, and keeps quiet within the cool-down', () => {
    const raised: string[] = [];
    const cleared: string[] = [];
    const a = createKpiAlerts({ alerts: { raise: (x) => raised.push(x.message), clear: (k) => cleared.push(k) }, targets: () => [target] });
    const w = createKpiWindows({ startAt: T0, currency: 'USD', offers: [{ id: 'A', currency: 'USD' }] });
    w.add({ type: 'add_to_cart', offerId: 'A', at: T0 + 1000, count: 9 }, T0 + 2000);
    a.evaluate(w.view(T0 + 2000), T0 + 2000);
    expect(raised).toEqual([]); // 9 carts: below the minimum denominator, not judged
    w.add({ type: 'add_to_cart', offerId: 'A', at: T0 + 3000, count: 11 }, T0 + 4000);
    w.add({ type: 'checkout', offerId: 'A', at: T0 + 3000, count: 4 }, T0 + 4000);
    a.evaluate(w.view(T0 + 4000), T0 + 4000);
    expect(raised).toEqual(['@sam: cart→checkout is 20.0 % over 5m (4 / 20), below 30.0 %']);
    w.add({ type: 'checkout', offerId: 'A', at: T0 + 5000, count: 4 }, T0 + 6000);
    a.evaluate(w.view(T0 + 6000), T0 + 6000);
    expect(cleared).toEqual(['kpi:c2c']);
    w.add({ type: 'add_to_cart', offerId: 'A', at: T0 + 7000, count: 30 }, T0 + 8000);
    a.evaluate(w.view(T0 + 8000), T0 + 8000);
    expect(raised).toHaveLength(1); // crossed again within the cool-down: no new alert
    a.evaluate(w.view(T0 + 60_000), T0 + 301_000 + 4000);
    expect(raised).toHaveLength(2);
  });

  it('addresses each alert to the KPI’s owner role: commerce for cart→checkout, social ops for view→cart', () => {
    const raised: { key: string; audience?: readonly string[] }[] = [];
    const v2c: KpiTarget = { ...target, id: 'v2c', kpi: 'viewToCart', below: 0.5 };
    const a = createKpiAlerts({ alerts: { raise: (x) => raised.push(x), clear: () => undefined }, targets: () => [target, v2c] });
    const w = createKpiWindows({ startAt: T0, currency: 'USD', offers: [{ id: 'A', currency: 'USD' }] });
    w.add({ type: 'view', offerId: 'A', at: T0 + 1000, count: 100 }, T0 + 2000);
    w.add({ type: 'add_to_cart', offerId: 'A', at: T0 + 1000, count: 20 }, T0 + 2000);
    w.add({ type: 'checkout', offerId: 'A', at: T0 + 1000, count: 2 }, T0 + 2000);
    a.evaluate(w.view(T0 + 2000), T0 + 2000);
    expect(raised.map((r) => [r.key, r.audience])).toEqual([
      ['kpi:c2c', ['commerce']],
      ['kpi:v2c', ['moderator']],
    ]);
  });
});
