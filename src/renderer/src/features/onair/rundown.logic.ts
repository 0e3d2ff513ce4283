// The rundown's timing, pure: planned vs actual per segment, the show's running over/under, the
// projected end and an early warning before the current segment over-runs (Ontime-style).
import type { RundownEntry, ScriptSegment } from '../../../../shared/contract/index';

/** Warn this long before a segment's planned end. */
export const OVERRUN_WARNING_MS = 30_000;

export type RundownRowState = 'done' | 'current' | 'next' | 'skipped';
export interface RundownRow {
  segmentId: string;
  title: string;
  plannedMs: number | null;
  /** Time it actually ran (so far, for the current one); null before it started. */
  actualMs: number | null;
  /** actual − planned: positive is over. Null without a plan or before it started. */
  deltaMs: number | null;
  state: RundownRowState;
  /** `warn`: within the warning of its planned end; `over`: past it. Only the current row. */
  alarm: 'warn' | 'over' | null;
}
export interface Rundown {
  rows: RundownRow[];
  /** Sum of the finished and current rows' deltas (current counts only once it is over). */
  overUnderMs: number;
  /** When the show ends if the rest runs to plan; null before the clock starts. */
  projectedEndAt: number | null;
  plannedTotalMs: number;
}

export function rundown(segments: readonly ScriptSegment[], ran: readonly RundownEntry[], now: number): Rundown {
  const rows: RundownRow[] = [];
  // Time a segment ran in total (a segment revisited counts all its runs).
  const actual = new Map<string, number>();
  for (const e of ran) actual.set(e.segmentId, (actual.get(e.segmentId) ?? 0) + ((e.endedAt ?? now) - e.startedAt));
  const current = ran.length > 0 && ran[ran.length - 1]?.endedAt === null ? ran[ran.length - 1] : undefined;
  const currentIndex = current ? segments.findIndex((s) => s.id === current.segmentId) : -1;
  let overUnderMs = 0;
  let restPlannedMs = 0;
  let currentLeftMs = 0;
  segments.forEach((s, i) => {
    const plannedMs = s.plannedSeconds === null ? null : s.plannedSeconds * 1000;
    const actualMs = actual.get(s.id) ?? null;
    const isCurrent = current?.segmentId === s.id;
    const state: RundownRowState = isCurrent ? 'current' : actualMs !== null ? 'done' : currentIndex >= 0 && i < currentIndex ? 'skipped' : 'next';
    const deltaMs = plannedMs !== null && actualMs !== null ? actualMs - plannedMs : null;
    let alarm: RundownRow['alarm'] = null;
    if (isCurrent && plannedMs !== null && actualMs !== null) {
      const left = plannedMs - actualMs;
      alarm = left < 0 ? 'over' : left <= OVERRUN_WARNING_MS ? 'warn' : null;
      currentLeftMs = Math.max(0, left);
    }
    if (state === 'done' && deltaMs !== null) overUnderMs += deltaMs;
    if (isCurrent && deltaMs !== null && deltaMs > 0) overUnderMs += deltaMs;
    if (state === 'next' && plannedMs !== null) restPlannedMs += plannedMs;
    rows.push({ segmentId: s.id, title: s.title, plannedMs, actualMs, deltaMs, state, alarm });
  });
  const plannedTotalMs = segments.reduce((n, s) => n + (s.plannedSeconds ?? 0) * 1000, 0);
  const projectedEndAt = ran.length === 0 ? null : now + currentLeftMs + restPlannedMs;
  return { rows, overUnderMs, projectedEndAt, plannedTotalMs };
}

/** "+1:05 over" / "0:40 under" / "on time". */
export function overUnderText(ms: number): string {
  const s = Math.round(Math.abs(ms) / 1000);
  if (s === 0) return 'on time';
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')} ${ms > 0 ? 'over' : 'under'}`;
}
