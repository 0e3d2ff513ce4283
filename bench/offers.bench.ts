// Click-to-confirmed latency of the offer pause: Baton's `offer.pause`/`offer.resume` (which
// answer only after the store's read-back confirms) against the same Admin GraphQL mutations +
// read-back sent raw, in the same run, against the same real Vendure on loopback. Baton is the
// built headless station in its own process, as a producer runs it.
//
//   npm run build && npx tsx bench/offers.bench.ts      (OFFERS_BENCH_CYCLES=200 per transport)
//
// HEADLINE: the path a producer's click takes. The producer's view (the browser UI of the
// headless station) sends commands as frames on its open WebSocket, so the target is measured
// over that socket. (The Electron window sends them over IPC into the same process: no socket at
// all.) The HTTP command API (scripts, automation) is measured in the same run and printed beside
// it. Blocks of ten cycles over each transport alternate; each block's raw calls are its baseline.
//
// The raw baseline toggles a twin of the live bundle (a one-variant product and a promotion built
// like the live ones) so that Baton's own polling never sees a store changed outside it, and so
// that Vendure does the same work for both sides; the GraphQL documents (imported from the adapter), their headers
// and their order are the adapter's. For fairness every HTTP call of the bench goes through the
// client Baton's store adapters use (one undici Agent, connections kept open, plain requests):
// the raw calls, and the HTTP clicks. After each click the bench waits, untimed, for the view's
// patch showing the change, and every measured call, raw or Baton, starts after the same quiet gap,
// so the station's work after its answer never overlaps the next measured call. The station's own cost is shown apart: the floor of a command that calls no
// store over each transport, and the station's CPU time per click (from /proc).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { startVendureStore, type VendureStore } from '../test/peers/vendure-store';
import { OFFER, writeVendureShow } from '../test/peers/vendure-station';
import { startStationProcess, type StationProcess } from '../test/peers/station-process';
import { createKeepAliveHttp } from '../src/core/offers/keep-alive.http';
import { rawClient, stationClient, twinOfBundle, waitLive } from './support/vendure-raw';
import { report, summarise, type BenchRow } from './support/report';
import { pairedRatio } from './support/paired-blocks';
import { openWsCommands, type WsCommands } from './support/ws-commands';
import { processCpuMs } from './support/process-cpu';
import { gcOverlap, readGcProbe } from './support/gc-overlap';
import { clickParts, medianParts, rawParts, readTrace, recordOwnCalls, type Parts } from './support/click-trace';

const CYCLES = Number(process.env.OFFERS_BENCH_CYCLES ?? 200);
/**
 * OFFERS_BENCH_TRACE=1: the station records its trace points and store calls (BATON_TRACE_FILE), the
 * bench its own calls, and the report cuts the median pause into parts beside the raw one's. Off
 * by default, so the headline figures are those of an untraced station.
 */
const TRACE = process.env.OFFERS_BENCH_TRACE === '1';
/**
 * OFFERS_BENCH_AB=immediate,timer:1,timer:2: a same-run A/B of when the station's broadcast goes out
 * after a command (publish-switch.ts). The measured loop then runs the WebSocket click only, one block
 * per side in each round (the order rotating and reversing from round to round), the station told
 * the side through BATON_PUBLISH_AB_FILE before each block; each side is reported over its blocks'
 * raw calls and over the first side's blocks of the same rounds.
 */
const AB = process.env.OFFERS_BENCH_AB?.split(',').map((m) => m.trim()).filter(Boolean) ?? [];
const WARMUP = 5;
/** Cycles per block; blocks of the two transports alternate. */
const BLOCK = 10;

/** How a click reaches the station: the view's WebSocket (a producer's click) or the HTTP API. */
type Transport = 'ws' | 'http';
interface Block {
  batonPause: number[];
  rawPause: number[];
  batonResume: number[];
  rawResume: number[];
  /** Click to the view's patch showing the pause. */
  shown: number[];
}
const TARGET = 1.08;
/**
 * An untimed quiet gap before every measured call, Baton's or raw. A click leaves work behind it in
 * the station after its answer and its patch (the checklist is re-evaluated 50 ms after the first
 * offers patch, and its patch goes to the view); without the gap that work landed inside whichever
 * measured call was running 50 ms later, raw or Baton depending on how fast Vendure answered. Both
 * sides start from the same idle machine.
 */
const QUIET_MS = 50;
const quiet = () => new Promise<void>((r) => setTimeout(r, QUIET_MS));

