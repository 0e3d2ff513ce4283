// Where the moderator desk's unpaced frames go: the same 100,000-comment desk and the same walks as
// bench/moderator.bench.ts (jumps + j, smooth scroll, scroll while 2,000/s arrive) in the unpaced
// Chromium, under V8's sampling profiler (CDP Profiler, 100 µs). Each frame interval the page
// records is matched with the samples taken in it, and the slowest frames' samples are summed per
// function — so a slow frame is explained by the code that ran in it, or by its absence (idle: the
// main thread waited on the compositor or for a core). A diagnostic, not a bench: it prints no target.
//   npx electron-vite build && node --import tsx bench/moderator-profile.ts [walk|scroll|live]
// Other modes (argv[2]): `frames [runs]` (which steps of jumps + j are slow, over reloads), `trace
// <walk|scroll|live> [order]` (each frame's renderer threads; TRACE_FRAMES=60,61 adds every thread's
// biggest events in those frames — the worker pool runs raster *and* V8's background compiles and
// scavenges, so a busy "ThreadPoolForegroundWorker" is not raster until its events say so), `raster`
// (tiles rastered per frame of the walk, by layer), `layers`, `check`. PROFILE_FRAMES=60,61: the
// sampled functions of those frames of the walk. `messages`: what the station sends a fresh desk
// around the open, by kind and size.
import { join } from 'node:path';
import type { CDPSession, Page } from '@playwright/test';
import { SCROLL_FOR, STEP_WALK, type FrameWalk } from '../test/probes/moderator-frames';
import { parseTrace, type TraceEvent } from './support/trace-breakdown';
import { frameCosts } from './support/frame-costs';
import { serveBuild } from './support/serve-build';
import { launchChromium, ROOT, startBenchRig, UNPACED_FRAME_ARGS } from './support/browser-rig';
import { prepareDeskLoad } from './support/desk-load';

const p95 = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] ?? Number.NaN;
const med = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;


interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** A marker the page spins in for 5 ms at its start, so the profile's clock can be matched with the page's. */
const MARKED = (walk: string) => `(async () => {
  const t0 = performance.now();
  (function __profileMarker() { const end = performance.now() + 5; while (performance.now() < end) {} })();
  const r = await ${walk};
  return { ...r, marker: t0 };
})()`;

async function profiled(cdp: CDPSession, page: Page, walk: string, during?: () => Promise<void>): Promise<{ walk: FrameWalk & { marker: number }; profile: Profile }> {
  await cdp.send('Profiler.start');
  const running = page.evaluate(MARKED(walk)) as Promise<FrameWalk & { marker: number }>;
  if (during) await during();
  const w = await running;
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  return { walk: w, profile };
}

const label = (n: ProfileNode) => {
  const f = n.callFrame;
  const file = f.url ? (f.url.split('/').pop() ?? f.url) : '';
  return `${f.functionName || '(anonymous)'}${file ? ` ${file}:${f.lineNumber + 1}${process.env.PROFILE_COLUMNS ? `:${f.columnNumber + 1}` : ""}` : ''}`;
};

