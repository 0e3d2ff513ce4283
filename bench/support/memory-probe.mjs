// Preloaded into a station by the benchmarks (node --import): writes the process's memory figures
// (RSS, V8 heap used, external) as one JSON line per second to BATON_MEMORY_PROBE, so a bench can
// tell a heap that keeps growing from allocator high-water marks and SQLite's bounded page cache.
import { appendFileSync } from 'node:fs';

const file = process.env.BATON_MEMORY_PROBE;
if (file) {
  const sample = () => {
    const m = process.memoryUsage();
    try {
      appendFileSync(file, `${JSON.stringify({ at: Date.now(), rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers })}\n`);
    } catch {
      // The bench removed its folder while the station stops: nothing left to report to.
    }
  };
  sample();
  setInterval(sample, 1000).unref();
}
