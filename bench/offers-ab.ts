// Same-run A/B of the offer pause: two built stations against one real Vendure, beside the raw
// calls, so that a change to the click's path is judged on the same load as the code before it.
// The offers bench's ratio moves by ±0.05 between runs on this shared machine; the difference
// between two stations measured in the same blocks does not move with the load.
//
//   cp -r out .tmp/ab-base      (the build before the change; it must sit inside the repository so
//                                its bundle finds node_modules and resources/)
//   ... change, npm run build ...
//   OFFERS_AB_BASE=.tmp/ab-base npx tsx bench/offers-ab.ts      (OFFERS_AB_CYCLES=200)
//
// A is the saved build, B this tree's out/. Each station toggles its own twin of the live bundle
// (the same shape: one variant, a promotion built like the live one) and the raw calls a third, so
// no station's poll ever sees a store changed by another. Each cycle pauses raw, A and B (the order
// rotates), then resumes them, every call after the same quiet gap, the clicks over each station's
// view WebSocket (the producer's click). Reported: each station over raw, and B over A, medians and
// p90s with 90 % bands over blocks of ten cycles.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startVendureStore, type VendureStore } from '../test/peers/vendure-store';
import { OFFER, writeVendureShow } from '../test/peers/vendure-station';
import { startStationProcess, type StationProcess } from '../test/peers/station-process';
import { createKeepAliveHttp } from '../src/core/offers/keep-alive.http';
import { report, type BenchRow } from './support/report';
import { pairedRatio } from './support/paired-blocks';
import { openWsCommands, type WsCommands } from './support/ws-commands';
import { rawClient, twinOfBundle, waitLive } from './support/vendure-raw';
import { processCpuMs } from './support/process-cpu';

const CYCLES = Number(process.env.OFFERS_AB_CYCLES ?? 200);
const BLOCK = 10;
const WARMUP = 5;
const QUIET_MS = 50;
const quiet = () => new Promise<void>((r) => setTimeout(r, QUIET_MS));
const BASE = process.env.OFFERS_AB_BASE;

type Side = 'raw' | 'a' | 'b';

/** The bench show, bound to one twin instead of the live bundle. */
function showFor(dir: string, store: VendureStore, twin: { promotionId: string; variantId: string }): string {
  const file = writeVendureShow(dir, store);
  const show = JSON.parse(readFileSync(file, 'utf8')) as { offers: { id: string; store: { promotionId: string; variantIds: string[] } }[] };
  const offer = show.offers.find((o) => o.id === OFFER);
  if (!offer) throw new Error(`the bench show has no offer ${OFFER}`);
  offer.store.promotionId = twin.promotionId;
  offer.store.variantIds = [twin.variantId];
  writeFileSync(file, JSON.stringify(show, null, 2));
  return file;
}