function report(name: string, w: FrameWalk & { marker: number }, profile: Profile): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // Sample times (µs, profiler clock).
  const times: number[] = [];
  let t = profile.startTime;
  for (const d of profile.timeDeltas) times.push((t += d));
  const markerAt = profile.samples.findIndex((s) => byId.get(s)?.callFrame.functionName === '__profileMarker');
  if (markerAt < 0) throw new Error('marker not sampled');
  // Page time (ms) of each sample: the marker's first sample is the page's marker time.
  const offset = w.marker - (times[markerAt] as number) / 1000;
  const pageT = times.map((x) => x / 1000 + offset);
  // Frame boundaries in page time: the walk's intervals summed from its start, taken as the marker's
  // end (the walk asks for its first frame right after the marker; the first interval is sliced off
  // by STEP_WALK, so frames there are placed up to one frame early — close enough to name the work).
  const ends: number[] = [];
  let acc = 0;
  for (const x of w.times) ends.push((acc += x));
  const start = w.marker + 5;
  const frameOf = (pt: number) => {
    const rel = pt - start;
    if (rel < 0) return -1;
    let lo = 0;
    let hi = ends.length - 1;
    if (rel > (ends[hi] as number)) return -1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((ends[mid] as number) < rel) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const sorted = [...w.times].sort((a, b) => a - b);
  const p90 = sorted[Math.floor(sorted.length * 0.9)] as number;
  const p95 = sorted[Math.floor(sorted.length * 0.95)] as number;
  const slow = new Set(w.times.map((x, i) => (x >= p90 ? i : -1)).filter((i) => i >= 0));
  const self = new Map<string, number>();
  const incl = new Map<string, number>();
  const all = new Map<string, number>();
  let slowMs = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const f = frameOf(pageT[i] as number);
    const node = byId.get(profile.samples[i] as number);
    if (!node) continue;
    if (f >= 0) all.set(label(node), (all.get(label(node)) ?? 0) + dt);
    if (f < 0 || !slow.has(f)) continue;
    slowMs += dt;
    self.set(label(node), (self.get(label(node)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      const l = label(byId.get(id) as ProfileNode);
      if (seen.has(l)) continue;
      seen.add(l);
      incl.set(l, (incl.get(l) ?? 0) + dt);
    }
  }
  const top = (m: Map<string, number>, n: number, per: number) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `    ${(v / per).toFixed(2).padStart(7)} ms  ${k}`)
      .join('\n');
  console.log(`\n== ${name}: ${w.times.length} frames, p50 ${sorted[Math.floor(sorted.length / 2)]?.toFixed(1)} p90 ${p90.toFixed(1)} p95 ${p95.toFixed(1)} max ${sorted.at(-1)?.toFixed(1)} ms`);
  console.log(`  slowest ${slow.size} frames (≥ p90), sampled ${(slowMs / slow.size).toFixed(1)} ms a frame; self time a frame:`);
  console.log(top(self, 22, slow.size));
  console.log('  inclusive a frame (slow frames):');
  console.log(top(incl, 30, slow.size));
  console.log(`  all ${w.times.length} frames, self time a frame:`);
  console.log(top(all, 12, w.times.length));
  console.log(`  slow frame indices: ${[...slow].join(' ')}`);
  // PROFILE_FRAMES=60,61: each named frame's own samples, by function (self time).
  for (const want of (process.env.PROFILE_FRAMES ?? '').split(',').filter(Boolean).map(Number)) {
    const own = new Map<string, number>();
    for (let i = 0; i < profile.samples.length; i++) {
      if (frameOf(pageT[i] as number) !== want) continue;
      const node = byId.get(profile.samples[i] as number);
      if (node) own.set(label(node), (own.get(label(node)) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
    }
    console.log(`  frame ${want} (${w.times[want]?.toFixed(1)} ms):\n${top(own, 14, 1)}`);
  }
}

function traceReport(events: TraceEvent[], inOrder = false): void {
  const costs = frameCosts(events);
  if (!costs) throw new Error('no frames');
  const { pid, tid } = costs.thread;
  const cpu = costs.frames.map((f) => f.cpuMs).sort((a, b) => a - b);
  const cut = cpu[Math.floor(cpu.length * 0.9)] as number;
  const dear = costs.frames.filter((f) => f.cpuMs >= cut);
  console.log(`frames ${costs.frames.length}, CPU p50 ${cpu[Math.floor(cpu.length / 2)]?.toFixed(1)} p90 ${cut.toFixed(1)} p95 ${cpu[Math.floor(cpu.length * 0.95)]?.toFixed(1)}; wall p95 ${[...costs.frames.map((f) => f.wallMs)].sort((a, b) => a - b)[Math.floor(cpu.length * 0.95)]?.toFixed(1)}`);
  const mine = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  // Self CPU time per event name: an event's tdur minus its direct children's.
  const selfIn = (frames: readonly { from: number; to: number }[], on: readonly TraceEvent[] = mine) => {
    const self = new Map<string, number>();
    for (const f of frames) {
      const inFrame = on.filter((e) => e.ts >= f.from && e.ts < f.to);
      const stack: TraceEvent[] = [];
      const selfOf = new Map<TraceEvent, number>();
      for (const e of inFrame) {
        while (stack.length && (stack.at(-1) as TraceEvent).ts + ((stack.at(-1) as TraceEvent).dur ?? 0) <= e.ts) stack.pop();
        const t = (e.tdur ?? e.dur ?? 0) / 1000;
        selfOf.set(e, t);
        const parent = stack.at(-1);
        if (parent) selfOf.set(parent, (selfOf.get(parent) ?? 0) - t);
        stack.push(e);
      }
      for (const [e, t] of selfOf) self.set(`${e.cat} ${e.name}`, (self.get(`${e.cat} ${e.name}`) ?? 0) + t / frames.length);
    }
    return self;
  };
  const self = selfIn(dear);
  // Per frame: CPU of each renderer thread (main, compositor, raster workers) in the frame's span.
  const names = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, String((e.args as { name?: string } | undefined)?.name ?? ''));
  const threads = [...names.entries()].filter(([k]) => k.startsWith(`${pid}:`));
  const top = (e: TraceEvent) => e.ph === 'X' && (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask' || e.name === 'TaskGraphRunner::RunTask' || e.name === 'ThreadPool_RunTask');
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) if (e.pid === pid && top(e)) byThread.set(`${e.pid}:${e.tid}`, [...(byThread.get(`${e.pid}:${e.tid}`) ?? []), e]);
  const cpuIn = (k: string, from: number, to: number) => {
    let ms = 0;
    const seen: TraceEvent[] = [];
    for (const e of byThread.get(k) ?? []) {
      if (e.ts < from || e.ts >= to) continue;
      if (seen.some((s) => s.ts <= e.ts && e.ts < s.ts + (s.dur ?? 0))) continue;
      seen.push(e);
      ms += (e.tdur ?? e.dur ?? 0) / 1000;
    }
    return ms;
  };
  const byWall = [...costs.frames].map((f, i) => ({ f, i, wall: (f.to - f.from) / 1000 })).sort((a, b) => b.wall - a.wall);
  const wallSorted = byWall.map((x) => x.wall).sort((a, b) => a - b);
  console.log(`frame spans (BeginMainThreadFrame to next): p50 ${wallSorted[Math.floor(wallSorted.length / 2)]?.toFixed(1)} p95 ${wallSorted[Math.floor(wallSorted.length * 0.95)]?.toFixed(1)}`);
  console.log(`threads: ${threads.map(([k, v]) => `${v}(${k.split(':')[1]})`).join(', ')}`);
  // The 12 slowest frames, or (inOrder) every frame in the order drawn.
  for (const { f, i, wall } of inOrder ? [...byWall].sort((a, b) => a.i - b.i) : byWall.slice(0, 12)) {
    const parts = threads.map(([k, v]) => [v, cpuIn(k, f.from, f.to)] as const).filter(([, ms]) => ms > 0.2);
    console.log(`  frame ${i}: span ${wall.toFixed(1)} ms; main CPU ${f.cpuMs.toFixed(1)}; ${parts.map(([v, ms]) => `${v} ${ms.toFixed(1)}`).join(' · ')}`);
    // What this frame's main thread did: its five biggest events by self CPU time.
    const topEvents = [...selfIn([f]).entries()].sort((a, b) => b[1] - a[1]).slice(0, 9);
    console.log(`      ${topEvents.map(([k, ms]) => `${k.split(' ').at(-1)} ${ms.toFixed(1)}`).join(' · ')}`);
    // TRACE_FRAMES=60,61: every renderer thread's biggest events in those frames, by self CPU time.
    if ((process.env.TRACE_FRAMES ?? '').split(',').includes(String(i))) {
      for (const [k, v] of threads) {
        const on = events.filter((e) => `${e.pid}:${e.tid}` === k && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
        const t = [...selfIn([f], on).entries()].sort((a, b) => b[1] - a[1]).slice(0, 8).filter(([, ms]) => ms > 0.2);
        if (t.length) console.log(`        ${v}: ${t.map(([n, ms]) => `${n.split(' ').at(-1)} ${ms.toFixed(1)}`).join(' · ')}`);
      }
    }
  }
  const totals = costs.frames.map((f) => threads.reduce((a, [k]) => a + cpuIn(k, f.from, f.to), 0)).sort((a, b) => a - b);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  console.log(`renderer CPU per frame, all threads: mean ${mean(totals).toFixed(1)} p50 ${totals[Math.floor(totals.length / 2)]?.toFixed(1)} p90 ${totals[Math.floor(totals.length * 0.9)]?.toFixed(1)} p95 ${totals[Math.floor(totals.length * 0.95)]?.toFixed(1)} ms`);
  for (const [k, v] of threads) console.log(`  ${v}: mean ${mean(costs.frames.map((f) => cpuIn(k, f.from, f.to))).toFixed(2)} ms a frame`);
  console.log(`dearest ${dear.length} frames (CPU ≥ p90), self CPU ms a frame by event:`);
  for (const [k, v] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`  ${v.toFixed(2).padStart(7)}  ${k}`);
}

async function main(): Promise<void> {
  const rig = await startBenchRig({ name: 'moderator-profile', showFile: join(ROOT, 'resources/demo-show/show.json'), producerToken: null });
  const { station } = rig;
  try {
    const load = await prepareDeskLoad(station);
    const { token, liveLoad } = load;
    await load.fill();
    const unpaced = await launchChromium(UNPACED_FRAME_ARGS);
    try {
      const ctx = await unpaced.newContext({ viewport: { width: 1600, height: 1000 } });
      // BATON_RENDERER=<out/renderer dir>: profile that build instead of this checkout's.
      if (process.env.BATON_RENDERER) await serveBuild(ctx, process.env.BATON_RENDERER, join(ROOT, 'out/renderer'));
      const p = await ctx.newPage();
      await p.goto(`${station.url}/moderator?token=${token}&as=Ana%20Reyes`);
      await load.showAll(p);
      const cdp = await ctx.newCDPSession(p);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      const toTop = async () => {
        await p.evaluate(`document.querySelector('[data-testid="comment-list"]').scrollTop = 0`);
        await new Promise((r) => setTimeout(r, 500));
      };
      const only = process.argv[2];
      if (only === 'open') {
        // The open and the cold walk as one timeline: a fresh context traced from navigation through
        // the jumps + j walk started the moment the full count shows (as the bench's cold walk). Every
        // renderer main-thread task over OPEN_TASK_MS (default 4) of CPU, in order, with its biggest
        // events and where it falls against the walk's frames: which of the open's work collides with them.
        const runs = Number(process.argv[3] ?? 1);
        const minMs = Number(process.env.OPEN_TASK_MS ?? 4);
        for (let r = 0; r < runs; r++) {
          const c2 = await unpaced.newContext({ viewport: { width: 1600, height: 1000 } });
          if (process.env.BATON_RENDERER) await serveBuild(c2, process.env.BATON_RENDERER, join(ROOT, 'out/renderer'));
          const q = await c2.newPage();
          const cats = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame', 'blink.user_timing', 'v8', 'blink_gc', 'toplevel'];
          await unpaced.startTracing(q, { categories: cats });
          await q.goto(`${station.url}/moderator?token=${token}&as=Ana%20Reyes`);
          await load.showAll(q);
          await q.evaluate(`performance.mark('walk-start')`);
          const w = (await q.evaluate(STEP_WALK)) as FrameWalk;
          await q.evaluate(`performance.mark('walk-end')`);
          const events = parseTrace(await unpaced.stopTracing());
          await c2.close();
          const costs = frameCosts(events);
          if (!costs) throw new Error('no frames');
          const { pid, tid } = costs.thread;
          const markTs = (n: string) => events.find((e) => e.name === n && e.pid === pid)?.ts ?? Number.NaN;
          const t0 = markTs('walk-start');
          const nav = events.find((e) => e.name === 'navigationStart' && e.pid === pid)?.ts ?? events.filter((e) => e.pid === pid).reduce((a, e) => Math.min(a, e.ts), Infinity);
          const over = w.times.map((x, i) => (x > 16.7 ? `${i}=${x.toFixed(0)}` : '')).filter(Boolean).join(' ');
          console.log(`run ${r + 1}: walk p95 ${p95(w.times).toFixed(1)}; over 16.7: ${over}; walk starts ${((t0 - nav) / 1000).toFixed(0)} ms after navigation`);
          const mine = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
          const tasks = mine.filter((e) => e.name === 'RunTask' && (e.tdur ?? e.dur ?? 0) / 1000 >= minMs);
          const frameOf = (ts: number) => costs.frames.findIndex((f) => f.from <= ts && ts < f.to);
          for (const t of tasks) {
            const inside = mine.filter((e) => e !== t && e.ts >= t.ts && e.ts < t.ts + (t.dur ?? 0));
            const by = new Map<string, number>();
            for (const e of inside) {
              const d = e.args as { data?: { functionName?: string; url?: string; type?: string } } | undefined;
              const k = e.name === 'FunctionCall' ? `fn ${d?.data?.functionName || '?'}@${(d?.data?.url ?? '').split('/').pop()}` : e.name === 'EventDispatch' ? `event ${d?.data?.type}` : e.name;
              if (['RunTask', 'ThreadControllerImpl::RunTask'].includes(e.name)) continue;
              by.set(k, Math.max(by.get(k) ?? 0, (e.tdur ?? e.dur ?? 0) / 1000));
            }
            const top = [...by.entries()].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, ms]) => `${k} ${ms.toFixed(1)}`).join(' · ');
            const rel = (t.ts - t0) / 1000;
            const f = frameOf(t.ts);
            console.log(`  ${rel >= 0 ? '+' : ''}${rel.toFixed(0).padStart(6)} ms (nav +${((t.ts - nav) / 1000).toFixed(0)}) cpu ${((t.tdur ?? t.dur ?? 0) / 1000).toFixed(1)} wall ${((t.dur ?? 0) / 1000).toFixed(1)}${rel >= 0 && f >= 0 ? ` [trace frame ${f}]` : ''}: ${top}`);
          }
        }
        return;
      }
      if (only === 'messages') {
        // What the station sends a freshly opened desk, by kind (snapshot, each domain's patch, each
        // event, each command's answer) and bytes, from navigation to MESSAGES_MS (default 4,000) after
        // the desk lists everything: the work that arrives while the cold walk runs.
        const c2 = await unpaced.newContext({ viewport: { width: 1600, height: 1000 } });
        if (process.env.BATON_RENDERER) await serveBuild(c2, process.env.BATON_RENDERER, join(ROOT, 'out/renderer'));
        const q = await c2.newPage();
        const t0 = performance.now();
        let shownAt = Number.NaN;
        const seen: { at: number; kind: string; bytes: number }[] = [];
        q.on('websocket', (ws) => {
          ws.on('framereceived', (f) => {
            const text = typeof f.payload === 'string' ? f.payload : f.payload.toString('utf8');
            let kind = '?';
            try {
              const m = JSON.parse(text) as { t?: string; domain?: string; event?: { name?: string }; id?: unknown; result?: { items?: unknown[] } };
              const rows = Array.isArray(m.result?.items) ? ` (${m.result.items.length} rows)` : '';
              kind = m.t === 'patch' ? `patch ${m.domain}` : m.t === 'event' ? `event ${m.event?.name}` : `${String(m.t)}${rows}`;
            } catch {
              kind = 'unparsed';
            }
            seen.push({ at: performance.now() - t0, kind, bytes: text.length });
          });
        });
        await q.goto(`${station.url}/moderator?token=${token}&as=Ana%20Reyes`);
        await load.showAll(q);
        shownAt = performance.now() - t0;
        await new Promise((r) => setTimeout(r, Number(process.env.MESSAGES_MS ?? 4000)));
        await c2.close();
        console.log(`desk listed everything ${shownAt.toFixed(0)} ms after navigation (bench clock)`);
        for (const [label, from, to] of [['before', 0, shownAt], ['after', shownAt, Infinity]] as const) {
          const by = new Map<string, { n: number; bytes: number; at: number[] }>();
          for (const m of seen.filter((x) => x.at >= from && x.at < to)) {
            const e = by.get(m.kind) ?? { n: 0, bytes: 0, at: [] };
            e.n += 1;
            e.bytes += m.bytes;
            e.at.push(Math.round(m.at - shownAt));
            by.set(m.kind, e);
          }
          console.log(`${label} the desk listed everything:`);
          for (const [k, e] of [...by.entries()].sort((a, b) => b[1].bytes - a[1].bytes)) console.log(`  ${k.padEnd(28)} ×${String(e.n).padStart(4)} ${(e.bytes / 1024).toFixed(1).padStart(8)} KiB  at ${e.at.slice(0, 12).join(' ')}${e.at.length > 12 ? ' …' : ''} ms`);
        }
        return;
      }
      if (only === 'check') {
        // The live walk really scrolls: where the list is before and after, and the first row shown.
        const where = () => p.evaluate(`(() => { const l = document.querySelector('[data-testid="comment-list"]'); const r = document.querySelector('[data-testid="comment-row"]'); return { top: l.scrollTop, connected: l.isConnected, first: r && r.getAttribute('data-id'), rows: document.querySelectorAll('[data-testid="comment-row"]').length }; })()`);
        await toTop();
        console.log('before', JSON.stringify(await where()));
        const w = p.evaluate(SCROLL_FOR(5_000).replace('return {', 'return { endTop: list.scrollTop, connected: list.isConnected,')) as Promise<FrameWalk & { endTop: number; connected: boolean }>;
        await liveLoad();
        const r = await w;
        console.log('walk', r.times.length, 'frames, p95', [...r.times].sort((a, b) => a - b)[Math.floor(r.times.length * 0.95)], 'endTop', r.endTop, 'connected', r.connected);
        console.log('after', JSON.stringify(await where()));
        return;
      }
      if (only === 'layers') {
        const cdp2 = await ctx.newCDPSession(p);
        await cdp2.send('DOM.enable');
        await cdp2.send('LayerTree.enable');
        const got = new Promise<{ layers?: { layerId: string; width: number; height: number; backendNodeId?: number; drawsContent: boolean }[] }>((r) => cdp2.once('LayerTree.layerTreeDidChange', r));
        await p.evaluate(`document.querySelector('[data-testid="comment-list"]').scrollTop += 600`);
        const { layers = [] } = await got;
        for (const l of layers) {
          const why = (await cdp2.send('LayerTree.compositingReasons', { layerId: l.layerId }).catch(() => ({ compositingReasons: [] as string[] }))) as { compositingReasons?: string[]; compositingReasonIds?: string[] };
          console.log(`layer ${l.layerId} ${l.width}×${l.height} draws ${l.drawsContent} node ${l.backendNodeId ?? '-'}: ${(why.compositingReasonIds ?? why.compositingReasons ?? []).join(', ')}`);
        }
        return;
      }
      if (only === 'frames') {
        // Which frames of the jumps + j walk are slow: the walk on a freshly opened desk (same
        // selection, same scroll each time), `runs` times; each frame's interval, median over the
        // runs, and the frames over 16.7 ms by step (a p95 over 100 frames is the 6th-slowest).
        const runs = Number(process.argv[3] ?? 5);
        const all: number[][] = [];
        for (let r = 0; r < runs; r++) {
          if (r > 0) {
            await p.reload();
            await load.showAll(p);
            await new Promise((res) => setTimeout(res, 500));
          }
          const w = (await p.evaluate(STEP_WALK)) as FrameWalk;
          all.push(w.times);
          const slow = w.times.map((x, i) => [i, x] as const).filter(([, x]) => x > 16.7);
          console.log(`run ${r + 1}: p95 ${p95(w.times).toFixed(1)}; over 16.7 ms: ${slow.map(([i, x]) => `${i < 60 ? 'jump' : 'j'}#${i}=${x.toFixed(0)}`).join(' ')}`);
        }
        const n = Math.min(...all.map((t) => t.length));
        const medians = Array.from({ length: n }, (_, i) => med(all.map((t) => t[i] as number)));
        console.log(`median interval per frame (jumps are 0–59, j 60–99):\n${medians.map((x, i) => `${i}:${x.toFixed(1)}`).join(' ')}`);
        return;
      }
      if (only === 'raster') {
        // What the raster workers draw in each frame of the jumps + j walk on a freshly opened desk:
        // raster tasks (tiles) per frame, their CPU, the layers they belong to, and image decodes.
        const cats = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame', 'cc', 'disabled-by-default-cc.debug'];
        await unpaced.startTracing(p, { categories: cats });
        const w = (await p.evaluate(STEP_WALK)) as FrameWalk;
        const events = parseTrace(await unpaced.stopTracing());
        const costs = frameCosts(events);
        if (!costs) throw new Error('no frames');
        const rasters = events.filter((e) => e.ph === 'X' && (e.name === 'RasterTask' || e.name === 'ImageDecodeTask' || e.name === 'TileManager::AssignGpuMemoryToTiles'));
        console.log(`walk p95 ${p95(w.times).toFixed(1)}; frames over 16.7: ${w.times.map((x, i) => (x > 16.7 ? `${i}=${x.toFixed(0)}` : '')).filter(Boolean).join(' ')}`);
        costs.frames.forEach((f, i) => {
          const inF = rasters.filter((e) => e.ts >= f.from && e.ts < f.to);
          const tiles = inF.filter((e) => e.name === 'RasterTask');
          const layers = new Map<string, number>();
          for (const t of tiles) {
            const data = (t.args as { tileData?: { layerId?: number; tileResolution?: string } } | undefined)?.tileData;
            const k = `${data?.layerId ?? '?'}${data?.tileResolution && data.tileResolution !== 'HIGH_RESOLUTION' ? `/${data.tileResolution}` : ''}`;
            layers.set(k, (layers.get(k) ?? 0) + 1);
          }
          const cpu = tiles.reduce((a, e) => a + (e.tdur ?? e.dur ?? 0), 0) / 1000;
          const decodes = inF.filter((e) => e.name === 'ImageDecodeTask').length;
          console.log(`  frame ${i}: span ${((f.to - f.from) / 1000).toFixed(1)} main ${f.cpuMs.toFixed(1)}; ${tiles.length} tiles, raster CPU ${cpu.toFixed(1)} ms, max ${(Math.max(0, ...tiles.map((e) => e.tdur ?? e.dur ?? 0)) / 1000).toFixed(1)}; layers ${[...layers].map(([k, n]) => `${k}×${n}`).join(' ')}${decodes ? `; ${decodes} decodes` : ''}`);
        });
        return;
      }
      if (only === 'trace') {
        // Every main-thread event in the slowest frames of a smooth scroll, by self time (wide categories).
        const cats = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame', 'blink', 'cc', 'toplevel', 'v8', 'renderer.scheduler', 'blink.user_timing', 'benchmark', 'input', 'disabled-by-default-cc.debug.scheduler', 'navigation', 'mojom', 'ipc', 'accessibility', 'disabled-by-default-devtools.timeline.stack', 'disabled-by-default-v8.compile', 'blink_gc', 'disabled-by-default-v8.gc'];
        const which = process.argv[3] ?? 'scroll';
        await toTop();
        await unpaced.startTracing(p, { categories: cats });
        const walkP = p.evaluate(which === 'walk' ? STEP_WALK : SCROLL_FOR(which === 'live' ? 5_000 : 3_000)) as Promise<FrameWalk>;
        if (which === 'live') await liveLoad();
        await walkP;
        const events = parseTrace(await unpaced.stopTracing());
        traceReport(events, process.argv[4] === 'order');
        return;
      }
      if (!only || only === 'walk') {
        const a = await profiled(cdp, p, STEP_WALK);
        report('jumps 90,000 px ×60 then j ×40', a.walk, a.profile);
      }
      if (!only || only === 'scroll') {
        await toTop();
        const b = await profiled(cdp, p, SCROLL_FOR(3_000));
        report('smooth scroll 120 px a frame', b.walk, b.profile);
      }
      if (!only || only === 'live') {
        await toTop();
        const c = await profiled(cdp, p, SCROLL_FOR(5_000), liveLoad);
        report('scroll while 2,000/s arrive', c.walk, c.profile);
      }
    } finally {
      await unpaced.close();
    }
  } finally {
    await rig.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
