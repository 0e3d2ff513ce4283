// Preloaded into a station by the benchmarks (node --import): writes the process's memory figures
// to BATON_MEMORY_PROBE as JSON lines — each second (RSS, V8 heap used, external), and right after
// each full (mark-compact) collection, when heap used is close to what the station really retains —
// so a bench can tell a structure that keeps growing from allocator and page-cache high water.
import { appendFileSync } from 'node:fs';
import { constants, PerformanceObserver } from 'node:perf_hooks';

const file = process.env.BATON_MEMORY_PROBE;
if (file) {
  const sample = (afterFullGc) => {
    const m = process.memoryUsage();
    try {
      appendFileSync(file, `${JSON.stringify({ at: Date.now(), afterFullGc, rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers })}\n`);
    } catch {
      // The bench removed its folder while the station stops: nothing left to report to.
    }
  };
  sample(false);
  setInterval(() => sample(false), 1000).unref();
  new PerformanceObserver((list) => {
    if (list.getEntries().some((e) => e.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR)) sample(true);
  }).observe({ entryTypes: ['gc'] });
}
