// Answering a flooded work item, in process on a real data folder (disk, WAL): a group of 5,000 and
// of 20,000 viewers asking one question, answered with one click (cluster.answer; comments.bulk
// with BATON_GROUP_COMMAND=bulk). Measured while it runs: the longest event-loop block (the widest
// gap between two turns of a setImmediate ticker, and monitorEventLoopDelay's max), the round trip
// of a producer's command (show.clock) sent right after the click and then every 10 ms, counted from
// when it was sent, and the total time to answer (BATON_GROUP_PROBES=0: without the probes). Prints one JSON line per size as well as the table, so a same-run A/B can
// run this same file in a checkout of the base commit (it uses only the command contract).
//   flock /tmp/baton-bench.lock npx tsx bench/group-answer.bench.ts   (BATON_GROUP_SIZES=5000,20000)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createBenchCore, benchProducer } from './support/bench-core';
import { report, type BenchRow } from './support/report';
import type { Caller } from '../src/core/dispatch/handler';

const SIZES = (process.env.BATON_GROUP_SIZES ?? '5000,20000').split(',').map(Number);
const COMMAND = process.env.BATON_GROUP_COMMAND === 'bulk' ? 'comments.bulk' : 'cluster.answer';
/** BATON_GROUP_PROBES=0: no show.clock every 10 ms (the total time to answer without other work interleaved). */
const PROBES = process.env.BATON_GROUP_PROBES !== '0';
const moderator: Caller = { actor: 'Ana (moderator)', role: 'moderator', via: 'test' };

async function ok<T>(p: Promise<{ ok: true; result: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.result;
}

async function one(n: number) {
  const dir = mkdtempSync(join(tmpdir(), 'baton-bench-group-'));
  const core = createBenchCore(dir);
  try {
    core.show.loadFile('resources/demo-show/show.json');
    for (let i = 0; i < n; i += 1000) {
      const comments = Array.from({ length: Math.min(1000, n - i) }, (_, k) => ({ platform: 'tiktok', id: `f${i + k}`, author: `bot-${i + k}`, text: 'Aceita PIX?', lang: 'pt' }));
      await ok(core.dispatch('comments.ingest', { comments }, benchProducer));
    }
    const desk = await ok(core.dispatch('comments.desk', { filter: { queue: 'all' }, limit: 5 }, moderator));
    const item = desk.items.find((i) => i.size === n);
    if (!item) throw new Error(`no work item of ${n}`);
    // Let the ingest's timers and writes settle before measuring.
    await new Promise((r) => setTimeout(r, 300));

    const h = monitorEventLoopDelay({ resolution: 1 });
    let running = true;
    let widest = 0;
    let last = performance.now();
    const tick = () => {
      const t = performance.now();
      widest = Math.max(widest, t - last);
      last = t;
      if (running) setImmediate(tick);
    };
    // A probe's round trip counts from when it was sent (its client's click), not from when the
    // station got round to reading it: a blocked loop reads it late, and that wait is the point.
    const probes: number[] = [];
    let first = Number.NaN;
    const probe = async (sentAt: number, isFirst: boolean) => {
      // Started by the first; refused by the next while it runs (a conflict, audited all the same):
      // either way the whole command chain, a write's audit row included.
      await core.dispatch('show.clock', { action: 'start' }, benchProducer);
      const ms = performance.now() - sentAt;
      if (isFirst) first = ms;
      else probes.push(ms);
    };
    h.enable();
    const t0 = performance.now();
    const args = COMMAND === 'comments.bulk' ? { clusterIds: [item.id], action: 'answer', macroId: 'shipping', by: 'Ana' } : { clusterId: item.id, macroId: 'shipping', by: 'Ana' };
    const answer = core.dispatch(COMMAND, args, moderator);
    setImmediate(tick);
    // Sent right after the click; then one 10 ms after the station read the one before, each
    // counted from when it was due (a timer a blocked loop fires late: that lateness is the wait).
    setImmediate(() => void probe(t0, true));
    let every: NodeJS.Timeout | null = null;
    const next = () => {
      const due = performance.now() + 10;
      every = setTimeout(() => {
        void probe(due, false);
        if (running) next();
      }, 10);
    };
    if (PROBES) next();
    const r = await answer;
    const total = performance.now() - t0;
    running = false;
    if (every) clearTimeout(every);
    // The histogram's timer fires after a block: give it that turn before reading it.
    await new Promise((res) => setTimeout(res, 20));
    h.disable();
    if (!r.ok) throw new Error(r.error.message);
    await new Promise((res) => setTimeout(res, 50));
    const answered = (core.db.prepare(`SELECT COUNT(*) AS n FROM comments WHERE status = 'answered'`).get() as { n: number }).n;
    if (answered !== n) throw new Error(`${answered} of ${n} answered`);
    const sorted = [...probes].sort((a, b) => a - b);
    return {
      n,
      command: COMMAND,
      totalMs: total,
      widestGapMs: widest,
      loopDelayMaxMs: h.max / 1e6,
      firstProbeMs: first,
      probeMaxMs: sorted.at(-1) ?? Number.NaN,
      probes: sorted.length,
    };
  } finally {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const rows: BenchRow[] = [];
for (const n of SIZES) {
  const m = await one(n);
  console.log(`GROUP_BENCH ${JSON.stringify(m)}`);
  rows.push(
    { metric: `${n}: time to answer the group (${COMMAND})`, value: m.totalMs, unit: 'ms' },
    { metric: `${n}: longest event-loop block (ticker gap)`, value: m.widestGapMs, unit: 'ms' },
    // Under-reads one long block (its timer fires once, late): the ticker gap is the figure to read.
    { metric: `${n}: longest event-loop delay (monitorEventLoopDelay max)`, value: m.loopDelayMaxMs, unit: 'ms' },
    { metric: `${n}: show.clock sent right after the click, round trip`, value: m.firstProbeMs, unit: 'ms' },
    ...(PROBES ? [{ metric: `${n}: show.clock every 10 ms meanwhile, worst round trip from its due time (${m.probes} sent)`, value: m.probeMaxMs, unit: 'ms' }] : []),
  );
}
report('Answering a flooded work item', rows);
