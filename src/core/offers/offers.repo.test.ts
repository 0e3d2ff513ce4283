import { describe, expect, it } from 'vitest';
import { openDatabase } from '../storage/database';
import { createOffersRepo } from './offers.repo';

describe('offers repo: adapters’ notes', () => {
  it('reads a note from SQLite once, keeps what it writes, and stores it for the next start', () => {
    const db = openDatabase({ file: ':memory:' });
    const repo = createOffersRepo(db);
    expect(repo.memo('show', 'offer', 'vendure.thresholds')).toBeNull();
    repo.setMemo('show', 'offer', 'vendure.thresholds', '{"7":{"useGlobal":true,"threshold":0}}');
    expect(repo.memo('show', 'offer', 'vendure.thresholds')).toBe('{"7":{"useGlobal":true,"threshold":0}}');
    // Notes are scoped: another offer's key is its own.
    expect(repo.memo('show', 'other', 'vendure.thresholds')).toBeNull();
    // A station started on the same data reads what was written.
    expect(createOffersRepo(db).memo('show', 'offer', 'vendure.thresholds')).toBe('{"7":{"useGlobal":true,"threshold":0}}');
    db.close();
  });

  it('reads SQLite only the first time a note is asked for (the repo is the notes’ only writer)', () => {
    const db = openDatabase({ file: ':memory:' });
    const repo = createOffersRepo(db);
    repo.setMemo('show', 'offer', 'k', 'v1');
    const fresh = createOffersRepo(db);
    // A direct SQL change behind the repo's back is not seen: this repo is the notes' only writer.
    expect(fresh.memo('show', 'offer', 'k')).toBe('v1');
    db.prepare("UPDATE offer_store_memo SET value = 'v2'").run();
    expect(fresh.memo('show', 'offer', 'k')).toBe('v1');
    db.close();
  });
});
