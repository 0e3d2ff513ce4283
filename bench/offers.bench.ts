// Click-to-confirmed latency of the offer pause: Baton's HTTP `offer.pause`/`offer.resume` (which
// answer only after the store's read-back confirms) against the same Admin GraphQL mutations +
// read-back sent raw, in the same run, against the same real Vendure on loopback. Baton is the
// built headless station in its own process, as a producer runs it.
//
//   npm run build && npx tsx bench/offers.bench.ts      (OFFERS_BENCH_CYCLES=200 by default)
//
// The raw baseline toggles a twin promotion and variant so that Baton's own polling never sees
// a store changed outside it; the GraphQL documents (imported from the adapter), their headers
// and their order are the adapter's. For fairness every HTTP call of the bench goes through the
// client Baton's store adapters use (one undici Agent, connections kept open, plain requests):
// the raw calls, and the clicks sent to the station. The station's own cost is shown apart: the
// floor of a command that calls no store, through that client and through global fetch (the
// bench's client before), and the station's CPU time per click (from /proc).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startVendureStore, type VendureStore } from '../test/peers/vendure-store';
import { OFFER, writeVendureShow } from '../test/peers/vendure-station';
import { startStationProcess, type StationProcess } from '../test/peers/station-process';
import type { StationState } from '../src/shared/contract/index';
import { readFileSync } from 'node:fs';
import { PAUSE_THRESHOLD, VENDURE_TOGGLE_DOCUMENTS } from '../src/core/offers/vendure.adapter';
import { createKeepAliveHttp } from '../src/core/offers/keep-alive.http';
import type { StorePost } from '../src/core/offers/http-json';
import { report, summarise, type BenchRow } from './support/report';

const CYCLES = Number(process.env.OFFERS_BENCH_CYCLES ?? 200);
const WARMUP = 5;
const TARGET = 1.08;

const { setPromotion: SET_PROMOTION, holdVariants: UPDATE_VARIANTS, readState: READ_STATE } = VENDURE_TOGGLE_DOCUMENTS;
const TIMEOUT_MS = 4000;

