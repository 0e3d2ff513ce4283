// Load under a flood (issue 12): a real headless station, 2,000 comments/s ingested, 50 WebSocket
// views (producer, host and moderator tokens, one token each) sending commands and receiving
// events, first quietly, then while one more token floods commands over HTTP. Figures: the
// others' command round-trip p99 and comment event latency p99, flood vs quiet from the same
// run and station; the flooder must be answered 429 (with Retry-After) and the others not slowed
// past 1.2×.
//   npm run bench -- load [--seconds N]      (each phase N seconds, default 60)
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import type { ServerMessage } from '../src/shared/contract/index';
import type { Role } from '../src/shared/contract/roles';
import { findFreePort } from '../test/peers/process-control';
import { startTestStation, writeQuietShow, type TestStation } from '../test/peers/headless-station';
import { report, summarise, type BenchRow } from './support/report';
import { Worker } from 'node:worker_threads';

function secondsFlag(argv: readonly string[]): number {
  const i = argv.indexOf('--seconds');
  const raw = i >= 0 ? argv[i + 1] : process.env.BATON_BENCH_SECONDS;
  const n = Number(raw ?? 60);
  if (!Number.isFinite(n) || n < 1 || n > 3600) throw new Error('--seconds takes a number of seconds from 1 to 3600');
  return n;
}

const SECONDS = secondsFlag(process.argv.slice(2));
const CLIENTS = 50;
const RATE = 2_000;
const BATCH = 50;
/** Each view's own commands: one every COMMAND_EVERY_MS, as a busy desk clicks. */
const COMMAND_EVERY_MS = 500;
/** The flooder keeps this many HTTP requests in flight, as fast as they are answered. */
const FLOOD_IN_FLIGHT = 32;
const ROLES: Role[] = ['producer', 'host', 'moderator'];

const token = (role: string) => `${role}-load-${randomBytes(12).toString('hex')}`;
const texts = readFileSync('resources/demo-show/comments.jsonl', 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => (JSON.parse(l) as { text: string }).text);

interface View {
  role: Role;
  socket: WebSocket;
  pending: Map<string, number>;
  rtt: number[];
  eventMs: number[];
  errors: number;
}

interface Phase {
  rtt: number[];
  eventMs: number[];
  viewErrors: number;
  ingested: number;
  ingestFailures: number;
  flood: { sent: number; limited: number; withRetryAfter: number; ok: number; other: number };
}

const RESULT_PREFIX = Buffer.from('{"t":"result"');
/** Views that time comment events; the others receive the same stream but only skip it, so the bench's own JSON parsing does not become the load it measures. */
const EVENT_TIMERS = 6;

