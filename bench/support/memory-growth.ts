// The station's memory over a bench run, from the probe preloaded into it (memory-probe.mjs):
// RSS each second, and the V8 heap right after full collections — close to what the station
// retains — so a structure growing with every comment is told apart from high-water marks.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface MemorySample {
  at: number;
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  /** Taken right after a full (mark-compact) collection. */
  afterFullGc?: boolean;
}

const PROBE = join(import.meta.dirname, 'memory-probe.mjs');
const MB = 1024 * 1024;

/** Starts something (a station) with the probe preloaded, writing to `file`; the environment is restored after. */
export async function withMemoryProbe<T>(file: string, start: () => Promise<T>): Promise<T> {
  const flags = process.env.BATON_STATION_NODE_FLAGS;
  const out = process.env.BATON_MEMORY_PROBE;
  process.env.BATON_STATION_NODE_FLAGS = [`--import=${PROBE}`, flags ?? ''].join(' ').trim();
  process.env.BATON_MEMORY_PROBE = file;
  try {
    return await start();
  } finally {
    if (flags === undefined) delete process.env.BATON_STATION_NODE_FLAGS;
    else process.env.BATON_STATION_NODE_FLAGS = flags;
    if (out === undefined) delete process.env.BATON_MEMORY_PROBE;
    else process.env.BATON_MEMORY_PROBE = out;
  }
}

export function readMemoryProbe(file: string): MemorySample[] {
  if (!existsSync(file)) return [];
  const out: MemorySample[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    try {
      out.push(JSON.parse(line) as MemorySample);
    } catch {
      // a line cut short when the station stopped
    }
  }
  return out;
}

/**
 * Retained-heap growth over the second half: heap used right after full collections (the probe's
 * `afterFullGc` samples), the last in the run minus the first at or after mid-run; NaN with fewer
 * than two. Also the per-second figures' count and the off-heap share at the end.
 */
export function memoryGrowth(samples: readonly MemorySample[]): { samples: number; fullGcs: number; heapAfterGcGrowthMb: number; heapAfterGcMidMb: number; offHeapEndMb: number } {
  const perSecond = samples.filter((s) => !s.afterFullGc);
  const first = samples[0];
  const last = samples.at(-1);
  if (!first || !last) return { samples: 0, fullGcs: 0, heapAfterGcGrowthMb: Number.NaN, heapAfterGcMidMb: Number.NaN, offHeapEndMb: Number.NaN };
  const mid = (first.at + last.at) / 2;
  const gcs = samples.filter((s) => s.afterFullGc && s.at >= mid);
  const a = gcs[0];
  const b = gcs.at(-1);
  const end = perSecond.at(-1) ?? last;
  return {
    samples: perSecond.length,
    fullGcs: gcs.length,
    heapAfterGcGrowthMb: a && b && gcs.length >= 2 ? (b.heapUsed - a.heapUsed) / MB : Number.NaN,
    heapAfterGcMidMb: a ? a.heapUsed / MB : Number.NaN,
    offHeapEndMb: (end.rss - end.heapTotal) / MB,
  };
}
