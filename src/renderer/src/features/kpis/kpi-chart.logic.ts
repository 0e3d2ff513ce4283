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
