import { describe, expect, it } from 'vitest';
import type { KpiState } from '../../../../shared/contract/index';
import { formatDuration, kpiTiles } from './kpis.logic';
import { chartRows, decimatedRows } from './kpi-chart.logic';

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

describe('KPI chart decimation', () => {
  const point = (m: number, views: number, carts: number, checkouts: number, orders: number) => ({
    at: m * 60_000,
    counts: { views, addToCart: carts, checkouts, orders, revenue: orders * 39, paymentErrors: 0, refunds: 0 },
  });
  it('draws a short show per minute and a long one in whole-minute steps with exact rates', () => {
    const short = Array.from({ length: 90 }, (_, m) => point(m, 10, 2, 1, 1));
    expect(decimatedRows(short, 0)).toEqual(chartRows(short, 0));
    // 180 minutes → 2-minute steps: 90 points; step 0 = minutes 0 and 1.
    const long = Array.from({ length: 180 }, (_, m) => (m < 2 ? point(m, m === 0 ? 100 : 300, m === 0 ? 10 : 30, m === 0 ? 5 : 5, m === 0 ? 2 : 4) : point(m, 10, 2, 1, 1)));
    const rows = decimatedRows(long, 0);
    expect(rows).toHaveLength(90);
    expect(rows[0]).toEqual({ t: 0, orders: 3, carts: 20, viewToCart: 40 / 400, cartToCheckout: 10 / 40 });
    expect(rows[89]!.t).toBe(178);
  });
});
