// What a screenful of desk rows costs to put on screen, build A against build B in one run: the
// main thread's work in the frame that shows a new offset whose rows are already read (the far `j`'s
// frame without the detail), split into the frame's script up to the end of the list's own rAF
// (scroll event, the list's flushSync render and commit) and the style + layout it leaves
// (forced right after). Alternates two disjoint screens (rows 0–20 and 50–70, both in the read
// pages) on one page, so each step replaces every row; each block is a fresh page, blocks ABBA.
// A diagnostic beside bench/moderator-ab.ts (whole walks); it prints no target.
// Mode `return` (the bench's first far `j`): each step first jumps far onto rows no page was read
// for (placeholders only, two frames, before any read can land), then measures the frame that
// scrolls back to the top, whose rows are held (the selection's pages): the rows that left at the
// jump come back.
//   node --import tsx bench/moderator-mount-ab.ts <A out/renderer dir> <B out/renderer dir> [pairs] [steps] [swap|return]
import { join, resolve } from 'node:path';
import { loadavg } from 'node:os';
import { serveBuild } from './support/serve-build';
import { launchChromium, ROOT, startBenchRig, UNPACED_FRAME_ARGS } from './support/browser-rig';
import { prepareDeskLoad } from './support/desk-load';
import { alternatePairs } from './support/paired-blocks';

const med = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

const STEPS = (n: number, mode: 'swap' | 'return') => `(async () => {
  const list = document.querySelector('[data-testid="comment-list"]');
  const raf = () => new Promise((r) => requestAnimationFrame(r));
  const script = [], layout = [];
  let holes = 0, awayRows = 0;
  for (let i = 0; i < ${n}; i++) {
    await new Promise((r) => setTimeout(r, 60));
    await raf();
    if (${JSON.stringify(mode)} === 'return') {
      list.scrollTop = 1200000 + i * 90000;
      await raf(); await raf();
      awayRows += document.querySelectorAll('[data-testid="comment-row"]').length;
    }
    const done = new Promise((resolve) => {
      const onScroll = () => {
        list.removeEventListener('scroll', onScroll);
        // Registered after the list's own rAF (its scroll listener came first), so it runs after the rows were rendered.
        requestAnimationFrame((frameStart) => {
          const t1 = performance.now();
          void list.offsetHeight;
          resolve([t1 - frameStart, performance.now() - t1]);
        });
      };
      list.addEventListener('scroll', onScroll);
    });
    list.scrollTop = ${JSON.stringify(mode)} === 'return' ? 0 : i % 2 === 0 ? 3000 : 0;
    const [s, l] = await done;
    script.push(s); layout.push(l);
    holes += document.querySelectorAll('.comment-row-loading').length;
  }
  return { script, layout, holes, awayRows };
})()`;

async function main(): Promise<void> {
  const [dirA, dirB] = [resolve(process.argv[2] ?? ''), resolve(process.argv[3] ?? join(ROOT, 'out/renderer'))];
  const pairs = Number(process.argv[4] ?? 3);
  const steps = Number(process.argv[5] ?? 30);
  const mode = process.argv[6] === 'return' ? 'return' : 'swap';
  const rig = await startBenchRig({ name: 'moderator-mount-ab', showFile: join(ROOT, 'resources/demo-show/show.json'), producerToken: null });
  const { station } = rig;
  try {
    const load = await prepareDeskLoad(station);
    await load.fill();
    const browser = await launchChromium(UNPACED_FRAME_ARGS);
    const res: Record<'A' | 'B', { script: number[]; layout: number[]; total: number[] }> = { A: { script: [], layout: [], total: [] }, B: { script: [], layout: [], total: [] } };
    try {
      const block = async (which: 'A' | 'B') => {
        const ctx = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
        try {
          await serveBuild(ctx, which === 'A' ? dirA : dirB, join(ROOT, 'out/renderer'));
          const p = await ctx.newPage();
          await p.goto(`${station.url}/moderator?token=${load.token}&as=Ana%20Reyes`);
          await load.showAll(p);
          await new Promise((r) => setTimeout(r, 2_000));
          // The first steps warm the code paths (V8 compiles); the rest are the figures.
          const warm = Math.min(6, Math.floor(steps / 3));
          const r = (await p.evaluate(STEPS(steps, mode))) as { script: number[]; layout: number[]; holes: number; awayRows: number };
          const s = r.script.slice(warm);
          const l = r.layout.slice(warm);
          const t = s.map((x, i) => x + (l[i] as number));
          res[which].script.push(med(s));
          res[which].layout.push(med(l));
          res[which].total.push(med(t));
          console.log(`${new Date().toISOString().slice(11, 19)} load ${loadavg()[0]?.toFixed(1)} ${which}: median script ${med(s).toFixed(2)} ms, style+layout ${med(l).toFixed(2)} ms, both ${med(t).toFixed(2)} ms (max ${Math.max(...t).toFixed(1)}; placeholders seen ${r.holes}${mode === 'return' ? `, rows seen while away ${r.awayRows}` : ''})`);
        } finally {
          await ctx.close();
        }
      };
      await alternatePairs(pairs, () => block('A'), () => block('B'));
    } finally {
      await browser.close();
    }
    for (const m of ['script', 'layout', 'total'] as const) {
      const a = res.A[m];
      const b = res.B[m];
      console.log(`${m.padEnd(6)} A ${a.map((x) => x.toFixed(2)).join(' ')} · B ${b.map((x) => x.toFixed(2)).join(' ')} · B/A per pair ${a.map((x, i) => ((b[i] as number) / x).toFixed(2)).join(' ')}`);
    }
  } finally {
    await rig.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
