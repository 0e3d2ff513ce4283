// Two builds of the renderer, A and B, measured against each other in one run: the moderator desk's
// unpaced own cost per frame (the walks of bench/moderator.bench.ts: 90,000 px jumps then j, smooth
// scroll, scroll while 2,000 comments/s arrive) on the same station, same 100,000 comments, in
// alternating blocks (ABBA), each block a fresh page. On a shared machine the absolute figures move
// with everyone else's load; the pairs say whether B costs less than A under the same load.
//   node --import tsx bench/moderator-ab.ts <A out/renderer dir> <B out/renderer dir> [pairs] [walks, e.g. walk,scroll]
// (walks: which of walk, scroll, live, cold to run — walk, scroll and live unless given; fewer walks, more pairs in the same time)
// `cold` is the bench's judged walk: jumps + j started the moment the desk lists everything on a fresh
// page (no settling, no second traced pass: only the first walk is cold), beside the open's own time
// (navigation start → full count and first row seen, in the page). `open` traces the open instead
// (so a walk after it is not cold): the renderer main thread's CPU time from navigation start to the
// full count, by kind, and the bundle's evaluation (its one long module evaluation) in CPU time —
// figures a loaded machine moves far less than wall time.
import { join, resolve } from 'node:path';
import { SCROLL_FOR, STEP_WALK, type FrameWalk } from '../test/probes/moderator-frames';
import { loadavg } from 'node:os';
import { busyByKind, mainThreadOf, parseTrace, TRACE_CATEGORIES } from './support/trace-breakdown';
import { FRAME_TRACE_CATEGORIES, frameCosts, rendererCpuPerFrame } from './support/frame-costs';
import { descendantsCpuMs } from './support/process-cpu';
import { serveBuild } from './support/serve-build';
import { launchChromium, ROOT, startBenchRig, UNPACED_FRAME_ARGS } from './support/browser-rig';
import { prepareDeskLoad } from './support/desk-load';
import { alternatePairs } from './support/paired-blocks';

type Walk = 'walk' | 'scroll' | 'live' | 'cold' | 'open';
const p95 = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] ?? Number.NaN;
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const med = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

