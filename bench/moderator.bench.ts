// The moderator view under a big show, in Chromium: 100,000 comments in the queue, then 2,000/s
// more arriving live. Measures how long the view takes to show them all, frame times while the
// moderator scrolls and walks with `j` and while comments stream in, the page's JS heap, and the
// DOM row count (virtualisation). Baseline, same run, same page: the empty queue.
//   npm run build && npx tsx bench/moderator.bench.ts
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { SCROLL_AND_WALK, type FrameWalk } from '../test/probes/moderator-frames';
import { report, summarise, type BenchRow } from './support/report';
import { ROOT, startBenchRig } from './support/browser-rig';

const SYSTEM = { actor: 'bench', role: 'producer' as const, via: 'test' as const };
const TOTAL = 100_000;
const TEXTS = ['+1 kit', 'how much is shipping to Lima?', 'checkout keeps failing', 'hi from Jakarta', 'quero o vermelho', 'ada warna nude kak?', '¿el sérum sirve para piel grasa?'];

/** Frame intervals for `ms` while the page just runs (comments arriving meanwhile). */
const frames = (ms: number) => `(async () => {
  const times = [];
  let last = performance.now();
  const end = last + ${ms};
  await new Promise((done) => {
    const loop = () => { const n = performance.now(); times.push(n - last); last = n; if (n < end) requestAnimationFrame(loop); else done(); };
    requestAnimationFrame(loop);
  });
  return times;
})()`;

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN) / 1024 / 1024;
}

async function main(): Promise<void> {
  const rig = await startBenchRig({ name: 'moderator', showFile: join(ROOT, 'resources/demo-show/show.json'), producerToken: null });
  const { station, browser } = rig;
  try {
    const { core } = station;
    const stopped = await core.dispatch('comments.source', { id: 'rehearsal-chat', action: 'stop' }, SYSTEM);
    if (!stopped.ok) throw new Error(stopped.error.message);
    const token = station.tokens.issued().find((t) => t.role === 'moderator')?.token;
    if (!token) throw new Error('no moderator token');
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    const open = async () => {
      const page = await context.newPage();
      await page.goto(`${station.url}/moderator?token=${token}&as=Ana%20Reyes`);
      await page.getByTestId('queue-all').click();
      return page;
    };

    // Baseline: the same view with no load comments (only the few the replay sent before it stopped).
    const empty = await open();
    const baseWalk = (await empty.evaluate(SCROLL_AND_WALK)) as FrameWalk;
    const baseHeap = await heapMb(empty);
    await empty.close();

    let n = 0;
    const ingest = async (count: number) => {
      const comments = Array.from({ length: count }, () => {
        const i = n++;
        return { platform: 'load', id: String(i), author: `viewer${i % 997}`, text: `${TEXTS[i % TEXTS.length]} ${i}` };
      });
      const r = await core.dispatch('comments.ingest', { comments }, SYSTEM);
      if (!r.ok) throw new Error(r.error.message);
    };
    for (let b = 0; b < TOTAL / 1000; b++) await ingest(1000);

    const t0 = performance.now();
    const page = await open();
    await page.getByTestId('filter-platform').selectOption('load');
    await page.getByTestId('list-count').filter({ hasText: `${TOTAL.toLocaleString('en-US')} shown` }).waitFor({ timeout: 120_000 });
    const loadMs = performance.now() - t0;
    const walk = (await page.evaluate(SCROLL_AND_WALK)) as FrameWalk;
    const heap = await heapMb(page);

    // Live: 2,000 comments/s for 5 s (batches of 100 every 50 ms) into the 100,000-comment view.
    const live = page.evaluate(frames(5_000)) as Promise<number[]>;
    const liveStart = performance.now();
    for (let i = 0; i < 100; i++) {
      await ingest(100);
      const wait = liveStart + (i + 1) * 50 - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
    const liveTimes = await live;
    await page.getByTestId('list-count').filter({ hasText: `${(TOTAL + 10_000).toLocaleString('en-US')} shown` }).waitFor({ timeout: 30_000 });
    const heapAfter = await heapMb(page);

    const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] ?? Number.NaN;
    const rows: BenchRow[] = [
      { metric: `open the view → all ${TOTAL.toLocaleString('en-US')} listed`, value: loadMs, unit: 'ms', target: '< 10000', pass: loadMs < 10_000 },
      { metric: 'scroll + j: frame p95', value: p95(walk.times), unit: 'ms', baseline: p95(baseWalk.times), ratio: p95(walk.times) / p95(baseWalk.times), target: '< 50', pass: p95(walk.times) < 50 },
      { metric: 'scroll + j: frame p50', value: summarise(walk.times).p50, unit: 'ms', baseline: summarise(baseWalk.times).p50 },
      { metric: 'while 2,000/s arrive: frame p95', value: p95(liveTimes), unit: 'ms', target: '< 50', pass: p95(liveTimes) < 50 },
      { metric: 'rows in the DOM', value: walk.rows, unit: 'rows', baseline: baseWalk.rows, target: '< 80', pass: walk.rows < 80 },
      { metric: `JS heap with ${TOTAL.toLocaleString('en-US')} comments`, value: heap, unit: 'MB', baseline: baseHeap, ratio: heap / baseHeap, target: '< 300', pass: heap < 300 },
      { metric: 'JS heap after 10,000 more live', value: heapAfter, unit: 'MB', baseline: heap },
    ];
    report('moderator view with 100,000 comments (Chromium)', rows);
  } finally {
    await rig.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
