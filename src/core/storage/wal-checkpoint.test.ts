import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from './database';
import { createWalCheckpointer, WAL_BACKSTOP_PAGES } from './wal-checkpoint';
import type { Timers } from '../platform/timers';

/** Timers driven by hand: `run()` fires what is due now. */
function handTimers() {
  let due: { fn: () => void; live: boolean }[] = [];
  const timers: Timers = {
    after(_ms, fn) {
      const t = { fn, live: true };
      due.push(t);
      return () => void (t.live = false);
    },
    every: () => () => {},
    defer: (fn) => void due.push({ fn, live: true }),
  };
  const run = () => {
    const now = due;
    due = [];
    for (const t of now) if (t.live) t.fn();
  };
  return { timers, run, pending: () => due.filter((t) => t.live).length };
}

describe('WAL checkpointer', () => {
  let dir = '';
  let db: Db | null = null;
  afterEach(() => {
    db?.close();
    db = null;
    rmSync(dir, { recursive: true, force: true });
  });

  const open = () => {
    dir = mkdtempSync(join(tmpdir(), 'baton-wal-'));
    db = openDatabase({ file: join(dir, 'baton.db'), migrations: [] });
    db.exec('CREATE TABLE t (v TEXT)');
    return db;
  };

  it('leaves SQLite its own checkpoint only as a far backstop', () => {
    const d = open();
    createWalCheckpointer({ db: d, timers: handTimers().timers });
    expect(d.pragma('wal_autocheckpoint', { simple: true })).toBe(WAL_BACKSTOP_PAGES);
  });

  it('checkpoints only after a quiet period with no commit, never inside one', () => {
    const d = open();
    const hand = handTimers();
    const cp = createWalCheckpointer({ db: d, timers: hand.timers });
    const spy = vi.spyOn(d, 'pragma');
    const insert = d.prepare('INSERT INTO t VALUES (?)');
    const commit = () => {
      insert.run('x'.repeat(2000));
      cp.wrote();
    };
    commit();
    commit();
    expect(spy).not.toHaveBeenCalled(); // nothing ran inside the commits
    expect(hand.pending()).toBe(1); // one timer, however many commits
    commit(); // a commit during the wait pushes the checkpoint back
    hand.run();
    expect(spy).not.toHaveBeenCalled();
    expect(hand.pending()).toBe(1);
    const walBefore = statSync(join(dir, 'baton.db-wal')).size;
    expect(walBefore).toBeGreaterThan(0);
    hand.run(); // a quiet period went by
    expect(spy).toHaveBeenCalledWith('wal_checkpoint(PASSIVE)');
    expect(hand.pending()).toBe(0);
    // Everything in the WAL is now in the database file: a fresh commit starts the WAL over.
    const [after] = d.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[];
    expect(after?.checkpointed).toBe(after?.log);
  });

  // Starting the WAL over writes its header and fsyncs it. Without a write in the quiet moment,
  // the first commit after a checkpoint did that: a click's durable intent, before its store call.
  it('starts the WAL over in the quiet moment, so the next commit appends without an fsync of its own', () => {
    const d = open();
    const hand = handTimers();
    const cp = createWalCheckpointer({ db: d, timers: hand.timers });
    const insert = d.prepare('INSERT INTO t VALUES (?)');
    const wal = join(dir, 'baton.db-wal');
    const header = () => readFileSync(wal).subarray(0, 32).toString('hex');
    const appId = d.pragma('application_id', { simple: true });
    insert.run('before');
    cp.wrote();
    const before = header();
    hand.run(); // a quiet period went by: checkpoint
    const restarted = header();
    expect(restarted).not.toBe(before); // new salts: the WAL was started over now
    expect(hand.pending()).toBe(0); // that write does not ask for another checkpoint
    insert.run('the next click');
    expect(header()).toBe(restarted); // the click's commit appended to it
    expect(d.pragma('application_id', { simple: true })).toBe(appId);
    expect(d.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 2 });
  });

  it('does nothing once closed, and reports a failing checkpoint instead of throwing', () => {
    const d = open();
    const hand = handTimers();
    const errors: unknown[] = [];
    const cp = createWalCheckpointer({ db: d, timers: hand.timers, onError: (e) => errors.push(e) });
    cp.wrote();
    cp.close();
    cp.wrote();
    expect(hand.pending()).toBe(0);
    const cp2 = createWalCheckpointer({ db: d, timers: hand.timers, onError: (e) => errors.push(e) });
    cp2.wrote();
    vi.spyOn(d, 'pragma').mockImplementation(() => {
      throw new Error('disk I/O error');
    });
    expect(() => hand.run()).not.toThrow();
    expect(errors).toHaveLength(1);
  });
});
