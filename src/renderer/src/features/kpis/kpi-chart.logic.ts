// The KPI chart's words and choices, pure: which funnel rates are drawn (cart→checkout over 5 min,
// and every total KPI a show-file threshold watches), the threshold lines, the markers (segments,
// offer pauses) on the show clock, and what the tooltip and the screen reader say for a minute.
import type { KpiRatioKey } from './kpi-chart.types';
import type { SegmentMark } from '../../../../shared/contract/index';
import type { Show } from '../../../../shared/show/show.schema';
import { RATE_WINDOW_MIN, clockLabel, clockSeconds, type PlotData, type RateKpi, type RateSeries } from './kpi-plot.logic';

export type KpiTarget = Show['kpiTargets'][number];

export const RATIO_LABEL: Record<KpiRatioKey, string> = { viewToCart: 'view→cart', cartToCheckout: 'cart→checkout', aov: 'AOV', paymentErrorRate: 'payment errors' };

export interface ChartMarker {
  /** Minutes since GO. */
  t: number;
  label: string;
  kind: 'segment' | 'pause' | 'resume';
}

export function markers(segments: readonly SegmentMark[], goAt: number): { t: number; label: string }[] {
  return segments.map((s) => ({ t: Math.round(((s.at - goAt) / 60_000) * 10) / 10, label: s.title }));
}

const WINDOW_MIN: Record<KpiTarget['window'], number> = { '1m': 1, '5m': 5, '15m': 15, show: Infinity };
const windowName = (w: number) => (w === Infinity ? 'show' : `${w} min`);
const pct = (v: number) => `${(v * 100).toFixed(1)} %`;

export interface RateLine {
  kpi: RateKpi;
  window: number;
  label: string;
  color: string;
}
export interface ThresholdLine {
  id: string;
  kpi: RateKpi;
  window: number;
  bound: number;
  side: 'below' | 'above';
  label: string;
  color: string;
}

export const RATE_COLOR: Record<RateKpi, string> = { cartToCheckout: 'var(--warn)', viewToCart: '#c297ff', paymentErrorRate: 'var(--bad)' };

/**
 * The show's total-level thresholds on rate KPIs, as lines on the % axis (an offer's own threshold
 * and the AOV, in money, are judged by the station and listed, not drawn), and the rate lines to
 * draw: cart→checkout over 5 min always, then each watched KPI over its threshold's window.
 */
export function chartPlan(targets: readonly KpiTarget[]): { rates: RateLine[]; thresholds: ThresholdLine[]; notDrawn: string[] } {
  const rates: RateLine[] = [{ kpi: 'cartToCheckout', window: RATE_WINDOW_MIN, label: `cart→checkout (${RATE_WINDOW_MIN} min)`, color: RATE_COLOR.cartToCheckout }];
  const thresholds: ThresholdLine[] = [];
  const notDrawn: string[] = [];
  for (const t of targets) {
    const bounds = [t.below !== undefined ? (['below', t.below] as const) : null, t.above !== undefined ? (['above', t.above] as const) : null].filter((b) => b !== null);
    const words = bounds.map(([side, v]) => `${side === 'below' ? '<' : '>'} ${t.kpi === 'aov' ? v.toFixed(2) : pct(v)}`).join(' or ');
    if (t.kpi === 'aov' || t.offerId !== undefined) {
      notDrawn.push(`${RATIO_LABEL[t.kpi]}${t.offerId ? ` (${t.offerId})` : ''} ${words} over ${t.window} · @${t.owner}`);
      continue;
    }
    const kpi = t.kpi;
    const window = WINDOW_MIN[t.window];
    if (!rates.some((r) => r.kpi === kpi && r.window === window)) rates.push({ kpi, window, label: `${RATIO_LABEL[kpi]} (${windowName(window)})`, color: RATE_COLOR[kpi] });
    for (const [side, bound] of bounds) {
      thresholds.push({ id: `${t.id}-${side}`, kpi, window, bound, side, label: `${RATIO_LABEL[kpi]} ${side === 'below' ? '<' : '>'} ${pct(bound)} (${t.window}) · @${t.owner}`, color: RATE_COLOR[kpi] });
    }
  }
  return { rates, thresholds, notDrawn };
}

/** What one minute of the chart says, for the tooltip and the keyboard reader. */
export function minuteWords(d: PlotData, i: number, rates: readonly { line: RateLine; series: RateSeries }[], marks: readonly ChartMarker[]): { title: string; lines: string[] } {
  const m = d.minutes[i]!;
  const lines = [`${d.orders[i]} orders · ${d.carts[i]} carts · ${d.checkouts[i]} checkouts · ${d.views[i]} views`];
  for (const { line, series } of rates) {
    const v = series.value[i]!;
    lines.push(`${line.label}: ${v === null ? '—' : pct(v)} (${series.num[i]} / ${series.den[i]})`);
  }
  for (const mk of marks) if (mk.t >= m && mk.t < m + 1) lines.push(`${mk.kind === 'segment' ? 'segment' : mk.kind === 'pause' ? '⏸' : '▶'} ${mk.label}`);
  return { title: `from ${clockSeconds(m)} (minute ${d.index[i]! + 1} of the show)`, lines };
}

/** The chart's accessible name: what it draws and where the show is now. */
export function chartSummary(d: PlotData, rates: readonly { line: RateLine; series: RateSeries }[]): string {
  const n = d.minutes.length;
  if (n === 0) return 'KPI chart: no commerce events since GO yet.';
  const i = n - 1;
  const rate = rates.map(({ line, series }) => `${line.label} ${series.value[i] === null ? 'not known yet' : pct(series.value[i]!)}`).join(', ');
  return `KPI chart, orders and carts per minute on the show clock from GO to ${clockLabel(d.minutes[i]!)}. Last minute: ${d.orders[i]} orders, ${d.carts[i]} carts; ${rate}. Arrow keys read each minute.`;
}
