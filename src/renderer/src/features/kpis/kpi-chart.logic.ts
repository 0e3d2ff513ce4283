// Chart rows for the KPI panel: the per-minute series on the show clock (minutes since GO), the
// cumulative funnel rates, and the markers (GO, segments) — pure, so the chart only draws.
import type { KpiRatioKey } from './kpi-chart.types';
import type { MinutePoint, SegmentMark } from '../../../../shared/contract/index';

export interface ChartRow {
  /** Minutes since GO. */
  t: number;
  orders: number;
  carts: number;
  viewToCart: number | null;
  cartToCheckout: number | null;
}

export function chartRows(series: readonly MinutePoint[], goAt: number): ChartRow[] {
  return series.map((p) => ({
    t: Math.round(((p.at - goAt) / 60_000) * 10) / 10,
    orders: p.counts.orders,
    carts: p.counts.addToCart,
    viewToCart: p.counts.views > 0 ? p.counts.addToCart / p.counts.views : null,
    cartToCheckout: p.counts.addToCart > 0 ? p.counts.checkouts / p.counts.addToCart : null,
  }));
}

export function markers(segments: readonly SegmentMark[], goAt: number): { t: number; label: string }[] {
  return segments.map((s) => ({ t: Math.round(((s.at - goAt) / 60_000) * 10) / 10, label: s.title }));
}

export const RATIO_LABEL: Record<KpiRatioKey, string> = { viewToCart: 'view→cart', cartToCheckout: 'cart→checkout', aov: 'AOV', paymentErrorRate: 'payment errors' };

/** Points the chart draws at most: a 3-hour show is drawn in 2-minute steps, a short one per minute. */
export const MAX_CHART_POINTS = 90;

/**
 * The series merged into steps of whole minutes so at most `max` points are drawn: counts are
 * summed, so the funnel rates stay exact; orders and carts are then per-minute averages, so the
 * y axis keeps its unit.
 */
export function decimatedRows(series: readonly MinutePoint[], goAt: number, max = MAX_CHART_POINTS): ChartRow[] {
  if (series.length <= max) return chartRows(series, goAt);
  const k = Math.ceil(series.length / max);
  const out: ChartRow[] = [];
  for (let i = 0; i < series.length; i += k) {
    const group = series.slice(i, i + k);
    const c = { views: 0, addToCart: 0, checkouts: 0, orders: 0 };
    for (const p of group) {
      c.views += p.counts.views;
      c.addToCart += p.counts.addToCart;
      c.checkouts += p.counts.checkouts;
      c.orders += p.counts.orders;
    }
    const n = group.length;
    out.push({
      t: Math.round(((group[0]!.at - goAt) / 60_000) * 10) / 10,
      orders: Math.round((c.orders / n) * 10) / 10,
      carts: Math.round((c.addToCart / n) * 10) / 10,
      viewToCart: c.views > 0 ? c.addToCart / c.views : null,
      cartToCheckout: c.addToCart > 0 ? c.checkouts / c.addToCart : null,
    });
  }
  return out;
}