async function openView(url: string, role: Role, secret: string, sentAt: Map<string, number>, timesEvents: boolean): Promise<View> {
  const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/api/events?token=${secret}`, { perMessageDeflate: false });
  const view: View = { role, socket, pending: new Map(), rtt: [], eventMs: [], errors: 0 };
  socket.on('message', (data: Buffer) => {
    const now = performance.now();
    const isResult = data.subarray(0, RESULT_PREFIX.length).equals(RESULT_PREFIX);
    if (!isResult && !timesEvents) return;
    const m = JSON.parse(data.toString('utf8')) as ServerMessage;
    if (m.t === 'result') {
      const at = view.pending.get(m.id);
      if (at === undefined) return;
      view.pending.delete(m.id);
      view.rtt.push(now - at);
      if (!m.ok) view.errors += 1;
    } else if (m.t === 'event' && m.event.name === 'comments.changed') {
      for (const c of m.event.comments) {
        const at = sentAt.get(c.id);
        if (at !== undefined) view.eventMs.push(now - at);
      }
    }
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return view;
}

type FloodCounts = Phase['flood'];

// Plain JavaScript run in a worker thread: node:http with keep-alive, FLOOD_IN_FLIGHT requests in flight.
const FLOOD_WORKER = `
const { workerData, parentPort } = require('node:worker_threads');
const http = require('node:http');
const { url, token, ms, inFlight } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: inFlight });
const target = new URL(url + '/api/commands/show.get');
const counts = { sent: 0, limited: 0, withRetryAfter: 0, ok: 0, other: 0 };
const end = Date.now() + ms;
const one = () => new Promise((resolve) => {
  counts.sent += 1;
  const req = http.request({ host: target.hostname, port: target.port, path: target.pathname, method: 'POST', agent,
    headers: { authorization: 'Bearer ' + token, 'content-type': 'application/json', 'content-length': 2 } }, (res) => {
    res.resume();
    res.on('end', () => {
      if (res.statusCode === 429) { counts.limited += 1; if (res.headers['retry-after']) counts.withRetryAfter += 1; }
      else if (res.statusCode === 200) counts.ok += 1;
      else counts.other += 1;
      resolve();
    });
  });
  req.on('error', () => { counts.other += 1; resolve(); });
  req.end('{}');
});
const loop = async () => { while (Date.now() < end) await one(); };
Promise.all(Array.from({ length: inFlight }, loop)).then(() => { agent.destroy(); parentPort.postMessage(counts); });
`;

function runFlooder(url: string, secret: string, ms: number): Promise<FloodCounts> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(FLOOD_WORKER, { eval: true, workerData: { url, token: secret, ms, inFlight: FLOOD_IN_FLIGHT } });
    worker.once('message', (counts: FloodCounts) => resolve(counts));
    worker.once('error', reject);
  });
}

async function runPhase(station: TestStation, views: View[], flooder: string | null, sentAt: Map<string, number>, firstId: number): Promise<Phase> {
  for (const v of views) {
    v.rtt = [];
    v.eventMs = [];
    v.errors = 0;
  }
  const phase: Phase = { rtt: [], eventMs: [], viewErrors: 0, ingested: 0, ingestFailures: 0, flood: { sent: 0, limited: 0, withRetryAfter: 0, ok: 0, other: 0 } };
  const t0 = performance.now();
  const running = () => performance.now() - t0 < SECONDS * 1000;

  // Each view: a read every COMMAND_EVERY_MS, staggered so they do not all fire on one tick.
  let seq = 0;
  const intervals: ReturnType<typeof setInterval>[] = [];
  const starts = views.map((v, i) =>
    setTimeout(() => {
      const tick = () => {
        if (!running() || v.socket.readyState !== WebSocket.OPEN) return;
        const id = `c${seq++}`;
        v.pending.set(id, performance.now());
        v.socket.send(JSON.stringify({ t: 'command', id, name: 'show.get', args: {} }));
      };
      tick();
      intervals.push(setInterval(tick, COMMAND_EVERY_MS));
    }, (i * COMMAND_EVERY_MS) / views.length),
  );

  // Ingest: RATE comments/s in batches of BATCH, paced, as a relay would send them.
  let next = firstId;
  const ingest = (async () => {
    const inFlight = new Set<Promise<void>>();
    let sent = 0;
    while (running()) {
      const due = Math.floor(((performance.now() - t0) / 1000) * RATE);
      while (sent + BATCH <= due && inFlight.size < 32) {
        const from = next;
        next += BATCH;
        sent += BATCH;
        const comments = Array.from({ length: BATCH }, (_, i) => ({ platform: 'load', id: String(from + i), author: `viewer${(from + i) % 997}`, text: texts[(from + i) % texts.length] as string }));
        const at = performance.now();
        for (const c of comments) sentAt.set(`load:${c.id}`, at);
        const p = station
          .api<{ accepted: number }>('comments.ingest', { comments })
          .then((r) => {
            if (r.status === 200) phase.ingested += r.body.result?.accepted ?? 0;
            else phase.ingestFailures += 1;
          })
          .catch(() => void (phase.ingestFailures += 1))
          .finally(() => inFlight.delete(p));
        inFlight.add(p);
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    await Promise.all(inFlight);
  })();

  // The flooder: its own producer token, as many commands as the station will take, from its own
  // thread (so the bench's 50 views do not throttle it) over kept-alive connections.
  const flood = flooder ? runFlooder(station.url, flooder, SECONDS * 1000).then((f) => void (phase.flood = f)) : Promise.resolve();

  await Promise.all([ingest, flood]);
  starts.forEach(clearTimeout);
  intervals.forEach(clearInterval);
  // Let the last answers and events arrive before the phase is read.
  await new Promise((r) => setTimeout(r, 2000));
  for (const v of views) {
    phase.rtt.push(...v.rtt);
    phase.eventMs.push(...v.eventMs);
    phase.viewErrors += v.errors + v.pending.size;
    v.pending.clear();
  }
  return phase;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'baton-bench-load-'));
  const ingester = token('ingest');
  const flooder = token('flood');
  const viewTokens = Array.from({ length: CLIENTS }, (_, i) => ({ role: ROLES[i % ROLES.length] as Role, token: token(ROLES[i % ROLES.length] as string) }));
  const list = [
    { role: 'producer', label: 'flooder (load bench)', token: flooder },
    ...viewTokens.map((t, i) => ({ role: t.role, label: `${t.role} ${i} (load bench)`, token: t.token })),
  ];
  writeFileSync(join(dataDir, 'secrets.json'), JSON.stringify({ 'api.tokens': JSON.stringify(list) }), { mode: 0o600 });
  const station = await startTestStation({ dataDir, port: await findFreePort(), showFile: writeQuietShow(dataDir, 'load'), token: ingester, name: 'load-station' });
  const sentAt = new Map<string, number>();
  const views = await Promise.all(viewTokens.map((t, i) => openView(station.url, t.role, t.token, sentAt, i < EVENT_TIMERS)));
  try {
    console.log(`${CLIENTS} views open (${ROLES.map((r) => `${views.filter((v) => v.role === r).length} ${r}`).join(', ')}); quiet phase ${SECONDS} s…`);
    const quiet = await runPhase(station, views, null, sentAt, 0);
    console.log(`flood phase ${SECONDS} s…`);
    const flood = await runPhase(station, views, flooder, sentAt, 10_000_000);
    const alive = (await fetch(`${station.url}/api/health`)).status === 200;

    const q = summarise(quiet.rtt);
    const f = summarise(flood.rtt);
    const qe = summarise(quiet.eventMs);
    const fe = summarise(flood.eventMs);
    const ratio = f.p99 / q.p99;
    const eventRatio = fe.p99 / qe.p99;
    console.log(`quiet: ${q.n} commands, ${qe.n} comment deliveries, ingested ${quiet.ingested}, view errors ${quiet.viewErrors}, ingest failures ${quiet.ingestFailures}`);
    console.log(`flood: ${f.n} commands, ${fe.n} comment deliveries, ingested ${flood.ingested}, view errors ${flood.viewErrors}, ingest failures ${flood.ingestFailures}`);
    console.log(`flooder: ${flood.flood.sent} requests, ${flood.flood.ok} answered 200, ${flood.flood.limited} answered 429 (${flood.flood.withRetryAfter} with Retry-After), ${flood.flood.other} other`);
    const rows: BenchRow[] = [
      { metric: `others' command round-trip p50, flood (${CLIENTS} views, ${SECONDS} s)`, value: f.p50, unit: 'ms', baseline: q.p50, ratio: f.p50 / q.p50 },
      { metric: `others' command round-trip p99, flood vs quiet`, value: f.p99, unit: 'ms', baseline: q.p99, ratio, target: '≤ 1.2× quiet', pass: ratio <= 1.2 },
      { metric: `comment event latency p50, flood`, value: fe.p50, unit: 'ms', baseline: qe.p50, ratio: fe.p50 / qe.p50 },
      { metric: `comment event latency p99, flood vs quiet`, value: fe.p99, unit: 'ms', baseline: qe.p99, ratio: eventRatio, target: '≤ 1.2× quiet', pass: eventRatio <= 1.2 },
      { metric: `comments ingested per second, flood (offered ${RATE}/s)`, value: flood.ingested / SECONDS, unit: 'comments/s', baseline: quiet.ingested / SECONDS, target: `≥ ${RATE * 0.99}`, pass: flood.ingested / SECONDS >= RATE * 0.99 && flood.ingestFailures === 0 },
      { metric: `flooder requests answered 429 (of ${flood.flood.sent})`, value: flood.flood.limited, unit: 'requests', target: '> 0, all with Retry-After', pass: flood.flood.limited > 0 && flood.flood.withRetryAfter === flood.flood.limited },
      { metric: 'flooder requests answered 200 per second (limit 200)', value: flood.flood.ok / SECONDS, unit: 'req/s', target: '≤ 200 (+ burst)', pass: flood.flood.ok / SECONDS <= 220 },
      { metric: "other views' failed or unanswered commands, both phases", value: quiet.viewErrors + flood.viewErrors, unit: 'commands', target: '= 0', pass: quiet.viewErrors + flood.viewErrors === 0 },
      { metric: 'station alive after the flood', value: alive ? 1 : 0, unit: 'bool', target: '= 1', pass: alive },
    ];
    report('load: flood vs quiet', rows);
  } finally {
    for (const v of views) v.socket.close();
    await station.proc.stop('SIGTERM', 10_000);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
