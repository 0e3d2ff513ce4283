// The station's memory over a bench run, from the probe preloaded into it (memory-probe.mjs):
// RSS and the V8 heap's floor — the lowest heap used in a stretch of samples, i.e. what survived
// collection — so a structure growing with every comment is told apart from high-water marks.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface MemorySample {
  at: number;
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
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
 * Heap floor growth over the second half: the floor of the last stretch minus the floor of the
 * stretch at mid-run (a stretch is a sixth of the run, at least 3 samples, so each holds a
 * collection). NaN when the probe wrote too little.
 */
export function memoryGrowth(samples: readonly MemorySample[]): { samples: number; heapFloorGrowthMb: number; heapFloorMidMb: number; offHeapEndMb: number } {
  const n = samples.length;
  const span = Math.max(3, Math.floor(n / 6));
  if (n < span * 2) return { samples: n, heapFloorGrowthMb: Number.NaN, heapFloorMidMb: Number.NaN, offHeapEndMb: Number.NaN };
  const floor = (from: number) => Math.min(...samples.slice(from, from + span).map((s) => s.heapUsed)) / MB;
  const mid = Math.floor(n / 2);
  const end = samples[n - 1] as MemorySample;
  const heapFloorMidMb = floor(mid);
  return { samples: n, heapFloorGrowthMb: floor(n - span) - heapFloorMidMb, heapFloorMidMb, offHeapEndMb: (end.rss - end.heapTotal) / MB };
}
