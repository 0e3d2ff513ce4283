// Two builds of the renderer, A and B, measured against each other in one run: the moderator desk's
// unpaced own cost per frame (the walks of bench/moderator.bench.ts: 90,000 px jumps then j, smooth
// scroll, scroll while 2,000 comments/s arrive) on the same station, same 100,000 comments, in
// alternating blocks (ABBA), each block a fresh page. On a shared machine the absolute figures move
// with everyone else's load; the pairs say whether B costs less than A under the same load.
//   node --import tsx bench/moderator-ab.ts <A out/renderer dir> <B out/renderer dir> [pairs] [walks, e.g. walk,scroll]
// (walks: which of walk, scroll, live to run — all three unless given; fewer walks, more pairs in the same time)
import { join, resolve } from 'node:path';
import { SCROLL_FOR, STEP_WALK, type FrameWalk } from '../test/probes/moderator-frames';
import { loadavg } from 'node:os';
import { parseTrace } from './support/trace-breakdown';
import { FRAME_TRACE_CATEGORIES, frameCosts, rendererCpuPerFrame } from './support/frame-costs';
import { descendantsCpuMs } from './support/process-cpu';
import { serveBuild } from './support/serve-build';
import { launchChromium, ROOT, startBenchRig, UNPACED_FRAME_ARGS } from './support/browser-rig';
import { prepareDeskLoad } from './support/desk-load';
import { alternatePairs } from './support/paired-blocks';

const p95 = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] ?? Number.NaN;
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const med = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

async function main(): Promise<void> {
  const [dirA, dirB] = [resolve(process.argv[2] ?? ''), resolve(process.argv[3] ?? join(ROOT, 'out/renderer'))];
  const pairs = Number(process.argv[4] ?? 3);
  const chosen = (process.argv[5] ?? 'walk,scroll,live').split(',').filter((k): k is 'walk' | 'scroll' | 'live' => k === 'walk' || k === 'scroll' || k === 'live');
  const rig = await startBenchRig({ name: 'moderator-ab', showFile: join(ROOT, 'resources/demo-show/show.json'), producerToken: null });
  const { station } = rig;
  try {
    const load = await prepareDeskLoad(station);
    const { token, liveLoad } = load;
    await load.fill();
    const browser = await launchChromium(UNPACED_FRAME_ARGS);
    type R = { browserCpu: number; p95: number; mainMean: number; mainP95: number; allMean: number; allP95: number; firstJ: number; over: number };
    const results: Record<'A' | 'B', Record<'walk' | 'scroll' | 'live', R[]>> = { A: { walk: [], scroll: [], live: [] }, B: { walk: [], scroll: [], live: [] } };
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
          await p.goto(`${station.url}/moderator?token=${token}&as=Ana%20Reyes`);
          await load.showAll(p);
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
          const line: string[] = [];
          for (const k of chosen) {
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
            const r = { browserCpu, p95: p95(w.times), mainMean: mean(cpu.main), mainP95: p95(cpu.main), allMean: mean(cpu.all), allP95: p95(cpu.all), firstJ: k === 'walk' ? (w.times[60] ?? 0) + (w.times[61] ?? 0) : Number.NaN, over: w.times.filter((x) => x > 16.7).length };
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
      for (const m of ['browserCpu', 'p95', 'over', 'firstJ', 'mainMean', 'mainP95', 'allMean', 'allP95'] as const) {
        if (m === 'firstJ' && k !== 'walk') continue;
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