/** The raw path: one logged-in session, the adapter's mutations one by one, then the read-back. */
async function rawClient(store: VendureStore, promotionId: string, variantId: string, post: StorePost) {
  const url = new URL(store.adminApiUrl);
  const login = await post(url, {
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({
      query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { __typename } }',
      variables: { u: store.username, p: store.password },
    }),
    timeoutMs: TIMEOUT_MS,
  });
  const token = login.headers.get('vendure-auth-token');
  if (!token) throw new Error('raw login failed');
  const gql = async (query: string, variables: Record<string, unknown>) => {
    const res = await post(url, {
      headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
      timeoutMs: TIMEOUT_MS,
    });
    const body = JSON.parse(res.text) as { data?: Record<string, unknown>; errors?: unknown[] };
    if (body.errors?.length || !body.data) throw new Error(`raw GraphQL failed: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
  const read = async () => {
    const d = (await gql(READ_STATE, { promotionId, variantIds: [variantId], withBonus: false, bonusId: promotionId })) as {
      promotion: { enabled: boolean };
      productVariants: { items: { outOfStockThreshold: number; useGlobalOutOfStockThreshold: boolean }[] };
    };
    const v = d.productVariants.items[0];
    const held = !!v && !v.useGlobalOutOfStockThreshold && v.outOfStockThreshold >= PAUSE_THRESHOLD;
    return !d.promotion.enabled && held ? 'paused' : d.promotion.enabled && !held ? 'live' : 'partial';
  };
  return {
    async pause() {
      await gql(SET_PROMOTION, { id: promotionId, enabled: false });
      await gql(UPDATE_VARIANTS, { input: [{ id: variantId, useGlobalOutOfStockThreshold: false, outOfStockThreshold: PAUSE_THRESHOLD }] });
      if ((await read()) !== 'paused') throw new Error('raw pause not confirmed');
    },
    async resume() {
      await gql(UPDATE_VARIANTS, { input: [{ id: variantId, useGlobalOutOfStockThreshold: true }] });
      await gql(SET_PROMOTION, { id: promotionId, enabled: true });
      if ((await read()) !== 'live') throw new Error('raw resume not confirmed');
    },
  };
}

async function twinPromotion(store: VendureStore, variantId: string): Promise<string> {
  const r = await store.adminGraphql<{ createPromotion: { id?: string } }>(
    `mutation($input: CreatePromotionInput!) { createPromotion(input: $input) { ... on Promotion { id } } }`,
    {
      input: {
        enabled: true,
        couponCode: 'BENCHTWIN',
        conditions: [{ code: 'contains_products', arguments: [{ name: 'minimum', value: '1' }, { name: 'productVariantIds', value: JSON.stringify([variantId]) }] }],
        actions: [{ code: 'order_percentage_discount', arguments: [{ name: 'discount', value: '20' }] }],
        translations: [{ languageCode: 'en', name: 'Bench twin of the live promotion' }],
      },
    },
  );
  if (!r.createPromotion.id) throw new Error('twin promotion not created');
  return String(r.createPromotion.id);
}

async function waitLive(b: StationProcess): Promise<void> {
  const end = Date.now() + 20_000;
  for (;;) {
    const res = await fetch(`${b.url}/api/state`, { headers: { authorization: `Bearer ${b.tokens.producer}` } });
    const { state } = (await res.json()) as { state: StationState };
    const o = state.offers.items.find((i) => i.id === OFFER);
    if (o?.state === 'live') return;
    if (Date.now() > end) throw new Error(`the offer never read live: ${JSON.stringify(o)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** CPU time (user + system, ms) a process has used so far, from /proc; null where there is none. */
function cpuMsOf(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks * 10 : null; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

/** A command sent the way the clicks are: the stores' kept-alive client, plain requests. */
function stationClient(b: StationProcess, post: StorePost) {
  return async (name: string, args: unknown): Promise<{ ok: boolean; result?: unknown; error?: unknown }> => {
    const res = await post(new URL(`${b.url}/api/commands/${name}`), {
      headers: { authorization: `Bearer ${b.tokens.producer}`, 'content-type': 'application/json' },
      body: JSON.stringify(args),
      timeoutMs: 15_000,
    });
    return JSON.parse(res.text) as { ok: boolean; result?: unknown; error?: unknown };
  };
}

async function time(fn: () => Promise<void>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'baton-offers-bench-'));
  let store: VendureStore | undefined;
  let baton: StationProcess | undefined;
  const keepAlive = createKeepAliveHttp();
  try {
    store = await startVendureStore({ workDir: join(dir, 'vendure') });
    const twinVariant = store.seed.variantIdsBySku['GLW-SER-50'] as string;
    const raw = await rawClient(store, await twinPromotion(store, twinVariant), twinVariant, keepAlive.post);
    // BATON_BENCH_PROFILE=<dir>: the station writes a V8 CPU profile there when it stops.
    const profileDir = process.env.BATON_BENCH_PROFILE;
    baton = await startStationProcess({
      dataDir: join(dir, 'station'),
      showFile: writeVendureShow(join(dir, 'show'), store),
      ...(profileDir ? { nodeArgs: ['--cpu-prof', '--cpu-prof-dir', profileDir] } : {}),
    });
    const b = baton;
    // The producer's first step with a real store: hand Baton the password (secret store, not the show).
    const cred = await b.api('offer.credentials', { offerId: OFFER, value: store.password });
    if (!cred.body.ok) throw new Error(`offer.credentials: ${JSON.stringify(cred.body)}`);
    await waitLive(b);
    const command = stationClient(b, keepAlive.post);
    const click = async (name: 'offer.pause' | 'offer.resume', expected: string) => {
      const r = await command(name, name === 'offer.pause' ? { offerId: OFFER, reason: 'bench' } : { offerId: OFFER });
      const state = (r.result as { state?: string } | undefined)?.state;
      if (state !== expected) throw new Error(`${name} answered ${JSON.stringify(r)}`);
    };
    const samples = { batonPause: [] as number[], batonResume: [] as number[], rawPause: [] as number[], rawResume: [] as number[] };
    // Interleaved, and which side goes first alternates, so drift in the store (cache, WAL, GC)
    // and in the machine's load lands on both sides alike.
    // What the idle station spends (its timers, the offer's 5 s poll), to take out of the per-click figure.
    const idleFrom = cpuMsOf(b.child.pid);
    const idleStarted = performance.now();
    await new Promise((r) => setTimeout(r, 5000));
    const idleTo = cpuMsOf(b.child.pid);
    const idlePerMs = idleFrom !== null && idleTo !== null ? (idleTo - idleFrom) / (performance.now() - idleStarted) : null;
    let stationCpuFrom: number | null = null;
    let loopStarted = 0;
    for (let i = 0; i < CYCLES + WARMUP; i++) {
      const keep = i >= WARMUP;
      if (i === WARMUP) {
        stationCpuFrom = cpuMsOf(b.child.pid);
        loopStarted = performance.now();
      }
      const batonFirst = i % 2 === 0;
      let bp = 0;
      let rp = 0;
      let br = 0;
      let rr = 0;
      if (batonFirst) {
        bp = await time(() => click('offer.pause', 'paused'));
        rp = await time(() => raw.pause());
        br = await time(() => click('offer.resume', 'live'));
        rr = await time(() => raw.resume());
      } else {
        rp = await time(() => raw.pause());
        bp = await time(() => click('offer.pause', 'paused'));
        rr = await time(() => raw.resume());
        br = await time(() => click('offer.resume', 'live'));
      }
      if (keep) {
        samples.batonPause.push(bp);
        samples.rawPause.push(rp);
        samples.batonResume.push(br);
        samples.rawResume.push(rr);
      }
    }
    const stationCpuTo = cpuMsOf(b.child.pid);
    const loopMs = performance.now() - loopStarted;
    const rows: BenchRow[] = [];
    for (const [label, bs, rs] of [
      ['pause', samples.batonPause, samples.rawPause],
      ['resume', samples.batonResume, samples.rawResume],
    ] as const) {
      const s = summarise([...bs]);
      const r = summarise([...rs]);
      rows.push(
        { metric: `${label} click-to-confirmed median (Baton HTTP)`, value: s.p50, unit: 'ms', baseline: r.p50, ratio: s.p50 / r.p50, target: `≤ ${TARGET}× raw`, pass: s.p50 / r.p50 <= TARGET },
        { metric: `${label} click-to-confirmed p99 (Baton HTTP)`, value: s.p99, unit: 'ms', baseline: r.p99, ratio: s.p99 / r.p99, target: `≤ ${TARGET}× raw`, pass: s.p99 / r.p99 <= TARGET },
        { metric: `${label} Baton overhead median`, value: s.p50 - r.p50, unit: 'ms' },
      );
    }
    // Where Baton's time goes, from its own audit rows: the store calls (the attempt row) and the
    // whole handler (the command row); the rest of the click is the HTTP hop into the station.
    const audited = async (command: string) => {
      const r = await b.api('audit.list', { limit: CYCLES, command });
      return (r.body.result as { entries: { durationMs: number }[] }).entries.map((e) => e.durationMs);
    };
    // The floor of any click through the station, measured now, beside the same Vendure: a write
    // command that touches no store, sent through the clicks' client and, interleaved, through
    // global fetch (how the bench sent commands before). The bench show has no script, so the
    // station refuses it (conflict) — after parsing, authorising, running the handler and
    // auditing, as for any write: the hop and the audit commit without a store.
    const floor: number[] = [];
    const floorFetch: number[] = [];
    for (let i = 0; i < 200; i++) {
      floor.push(await time(async () => void (await command('show.clock', { action: 'reset' }))));
      floorFetch.push(await time(async () => void (await b.api('show.clock', { action: 'reset' }))));
    }
    const storeInBaton = summarise(await audited('offer.pause.attempt'));
    const handler = summarise(await audited('offer.pause'));
    const rt = summarise(floor);
    const rtBefore = summarise(floorFetch);
    rows.push(
      { metric: 'pause: store calls as timed inside Baton, median', value: storeInBaton.p50, unit: 'ms', baseline: summarise([...samples.rawPause]).p50 },
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
    );
    if (stationCpuFrom !== null && stationCpuTo !== null && idlePerMs !== null) {
      // What the station itself spent per click (HTTP, handler, store client, audit), its idle
      // rate taken out. CPU time swells on a loaded machine too (caches, syscalls), less than waits.
      const clicks = 2 * samples.batonPause.length;
      rows.push(
        { metric: 'station CPU per click (pause or resume), mean, net of idle', value: (stationCpuTo - stationCpuFrom - idlePerMs * loopMs) / clicks, unit: 'ms' },
        { metric: 'station CPU when idle', value: idlePerMs * 1000, unit: 'ms/s' },
      );
    }
    rows.push({ metric: 'cycles measured (pause + resume each)', value: samples.batonPause.length, unit: 'n' });
    report('offers: click-to-confirmed vs raw Vendure GraphQL + read-back', rows);
  } finally {
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
