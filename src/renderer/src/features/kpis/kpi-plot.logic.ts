// The KPI chart's geometry, pure: per-minute values on the show clock, the frame (scales that only
// change at "nice" steps), min/max-per-pixel-column downsampling and SVG paths rebuilt by chunk.
import type { MinutePoint } from '../../../../shared/contract/index';

/** The window of the funnel rate always drawn: the KPI thresholds' default window. */
export const RATE_WINDOW_MIN = 5;

export interface PlotData {
  /** Where each minute is drawn: minutes from GO to the minute's start (the minute GO fell in starts at GO). */
  minutes: number[];
  /** Whole minutes since the minute GO fell in: the KPI windows' buckets. */
  index: number[];
  orders: number[];
  carts: number[];
  checkouts: number[];
  views: number[];
  paymentErrors: number[];
  /** The largest per-minute count drawn (orders or carts). */
  peak: number;
}

/** The station's per-minute series as arrays on the show clock (minutes since GO). */
export function plotData(series: readonly MinutePoint[], goAt: number): PlotData {
  const n = series.length;
  const d: PlotData = { minutes: new Array<number>(n), index: new Array<number>(n), orders: new Array<number>(n), carts: new Array<number>(n), checkouts: new Array<number>(n), views: new Array<number>(n), paymentErrors: new Array<number>(n), peak: 0 };
  for (let i = 0; i < n; i++) {
    const p = series[i]!;
    d.minutes[i] = Math.max(0, (p.at - goAt) / 60_000);
    d.index[i] = Math.floor(p.at / 60_000) - Math.floor(goAt / 60_000);
    d.orders[i] = p.counts.orders;
    d.carts[i] = p.counts.addToCart;
    d.checkouts[i] = p.counts.checkouts;
    d.views[i] = p.counts.views;
    d.paymentErrors[i] = p.counts.paymentErrors;
    d.peak = Math.max(d.peak, p.counts.orders, p.counts.addToCart);
  }
  return d;
}

export type RateKpi = 'viewToCart' | 'cartToCheckout' | 'paymentErrorRate';
export interface RateSeries {
  kpi: RateKpi;
  /** Minutes in the window; Infinity = since GO. */
  window: number;
  num: number[];
  den: number[];
  /** null while the window's denominator is 0. */
  value: (number | null)[];
}

/**
 * A funnel rate over the `window` minutes ending at each minute, summed from minute buckets like
 * the KPI windows (so at the end of a minute it is the value a threshold is judged on). O(n).
 */
export function rollingRate(d: PlotData, kpi: RateKpi, window: number): RateSeries {
  const n = d.minutes.length;
  const numOf = kpi === 'viewToCart' ? d.carts : kpi === 'cartToCheckout' ? d.checkouts : d.paymentErrors;
  const denOf = (i: number) => (kpi === 'viewToCart' ? d.views[i]! : kpi === 'cartToCheckout' ? d.carts[i]! : d.orders[i]! + d.paymentErrors[i]!);
  const out: RateSeries = { kpi, window, num: new Array<number>(n), den: new Array<number>(n), value: new Array<number | null>(n) };
  // Two pointers over the (possibly gappy) minutes.
  let lo = 0;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += numOf[i]!;
    den += denOf(i);
    while (d.index[lo]! <= d.index[i]! - window) {
      num -= numOf[lo]!;
      den -= denOf(lo);
      lo++;
    }
    out.num[i] = num;
    out.den[i] = den;
    out.value[i] = den > 0 ? num / den : null;
  }
  return out;
}

/** The index of the point nearest to a minute (the tooltip's column); -1 when there is none. */
export function nearestIndex(minutes: readonly number[], minute: number): number {
  if (minutes.length === 0) return -1;
  let lo = 0;
  let hi = minutes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (minutes[mid]! < minute) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0 && minute - minutes[lo - 1]! <= minutes[lo]! - minute) return lo - 1;
  return lo;
}

/** The x axis' end: whole steps so the scale (and every drawn path) changes rarely as the show grows. */
export function spanFor(lastMinute: number): number {
  const m = Math.max(1, lastMinute + 1);
  for (const s of [5, 10, 20, 30, 60]) if (m <= s) return s;
  const step = m <= 240 ? 30 : 60;
  return Math.ceil(m / step) * step;
}

/** The smallest of 1, 2, 5 × 10ⁿ (at least 5) that holds `v`: the count axis' top. */
export function niceCeil(v: number): number {
  if (!(v > 5)) return 5;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const k of [1, 2, 5, 10]) if (k * p >= v) return k * p;
  return 10 * p;
}

export interface PlotFrame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** Minutes the x axis spans from GO. */
  span: number;
  /** The count axis' top. */
  countMax: number;
}

export const PLOT_MARGIN = { left: 40, right: 44, top: 16, bottom: 20 } as const;

export function plotFrame(width: number, height: number, lastMinute: number, peak: number): PlotFrame {
  return { width: Math.max(120, Math.floor(width)), height, ...PLOT_MARGIN, span: spanFor(lastMinute), countMax: niceCeil(peak) };
}

/** A frame's identity: equal keys draw identically, so layers keyed on it can skip re-rendering. */
export const frameKey = (f: PlotFrame) => `${f.width}x${f.height}/${f.span}/${f.countMax}`;

