import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../storage/database';
import { MIGRATIONS } from '../storage/migrations/index';
import { createReplyLedger, EVICT_CHUNK } from './reply.ledger';

const dbs: Db[] = [];
const dirs: string[] = [];
const open = (file = ':memory:') => {
  const db = openDatabase({ file });
  dbs.push(db);
  return db;
};
afterEach(() => {
  for (const db of dbs.splice(0)) if (db.open) db.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('reply ledger', () => {
  it('covers a room and text only for the askers its post answered', () => {
    const l = createReplyLedger(open());
    l.note('tw|north|hi', ['a', 'b']);
    expect(l.covers('tw|north|hi', ['b', 'c'])).toBe(true);
    expect(l.covers('tw|north|hi', ['c'])).toBe(false);
    expect(l.covers('tw|north|hi', [])).toBe(false);
    expect(l.covers('tw|south|hi', ['a'])).toBe(false);
    expect(l.covers('tw|north|other text', ['a'])).toBe(false);
  });

  it('forgets the oldest posts once it holds more askers than its bound', () => {
    const l = createReplyLedger(open(), { maxAskers: 3 });
    l.note('p1', ['a', 'b']);
    l.note('p2', ['c']);
    l.note('p3', ['d']);
    expect(l.covers('p1', ['a'])).toBe(false);
    expect(l.covers('p2', ['c'])).toBe(true);
    expect(l.covers('p3', ['d'])).toBe(true);
  });

  it('a post noted again joins its askers and becomes the newest', () => {
    const l = createReplyLedger(open(), { maxAskers: 4 });
    l.note('p1', ['a']);
    l.note('p2', ['b']);
    l.note('p1', ['a', 'c']);
    l.note('p3', ['d', 'e']);
    // p1 (a, c) was noted after p2: p2 goes first, and p1 stays whole.
    expect(l.covers('p2', ['b'])).toBe(false);
    expect(l.covers('p1', ['a'])).toBe(true);
    expect(l.covers('p1', ['c'])).toBe(true);
    expect(l.covers('p3', ['e'])).toBe(true);
  });

  it('keeps one post bigger than the bound (a flood answered in one room)', () => {
    const l = createReplyLedger(open(), { maxAskers: 3 });
    const flood = Array.from({ length: 40_000 }, (_, i) => `f${i}`);
    l.note('old', ['x']);
    l.note('tw|north|Yes, we ship to Lima', flood);
    expect(l.covers('old', ['x'])).toBe(false);
    expect(l.covers('tw|north|Yes, we ship to Lima', ['nobody', 'f39999'])).toBe(true);
  });

  it('is still there after the database is closed and opened again (a station restart)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-ledger-'));
    dirs.push(dir);
    const file = join(dir, 'baton.db');
    const first = open(file);
    createReplyLedger(first).note('tw|north|hi', ['a']);
    first.close();
    const l = createReplyLedger(open(file));
    expect(l.covers('tw|north|hi', ['a'])).toBe(true);
    expect(l.covers('tw|south|hi', ['a'])).toBe(false);
  });

  it('keeps what a station of migration 015 noted (a post, its askers, its place in the order)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-ledger-'));
    dirs.push(dir);
    const file = join(dir, 'baton.db');
    const old = openDatabase({ file, migrations: MIGRATIONS.filter((m) => m.version <= 15) });
    old.exec(`INSERT INTO comment_reply_posts (post_key, askers) VALUES ('p1', 1), ('p2', 2);
      INSERT INTO comment_reply_askers (post_key, asker_id) VALUES ('p1', 'a'), ('p2', 'b'), ('p2', 'c');`);
    old.close();
    const l = createReplyLedger(open(file), { maxAskers: 3 });
    expect(l.covers('p1', ['a'])).toBe(true);
    expect(l.covers('p2', ['c'])).toBe(true);
    expect(l.covers('p1', ['b'])).toBe(false);
    // p1 was the oldest there, and still is.
    l.note('p3', ['d']);
    expect(l.covers('p1', ['a'])).toBe(false);
    expect(l.covers('p2', ['b'])).toBe(true);
  });

  it('an intent is this run\'s post in flight until its outcome; one left by a stopped station is unknown until settled', () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-ledger-'));
    dirs.push(dir);
    const file = join(dir, 'baton.db');
    const first = open(file);
    const a = createReplyLedger(first);
    const about = { platform: 'twitch', room: 'north', text: 'hi', by: 'Ana', at: 1 };
    const refused = a.sending('tw|north|hi', ['x'], about);
    expect(a.unsure('tw|north|hi', ['x'])).toBeNull();
    a.refused(refused);
    const ok = a.sending('tw|north|hi', ['a'], about);
    a.sent(ok, 'tw|north|hi', ['a']);
    a.sending('tw|north|hi', ['b', 'c'], about);
    // In flight here: not unknown, and not offered to be settled.
    expect(a.unsure('tw|north|hi', ['c'])).toBeNull();
    expect(a.unsurePosts()).toEqual([]);
    first.close();

    const b = createReplyLedger(open(file));
    expect(b.covers('tw|north|hi', ['a'])).toBe(true);
    expect(b.unsure('tw|north|hi', ['x'])).toBeNull();
    expect(b.unsure('tw|south|hi', ['c'])).toBeNull();
    const u = b.unsure('tw|north|hi', ['z', 'c']);
    expect(u).toMatchObject({ platform: 'twitch', room: 'north', text: 'hi', by: 'Ana' });
    expect(b.unsurePosts()).toEqual([u]);
    expect(b.settle(u!.id, 'inRoom')).toEqual(u);
    expect(b.settle(u!.id, 'inRoom')).toBeNull();
    expect(b.unsurePosts()).toEqual([]);
    expect(b.covers('tw|north|hi', ['c'])).toBe(true);
  });
});