const GC_PROBE = fileURLToPath(new URL('./support/gc-probe.mjs', import.meta.url));
/** Epoch ms, so a window compares with the station's own clock (gc-probe.mjs). */
const epochNow = () => performance.timeOrigin + performance.now();


async function time(fn: () => Promise<void>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'baton-offers-bench-'));
  let store: VendureStore | undefined;
  let baton: StationProcess | undefined;
  let view: WsCommands | undefined;
  const keepAlive = createKeepAliveHttp();
  try {
    store = await startVendureStore({ workDir: join(dir, 'vendure') });
    const twin = await twinOfBundle(store);
    const raw = await rawClient(store, twin.promotionId, twin.variantId, keepAlive.post);
    // BATON_BENCH_PROFILE=<dir>: the station writes a V8 CPU profile there when it stops.
    const profileDir = process.env.BATON_BENCH_PROFILE;
    // The station keeps its V8 collections' times (gc-probe.mjs) and hands them over at the end, to
    // tell whether a collection fell inside a click.
    const gcFile = join(dir, 'station-gc.json');
    const traceFile = join(dir, 'station-trace.json');
    const ownCalls = TRACE ? recordOwnCalls() : null;
    const abFile = join(dir, 'publish-mode');
    if (AB.length > 0) writeFileSync(abFile, AB[0]!);
    baton = await startStationProcess({
      dataDir: join(dir, 'station'),
      showFile: writeVendureShow(join(dir, 'show'), store),
      // BATON_STATION_NODE_FLAGS: flags for the station's Node (a young-generation size, say), as the e2e harness takes them.
      nodeArgs: [`--import=${GC_PROBE}`, ...(profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : []), ...(process.env.BATON_STATION_NODE_FLAGS?.split(' ').filter(Boolean) ?? [])],
      env: { BATON_GC_PROBE: gcFile, ...(TRACE ? { BATON_TRACE_FILE: traceFile } : {}), ...(AB.length > 0 ? { BATON_PUBLISH_AB_FILE: abFile } : {}) },
      // OFFERS_BENCH_ENTRY=<a saved build's main/headless.js>: the same bench on the build before a change.
      ...(process.env.OFFERS_BENCH_ENTRY ? { entry: process.env.OFFERS_BENCH_ENTRY } : {}),
    });
    const b = baton;
    // The producer's first step with a real store: hand Baton the password (secret store, not the show).
    const cred = await b.api('offer.credentials', { offerId: OFFER, value: store.password });
    if (!cred.body.ok) throw new Error(`offer.credentials: ${JSON.stringify(cred.body)}`);
    await waitLive(b);
    const command = stationClient(b, keepAlive.post);
    // The producer's view: one WebSocket, open for the whole run (it receives every patch, as a
    // view does, whichever transport the click came by).
    view = await openWsCommands(b.url, b.tokens.producer);
    const v = view;
    const shows = (phase: string) => (value: unknown) =>
      (value as { items?: { id: string; state: string }[] }).items?.some((i) => i.id === OFFER && i.state === phase) === true;
    const send: Record<Transport, (name: string, args: unknown) => Promise<{ ok: boolean; result?: unknown; error?: unknown; parsedAt?: number }>> = {
      ws: (name, args) => v.send(name, args),
      http: command,
    };
    /** [start, end] of every measured Baton click and raw operation, epoch ms, for the GC overlap. */
    const measured: { baton: [number, number][]; raw: [number, number][]; on: boolean } = { baton: [], raw: [], on: false };
    /** The same windows with what they were, for the trace's breakdown. */
    const spans: { baton: { via: Transport; name: string; span: [number, number]; side?: string; block?: number }[]; raw: { name: string; span: [number, number] }[] } = { baton: [], raw: [] };
    /** The A/B side the station is on now (OFFERS_BENCH_AB), tagged on each click's span. */
    let side: string | undefined;
    /** One click: the time to the station's answer; the view's patch is awaited after, untimed. */
    const click = async (via: Transport, name: 'offer.pause' | 'offer.resume', expected: string, shownMs: number[] | null) => {
      await quiet();
      const shown = v.patch('offers', shows(expected));
      const t0 = performance.now();
      const r = await send[via](name, name === 'offer.pause' ? { offerId: OFFER, reason: 'bench' } : { offerId: OFFER });
      const ms = performance.now() - t0;
      // Over the WebSocket: how long after its own frame was parsed the answer reached the click (the
      // frames that came in the same read — the click's patches — are handled first).
      if (measured.on && r.parsedAt !== undefined && name === 'offer.pause') answerToClick.push(t0 + ms - r.parsedAt);
      if (measured.on) {
        const span: [number, number] = [performance.timeOrigin + t0, epochNow()];
        measured.baton.push(span);
        spans.baton.push({ via, name, span, ...(side !== undefined ? { side, block: blocks.ws.length } : {}) });
      }
      const state = (r.result as { state?: string } | undefined)?.state;
      if (state !== expected) throw new Error(`${name} over ${via} answered ${JSON.stringify(r)}`);
      // Whatever the station does after its answer (patches to the view) is done before the next
      // measured call, whichever side that is.
      await shown;
      shownMs?.push(performance.now() - t0);
      return ms;
    };
    /** One raw operation, after the same quiet gap as a click. */
    const rawTimed = async (op: () => Promise<void>, name: string) => {
      await quiet();
      const start = epochNow();
      const ms = await time(op);
      if (measured.on) {
        const span: [number, number] = [start, epochNow()];
        measured.raw.push(span);
        spans.raw.push({ name, span });
      }
      return ms;
    };
    const blocks: Record<Transport, Block[]> = { ws: [], http: [] };
    /** OFFERS_BENCH_AB: each side's WebSocket blocks, the i-th of every side from the same round. */
    const sideBlocks = new Map<string, Block[]>(AB.map((m) => [m, []]));
    const answerToClick: number[] = [];
    /** `cycles` pause/resume cycles through `via`, each beside the raw calls, which goes first alternating. */
    const runBlock = async (via: Transport, cycles: number, keep: boolean) => {
      const blk: Block = { batonPause: [], rawPause: [], batonResume: [], rawResume: [], shown: [] };
      for (let i = 0; i < cycles; i++) {
        if (i % 2 === 0) {
          blk.batonPause.push(await click(via, 'offer.pause', 'paused', blk.shown));
          blk.rawPause.push(await rawTimed(() => raw.pause(), 'pause'));
          blk.batonResume.push(await click(via, 'offer.resume', 'live', null));
          blk.rawResume.push(await rawTimed(() => raw.resume(), 'resume'));
        } else {
          blk.rawPause.push(await rawTimed(() => raw.pause(), 'pause'));
          blk.batonPause.push(await click(via, 'offer.pause', 'paused', blk.shown));
          blk.rawResume.push(await rawTimed(() => raw.resume(), 'resume'));
          blk.batonResume.push(await click(via, 'offer.resume', 'live', null));
        }
      }
      if (keep) blocks[via].push(blk);
    };
    // What the idle station spends (its timers, the offer's 5 s poll), to take out of the per-click figure.
    const idleFrom = processCpuMs(b.child.pid);
    const idleStarted = performance.now();
    await new Promise((r) => setTimeout(r, 5000));
    const idleTo = processCpuMs(b.child.pid);
    const idlePerMs = idleFrom !== null && idleTo !== null ? (idleTo - idleFrom) / (performance.now() - idleStarted) : null;
    await runBlock('ws', WARMUP, false);
    await runBlock('http', WARMUP, false);
    const stationCpuFrom = processCpuMs(b.child.pid);
    measured.on = true;
    const loopStarted = performance.now();
    // Blocks of each transport alternate (ws, http, then http, ws, ...), so drift in the store
    // (cache, WAL, GC) and in the machine's load lands on both alike; each block's raw calls are
    // that block's baseline.
    const pairs = Math.ceil(CYCLES / BLOCK);
    for (let i = 0; i < pairs; i++) {
      if (AB.length > 0) {
        // Rotated each round and reversed every other pair of rounds (two sides: ABBA), so no side
        // always follows another, or always goes first.
        const rotated = AB.map((_, k) => AB[(k + i) % AB.length]!);
        for (const mode of Math.floor(i / 2) % 2 === 0 ? rotated : rotated.reverse()) {
          writeFileSync(abFile, mode);
          side = mode;
          // The station sees the rewrite (inotify) well within the quiet gap before the block's first call.
          await runBlock('ws', BLOCK, true);
          const blk = blocks.ws.at(-1)!;
          sideBlocks.get(mode)!.push(blk);
        }
        continue;
      }
      const order: Transport[] = i % 2 === 0 ? ['ws', 'http'] : ['http', 'ws'];
      for (const via of order) await runBlock(via, BLOCK, true);
    }
    // What follows (the storeless round trips) runs on the first side: the station's default.
    if (AB.length > 0) {
      writeFileSync(abFile, AB[0]!);
      side = undefined;
      await quiet();
    }
    const stationCpuTo = processCpuMs(b.child.pid);
    measured.on = false;
    const loopMs = performance.now() - loopStarted;
    const rows: BenchRow[] = [];
    const cyclesOf = (via: Transport) => blocks[via].reduce((n, blk) => n + blk.batonPause.length, 0);
    for (const via of (['ws', 'http'] as const).filter((t) => blocks[t].length > 0)) {
      const path = via === 'ws' ? 'Baton WS, the producer’s click' : 'Baton HTTP, the automation API';
      for (const op of ['pause', 'resume'] as const) {
        const paired = {
          a: blocks[via].map((blk) => (op === 'pause' ? blk.rawPause : blk.rawResume)),
          b: blocks[via].map((blk) => (op === 'pause' ? blk.batonPause : blk.batonResume)),
        };
        const headline = via === 'ws';
        // One row per percentile, each with its 90 % band; the target is the headline transport's.
        const at = { median: pairedRatio(paired, 50), p99: pairedRatio(paired, 99) };
        for (const [label, r] of Object.entries(at)) {
          rows.push({
            metric: `${op} click-to-confirmed ${label} (${path}) (90 % ${r.lo.toFixed(2)}–${r.hi.toFixed(2)})`,
            value: r.b,
            unit: 'ms',
            baseline: r.a,
            ratio: r.ratio,
            ...(headline ? { target: `≤ ${TARGET}× raw`, pass: r.ratio <= TARGET } : {}),
          });
        }
        rows.push({ metric: `${op} Baton overhead median (${via.toUpperCase()})`, value: at.median.b - at.median.a, unit: 'ms' });
      }
      rows.push({
        metric: `pause: click to the view showing it paused (its patch), median (${via.toUpperCase()})`,
        value: summarise(blocks[via].flatMap((blk) => blk.shown)).p50,
        unit: 'ms',
      });
    }
    if (AB.length > 0) {
      const first = sideBlocks.get(AB[0]!)!;
      for (const [mode, list] of sideBlocks) {
        for (const op of ['pause', 'resume'] as const) {
          const pick = (blk: Block) => (op === 'pause' ? blk.batonPause : blk.batonResume);
          const overRaw = pairedRatio({ a: list.map((blk) => (op === 'pause' ? blk.rawPause : blk.rawResume)), b: list.map(pick) }, 50);
          rows.push({ metric: `A/B ${mode}: ${op} median over raw (90 % ${overRaw.lo.toFixed(3)}–${overRaw.hi.toFixed(3)})`, value: overRaw.b, unit: 'ms', baseline: overRaw.a, ratio: overRaw.ratio });
          if (list !== first) {
            const overFirst = pairedRatio({ a: first.map(pick), b: list.map(pick) }, 50);
            rows.push({ metric: `A/B ${mode} over ${AB[0]}: ${op} median (90 % ${overFirst.lo.toFixed(3)}–${overFirst.hi.toFixed(3)})`, value: overFirst.b, unit: 'ms', baseline: overFirst.a, ratio: overFirst.ratio });
          }
        }
      }
    }
    // Where Baton's time goes, from its own audit rows: the store calls (the attempt row) and the
    // whole handler (the command row); the rest of the click is the hop into the station and back.
    // The storeless round trips below send 600 commands on one token, so the station's per-token rate limit may answer
    // the first audit.list with 429 ("retry in 1 s"): wait as it says and ask again (this was the bench's occasional
    // TypeError at the end of a run).
    const audited = async (command: string) => {
      let r = await b.api('audit.list', { limit: cyclesOf('ws') + cyclesOf('http'), command });
      for (let tries = 0; r.status === 429 && tries < 5; tries++) {
        await new Promise((done) => setTimeout(done, 1_100));
        r = await b.api('audit.list', { limit: cyclesOf('ws') + cyclesOf('http'), command });
      }
      const result = r.body.result as { entries: { durationMs: number }[] } | undefined;
      if (!result) throw new Error(`audit.list ${command} answered ${r.status}: ${JSON.stringify(r.body).slice(0, 300)}`);
      return result.entries.map((e) => e.durationMs);
    };
    // The floor of any click through the station, measured now, beside the same Vendure: a write
    // command that touches no store, over the view's WebSocket, through the clicks' HTTP client
    // and through global fetch (how the bench sent commands before), interleaved. The bench show
    // has no script, so the station refuses it (conflict) — after parsing, authorising, running the
    // handler and auditing, as for any write: the hop and the audit commit without a store.
    const floor: number[] = [];
    const floorWs: number[] = [];
    const floorFetch: number[] = [];
    /** The storeless command's windows over the view's WebSocket, for the trace's breakdown. */
    const floorSpans: [number, number][] = [];
    for (let i = 0; i < 200; i++) {
      const from = epochNow();
      floorWs.push(await time(async () => void (await v.send('show.clock', { action: 'reset' }))));
      floorSpans.push([from, epochNow()]);
      floor.push(await time(async () => void (await command('show.clock', { action: 'reset' }))));
      floorFetch.push(await time(async () => void (await b.api('show.clock', { action: 'reset' }))));
    }
    // Traced: the same storeless command after the clicks' quiet gap, so its hops start from an idle
    // station and an idle bench as a click's do (the loop above sends them back to back, with both
    // processes still running): what is left between this and a click's hops is the click's own.
    const quietFloorSpans: [number, number][] = [];
    if (TRACE) {
      for (let i = 0; i < 200; i++) {
        await quiet();
        const from = epochNow();
        await v.send('show.clock', { action: 'reset' });
        quietFloorSpans.push([from, epochNow()]);
      }
    }
    const storeInBaton = summarise(await audited('offer.pause.attempt'));
    const handler = summarise(await audited('offer.pause'));
    const rt = summarise(floor);
    const rtWs = summarise(floorWs);
    const rtBefore = summarise(floorFetch);
    const rawPauses = [...blocks.ws, ...blocks.http].flatMap((blk) => blk.rawPause);
    rows.push(
      { metric: 'pause: store calls as timed inside Baton, median (both transports)', value: storeInBaton.p50, unit: 'ms', baseline: summarise(rawPauses).p50 },
      { metric: 'pause: whole handler inside Baton, median', value: handler.p50, unit: 'ms' },
      {
        metric: 'command round trip, no store (show.clock), median: kept-alive client vs global fetch',
        value: rt.p50,
        unit: 'ms',
        baseline: rtBefore.p50,
        ratio: rt.p50 / rtBefore.p50,
        target: '≤ global fetch',
        pass: rt.p50 <= rtBefore.p50,
      },
      { metric: 'command round trip, no store (show.clock), p99: kept-alive client vs global fetch', value: rt.p99, unit: 'ms', baseline: rtBefore.p99, ratio: rt.p99 / rtBefore.p99 },
      { metric: 'command round trip, no store (show.clock), median: view WebSocket vs HTTP kept-alive', value: rtWs.p50, unit: 'ms', baseline: rt.p50, ratio: rtWs.p50 / rt.p50 },
      { metric: 'command round trip, no store (show.clock), p99: view WebSocket vs HTTP kept-alive', value: rtWs.p99, unit: 'ms', baseline: rt.p99, ratio: rtWs.p99 / rt.p99 },
    );
    if (stationCpuFrom !== null && stationCpuTo !== null && idlePerMs !== null) {
      // What the station itself spent per click (HTTP, handler, store client, audit), its idle
      // rate taken out. CPU time swells on a loaded machine too (caches, syscalls), less than waits.
      const clicks = 2 * (cyclesOf('ws') + cyclesOf('http'));
      rows.push(
        { metric: 'station CPU per click (pause or resume), mean, net of idle', value: (stationCpuTo - stationCpuFrom - idlePerMs * loopMs) / clicks, unit: 'ms' },
        { metric: 'station CPU when idle', value: idlePerMs * 1000, unit: 'ms/s' },
      );
    }
    // The station's V8 collections during the measured loop: how many clicks (and, beside them, raw
    // calls, during which a station collection steals a core from the store) had one inside.
    b.child.kill('SIGUSR2');
    await new Promise((r) => setTimeout(r, 300));
    const gcs = readGcProbe(gcFile);
    if (gcs.length > 0) {
      const inClicks = gcOverlap(gcs, measured.baton);
      const inRaw = gcOverlap(gcs, measured.raw);
      const share = (n: number, of: number) => (of ? (100 * n) / of : 0);
      rows.push(
        {
          metric: 'station GCs during the measured loop',
          value: gcOverlap(gcs, [[Math.min(measured.baton[0]?.[0] ?? Infinity, measured.raw[0]?.[0] ?? Infinity), Math.max(measured.baton.at(-1)?.[1] ?? 0, measured.raw.at(-1)?.[1] ?? 0)]]).during,
          unit: 'n',
        },
        { metric: 'Baton clicks with a station GC inside, share (vs raw calls with one)', value: share(inClicks.windowsHit, measured.baton.length), unit: '%', baseline: share(inRaw.windowsHit, measured.raw.length) },
        { metric: 'station GC time inside Baton clicks, per click (vs inside raw calls, per call)', value: inClicks.insideMs / Math.max(1, measured.baton.length), unit: 'ms', baseline: inRaw.insideMs / Math.max(1, measured.raw.length) },
      );
    }
    if (TRACE && ownCalls) {
      // The median pause cut into parts, the station's beside the raw one's (three store calls each).
      const station = readTrace(traceFile);
      // OFFERS_BENCH_TRACE_OUT=<file>: keep the raw trace and the measured windows for a closer look.
      const keep = process.env.OFFERS_BENCH_TRACE_OUT;
      if (keep) writeFileSync(keep, JSON.stringify({ station, own: ownCalls, spans, floorSpans, quietFloorSpans }));
      const show = (label: string, list: (Parts | null)[]) => {
        const m = medianParts(list);
        for (const [part, ms] of m.medians) rows.push({ metric: `trace ${label} (${m.cut} of ${m.of} cut): ${part}, median`, value: ms, unit: 'ms' });
      };
      for (const via of (['ws', 'http'] as const).filter((t) => blocks[t].length > 0)) {
        show(`pause ${via.toUpperCase()}`, spans.baton.filter((c) => c.via === via && c.name === 'offer.pause').map((c) => clickParts(station, c.span, 3)));
      }
      for (const mode of AB) show(`pause WS, ${mode}`, spans.baton.filter((c) => c.side === mode && c.name === 'offer.pause').map((c) => clickParts(station, c.span, 3)));
      if (AB.length > 1) {
        // Each side's parts that the store does not set, per block, against the first side's blocks of the
        // same rounds: the hop out, and all of the click outside its three store calls (Baton's own time).
        const perBlock = (mode: string, pick: (p: Parts, span: [number, number]) => number) => {
          const byBlock = new Map<number, number[]>();
          for (const c of spans.baton) {
            if (c.side !== mode || c.name !== 'offer.pause' || c.block === undefined) continue;
            const p = clickParts(station, c.span, 3);
            if (!p) continue;
            byBlock.set(c.block, [...(byBlock.get(c.block) ?? []), pick(p, c.span)]);
          }
          return [...byBlock.entries()].sort((x, y) => x[0] - y[0]).map(([, v]) => v);
        };
        const own = (p: Parts, span: [number, number]) => span[1] - span[0] - [1, 2, 3].reduce((n, i) => n + (p[`store call ${i} (written → answer complete)`] ?? 0), 0);
        const hopOut = (p: Parts) => p['hop out (reply → answer in the bench)'] ?? 0;
        for (const [label, pick] of [['Baton’s own time (click − its store calls)', own], ['hop out', hopOut]] as const) {
          const base = perBlock(AB[0]!, pick);
          for (const mode of AB.slice(1)) {
            const other = perBlock(mode, pick);
            const n = Math.min(base.length, other.length);
            const r = pairedRatio({ a: base.slice(0, n), b: other.slice(0, n) }, 50);
            rows.push({ metric: `trace A/B ${mode} over ${AB[0]}: pause ${label}, median (90 % ${r.lo.toFixed(3)}–${r.hi.toFixed(3)})`, value: r.b, unit: 'ms', baseline: r.a, ratio: r.ratio });
          }
        }
      }
      show('pause raw', spans.raw.filter((r) => r.name === 'pause').map((r) => rawParts(ownCalls, r.span, 3)));
      // The same hop with no store behind it (and no store working after its answer).
      show('show.clock WS', floorSpans.map((span) => clickParts(station, span, 0)));
      show('show.clock WS after the quiet gap', quietFloorSpans.map((span) => clickParts(station, span, 0)));
      const a = summarise(answerToClick);
      rows.push({ metric: 'trace pause WS: answer frame parsed → click resolved (frames read with it handled first), median / p99', value: a.p50, unit: 'ms', baseline: a.p99 });
    }
    rows.push(
      { metric: 'cycles measured over WS (pause + resume each)', value: cyclesOf('ws'), unit: 'n' },
      { metric: 'cycles measured over HTTP (pause + resume each)', value: cyclesOf('http'), unit: 'n' },
    );
    report('offers: click-to-confirmed vs raw Vendure GraphQL + read-back', rows);
  } finally {
    await view?.close();
    await baton?.stop();
    await store?.stop();
    await keepAlive.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