export const xOf = (f: PlotFrame, minute: number) => f.left + (minute / f.span) * (f.width - f.left - f.right);
export const minuteAt = (f: PlotFrame, x: number) => ((x - f.left) / (f.width - f.left - f.right)) * f.span;
export const yCount = (f: PlotFrame, v: number) => f.height - f.bottom - (v / f.countMax) * (f.height - f.top - f.bottom);
export const yRate = (f: PlotFrame, r: number) => f.height - f.bottom - Math.min(1, Math.max(0, r)) * (f.height - f.top - f.bottom);

/** The count axis' ticks: 0 and four more up to the top. */
export function countTicks(max: number): number[] {
  const step = max / 5 >= 1 ? max / 5 : 1;
  const out: number[] = [];
  for (let v = 0; v <= max + 1e-9; v += step) out.push(Math.round(v * 100) / 100);
  return out;
}

/** The time axis' ticks in minutes since GO: about six of them, on round steps. */
export function timeTicks(span: number): number[] {
  const step = [1, 2, 5, 10, 15, 30, 60, 120].find((s) => span / s <= 6) ?? 240;
  const out: number[] = [];
  for (let m = 0; m <= span; m += step) out.push(m);
  return out;
}

/** A minute since GO on the show clock, as the axis and the tooltip say it: `+0:05`, `+1:30`. */
export function clockLabel(minute: number): string {
  const sign = minute < 0 ? '−' : '+';
  const a = Math.abs(Math.round(minute));
  return `${sign}${Math.floor(a / 60)}:${String(a % 60).padStart(2, '0')}`;
}

/** A time on the show clock with seconds, for the tooltip: `+0:02:36`. */
export function clockSeconds(minute: number): string {
  const s = Math.max(0, Math.round(minute * 60));
  return `+${Math.floor(s / 3600)}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/** A vertex of a drawn line, in pixels; y null is a gap. */
export interface Vertex {
  x: number;
  y: number | null;
}

/**
 * At most four vertices per pixel column (first, min, max, last: the M4 rule), so a spike inside
 * a column survives and a long show costs no more to draw than the plot is wide.
 */
export function downsample(xs: readonly number[], ys: readonly (number | null)[]): Vertex[] {
  const out: Vertex[] = [];
  let i = 0;
  while (i < xs.length) {
    const col = Math.round(xs[i]!);
    let j = i;
    while (j + 1 < xs.length && Math.round(xs[j + 1]!) === col) j++;
    if (j === i) out.push({ x: xs[i]!, y: ys[i]! });
    else {
      // Gaps inside a column are kept as one gap, so a line never bridges missing data.
      let min: number | null = null;
      let max: number | null = null;
      let gap = false;
      for (let k = i; k <= j; k++) {
        const y = ys[k]!;
        if (y === null) gap = true;
        else {
          min = min === null ? y : Math.min(min, y);
          max = max === null ? y : Math.max(max, y);
        }
      }
      const first = ys[i]!;
      const last = ys[j]!;
      const seq = [first, min, max, last];
      if (gap && first !== null && last !== null) seq.splice(3, 0, null);
      for (const y of seq) {
        const prev = out[out.length - 1];
        if (prev && prev.x === col && prev.y === y) continue;
        out.push({ x: col, y });
      }
    }
    i = j + 1;
  }
  return out;
}

const sameY = (kept: number, y: number | null) => (y === null ? Number.isNaN(kept) : kept === y);
const fx = (v: number) => (Math.round(v * 10) / 10).toString();

/** Vertices per cached chunk of path text. */
export const CHUNK = 32;

/**
 * Builds a line's `d` from vertices, keeping the text of each chunk of CHUNK vertices: a chunk is
 * formatted again only when one of its vertices (or the pen state it starts with) changed, so an
 * update that appends the newest minute formats one chunk, not three hours of points.
 */
export function createPathBuilder() {
  let chunks: { xs: Float64Array; ys: Float64Array; penDown: boolean; d: string }[] = [];
  let formatted = 0;
  return {
    line(v: readonly Vertex[]): string {
      const next: typeof chunks = [];
      let penDown = false;
      for (let c = 0; c * CHUNK < v.length; c++) {
        const from = c * CHUNK;
        const to = Math.min(v.length, from + CHUNK);
        const old = chunks[c];
        let same = !!old && old.penDown === penDown && old.xs.length === to - from;
        for (let i = from; same && i < to; i++) same = old!.xs[i - from] === v[i]!.x && sameY(old!.ys[i - from]!, v[i]!.y);
        if (same) {
          next.push(old!);
        } else {
          const xs = new Float64Array(to - from);
          const ys = new Float64Array(to - from);
          let d = '';
          let pen = penDown;
          for (let i = from; i < to; i++) {
            const p = v[i]!;
            xs[i - from] = p.x;
            ys[i - from] = p.y ?? Number.NaN;
            if (p.y === null) pen = false;
            else {
              d += `${pen ? 'L' : 'M'}${fx(p.x)} ${fx(p.y)}`;
              pen = true;
            }
          }
          formatted++;
          next.push({ xs, ys, penDown, d });
        }
        penDown = v[to - 1]!.y !== null;
      }
      chunks = next;
      return next.map((c) => c.d).join('');
    },
    /** How many chunks were formatted since the builder was made (for tests and the bench). */
    formatted: () => formatted,
  };
}

/** A line's `d` closed down to the baseline: the area under it (no gaps: counts are never null). */
export function areaPath(line: string, v: readonly Vertex[], baseY: number): string {
  if (v.length === 0) return '';
  return `${line}L${fx(v[v.length - 1]!.x)} ${fx(baseY)}L${fx(v[0]!.x)} ${fx(baseY)}Z`;
}
