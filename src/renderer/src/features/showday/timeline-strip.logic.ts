// The live timeline's strip, pure: stream health bands and comment volume stacked by intent per
// minute of the show, laid out in pixels, with the words a screen reader and a tooltip need.
import type { CommentBucket, HealthBand, HealthLevel } from '../../../../shared/contract/index';
import { INTENTS } from '../../../../shared/contract/constants';
import { showClock } from './timeline.logic';

const MINUTE = 60_000;

/** The desk's intent colours, so a band reads the same as a comment row. */
export const INTENT_COLOR: Record<string, string> = { order: 'var(--ok)', question: 'var(--accent)', complaint: 'var(--bad)', spam: 'var(--muted)', other: '#c297ff' };
export const LEVEL_COLOR: Record<HealthLevel, string> = { green: 'var(--ok)', amber: 'var(--warn)', red: 'var(--bad)', unknown: 'var(--border)' };

export interface StripBox {
  left: number;
  width: number;
  /** Where the comment bars stand (their base) and how tall the tallest may be. */
  base: number;
  room: number;
}

export interface VolumeColumn {
  /** Minutes since GO, and the show clock of the bucket's start (GO for the minute GO fell in). */
  minute: number;
  clock: string;
  x: number;
  w: number;
  total: number;
  /** Stacked from the base up, in INTENTS order (then any other name, sorted). */
  stack: { intent: string; y: number; h: number; n: number }[];
}

const intentOrder = (a: string, b: string) => {
  const ia = (INTENTS as readonly string[]).indexOf(a);
  const ib = (INTENTS as readonly string[]).indexOf(b);
  return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b);
};

/** The x of a time, and the span a minute bucket covers inside [from, to] (the first starts at GO, the last stops at `to`). */
export function stripScale(from: number, to: number, box: StripBox) {
  const span = Math.max(MINUTE, to - from);
  const x = (at: number) => box.left + ((Math.min(Math.max(at, from), from + span) - from) / span) * box.width;
  return { x, minute: (at: number) => ({ x: x(at), w: Math.max(1, x(at + MINUTE) - x(at)) }) };
}

/** Comment volume per minute as stacked bars; heights share one scale (the busiest minute). */
export function volumeColumns(buckets: readonly CommentBucket[], from: number, to: number, box: StripBox): { columns: VolumeColumn[]; max: number } {
  const { minute } = stripScale(from, to, box);
  const max = Math.max(1, ...buckets.map((b) => b.total));
  const columns = buckets.map((b) => {
    let y = box.base;
    const stack = Object.entries(b.byIntent)
      .filter(([, n]) => n > 0)
      .sort(([a], [c]) => intentOrder(a, c))
      .map(([intent, n]) => {
        const h = (n / max) * box.room;
        y -= h;
        return { intent, y, h, n };
      });
    const m = minute(b.at);
    return { minute: Math.floor((b.at - from) / MINUTE), clock: showClock(Math.max(b.at, from), from), x: m.x, w: Math.max(1, m.w - (m.w > 3 ? 1 : 0)), total: b.total, stack };
  });
  return { columns, max };
}

/** Comments per intent over the whole show, busiest first (the legend). */
export function intentTotals(buckets: readonly CommentBucket[]): { intent: string; n: number }[] {
  const by = new Map<string, number>();
  for (const b of buckets) for (const [k, n] of Object.entries(b.byIntent)) by.set(k, (by.get(k) ?? 0) + n);
  return [...by.entries()].map(([intent, n]) => ({ intent, n })).sort((a, b) => b.n - a.n || intentOrder(a.intent, b.intent));
}

/** One minute's comment volume in words: `+12:00 · 41 comments: 30 order, 8 question, 3 complaint`. */
export function volumeWords(col: VolumeColumn): string {
  const parts = col.stack.map((s) => `${s.n} ${s.intent}`).join(', ');
  return `${col.clock} · ${col.total} comment${col.total === 1 ? '' : 's'}: ${parts}`;
}

/** Stream health per minute as coloured bands, with the bitrate and dropped frames in words. */
export function healthBands(health: readonly HealthBand[], from: number, to: number, box: StripBox) {
  const { minute } = stripScale(from, to, box);
  return health.map((h) => ({
    ...minute(h.at),
    level: h.level,
    words: `${showClock(Math.max(h.at, from), from)} · stream ${h.level}${h.bitrateKbps !== null ? `, ${h.bitrateKbps} kbps` : ''}${h.droppedPct !== null ? `, ${h.droppedPct.toFixed(1)} % dropped` : ''}`,
  }));
}
