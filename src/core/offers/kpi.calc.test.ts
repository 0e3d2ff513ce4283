import { describe, expect, it } from 'vitest';
import { createKpiCalc } from './kpi.calc';
import type { StoredEvent } from './offers.repo';

const e = (type: StoredEvent['type'], extra: Partial<StoredEvent> = {}): StoredEvent => ({
  key: null,
  type,
  offerId: null,
  sku: null,
  count: 1,
  amount: null,
  currency: null,
  stock: null,
  latencySeconds: null,
  at: 0,
  receivedAt: 0,
  source: 'webhook',
  ...extra,
});

describe('kpis', () => {
  it('has no ratios before there is a denominator', () => {
    const k = createKpiCalc();
    expect(k.state()).toMatchObject({ viewToCart: null, cartToCheckout: null, aov: null, timeToFulfilSeconds: null, updatedAt: null });
  });

  it('computes the funnel, AOV and the median time to fulfil', () => {
    const k = createKpiCalc();
    k.reset({ byType: {}, ordersByOffer: {}, latencies: [], rehearsal: false, currency: null }, 'USD', 1);
    k.add(
      [
        e('view', { count: 200 }),
        e('add_to_cart', { count: 10 }),
        e('checkout', { count: 4 }),
        e('order', { amount: 39, currency: 'USD' }),
        e('order', { amount: 78, currency: 'USD' }),
        e('order', { amount: 50, currency: 'EUR' }),
        e('fulfilled', { latencySeconds: 100 }),
        e('fulfilled', { latencySeconds: 300 }),
        e('fulfilled', { latencySeconds: 200 }),
        e('payment_error'),
      ],
      5,
    );
    expect(k.state()).toEqual({
      views: 200,
      addToCart: 10,
      checkouts: 4,
      orders: 3,
      revenue: 117,
      currency: 'USD',
      viewToCart: 0.05,
      cartToCheckout: 0.4,
      aov: 39,
      timeToFulfilSeconds: 200,
      fulfilled: 3,
      paymentErrors: 1,
      rehearsal: false,
      updatedAt: 5,
    });
    k.add([e('view', { source: 'sandbox' })], 6);
    expect(k.state().rehearsal).toBe(true);
  });

  it('starts again from stored totals', () => {
    const k = createKpiCalc();
    k.reset(
      { byType: { view: { count: 100, amount: 0 }, order: { count: 2, amount: 80 } }, ordersByOffer: {}, latencies: [60], rehearsal: true, currency: 'EUR' },
      'USD',
      9,
    );
    expect(k.state()).toMatchObject({ views: 100, orders: 2, revenue: 80, aov: 40, currency: 'EUR', timeToFulfilSeconds: 60, rehearsal: true });
  });
});
