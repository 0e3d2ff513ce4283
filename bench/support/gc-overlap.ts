// Which of a bench's timed windows a process's garbage collections fell into (from gc-probe.mjs).
import { existsSync, readFileSync } from 'node:fs';

/** [start (epoch ms), duration (ms), minor (1) or not (0)] */
export type GcRow = [number, number, number];

export interface GcOverlap {
  /** Collections between the first window's start and the last window's end. */
  during: number;
  minor: number;
  /** Windows with at least one collection overlapping them. */
  windowsHit: number;
  /** Collection time that overlapped the windows (each collection clipped to its window). */
  insideMs: number;
}

export function readGcProbe(file: string): GcRow[] {
  if (!existsSync(file)) return [];
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as GcRow[];
  } catch {
    return [];
  }
}

/** `windows`: [start, end] epoch ms, in time order, not overlapping. */
export function gcOverlap(rows: readonly GcRow[], windows: readonly (readonly [number, number])[]): GcOverlap {
  const first = windows[0]?.[0] ?? Infinity;
  const last = windows.at(-1)?.[1] ?? -Infinity;
  const during = rows.filter(([at, ms]) => at + ms >= first && at <= last);
  const hit = new Set<number>();
  let insideMs = 0;
  for (const [at, ms] of during) {
    for (let i = 0; i < windows.length; i++) {
      const [s, e] = windows[i]!;
      const overlap = Math.min(e, at + ms) - Math.max(s, at);
      if (overlap > 0 || (at >= s && at <= e)) {
        hit.add(i);
        insideMs += Math.max(0, overlap);
      }
    }
  }
  return { during: during.length, minor: during.filter((r) => r[2] === 1).length, windowsHit: hit.size, insideMs };
}
