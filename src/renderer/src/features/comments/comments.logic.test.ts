import { describe, expect, it } from 'vitest';
import type { CommentRecord } from '../../../../shared/contract/index';
import { deskFilterOf, heldByOther, holderLabel, NO_FILTERS, queueLevel, readsClock, slaLevel } from './comments.logic';

const rec = (seq: number, over: Partial<CommentRecord> = {}): CommentRecord => ({
  id: `tiktok:${seq}`,
  seq,
  source: 'ingest',
  rehearsal: false,
  platform: 'tiktok',
  room: null,
  messageId: String(seq),
  author: 'a',
  text: 't',
  lang: 'en',
  at: seq * 1000,
  receivedAt: seq * 1000,
  intent: 'order',
  confidence: 0.9,
  sku: null,
  offerCode: null,
  queue: 'commerce',
  status: 'new',
  claimedBy: null,
  claimedAt: null,
  answeredAt: null,
  responseSeconds: null,
  reply: null,
  pinned: false,
  correctedFrom: null,
  note: null,
  reasons: [],
  ...over,
});

describe('moderator view logic', () => {
  it('turns the view’s filters into the station’s desk filter, "all" meaning no filter', () => {
    expect(deskFilterOf(NO_FILTERS)).toEqual({ queue: 'commerce', done: false });
    expect(deskFilterOf({ ...NO_FILTERS, queue: 'all', intent: 'question', lang: 'pt', done: true })).toEqual({ queue: 'all', done: true, intent: 'question', lang: 'pt' });
  });

  it('colours the response timer against the SLA', () => {
    const c = { receivedAt: 0, answeredAt: null };
    expect(slaLevel(c, 30_000, 60)).toBe('green');
    expect(slaLevel(c, 50_000, 60)).toBe('amber');
    expect(slaLevel(c, 61_000, 60)).toBe('red');
    expect(slaLevel({ receivedAt: 0, answeredAt: 10_000 }, 999_000, 60)).toBe('green');
  });

  it('names the holder and refuses actions on someone else’s comment', () => {
    const held = rec(1, { status: 'claimed', claimedBy: 'Ana Reyes' });
    expect(holderLabel(held, 'Dewi Santoso')).toBe('Ana Reyes is replying');
    expect(holderLabel(held, 'Ana Reyes')).toBe('You are replying');
    expect(holderLabel(rec(2), 'Ana Reyes')).toBeNull();
    expect(heldByOther(held, 'Dewi Santoso')).toBe(true);
    expect(heldByOther(held, 'Ana Reyes')).toBe(false);
  });

  it('turns a queue red only when it overflows', () => {
    expect(queueLevel({ overflow: true, open: 60, watched: true })).toBe('red');
    expect(queueLevel({ overflow: false, open: 3, watched: true })).toBe('amber');
    expect(queueLevel({ overflow: false, open: 300, watched: false })).toBe('idle');
  });
});

describe('rows that read the clock', () => {
  it('is an open row waiting on a person, or a closed one with no answer time', () => {
    expect(readsClock(rec(1, { intent: 'question' }))).toBe(true);
    expect(readsClock(rec(1, { intent: 'other' }))).toBe(false);
    expect(readsClock(rec(1, { intent: 'question', status: 'answered', answeredAt: 5_000 }))).toBe(false);
    expect(readsClock(rec(1, { intent: 'spam', status: 'dismissed' }))).toBe(true);
  });
});
