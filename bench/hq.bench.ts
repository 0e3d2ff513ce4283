// HQ ingest under load: N simulated stations (each the real outbox repo + sender over HTTP, with
// facts shaped like a show's: hash-chained audit rows, commerce events, comment minutes) at a
// combined rate into HQ running in its own process, on real PostgreSQL 15 and on PGlite.
// Figures: ingest p99 (batch POST to acknowledgement, as stations see it), facts/s, loss.
//
//   npx tsx bench/hq.bench.ts   (HQ_BENCH_STATIONS=50 HQ_BENCH_RATE=5000 HQ_BENCH_SECONDS=60)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/core/storage/database';
import { createHqOutboxRepo, type NewFact } from '../src/core/hq-outbox/hq-outbox.repo';
import { startHqSender, type HqPost, type HqSender } from '../src/core/hq-outbox/hq-sender';
import { createHttpHqPost } from '../src/station/hq-link';
import { auditHash, GENESIS_HASH } from '../src/core/storage/audit-hash';
import { startPostgres } from '../test/peers/postgres-server';
import { findFreePort, httpOk, randomSecret, spawnManaged, waitUntil } from '../test/peers/process-control';
import { report, summarise, type BenchRow } from './support/report';

const STATIONS = Number(process.env.HQ_BENCH_STATIONS ?? 50);
const RATE = Number(process.env.HQ_BENCH_RATE ?? 5000);
const SECONDS = Number(process.env.HQ_BENCH_SECONDS ?? 60);
const TARGET_P99_MS = 500;
const POOL = Number(process.env.HQ_BENCH_POOL ?? 10);
const ENGINES = (process.env.HQ_BENCH_ENGINES ?? 'postgres,pglite').split(',') as ('postgres' | 'pglite')[];

/** One simulated station's fact stream: a show's mix at its share of the combined rate. */
function factMaker(station: string) {
  let auditSeq = 0;
  let prev = GENESIS_HASH;
  let n = 0;
  return (at: number): NewFact => {
    n += 1;
    const showId = `${station}-show`;
    if (n % 5 === 0) {
      auditSeq += 1;
      const c = { seq: auditSeq, at, actor: 'Maya (producer)', role: 'producer', via: 'http', command: 'cue.next', args: '{"from":"c12"}', outcome: 'ok', detail: null, durationMs: 1.5 };
      const hash = auditHash(prev, c);
      const body = { seq: c.seq, at, actor: c.actor, role: c.role, via: c.via, command: c.command, args: c.args, outcome: c.outcome, detail: null, duration_ms: c.durationMs, prev_hash: prev, hash };
      prev = hash;
      return { showId, kind: 'audit', at, body };
    }
    if (n % 5 === 1) return { showId, kind: 'comment_minute', at, body: { minute: Math.floor(at / 60_000) * 60_000, platform: 'tiktok', intent: 'price', queue: 'questions', lang: 'en', rehearsal: false, count: 7 } };
    const order = n % 5 === 2;
    return { showId, kind: 'commerce', at, body: { eventSeq: n, key: `${station}-${n}`, type: order ? 'order' : 'view', offerId: 'glow-bundle', sku: 'BNDL-GLOW', count: order ? 1 : 25, amount: order ? 39.99 : null, currency: order ? 'USD' : null, at, source: 'webhook' } };
  };
}

