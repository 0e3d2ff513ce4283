// Preloaded into a station by the benchmarks (node --import): writes the process's memory figures
// to BATON_MEMORY_PROBE as JSON lines — each second (RSS, V8 heap used, external), and right after
// each full (mark-compact) collection, when heap used is close to what the station really retains —
// so a bench can tell a structure that keeps growing from allocator and page-cache high water.
//
// The station's own full collections are few (2 or fewer in the second half of a 60 s run, none at
// all in some runs), so a figure built on them alone rests on two samples or is missing. On SIGUSR2
// the probe therefore forces one full collection itself (the station is started with --expose-gc
// for the bench only) and writes a `forcedGc` sample right after it, at points the bench chooses.
// Those collections are left out of the `afterFullGc` samples (they carry V8's "forced" flag), so
// the natural-collection figure stays what it was. With BATON_HEAP_SNAPSHOT_DIR set, the same
// signal also writes a V8 heap snapshot there (diagnosis only: it stops the station for seconds).
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants, performance, PerformanceObserver } from 'node:perf_hooks';
import { writeHeapSnapshot } from 'node:v8';

const file = process.env.BATON_MEMORY_PROBE;
if (file) {
  const sample = (kind, gcMs) => {
    const m = process.memoryUsage();
    try {
      appendFileSync(file, `${JSON.stringify({ at: Date.now(), afterFullGc: kind === 'natural', forcedGc: kind === 'forced', gcMs, rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers })}\n`);
    } catch {
      // The bench removed its folder while the station stops: nothing left to report to.
    }
  };
  sample('tick');
  setInterval(() => sample('tick'), 1000).unref();
  new PerformanceObserver((list) => {
    const natural = (e) => e.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR && !((e.detail?.flags ?? 0) & constants.NODE_PERFORMANCE_GC_FLAGS_FORCED);
    if (list.getEntries().some(natural)) sample('natural');
  }).observe({ entryTypes: ['gc'] });
  const snapshots = process.env.BATON_HEAP_SNAPSHOT_DIR;
  process.on('SIGUSR2', () => {
    if (typeof globalThis.gc === 'function') {
      const t0 = performance.now();
      globalThis.gc();
      // how long the forced collection stopped the station: it lands in the latency figures
      sample('forced', performance.now() - t0);
    }
    if (snapshots) writeHeapSnapshot(join(snapshots, `station-${Date.now()}.heapsnapshot`));
  });
}
