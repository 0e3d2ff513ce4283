// Comment pipeline benchmark: 2,000 comments/s for 60 s through the real headless station
// (HTTP comments.ingest → triage → batched SQLite → WebSocket push), measured by a subscribed
// view: ingest-to-delivered p50/p99 and lost = 0. Baselines from the same run: raw batched
// better-sqlite3 inserts of the same rows, and the classifier alone on one core. Memory: RSS and
// the V8 heap right after full collections (what survives) from a probe preloaded into the station, so a
// structure that grows with every comment is told apart from allocator and page-cache high water.
//   npx tsx bench/comments.bench.ts        (BATON_BENCH_SECONDS=10 for a short run, 180 to see the plateau)
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import WebSocket from 'ws';
import type { ServerMessage } from '../src/shared/contract/index';
import { showSchema } from '../src/shared/show/show.schema';
import { createTriage } from '../src/core/comments/triage/triage.service';
import { loadTriageModelFile, SHIPPED_MODEL_PATH } from '../src/core/comments/triage/triage.model-file';
import { catalogOf } from '../src/core/comments/comments.catalog';
import { m003Comments } from '../src/core/storage/migrations/003-comments';
import { findFreePort } from '../test/peers/process-control';
import { startTestStation, writeQuietShow } from '../test/peers/headless-station';
import { report, summarise, type BenchRow } from './support/report';
import { forcedGrowth, forceFullGc, memoryGrowth, readMemoryProbe, withMemoryProbe, type MemorySample } from './support/memory-growth';
import { runTriageEval, triageBenchRows } from './triage/triage-eval';

const SECONDS = Number(process.env.BATON_BENCH_SECONDS ?? 60);
const RATE = 2_000;
const BATCH = 50;
const MAX_IN_FLIGHT = 32;
/**
 * The bench forces a full collection in the station and reads the heap it retains twice: at mid-run
 * (half the comments sent) and at the end, once every acknowledged comment was delivered. A forced
 * collection stops the station for 0.2–0.45 s on this machine (printed per run), so comments in
 * flight during the mid-run one are left out of the latency figures and counted in their own row;
 * the end one has nothing in flight. More points would show the curve but stop the load more often:
 * the plateau question is answered with heap snapshots (BATON_HEAP_SNAPSHOT_DIR, bench/support/heap-diff.mjs).
 */
const FORCED_GC_MID_AT = 0.5;

const demoShow = showSchema.parse(JSON.parse(readFileSync('resources/demo-show/show.json', 'utf8')));
const texts = readFileSync('resources/demo-show/comments.jsonl', 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => (JSON.parse(l) as { text: string }).text);

/** The classifier alone, one core: comments/s on the demo catalog (rules alone, or rules + the shipped model). */
function classifierBaseline(withModel = false): number {
  const model = withModel ? loadTriageModelFile(SHIPPED_MODEL_PATH).model : null;
  const t = createTriage({ catalog: catalogOf(demoShow), model });
  for (let i = 0; i < 5_000; i++) t.classify({ text: texts[i % texts.length] as string });
  const n = 100_000;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) t.classify({ text: texts[i % texts.length] as string });
  return (n / (performance.now() - t0)) * 1000;
}

