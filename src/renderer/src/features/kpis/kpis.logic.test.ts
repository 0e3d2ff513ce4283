import { describe, expect, it } from 'vitest';
import type { KpiState } from '../../../../shared/contract/index';
import { formatDuration, kpiTiles } from './kpis.logic';
import { chartPlan, chartSummary, minuteWords, type KpiTarget } from './kpi-chart.logic';
import { plotData, rollingRate } from './kpi-plot.logic';

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

describe('KPI chart plan and words', () => {
  const target = (t: Partial<KpiTarget> & Pick<KpiTarget, 'id' | 'kpi'>): KpiTarget => ({ window: '5m', minDenominator: 20, owner: 'commerce', cooldownSeconds: 300, ...t });
  it('draws cart→checkout over 5 min, each watched total KPI over its window, and a line per bound', () => {
    const plan = chartPlan([
      target({ id: 'c2c', kpi: 'cartToCheckout', below: 0.3 }),
      target({ id: 'v2c', kpi: 'viewToCart', window: '15m', below: 0.02, above: 0.5 }),
      target({ id: 'aov', kpi: 'aov', below: 25 }),
      target({ id: 'glow', kpi: 'cartToCheckout', offerId: 'glow', below: 0.2 }),
    ]);
    expect(plan.rates.map((r) => r.label)).toEqual(['cart→checkout (5 min)', 'view→cart (15 min)']);
    expect(plan.thresholds.map((t) => [t.id, t.bound, t.label])).toEqual([
      ['c2c-below', 0.3, 'cart→checkout < 30.0 % (5m) · @commerce'],
      ['v2c-below', 0.02, 'view→cart < 2.0 % (15m) · @commerce'],
      ['v2c-above', 0.5, 'view→cart > 50.0 % (15m) · @commerce'],
    ]);
    expect(plan.notDrawn).toEqual(['AOV < 25.00 over 5m · @commerce', 'cart→checkout (glow) < 20.0 % over 5m · @commerce']);
  });
  it('says a minute with its denominators and the markers in it', () => {
    const s = [0, 1, 2].map((m) => ({ at: m * 60_000, counts: { views: 100, addToCart: 10, checkouts: 4 + m, orders: 2, revenue: 78, paymentErrors: 0, refunds: 0 } }));
    const d = plotData(s, 0);
    const plan = chartPlan([]);
    const rates = plan.rates.map((line) => ({ line, series: rollingRate(d, line.kpi, line.window) }));
    const w = minuteWords(d, 2, rates, [{ t: 2.5, label: 'glow paused', kind: 'pause' }, { t: 3, label: 'later', kind: 'segment' }]);
    expect(w.title).toBe('from +0:02:00 (minute 3 of the show)');
    expect(w.lines).toEqual(['2 orders · 10 carts · 6 checkouts · 100 views', 'cart→checkout (5 min): 50.0 % (15 / 30)', '⏸ glow paused']);
    expect(chartSummary(d, rates)).toContain('Last minute: 2 orders, 10 carts; cart→checkout (5 min) 50.0 %');
    expect(chartSummary(plotData([], 0), rates)).toMatch(/no commerce events/);
  });
});
