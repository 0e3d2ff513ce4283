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
  /** Taken right after a full (mark-compact) collection the station ran by itself. */
  afterFullGc?: boolean;
  /** Taken right after a full collection the bench asked for (forceFullGc). */
  forcedGc?: boolean;
  /** How long the forced collection took (ms). */
  gcMs?: number;
}

const PROBE = join(import.meta.dirname, 'memory-probe.mjs');
const MB = 1024 * 1024;

/** Starts something (a station) with the probe preloaded, writing to `file`; the environment is restored after. */
export async function withMemoryProbe<T>(file: string, start: () => Promise<T>): Promise<T> {
  const flags = process.env.BATON_STATION_NODE_FLAGS;
  const out = process.env.BATON_MEMORY_PROBE;
  // --expose-gc lets the probe collect on the bench's signal (forceFullGc); only benches start a station with it.
  process.env.BATON_STATION_NODE_FLAGS = ['--expose-gc', `--import=${PROBE}`, flags ?? ''].join(' ').trim();
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

/**
 * Asks the probed process for one full collection (SIGUSR2) and waits for the sample the probe
 * writes right after it; null when none arrives within `timeoutMs` (the process has gone).
 */
export async function forceFullGc(pid: number, file: string, timeoutMs = 5_000): Promise<MemorySample | null> {
  const seen = readMemoryProbe(file).filter((s) => s.forcedGc).length;
  process.kill(pid, 'SIGUSR2');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    const forced = readMemoryProbe(file).filter((s) => s.forcedGc);
    if (forced.length > seen) return forced[seen] ?? null;
  }
  return null;
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
  const perSecond = samples.filter((s) => !s.afterFullGc && !s.forcedGc);
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

/**
 * Retained-heap growth from the collections the bench forced at fixed points of the run (forceFullGc):
 * heap used after the last one minus after the one taken at mid-run (`midIndex` in `forced`), and
 * the whole series in MB so a plateau shows; NaN when either sample is missing.
 */
export function forcedGrowth(forced: readonly (MemorySample | null)[], midIndex: number): { growthMb: number; seriesMb: number[] } {
  const mid = forced[midIndex];
  const end = forced.at(-1);
  return {
    growthMb: mid && end && forced.length - 1 > midIndex ? (end.heapUsed - mid.heapUsed) / MB : Number.NaN,
    seriesMb: forced.map((s) => (s ? s.heapUsed / MB : Number.NaN)),
  };
}
