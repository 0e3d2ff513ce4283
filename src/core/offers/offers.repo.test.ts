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

describe('offers repo: the durable intent', () => {
  it('stores every field of the control row where it reads it back, and overwrites it in place', () => {
    const db = openDatabase({ file: ':memory:' });
    const repo = createOffersRepo(db);
    // Every field distinct, so a value bound to the wrong column shows.
    const intent = {
      intent: 'paused' as const,
      pending: true,
      reason: 'price wrong on screen',
      requestedBy: 'Maya (producer)',
      requestedAt: 1_000,
      opKey: 'glow:paused:rs:1',
      confirmedAt: null,
      capReachedAt: 2_000,
      bonusRemoval: 'removed',
    };
    repo.saveControl('show', 'glow', intent, 3_000);
    expect(repo.control('show', 'glow')).toEqual(intent);
    expect(db.prepare('SELECT updated_at AS at FROM offer_control').get()).toEqual({ at: 3_000 });
    const confirmed = { ...intent, pending: false, confirmedAt: 4_000, reason: null, bonusRemoval: null };
    repo.saveControl('show', 'glow', confirmed, 4_000);
    expect(repo.control('show', 'glow')).toEqual(confirmed);
    expect(db.prepare('SELECT COUNT(*) AS n, MAX(updated_at) AS at FROM offer_control').get()).toEqual({ n: 1, at: 4_000 });
    // Scoped by show: another show's offer of the same id has no intent.
    expect(repo.control('other-show', 'glow')).toBeNull();
    db.close();
  });
});
