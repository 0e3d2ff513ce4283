import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../storage/database';
import { createReplyLedger } from './reply.ledger';

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
    const l = createReplyLedger(open(), 3);
    l.note('p1', ['a', 'b']);
    l.note('p2', ['c']);
    l.note('p3', ['d']);
    expect(l.covers('p1', ['a'])).toBe(false);
    expect(l.covers('p2', ['c'])).toBe(true);
    expect(l.covers('p3', ['d'])).toBe(true);
  });

  it('a post noted again joins its askers and becomes the newest', () => {
    const l = createReplyLedger(open(), 4);
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
    const l = createReplyLedger(open(), 3);
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
});
