// Same-run A/B of the reply ledger's eviction: how long one step of the station is held when a
// note forgets an old 20,000-asker post. A is a saved copy of the ledger before the change (migration
// 015's schema), B this tree's (migration 016, askers deleted a chunk per turn). Each trial opens a
// fresh SQLite file as the station does (WAL), fills the ledger to its bound (50,000 askers: posts of
// 20,000, 20,000 and 10,000), then times:
//   - note (control): a 20,000-asker post noted with room to spare (nothing forgotten);
//   - note (evicts): a 20,000-asker post that forgets the oldest 20,000-asker post;
//   - B only: each chunk of the forgotten post's askers, run a turn apart (the widest and the sum).
// The widest single step is what a producer's PAUSE clicked meanwhile would wait behind.
//
//   git show <before>:src/core/comments/reply.ledger.ts > .tmp/reply.ledger.base.ts
//   flock /tmp/baton-bench.lock npx tsx bench/reply-ledger-ab.ts .tmp/reply.ledger.base.ts   (LEDGER_AB_PAIRS=6)
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openDatabase, type Db } from '../src/core/storage/database';
import { MIGRATIONS } from '../src/core/storage/migrations/index';
import { createReplyLedger } from '../src/core/comments/reply.ledger';

const PAIRS = Number(process.env.LEDGER_AB_PAIRS ?? 6);
/** The bound for the trial: room for two 20,000-asker posts, so the third forgets the first. */
const BOUND = 40_000;
const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i}-abcdef0123`);

type Note = (key: string, askers: readonly string[]) => void;
type Open = (db: Db, defer: (fn: () => void) => void) => Note;
interface Trial {
  control: number;
  evicts: number;
  chunkMax: number;
  chunkSum: number;
  chunks: number;
}

async function trial(open: Open, schema: number): Promise<Trial> {
  const dir = mkdtempSync(join(tmpdir(), 'baton-ledger-ab-'));
  const db = openDatabase({ file: join(dir, 'baton.db'), migrations: MIGRATIONS.filter((m) => m.version <= schema) });
  const chunkTimes: number[] = [];
  let pending = 0;
  let settled: () => void = () => undefined;
  const done = new Promise<void>((r) => (settled = r));
  const defer = (fn: () => void) => {
    pending += 1;
    setImmediate(() => {
      const t = performance.now();
      fn();
      chunkTimes.push(performance.now() - t);
      pending -= 1;
      if (pending === 0) settled();
    });
  };
  const note = open(db, defer);
  const time = (key: string) => {
    const askers = ids(key, 20_000);
    const t = performance.now();
    note(`twitch|north|${key}`, askers);
    return performance.now() - t;
  };
  time('first');
  const control = time('second');
  const evicts = time('third');
  // The deferred chunks (B only); each schedules the next, so wait until none is pending.
  if (pending > 0) await done;
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return { control, evicts, chunkMax: Math.max(0, ...chunkTimes), chunkSum: chunkTimes.reduce((a, b) => a + b, 0), chunks: chunkTimes.length };
}

async function main() {
  const basePath = process.argv[2];
  if (!basePath) throw new Error('usage: tsx bench/reply-ledger-ab.ts <saved reply.ledger.ts before the change>');
  const base = (await import(pathToFileURL(resolve(basePath)).href)) as { createReplyLedger(db: Db, max: number): { note: Note } };
  const A: Open = (db) => base.createReplyLedger(db, BOUND).note;
  const B: Open = (db, defer) => createReplyLedger(db, { maxAskers: BOUND, defer }).note;
  const rows: { side: string; t: Trial }[] = [];
  const load = [loadavg()[0]!];
  // A warm-up of each, not counted.
  await trial(A, 15);
  await trial(B, 16);
  for (let i = 0; i < PAIRS; i += 1) {
    // ABBA order, so neither side always runs second.
    const order: [string, Open, number][] = i % 2 === 0 ? [['A', A, 15], ['B', B, 16]] : [['B', B, 16], ['A', A, 15]];
    for (const [side, open, schema] of order) rows.push({ side, t: await trial(open, schema) });
    load.push(loadavg()[0]!);
  }
  const f = (n: number) => n.toFixed(1);
  console.log(`reply ledger eviction A/B: ${PAIRS} pairs, load average ${f(Math.min(...load))}–${f(Math.max(...load))} (1 min)`);
  console.log('side  note(control) ms  note(evicts) ms  widest chunk ms  chunks  chunk sum ms  widest step ms');
  for (const { side, t } of rows)
    console.log(`${side}     ${f(t.control).padStart(12)}  ${f(t.evicts).padStart(15)}  ${f(t.chunkMax).padStart(15)}  ${String(t.chunks).padStart(6)}  ${f(t.chunkSum).padStart(12)}  ${f(Math.max(t.evicts, t.chunkMax)).padStart(14)}`);
  // B's intent before a post (committed before the chat is asked): its cost on a 20,000-asker post's path.
  const intent: number[] = [];
  const check: number[] = [];
  for (let i = 0; i < PAIRS; i += 1) {
    const dir = mkdtempSync(join(tmpdir(), 'baton-ledger-ab-'));
    const db = openDatabase({ file: join(dir, 'baton.db') });
    const l = createReplyLedger(db);
    const askers = ids(`i${i}`, 20_000);
    let t = performance.now();
    const id = l.sending('twitch|north|intent', askers, { platform: 'twitch', room: 'north', text: 'intent', by: 'bench', at: 0 });
    intent.push(performance.now() - t);
    l.sent(id, 'twitch|north|intent', askers);
    const other = ids(`o${i}`, 20_000);
    t = performance.now();
    l.unsure('twitch|north|intent', other);
    check.push(performance.now() - t);
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`B intent before a 20,000-asker post: ${intent.map(f).join(' / ')} ms; the unknown-post check (no intent left): ${check.map((x) => x.toFixed(3)).join(' / ')} ms`);
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  for (const side of ['A', 'B']) {
    const ts = rows.filter((r) => r.side === side).map((r) => r.t);
    console.log(
      `${side} median: control ${f(med(ts.map((t) => t.control)))}, evicts ${f(med(ts.map((t) => t.evicts)))}, widest chunk ${f(med(ts.map((t) => t.chunkMax)))}, widest step ${f(med(ts.map((t) => Math.max(t.evicts, t.chunkMax))))} ms`,
    );
  }
}

void main();