describe('reply ledger: forgetting a big post', () => {
  const askerRows = (db: Db) => (db.prepare('SELECT COUNT(*) AS n FROM comment_reply_askers').get() as { n: number }).n;
  const turn = () => new Promise<void>((r) => setImmediate(r));
  const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

  it('forgets the whole post at once, then deletes its askers a bounded chunk per turn of the event loop', async () => {
    const db = open();
    const l = createReplyLedger(db, { maxAskers: 6 * EVICT_CHUNK });
    const flood = ids('f', 5 * EVICT_CHUNK);
    l.note('tw|north|flood', flood);
    l.note('tw|north|next', ids('n', 2 * EVICT_CHUNK));
    // The note that evicted it returned: the flood is forgotten whole (no asker of it is covered) …
    expect(l.covers('tw|north|flood', [flood[0]!])).toBe(false);
    expect(l.covers('tw|north|flood', [flood.at(-1)!])).toBe(false);
    expect(l.covers('tw|north|next', ['n0'])).toBe(true);
    // … but its rows were not deleted in that step: they go across turns, at most a chunk each.
    const seen = [askerRows(db)];
    expect(seen[0]).toBe(7 * EVICT_CHUNK);
    while (l.evicting() > 0 && seen.length < 50) {
      await turn();
      seen.push(askerRows(db));
    }
    expect(seen.at(-1)).toBe(2 * EVICT_CHUNK);
    const steps = seen.slice(1).map((n, i) => seen[i]! - n);
    expect(Math.max(...steps)).toBeLessThanOrEqual(EVICT_CHUNK);
    expect(steps.filter((d) => d > 0).length).toBeGreaterThanOrEqual(5);
    expect(l.covers('tw|north|next', ['n1999'])).toBe(true);
  });

  it('a post of the same room and text noted again while the old one is being deleted is whole', async () => {
    const db = open();
    const l = createReplyLedger(db, { maxAskers: 3 * EVICT_CHUNK });
    l.note('tw|north|flood', ids('f', 3 * EVICT_CHUNK));
    l.note('tw|north|other', ['o']);
    expect(l.evicting()).toBe(1);
    l.note('tw|north|flood', ['f0', 'late']);
    while (l.evicting() > 0) await turn();
    expect(l.covers('tw|north|flood', ['f0'])).toBe(true);
    expect(l.covers('tw|north|flood', ['late'])).toBe(true);
    expect(l.covers('tw|north|flood', ['f1'])).toBe(false);
    expect(askerRows(db)).toBe(3);
  });

  it('a stop mid-way leaves the rest for the next start, which finishes it in chunks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-ledger-'));
    dirs.push(dir);
    const file = join(dir, 'baton.db');
    const first = open(file);
    const a = createReplyLedger(first, { maxAskers: 3 * EVICT_CHUNK });
    a.note('tw|north|flood', ids('f', 3 * EVICT_CHUNK));
    a.note('tw|north|other', ['o']);
    await turn();
    a.stop();
    const left = askerRows(first);
    expect(left).toBeGreaterThan(1);
    expect(left).toBeLessThan(3 * EVICT_CHUNK + 1);
    first.close();

    const db = open(file);
    const b = createReplyLedger(db, { maxAskers: 3 * EVICT_CHUNK });
    expect(b.covers('tw|north|flood', ['f2999'])).toBe(false);
    expect(b.evicting()).toBe(1);
    while (b.evicting() > 0) await turn();
    expect(askerRows(db)).toBe(1);
  });
});