async function run(engine: 'postgres' | 'pglite'): Promise<BenchRow[]> {
  const tmp = mkdtempSync(join(tmpdir(), `baton-hq-bench-${engine}-`));
  const pg = engine === 'postgres' ? await startPostgres() : null;
  const port = await findFreePort();
  const admin = randomSecret(18);
  const hq = spawnManaged({
    name: `hq-${engine}`,
    command: process.execPath,
    args: ['--import', 'tsx', 'hq/hq.cli.ts', '--port', String(port), '--data', join(tmp, 'hq'), ...(pg ? ['--pg', pg.url, '--pool', String(POOL)] : [])],
    logPath: join(tmp, 'hq.log'),
    env: { ...process.env, BATON_HQ_ADMIN_TOKEN: admin },
  });
  const url = `http://127.0.0.1:${port}`;
  const stations: { id: string; sender: HqSender; made: () => number; close(): void }[] = [];
  const latencies: number[] = [];
  let failures = 0;
  try {
    await waitUntil(() => httpOk(`${url}/api/health`), { timeoutMs: 60_000, description: 'HQ health', process: hq });
    const perStation = RATE / STATIONS;
    for (let i = 0; i < STATIONS; i++) {
      const id = `bench-${String(i).padStart(3, '0')}`;
      const r = await fetch(`${url}/api/stations`, { method: 'POST', headers: { authorization: `Bearer ${admin}` }, body: JSON.stringify({ id }) });
      const { token } = (await r.json()) as { token: string };
      const db = openDatabase({ file: ':memory:' });
      const repo = createHqOutboxRepo(db);
      const make = factMaker(id);
      let made = 0;
      const started = Date.now() + Math.random() * 1000;
      // The "collector" adds what the show would have produced by now; the sender is the real one.
      const collector = {
        collect: () => {
          const due = Math.max(0, Math.min(Math.floor(((Date.now() - started) / 1000) * perStation), Math.round(perStation * SECONDS)) - made);
          const t = Date.now();
          const facts = Array.from({ length: due }, () => make(t));
          repo.tx(() => repo.append(facts));
          made += due;
          return due;
        },
        close: () => undefined,
      };
      const http = createHttpHqPost({ url, stationId: id, token });
      const post: HqPost = async (b) => {
        const t0 = performance.now();
        const res = await http(b);
        if (res.ok) latencies.push(performance.now() - t0);
        else failures += 1;
        return res;
      };
      const sender = startHqSender({ stationId: id, repo, collector, post, now: Date.now, onState: () => undefined, idleMs: 1000, batchSize: 1000 });
      stations.push({ id, sender, made: () => made, close: () => db.close() });
    }
    const t0 = Date.now();
    await new Promise((r) => setTimeout(r, SECONDS * 1000 + 1500));
    const drainedAll = (await Promise.all(stations.map((s) => s.sender.drained(120_000)))).every(Boolean);
    const elapsed = (Date.now() - t0) / 1000;
    const made = stations.reduce((n, s) => n + s.made(), 0);
    // What HQ holds, from its own station list: per station the highest seq acknowledged and any chain break.
    const list = (await (await fetch(`${url}/api/stations`, { headers: { authorization: `Bearer ${admin}` } })).json()) as {
      stations: { acked_seq: string | number; chain_break_seq: string | number | null }[];
    };
    const held = list.stations.reduce((n, st) => n + Number(st.acked_seq), 0);
    const breaks = list.stations.filter((st) => st.chain_break_seq !== null).length;
    for (const s of stations) await s.sender.close();
    const s = summarise(latencies);
    const rows: BenchRow[] = [
      { metric: `${engine}: ingest p99 (batch POST → ack)`, value: s.p99, unit: 'ms', target: `< ${TARGET_P99_MS}`, pass: s.p99 < TARGET_P99_MS && drainedAll },
      { metric: `${engine}: ingest p50`, value: s.p50, unit: 'ms' },
      { metric: `${engine}: facts made by ${STATIONS} stations`, value: made, unit: 'facts' },
      { metric: `${engine}: offered rate`, value: made / SECONDS, unit: 'facts/s', target: `${RATE}` },
      { metric: `${engine}: all acknowledged (incl. drain)`, value: drainedAll ? 1 : 0, unit: 'bool', target: '1', pass: drainedAll },
      { metric: `${engine}: drain-inclusive throughput`, value: made / elapsed, unit: 'facts/s' },
      { metric: `${engine}: failed POSTs (retried)`, value: failures, unit: 'count' },
    ];
    rows.push({ metric: `${engine}: facts held by HQ − facts made`, value: held - made, unit: 'facts', target: '0', pass: held === made });
    rows.push({ metric: `${engine}: audit chain breaks`, value: breaks, unit: 'stations', target: '0', pass: breaks === 0 });
    return rows;
  } finally {
    for (const s of stations) s.close();
    await hq.stop('SIGTERM', 10_000);
    await pg?.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

const rows: BenchRow[] = [];
for (const engine of ENGINES) rows.push(...(await run(engine)));
report(`HQ ingest: ${STATIONS} stations, ${RATE} facts/s for ${SECONDS} s`, rows);
process.exit(0);
