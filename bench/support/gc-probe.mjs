// Preloaded into a station by the offers bench (node --import): keeps each V8 collection's start
// (epoch ms), duration and kind in memory and writes them to BATON_GC_PROBE when the station gets
// SIGUSR2 or exits, so the bench can tell whether collections fall inside its clicks. Nothing is
// written while the station works: a write per collection would be work of its own inside a click.
import { writeFileSync } from 'node:fs';
import { constants, PerformanceObserver, performance } from 'node:perf_hooks';

const file = process.env.BATON_GC_PROBE;
if (file) {
  /** [start (epoch ms), duration (ms), minor (1) or not (0)] */
  const rows = [];
  const origin = performance.timeOrigin;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) rows.push([origin + e.startTime, e.duration, e.detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR ? 1 : 0]);
  }).observe({ entryTypes: ['gc'] });
  const dump = () => {
    try {
      writeFileSync(file, JSON.stringify(rows));
    } catch {
      // The bench removed its folder while the station stops: nothing left to report to.
    }
  };
  process.on('SIGUSR2', dump);
  process.on('exit', dump);
}
