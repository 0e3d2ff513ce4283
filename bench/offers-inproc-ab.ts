// The station's own work per pause/resume, A/B in one process: two in-memory cores, one built from
// another checkout's sources (OFFERS_INPROC_BASE=<checkout>, A) and one from this tree (B), each
// with the demo show's sandbox offer answering at once (latency 0, no simulation) and a producer's
// view subscribed (every patch encoded as a socket would send it). Blocks of clicks alternate ABBA.
// Per click: the time to the command's answer (the store's own wait is one zero-delay timer, the
// same on both sides) and the CPU time of the click and the work after it (its patches), so no
// network, no Vendure and no other process sits in the figure: what is left is Baton's code.
//
//   OFFERS_INPROC_BASE=/work/main npx tsx bench/offers-inproc-ab.ts     (OFFERS_INPROC_CLICKS=4000)
//
// OFFERS_INPROC_FILE=1 keeps each core's data in a SQLite file (WAL, as a station does) instead of
// memory, so the commits' own writes and locks are in the figure. OFFERS_INPROC_GAP_MS=<ms> idles the
// process that long before each click (as the station idles while the store works and between
// clicks): the click then runs on cold caches, as it does in the real bench, instead of in a hot loop.
// OFFERS_INPROC_REQUEST=1 raises a pause request for the offer (untimed, before the idle) ahead of
// every pause, so each timed pause is the owner's one-click answer to a request and ends its alarm.
// OFFERS_INPROC_RECOVERY=1 raises the offer's "NOT confirmed" alarm (untimed, before the idle) ahead
// of every click, as an earlier store error leaves it: each timed click is a recovery click whose
// confirmation ends that alarm.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { report, type BenchRow } from './support/report';
import { pairedRatio, runPaired } from './support/paired-blocks';

const BASE = process.env.OFFERS_INPROC_BASE;
const CLICKS = Number(process.env.OFFERS_INPROC_CLICKS ?? 4000);
const BLOCK = 100;
const FILE = process.env.OFFERS_INPROC_FILE === '1';
const GAP_MS = Number(process.env.OFFERS_INPROC_GAP_MS ?? 0);
const REQUEST = process.env.OFFERS_INPROC_REQUEST === '1';
const RECOVERY = process.env.OFFERS_INPROC_RECOVERY === '1';
const OFFER = 'glow-kit-live';
const producer = { actor: 'Maya (producer)', role: 'producer', via: 'test' } as const;

interface Side {
  /** Untimed: a pause request for the offer, as a host or commerce link raises it. */
  request(): Promise<void>;
  /** Untimed: the offer's "NOT confirmed" alarm, as an earlier store error leaves it. */
  alarm(): void;
  click(name: 'offer.pause' | 'offer.resume'): Promise<void>;
  close(): Promise<void>;
}