async function time(fn: () => Promise<void>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

async function main() {
  if (!BASE) throw new Error('OFFERS_AB_BASE=<a saved build folder holding main/headless.js> is required');
  const baseEntry = resolve(BASE, 'main/headless.js');
  const dir = mkdtempSync(join(tmpdir(), 'baton-offers-ab-'));
  let store: VendureStore | undefined;
  const stations: StationProcess[] = [];
  const views: WsCommands[] = [];
  const keepAlive = createKeepAliveHttp();
  try {
    store = await startVendureStore({ workDir: join(dir, 'vendure') });
    const rawTwin = await twinOfBundle(store, 'twin');
    const twins = { a: await twinOfBundle(store, 'ab-a'), b: await twinOfBundle(store, 'ab-b') };
    const raw = await rawClient(store, rawTwin.promotionId, rawTwin.variantId, keepAlive.post);
    const open = async (side: 'a' | 'b') => {
      const s = await startStationProcess({
        dataDir: join(dir, `station-${side}`),
        showFile: showFor(join(dir, `show-${side}`), store as VendureStore, twins[side]),
        ...(side === 'a' ? { entry: baseEntry } : {}),
      });
      stations.push(s);
      const cred = await s.api('offer.credentials', { offerId: OFFER, value: (store as VendureStore).password });
      if (!cred.body.ok) throw new Error(`offer.credentials (${side}): ${JSON.stringify(cred.body)}`);
      await waitLive(s);
      const v = await openWsCommands(s.url, s.tokens.producer);
      views.push(v);
      return v;
    };
    const view = { a: await open('a'), b: await open('b') };
    const pid = { a: stations[0]?.child.pid, b: stations[1]?.child.pid };
    /** Each station's CPU time over its own clicks (answer and the work after it, up to its patch). */
    const cpu = { a: 0, b: 0, on: false };
    const shows = (phase: string) => (value: unknown) =>
      (value as { items?: { id: string; state: string }[] }).items?.some((i) => i.id === OFFER && i.state === phase) === true;
    const click = async (side: 'a' | 'b', name: 'offer.pause' | 'offer.resume', expected: string) => {
      const v = view[side];
      await quiet();
      const cpu0 = processCpuMs(pid[side]);
      const shown = v.patch('offers', shows(expected));
      const t0 = performance.now();
      const r = await v.send(name, name === 'offer.pause' ? { offerId: OFFER, reason: 'bench' } : { offerId: OFFER });
      const ms = performance.now() - t0;
      const state = (r.result as { state?: string } | undefined)?.state;
      if (state !== expected) throw new Error(`${name} on ${side} answered ${JSON.stringify(r)}`);
      await shown; // the station's work after its answer is done before the next measured call
      const cpu1 = processCpuMs(pid[side]);
      if (cpu.on && cpu0 !== null && cpu1 !== null) cpu[side] += cpu1 - cpu0;
      return ms;
    };
    const op = async (side: Side, what: 'pause' | 'resume') => {
      if (side === 'raw') {
        await quiet();
        return time(() => (what === 'pause' ? raw.pause() : raw.resume()));
      }
      return click(side, what === 'pause' ? 'offer.pause' : 'offer.resume', what === 'pause' ? 'paused' : 'live');
    };
    type Samples = Record<Side, Record<'pause' | 'resume', number[]>>;
    const fresh = (): Samples => ({ raw: { pause: [], resume: [] }, a: { pause: [], resume: [] }, b: { pause: [], resume: [] } });
    const blocks: Samples[] = [];
    let turn = 0;
    const runBlock = async (cycles: number): Promise<Samples> => {
      const blk = fresh();
      for (let i = 0; i < cycles; i++) {
        // Every order of the three sides in turn, so none is always first after the others.
        const order = ORDERS[turn++ % ORDERS.length] as readonly Side[];
        for (const what of ['pause', 'resume'] as const) for (const side of order) blk[side][what].push(await op(side, what));
      }
      return blk;
    };
    await runBlock(WARMUP);
    const load0 = readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
    const pairs = Math.ceil(CYCLES / BLOCK);
    cpu.on = true;
    for (let i = 0; i < pairs; i++) blocks.push(await runBlock(BLOCK));
    cpu.on = false;
    const load1 = readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
    const rows: BenchRow[] = [];
    for (const what of ['pause', 'resume'] as const) {
      const of = (side: Side) => blocks.map((b) => b[side][what]);
      for (const q of [50, 90]) {
        const label = q === 50 ? 'median' : 'p90';
        const a = pairedRatio({ a: of('raw'), b: of('a') }, q);
        const b = pairedRatio({ a: of('raw'), b: of('b') }, q);
        const ba = pairedRatio({ a: of('a'), b: of('b') }, q);
        rows.push(
          { metric: `${what} ${label}: A (base build) over raw (90 % ${a.lo.toFixed(3)}–${a.hi.toFixed(3)})`, value: a.b, unit: 'ms', baseline: a.a, ratio: a.ratio },
          { metric: `${what} ${label}: B (this build) over raw (90 % ${b.lo.toFixed(3)}–${b.hi.toFixed(3)})`, value: b.b, unit: 'ms', baseline: b.a, ratio: b.ratio },
          { metric: `${what} ${label}: B over A (90 % ${ba.lo.toFixed(3)}–${ba.hi.toFixed(3)})`, value: ba.b, unit: 'ms', baseline: ba.a, ratio: ba.ratio },
        );
      }
    }
    const clicks = 2 * blocks.reduce((n, b) => n + b.raw.pause.length, 0);
    rows.push({ metric: 'station CPU per click, click to its patch shown (/proc, 10 ms ticks summed): B vs A', value: cpu.b / clicks, unit: 'ms', baseline: cpu.a / clicks, ratio: cpu.b / cpu.a });
    rows.push(
      { metric: 'cycles measured per side', value: blocks.reduce((n, b) => n + b.raw.pause.length, 0), unit: 'n' },
      { metric: `load average at start / end of the measured loop (${load0} / ${load1})`, value: Number(load1), unit: '' },
    );
    report('offers A/B: two station builds and raw Vendure, same run', rows);
  } finally {
    for (const v of views) await v.close();
    for (const s of stations) await s.stop();
    await store?.stop();
    await keepAlive.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The six orders of raw, A and B. */
const ORDERS: readonly (readonly Side[])[] = [
  ['raw', 'a', 'b'],
  ['b', 'raw', 'a'],
  ['a', 'b', 'raw'],
  ['raw', 'b', 'a'],
  ['a', 'raw', 'b'],
  ['b', 'a', 'raw'],
];

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
