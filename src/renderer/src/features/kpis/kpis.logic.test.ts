import { describe, expect, it } from 'vitest';
import type { KpiState } from '../../../../shared/contract/index';
import { formatDuration, kpiTiles } from './kpis.logic';

const empty: KpiState = {
  views: 0, addToCart: 0, checkouts: 0, orders: 0, revenue: 0, currency: 'USD', viewToCart: null, cartToCheckout: null,
  aov: null, timeToFulfilSeconds: null, fulfilled: 0, paymentErrors: 0, rehearsal: false, updatedAt: null,
};

describe('kpi strip', () => {
  it('shows dashes, not zeros, before there is data', () => {
    expect(kpiTiles(empty).map((t) => t.value)).toEqual(['—', '—', '0', '—', '—']);
  });

  it('formats the funnel, money and durations', () => {
    const t = kpiTiles({ ...empty, views: 2000, addToCart: 90, checkouts: 45, viewToCart: 0.045, cartToCheckout: 0.5, orders: 40, revenue: 1560, aov: 39, timeToFulfilSeconds: 93_600, fulfilled: 12 });
    expect(t.map((x) => x.value)).toEqual(['4.5%', '50.0%', '40', '$39.00', '26.0 h']);
    expect(t[0]?.detail).toBe('90 carts / 2,000 views');
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(1800)).toBe('30 min');
    expect(formatDuration(300_000)).toBe('3.5 d');
  });
});