/** Raw batched inserts of the same rows into the same table: the disk's ceiling. */
function sqliteBaseline(): number {
  const dir = mkdtempSync(join(tmpdir(), 'baton-bench-sqlite-'));
  const db = new Database(join(dir, 'raw.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  m003Comments.up(db);
  const insert = db.prepare(
    `INSERT OR IGNORE INTO comments (id, show_id, source, rehearsal, platform, room, message_id, author, text, lang, at, received_at,
       triage_intent, confidence, sku, offer_code, reasons, intent, queue, status) VALUES (?, 's', 'ingest', 0, 'bench', NULL, ?, ?, ?, 'en', ?, ?, 'order', 0.9, NULL, NULL, '[]', 'order', 'commerce', 'new')`,
  );
  const n = 200_000;
  const tx = db.transaction((from: number) => {
    for (let i = from; i < from + 100; i++) insert.run(`bench:${i}`, String(i), `v${i % 97}`, texts[i % texts.length], i, i);
  });
  const t0 = performance.now();
  for (let b = 0; b < n; b += 100) tx(b);
  const rate = (n / (performance.now() - t0)) * 1000;
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return rate;
}

/** One paced run through a fresh station; `modelOff` starts it with BATON_TRIAGE_MODEL=off (the rules alone). */
async function pipelineRun(modelOff = false): Promise<BenchRow[]> {
  const before = process.env.BATON_TRIAGE_MODEL;
  if (modelOff) process.env.BATON_TRIAGE_MODEL = 'off';
  else delete process.env.BATON_TRIAGE_MODEL;
  const dataDir = mkdtempSync(join(tmpdir(), 'baton-bench-comments-'));
  const token = `producer-bench-${Math.random().toString(36).slice(2)}`;
  const probeFile = join(dataDir, 'memory.jsonl');
  const port = await findFreePort();
  const station = await withMemoryProbe(probeFile, () =>
    startTestStation({ dataDir, port, showFile: writeQuietShow(dataDir, 'bench'), token, name: 'bench-station' }),
  );
  // the station copied the environment when it started
  if (before === undefined) delete process.env.BATON_TRIAGE_MODEL;
  else process.env.BATON_TRIAGE_MODEL = before;
  const pacedStart = Date.now();
  // The station's resident memory, read from /proc: idle before the load (the baseline), then each
  // second of the paced run, to show the peak and whether it still grows in the second half.
  const rssMb = () => {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${station.proc.pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : Number.NaN;
  };
  const rssIdle = rssMb();
  const rssSamples: number[] = [];
  const rssTimer = setInterval(() => rssSamples.push(rssMb()), 1000);
  const sentAt = new Map<string, number>();
  /** [sent, delivered] per comment, performance.now() ms. */
  const latencies: [number, number][] = [];
  /** [posted, acknowledged] per batch. */
  const acks: [number, number][] = [];
  let delivered = 0;
  const ws = new WebSocket(`${station.url.replace('http', 'ws')}/api/events?token=${token}`, { perMessageDeflate: false });
  ws.on('message', (data) => {
    const now = performance.now();
    const m = JSON.parse((data as Buffer).toString('utf8')) as ServerMessage;
    if (m.t !== 'event' || m.event.name !== 'comments.changed') return;
    for (const c of m.event.comments) {
      const at = sentAt.get(c.id);
      if (at === undefined) continue;
      sentAt.delete(c.id);
      latencies.push([at, now]);
      delivered += 1;
    }
  });
  await new Promise<void>((r, j) => {
    ws.once('open', () => r());
    ws.once('error', j);
  });

  let sent = 0;
  let acked = 0;
  let failedBatches = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  const post = async (comments: { platform: string; id: string; author: string; text: string }[]) => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const started = performance.now();
    for (const c of comments) sentAt.set(`bench:${c.id}`, started);
    try {
      const r = await station.api<{ accepted: number }>('comments.ingest', { comments });
      if (r.status === 200) acked += r.body.result?.accepted ?? 0;
      else failedBatches += 1;
    } catch {
      failedBatches += 1;
    }
    acks.push([started, performance.now()]);
    inFlight -= 1;
  };
  const nextBatch = () => {
    const from = sent;
    sent += BATCH;
    return Array.from({ length: BATCH }, (_, i) => ({ platform: 'bench', id: String(from + i), author: `viewer${(from + i) % 997}`, text: texts[(from + i) % texts.length] as string }));
  };
  // Paced: RATE comments/s for SECONDS, in batches of BATCH, as a webhook relay would send them.
  const total = SECONDS * RATE;
  const t0 = performance.now();
  const pending: Promise<void>[] = [];
  let midGc: Promise<MemorySample | null> | null = null;
  let midGcSent = 0;
  /** When the mid-run forced collection was asked for and when its sample arrived (performance.now() ms). */
  const midGcWindow: [number, number] = [Number.NaN, Number.NaN];
  while (sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - t0) / 1000) * RATE));
    while (sent + BATCH <= due && inFlight < MAX_IN_FLIGHT) pending.push(post(nextBatch()));
    // not awaited: the pacing goes on while the station collects
    if (!midGc && sent >= FORCED_GC_MID_AT * total) {
      midGcSent = sent;
      midGcWindow[0] = performance.now();
      midGc = forceFullGc(station.proc.pid, probeFile).then((sample) => {
        midGcWindow[1] = performance.now();
        return sample;
      });
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  await Promise.all(pending);
  const midSample = await midGc;
  clearInterval(rssTimer);
  const pacedEnd = Date.now();
  const sendSeconds = (performance.now() - t0) / 1000;
  const deadline = Date.now() + 10_000;
  while (delivered < acked && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  // everything acknowledged is delivered: nothing is in flight while this one stops the station
  const endSample = await forceFullGc(station.proc.pid, probeFile);
  const forcedSamples = [midSample, endSample];
  const pacedAcked = acked;
  const pacedDelivered = delivered;
  const pacedSent = sent;
  // Left out: comments and batches in flight while the bench's own mid-run collection stopped the station.
  const inGcWindow = ([from, to]: [number, number]) => from < midGcWindow[1] && to > midGcWindow[0];
  const pacedLatencies = latencies.filter((l) => !inGcWindow(l)).map(([from, to]) => to - from);
  const leftOut = latencies.length - pacedLatencies.length;

  // Unpaced, 5 s: how far above the target the same station goes (8 batches in flight).
  const burstStart = performance.now();
  const ackedBefore = acked;
  const burst = Array.from({ length: 8 }, async () => {
    while (performance.now() - burstStart < 5_000) await post(nextBatch());
  });
  await Promise.all(burst);
  const burstRate = ((acked - ackedBefore) / (performance.now() - burstStart)) * 1000;
  ws.close();
  await station.proc.stop('SIGTERM', 10_000);
  const probe = readMemoryProbe(probeFile).filter((m) => m.at >= pacedStart && m.at <= pacedEnd);
  rmSync(dataDir, { recursive: true, force: true });

  const lat = summarise(pacedLatencies);
  const ack = summarise(
    acks
      .slice(0, pacedSent / BATCH)
      .filter((a) => !inGcWindow(a))
      .map(([from, to]) => to - from),
  );
  const rate = pacedAcked / sendSeconds;
  const rssPeak = Math.max(rssIdle, ...rssSamples);
  const half = Math.floor(rssSamples.length / 2);
  const rssGrowth = (rssSamples.at(-1) ?? rssIdle) - (rssSamples[half] ?? rssIdle);
  const lost = pacedAcked - pacedDelivered;
  const mem = memoryGrowth(probe);
  const held = forcedGrowth(forcedSamples, 0);
  // Per comment: every comment of the bench stays open (nobody handles them), so the open-work indexes grow by one entry each.
  const heldPerComment = (held.growthMb * 1024 * 1024) / (pacedSent - midGcSent);
  console.log(
    `${modelOff ? 'model off' : 'model on'}: V8 heap after forced full GCs at mid-run and at the end: ${held.seriesMb.map((v) => v.toFixed(2)).join(', ')} MB (each stopped the station ${forcedSamples.map((s) => s?.gcMs?.toFixed(0) ?? '?').join(', ')} ms)`,
  );
  console.log(`paced: sent ${pacedSent} in ${sendSeconds.toFixed(1)} s, acknowledged ${pacedAcked}, delivered ${pacedDelivered}, failed batches ${failedBatches}, max in flight ${maxInFlight}; delivered p99 ${lat.p99.toFixed(1)} ms without the ${leftOut} in flight during the forced collection`);
  return [
    { metric: `sustained ingest → triage → SQLite → WS, offered ${RATE}/s for ${SECONDS} s`, value: rate, unit: 'comments/s', target: '≥ 2000 (± pacing)', pass: rate >= RATE * 0.995 && failedBatches === 0 },
    { metric: "comments in flight during the bench's forced mid-run collection (left out of the latency figures)", value: leftOut, unit: 'comments' },
    { metric: 'ingest → delivered p50', value: lat.p50, unit: 'ms' },
    { metric: 'ingest → delivered p99', value: lat.p99, unit: 'ms', target: '< 150', pass: lat.p99 < 150 },
    { metric: 'HTTP batch acknowledged (committed) p99', value: ack.p99, unit: 'ms' },
    { metric: 'acknowledged but not delivered (lost)', value: lost, unit: 'comments', target: '= 0', pass: lost === 0 && pacedAcked === pacedSent },
    { metric: 'station memory (RSS) idle, before the load', value: rssIdle, unit: 'MB' },
    { metric: `station memory (RSS) peak over ${SECONDS} s at ${RATE}/s`, value: rssPeak, unit: 'MB', baseline: rssIdle, ratio: rssPeak / rssIdle, target: '< 400', pass: rssPeak < 400 },
    { metric: 'station memory growth, second half of the run', value: rssGrowth, unit: 'MB', target: '< 64', pass: rssGrowth < 64 },
    // What the station still holds after collection: a per-comment structure shows here, at ~300 B a comment.
    // Measured after full collections the bench forces at mid-run and at the end (FORCED_GC_MID_AT), so
    // both runs always have the two samples; the figure from the station's own full collections is
    // kept below it for comparison with earlier sessions (it rests on 0–3 samples, often NaN).
    { metric: 'station V8 heap after forced full GC, growth over the second half', value: held.growthMb, unit: 'MB', target: '< 8', pass: held.growthMb < 8 },
    { metric: 'station V8 heap retained per comment sent over the second half (forced full GCs)', value: heldPerComment, unit: 'B/comment' },
    { metric: `station V8 heap after natural full GC, growth over the second half (${mem.fullGcs} full GCs; earlier sessions' figure)`, value: mem.heapAfterGcGrowthMb, unit: 'MB' },
    { metric: 'station V8 heap after the first full GC past mid-run', value: mem.heapAfterGcMidMb, unit: 'MB' },
    { metric: 'station RSS minus V8 heap total at the end (SQLite, allocator, code)', value: mem.offHeapEndMb, unit: 'MB' },
    // Keep last: main() reads the burst rate from it.
    { metric: 'unpaced burst, same station (5 s, 8 batches in flight)', value: burstRate, unit: 'comments/s' },
  ];
}

async function main(): Promise<void> {
  const sqliteRate = sqliteBaseline();
  const classifierRate = classifierBaseline();
  const classifierModelRate = classifierBaseline(true);
  // the pre-model figure, from the same run: the same load with the learned model turned off
  const rulesOnly = await pipelineRun(true);
  const rulesP99 = rulesOnly.find((r) => r.metric === 'ingest → delivered p99')?.value ?? Number.NaN;
  const rulesRssGrowth = rulesOnly.find((r) => r.metric === 'station memory growth, second half of the run')?.value ?? Number.NaN;
  const rulesHeapGrowth = rulesOnly.find((r) => r.metric.startsWith('station V8 heap after forced full GC, growth'))?.value ?? Number.NaN;
  const rulesNaturalHeapGrowth = rulesOnly.find((r) => r.metric.startsWith('station V8 heap after natural full GC, growth'))?.value ?? Number.NaN;
  const rows = await pipelineRun();
  const burstRate = rows.at(-1)?.value ?? 0;
  const p99Row = rows.find((r) => r.metric === 'ingest → delivered p99');
  if (p99Row) Object.assign(p99Row, { baseline: rulesP99, ratio: p99Row.value / rulesP99 });
  const rssRow = rows.find((r) => r.metric === 'station memory growth, second half of the run');
  if (rssRow) rssRow.baseline = rulesRssGrowth;
  const heapRow = rows.find((r) => r.metric.startsWith('station V8 heap after forced full GC, growth'));
  if (heapRow) heapRow.baseline = rulesHeapGrowth;
  const naturalHeapRow = rows.find((r) => r.metric.startsWith('station V8 heap after natural full GC, growth'));
  if (naturalHeapRow) naturalHeapRow.baseline = rulesNaturalHeapGrowth;
  rows.push(
    { metric: 'baseline: ingest → delivered p99 with the model off (rules alone, same run)', value: rulesP99, unit: 'ms', target: '< 150', pass: rulesP99 < 150 },
    { metric: 'baseline: station memory growth, second half, model off (same run)', value: rulesRssGrowth, unit: 'MB', target: '< 64', pass: rulesRssGrowth < 64 },
    { metric: 'baseline: station V8 heap after forced full GC, growth over the second half, model off (same run)', value: rulesHeapGrowth, unit: 'MB', target: '< 8', pass: rulesHeapGrowth < 8 },
    { metric: 'classifier alone, one core, rules + shipped model (demo catalog)', value: classifierModelRate, unit: 'comments/s', baseline: classifierRate, ratio: classifierModelRate / classifierRate },
    { metric: 'baseline: raw batched SQLite insert, same rows', value: sqliteRate, unit: 'rows/s' },
    { metric: 'unpaced pipeline vs raw SQLite insert', value: burstRate, unit: 'comments/s', baseline: sqliteRate, ratio: burstRate / sqliteRate },
    { metric: 'baseline: classifier alone, one core (demo catalog)', value: classifierRate, unit: 'comments/s', target: '≥ 2000', pass: classifierRate >= 2000 },
  );
  const evalReport = await runTriageEval({ includeTune: false, throughputN: 50_000, crossCatalog: false, legacy: process.env.TRIAGE_LEGACY !== '0' });
  for (const r of triageBenchRows(evalReport)) rows.push({ ...r, metric: `triage: ${r.metric}` });
  report('comments pipeline', rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
