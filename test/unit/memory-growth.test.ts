// The comments bench's retained-heap figures: the probe's forced full collections (on SIGUSR2, in a
// real child process started as the bench starts a station) and the growth read from them.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { forcedGrowth, forceFullGc, memoryGrowth, readMemoryProbe, type MemorySample } from '../../bench/support/memory-growth';

const MB = 1024 * 1024;
const at = (t: number, heapMb: number, kind: 'tick' | 'natural' | 'forced'): MemorySample => ({
  at: t,
  rss: 100 * MB,
  heapUsed: heapMb * MB,
  heapTotal: 2 * heapMb * MB,
  external: 0,
  afterFullGc: kind === 'natural',
  forcedGc: kind === 'forced',
});

describe('retained heap from forced collections', () => {
  it('is the last forced sample minus the mid-run one, with the whole series', () => {
    const r = forcedGrowth([at(1, 30, 'forced'), at(2, 40, 'forced'), at(3, 45, 'forced'), at(4, 52, 'forced')], 1);
    expect(r.growthMb).toBeCloseTo(12);
    expect(r.seriesMb).toEqual([30, 40, 45, 52]);
  });

  it('is NaN when the mid-run or the last sample is missing, never a figure from one sample', () => {
    expect(forcedGrowth([at(1, 30, 'forced'), null, at(3, 45, 'forced')], 1).growthMb).toBeNaN();
    expect(forcedGrowth([at(1, 30, 'forced'), at(2, 40, 'forced')], 1).growthMb).toBeNaN();
    expect(forcedGrowth([at(1, 30, 'forced'), at(2, 40, 'forced'), null], 1).growthMb).toBeNaN();
  });

  it("keeps forced samples out of the station's own full-collection figure and the per-second count", () => {
    const samples = [at(0, 20, 'tick'), at(60, 35, 'forced'), at(70, 36, 'natural'), at(80, 50, 'forced'), at(90, 41, 'natural'), at(100, 42, 'tick')];
    const m = memoryGrowth(samples);
    expect(m.fullGcs).toBe(2);
    expect(m.heapAfterGcGrowthMb).toBeCloseTo(5);
    expect(m.samples).toBe(2);
  });
});

describe('memory probe in a real process', () => {
  let dir = '';
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('runs a full collection on SIGUSR2 and writes the heap left right after it, apart from natural collections', async () => {
    dir = mkdtempSync(join(tmpdir(), 'baton-probe-test-'));
    const file = join(dir, 'memory.jsonl');
    // Holds 20 MB of garbage-free arrays, then waits; the probe is preloaded as the bench does it.
    const child = spawn(process.execPath, ['--expose-gc', `--import=${join(import.meta.dirname, '../../bench/support/memory-probe.mjs')}`, '-e', 'globalThis.keep = Array.from({ length: 20 }, () => new Array(131072).fill(1.5)); setInterval(() => {}, 1000);'], {
      env: { ...process.env, BATON_MEMORY_PROBE: file },
      stdio: 'ignore',
    });
    try {
      const started = Date.now();
      while (readMemoryProbe(file).length === 0 && Date.now() - started < 5_000) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 300));
      const naturalBefore = readMemoryProbe(file).filter((x) => x.afterFullGc).length;
      const s = await forceFullGc(child.pid as number, file);
      expect(s?.forcedGc).toBe(true);
      expect(s?.afterFullGc).toBe(false);
      // what the child holds survives the collection
      expect(s!.heapUsed).toBeGreaterThan(20 * MB);
      expect(s!.gcMs).toBeGreaterThanOrEqual(0);
      const again = await forceFullGc(child.pid as number, file);
      expect(again?.at).toBeGreaterThanOrEqual(s!.at);
      // the forced collections do not show up as the process's own full collections (the GC observer reports a little later)
      await new Promise((r) => setTimeout(r, 300));
      expect(readMemoryProbe(file).filter((x) => x.afterFullGc).length).toBe(naturalBefore);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
