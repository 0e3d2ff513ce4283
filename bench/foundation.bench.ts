// The command chain's cost: validate → authorise → handle → audit (hash-chained, in a
// transaction) → patch, against a raw better-sqlite3 insert of the same audit row, same disk,
// same run. Target: ≥ 20,000 commands/s and ≤ 2× the raw insert's time per row.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { openDatabase } from '../src/core/storage/database';
import { benchProducer as producer, createBenchCore } from './support/bench-core';
import { report, summarise } from './support/report';

const N = Number(process.env.BATON_BENCH_N ?? 30_000);
const WARMUP = 2_000;

async function chain(dir: string) {
  const core = createBenchCore(dir);
  core.alerts.raise({ source: 'bench', key: 'k', level: 'warn', message: 'bitrate low' });
  const id = core.snapshot().state.alerts.items[0]!.id;
  // A subscriber, as a connected view would be: patches and audit events are really published.
  // The station publishes them once the command's turn has ended (after its reply); this loop
  // never ends a turn, so it publishes after each command itself, inside the timed window, to
  // count the same work per command as when they went out at once.
  let received = 0;
  core.subscribe(() => void (received += 1));
  const lat: number[] = [];
  for (let i = 0; i < WARMUP; i++) {
    await core.dispatch('alert.ack', { id }, producer);
    core.state.flush();
  }
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < N; i++) {
    const s = process.hrtime.bigint();
    const r = await core.dispatch('alert.ack', { id }, producer);
    core.state.flush();
    lat.push(Number(process.hrtime.bigint() - s) / 1e3);
    if (!r.ok) throw new Error(r.error.message);
  }
  const totalS = Number(process.hrtime.bigint() - t0) / 1e9;
  await core.close();
  return { perSec: N / totalS, usPerOp: (totalS * 1e6) / N, ...summarise(lat), received };
}

// The baseline writes the very same row into the very same table (same migrations, same pragmas,
// prepared statement, autocommit): what is left is the chain's own cost.
function raw(dir: string) {
  const db = openDatabase({ file: join(dir, 'raw', 'baton.db') });
  const insert = db.prepare(`INSERT INTO audit_log VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`);
  const hash = createHash('sha256').update('row').digest('hex');
  const lat: number[] = [];
  let seq = 0;
  const row = () => {
    seq += 1;
    insert.run(seq, Date.now(), producer.actor, 'producer', 'test', 'alert.ack', '{"id":"x"}', 'ok', null, 0.01, hash, hash);
  };
  for (let i = 0; i < WARMUP; i++) row();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < N; i++) {
    const s = process.hrtime.bigint();
    row();
    lat.push(Number(process.hrtime.bigint() - s) / 1e3);
  }
  const totalS = Number(process.hrtime.bigint() - t0) / 1e9;
  db.close();
  return { perSec: N / totalS, usPerOp: (totalS * 1e6) / N, ...summarise(lat) };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'baton-bench-'));
  try {
    const r = raw(dir);
    const c = await chain(dir);
    const ratio = c.usPerOp / r.usPerOp;
    report(`command chain vs raw insert (${N} sequential commands, WAL on disk)`, [
      { metric: 'commands/s through the chain', value: c.perSec, unit: '/s', baseline: r.perSec, target: '≥ 20000', pass: c.perSec >= 20_000 },
      { metric: 'time per command', value: c.usPerOp, unit: 'µs', baseline: r.usPerOp, ratio, target: '≤ 2× raw', pass: ratio <= 2 },
      { metric: 'latency p50', value: c.p50, unit: 'µs', baseline: r.p50, ratio: c.p50 / r.p50 },
      { metric: 'latency p99', value: c.p99, unit: 'µs', baseline: r.p99, ratio: c.p99 / r.p99 },
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