async function main(): Promise<void> {
  const [dirA, dirB] = [resolve(process.argv[2] ?? ''), resolve(process.argv[3] ?? join(ROOT, 'out/renderer'))];
  const pairs = Number(process.argv[4] ?? 3);
  const chosen = (process.argv[5] ?? 'walk,scroll,live').split(',').filter((k): k is Walk => k === 'walk' || k === 'scroll' || k === 'live' || k === 'cold' || k === 'open');
  const rig = await startBenchRig({ name: 'moderator-ab', showFile: join(ROOT, 'resources/demo-show/show.json'), producerToken: null });
  const { station } = rig;
  try {
    const load = await prepareDeskLoad(station);
    const { token, liveLoad } = load;
    await load.fill();
    const browser = await launchChromium(UNPACED_FRAME_ARGS);
    type R = { browserCpu: number; p95: number; mainMean: number; mainP95: number; allMean: number; allP95: number; firstJ: number; over: number; openMs: number; evalCpu: number; jsCpu: number; mainCpu: number };
    const none = { evalCpu: Number.NaN, jsCpu: Number.NaN, mainCpu: Number.NaN };
    const results: Record<'A' | 'B', Record<Walk, R[]>> = { A: { walk: [], scroll: [], live: [], cold: [], open: [] }, B: { walk: [], scroll: [], live: [], cold: [], open: [] } };
    try {
      const block = async (which: 'A' | 'B') => {
        const ctx = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
        try {
          await serveBuild(ctx, which === 'A' ? dirA : dirB, join(ROOT, 'out/renderer'));
          const p = await ctx.newPage();
          p.on('console', (m) => {
            if (m.type() === 'error') console.log(`  page error: ${m.text()}`);
          });
          p.on('pageerror', (e) => console.log(`  page error: ${e.message}`));
          const line: string[] = [];
          if (chosen.includes('open')) await browser.startTracing(p, { categories: TRACE_CATEGORIES });
          await p.goto(`${station.url}/moderator?token=${token}&as=Ana%20Reyes`);
          await load.showAll(p);
          if (chosen.includes('open')) {
            const untilMs = (await p.evaluate('performance.now()')) as number;
            const events = parseTrace(await browser.stopTracing());
            const main = mainThreadOf(events, '/moderator');
            if (!main) throw new Error('the traced open has no main thread');
            const busy = busyByKind(events, main, main.navStart, main.navStart + untilMs * 1000, 'cpu');
            const evals = events.filter((e) => e.name === 'v8.evaluateModule' && e.pid === main.pid && e.tid === main.tid && e.ts >= main.navStart);
            const bundle = evals.sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))[0];
            const r = { ...none, browserCpu: Number.NaN, p95: Number.NaN, mainMean: Number.NaN, mainP95: Number.NaN, allMean: Number.NaN, allP95: Number.NaN, firstJ: Number.NaN, over: Number.NaN, openMs: untilMs, evalCpu: (bundle?.tdur ?? Number.NaN) / 1000, jsCpu: (busy['run JS'] ?? 0) + (busy['compile JS'] ?? 0), mainCpu: Object.values(busy).reduce((a, b) => a + b, 0) };
            results[which].open.push(r);
            line.push(`traced open ${untilMs.toFixed(0)} ms: main-thread CPU ${r.mainCpu.toFixed(0)} ms (JS run + compile ${r.jsCpu.toFixed(0)}; the bundle's evaluation ${r.evalCpu.toFixed(1)})`);
          }
          if (chosen.includes('cold') && !chosen.includes('open')) {
            const openMs = (await p.evaluate('performance.now()')) as number;
            const c0 = descendantsCpuMs();
            const w = (await p.evaluate(STEP_WALK)) as FrameWalk;
            const browserCpu = (descendantsCpuMs() - c0) / Math.max(1, w.times.length);
            const r = { ...none, browserCpu, p95: p95(w.times), mainMean: Number.NaN, mainP95: Number.NaN, allMean: Number.NaN, allP95: Number.NaN, firstJ: (w.times[60] ?? 0) + (w.times[61] ?? 0), over: w.times.filter((x) => x > 16.7).length, openMs };
            results[which].cold.push(r);
            const over = w.times.map((x, i) => (x > 16.7 ? `${i}=${x.toFixed(0)}` : '')).filter(Boolean).join(' ') || 'none';
            line.push(`cold open ${openMs.toFixed(0)} ms, walk p95 ${r.p95.toFixed(1)} (browser CPU ${browserCpu.toFixed(1)} a frame; over 16.7: ${over})`);
          }
          const toTop = async () => {
            await p.evaluate(`document.querySelector('[data-testid="comment-list"]').scrollTop = 0`);
            await new Promise((r) => setTimeout(r, 500));
          };
          // Each walk twice: untimed-by-trace (the unpaced intervals), then traced (the renderer's CPU per frame).
          const walks = { walk: () => p.evaluate(STEP_WALK) as Promise<FrameWalk>, scroll: () => p.evaluate(SCROLL_FOR(3_000)) as Promise<FrameWalk>, live: async () => {
            const w = p.evaluate(SCROLL_FOR(5_000)) as Promise<FrameWalk>;
            await liveLoad();
            return w;
          } };
          for (const k of chosen) {
            if (k === 'cold' || k === 'open') continue;
            await toTop();
            const c0 = descendantsCpuMs();
            const w = await walks[k]();
            const browserCpu = (descendantsCpuMs() - c0) / Math.max(1, w.times.length);
            await toTop();
            await browser.startTracing(p, { categories: FRAME_TRACE_CATEGORIES });
            await walks[k]();
            const events = parseTrace(await browser.stopTracing());
            const costs = frameCosts(events);
            const cpu = costs ? rendererCpuPerFrame(events, costs) : { main: [], all: [] };
            const r = { browserCpu, p95: p95(w.times), mainMean: mean(cpu.main), mainP95: p95(cpu.main), allMean: mean(cpu.all), allP95: p95(cpu.all), firstJ: k === 'walk' ? (w.times[60] ?? 0) + (w.times[61] ?? 0) : Number.NaN, over: w.times.filter((x) => x > 16.7).length, openMs: Number.NaN, ...none };
            results[which][k].push(r);
            // Which frames of the untimed-by-trace walk went over 16.7 ms (STEP_WALK: 0–59 jumps, 60–98 j).
            const over = w.times.map((x, i) => (x > 16.7 ? `${i}=${x.toFixed(0)}` : '')).filter(Boolean).join(' ') || 'none';
            line.push(`${k} p95 ${r.p95.toFixed(1)} (browser CPU ${r.browserCpu.toFixed(1)} a frame, cpu main ${r.mainMean.toFixed(1)}/${r.mainP95.toFixed(1)}, all ${r.allMean.toFixed(1)}/${r.allP95.toFixed(1)}; over 16.7: ${over})`);
          }
          console.log(`${new Date().toISOString().slice(11, 19)} load ${loadavg()[0]?.toFixed(1)} ${which}: ${line.join(' · ')}`);
        } finally {
          await ctx.close();
        }
      };
      await alternatePairs(pairs, () => block('A'), () => block('B'));
    } finally {
      await browser.close();
    }
    for (const k of chosen) {
      const metrics = k === 'open' ? (['openMs', 'mainCpu', 'jsCpu', 'evalCpu'] as const) : (['browserCpu', 'p95', 'over', 'firstJ', 'openMs', 'mainMean', 'mainP95', 'allMean', 'allP95'] as const);
      for (const m of metrics) {
        if (m === 'firstJ' && k !== 'walk' && k !== 'cold') continue;
        if (m === 'openMs' && k !== 'cold' && k !== 'open') continue;
        if (k === 'cold' && m.startsWith('main')) continue;
        if (k === 'cold' && m.startsWith('all')) continue;
        const a = results.A[k].map((r) => r[m]);
        const b = results.B[k].map((r) => r[m]);
        console.log(`${k.padEnd(6)} ${m.padEnd(8)} A ${a.map((x) => x.toFixed(1)).join(' ')} (median ${med(a).toFixed(1)}) · B ${b.map((x) => x.toFixed(1)).join(' ')} (median ${med(b).toFixed(1)}) · B/A per pair ${a.map((x, i) => ((b[i] as number) / x).toFixed(2)).join(' ')}`);
      }
    }
  } finally {
    await rig.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