async function side(root: string): Promise<Side> {
  const url = (p: string) => pathToFileURL(resolve(root, p)).href;
  const { createCore } = (await import(url('src/core/core.ts'))) as typeof import('../src/core/core');
  const { createDefaultPorts } = (await import(url('src/station/default-ports.ts'))) as typeof import('../src/station/default-ports');
  const { silentLogger } = (await import(url('src/core/platform/logger.ts'))) as typeof import('../src/core/platform/logger');
  const { createMemorySecretStore } = (await import(url('src/core/platform/secret-store.ts'))) as typeof import('../src/core/platform/secret-store');
  const { openSession } = (await import(url('src/station/session/session.ts'))) as typeof import('../src/station/session/session');
  const ports = createDefaultPorts();
  const dataDir = FILE ? mkdtempSync(join(tmpdir(), 'baton-inproc-ab-')) : ':memory:';
  const core = createCore({
    dataDir,
    clock: { now: () => Date.now(), monotonic: () => performance.now() },
    log: silentLogger,
    secrets: createMemorySecretStore({}),
    station: { version: 'bench', mode: 'headless', url: 'http://127.0.0.1:0', lan: false },
    cwd: root,
    showFolders: () => [resolve(root, 'resources/demo-show')],
    nativeBinding: null,
    // The sandbox offer answers at once: its store's wait is one zero-delay timer.
    ports: { ...ports, offers: { ...ports.offers, sandbox: { ...ports.offers.sandbox, simulate: false, latencyMs: 0 } } },
  });
  core.show.loadFile(resolve(root, 'resources/demo-show/show.json'));
  await core.start();
  // A producer's view: every message encoded as the socket would.
  let bytes = 0;
  const view = openSession(core, producer, { view: true, onInternalError: () => {} });
  view.start((m) => void (bytes += Buffer.byteLength(JSON.stringify(m))));
  return {
    async request() {
      const r = await view.dispatch('offer.pauseRequest', { offerId: OFFER, reason: 'bench: the price on screen is wrong' });
      if (!r.ok) throw new Error(`offer.pauseRequest: ${JSON.stringify(r.error)}`);
    },
    alarm() {
      core.alerts.raise({ source: 'offers', key: `offers.pending.${OFFER}`, level: 'critical', message: 'bench: the pause is NOT confirmed by the store' });
    },
    async click(name) {
      const r = await view.dispatch(name, name === 'offer.pause' ? { offerId: OFFER, reason: 'bench' } : { offerId: OFFER });
      if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
    },
    close: async () => {
      await core.close();
      if (dataDir !== ':memory:') rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const turn = () => new Promise<void>((r) => setImmediate(r));
const idle = () => (GAP_MS > 0 ? new Promise<void>((r) => setTimeout(r, GAP_MS)) : turn());

async function main() {
  if (!BASE) throw new Error('OFFERS_INPROC_BASE=<another checkout of Baton> is required');
  const a = await side(BASE);
  const b = await side(resolve(import.meta.dirname, '..'));
  const answer = { a: [] as number[][], b: [] as number[][] };
  const cpu = { a: [] as number[][], b: [] as number[][] };
  let paused = { a: false, b: false };
  const run = (which: 'a' | 'b', s: Side) => async (into: number[]) => {
    const cpuInto: number[] = [];
    for (let i = 0; i < BLOCK; i++) {
      const name = paused[which] ? 'offer.resume' : 'offer.pause';
      if (REQUEST && name === 'offer.pause') await s.request();
      if (RECOVERY) s.alarm();
      await idle();
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await s.click(name);
      into.push(performance.now() - t0);
      // The click's patches and whatever else it left for after its answer.
      await turn();
      await turn();
      const c = process.cpuUsage(c0);
      cpuInto.push((c.user + c.system) / 1000);
      paused = { ...paused, [which]: !paused[which] };
    }
    cpu[which].push(cpuInto);
  };
  // Warm both (JIT) before measuring.
  for (let i = 0; i < 3; i++) {
    await run('a', a)([]);
    await run('b', b)([]);
  }
  cpu.a = [];
  cpu.b = [];
  const blocks = await runPaired(Math.ceil(CLICKS / BLOCK), run('a', a), run('b', b));
  answer.a = blocks.a;
  answer.b = blocks.b;
  const rows: BenchRow[] = [];
  for (const q of [50, 90]) {
    const t = pairedRatio({ a: answer.a, b: answer.b }, q);
    const c = pairedRatio({ a: cpu.a, b: cpu.b }, q);
    const label = q === 50 ? 'median' : 'p90';
    rows.push(
      { metric: `click to answer, ${label}, B over A (90 % ${t.lo.toFixed(3)}–${t.hi.toFixed(3)})`, value: t.b, unit: 'ms', baseline: t.a, ratio: t.ratio },
      { metric: `CPU per click and its patches, ${label}, B over A (90 % ${c.lo.toFixed(3)}–${c.hi.toFixed(3)})`, value: c.b, unit: 'ms', baseline: c.a, ratio: c.ratio },
    );
  }
  const mean = (xs: number[][]) => xs.flat().reduce((s, x) => s + x, 0) / xs.flat().length;
  rows.push(
    { metric: 'CPU per click and its patches, mean, B over A', value: mean(cpu.b), unit: 'ms', baseline: mean(cpu.a), ratio: mean(cpu.b) / mean(cpu.a) },
    { metric: 'clicks measured per side', value: answer.a.flat().length, unit: 'n' },
    { metric: `storage: ${FILE ? 'SQLite file (WAL)' : 'in memory'}; idle before each click${REQUEST ? '; each pause answers a pause request' : ''}${RECOVERY ? '; each click is a recovery click (its NOT-confirmed alarm open)' : ''}`, value: GAP_MS, unit: 'ms' },
  );
  report('offers in-process A/B: the station’s own work per click', rows);
  await a.close();
  await b.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
