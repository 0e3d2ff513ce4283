import { describe, expect, it } from 'vitest';
import type { CommentRecord } from '../../../../shared/contract/index';
import {
  DONE_KEPT,
  clusterKey,
  clustersOf,
  emptyCollection,
  facet,
  heldByOther,
  holderLabel,
  keepSelection,
  mergeComments,
  moveSelection,
  NO_FILTERS,
  queueLevel,
  slaLevel,
  visibleComments,
} from './comments.logic';

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
  it('shows open work oldest first and done work newest first, filtered', () => {
    const col = mergeComments(emptyCollection(), [rec(3), rec(1), rec(2, { status: 'answered' }), rec(4, { queue: 'moderators' }), rec(5, { sku: 'KIT', lang: 'es' }), rec(6, { queue: 'spam' })]);
    expect(visibleComments(col, NO_FILTERS).map((c) => c.seq)).toEqual([1, 3, 5]);
    expect(visibleComments(col, { ...NO_FILTERS, done: true }).map((c) => c.seq)).toEqual([2]);
    expect(visibleComments(col, { ...NO_FILTERS, queue: 'all' }).map((c) => c.seq)).toEqual([1, 3, 4, 5]);
    expect(visibleComments(col, { ...NO_FILTERS, queue: 'spam' }).map((c) => c.seq)).toEqual([6]);
    expect(visibleComments(col, { ...NO_FILTERS, sku: 'KIT' }).map((c) => c.seq)).toEqual([5]);
    expect(visibleComments(col, { ...NO_FILTERS, lang: 'es', queue: 'all' }).map((c) => c.seq)).toEqual([5]);
    expect(facet(col, 'lang')).toEqual(['en', 'es']);
  });

  it('puts complaints, then questions, before older orders', () => {
    const col = mergeComments(emptyCollection(), [rec(1), rec(2, { intent: 'question' }), rec(3, { intent: 'complaint' }), rec(4)]);
    expect(visibleComments(col, NO_FILTERS).map((c) => c.seq)).toEqual([3, 2, 1, 4]);
  });

  it('lets the latest copy of a comment win and keeps the done tail bounded', () => {
    const col = mergeComments(emptyCollection(), [rec(1)]);
    mergeComments(col, [rec(1, { status: 'claimed', claimedBy: 'Ana' })]);
    expect(col.byId.get('tiktok:1')?.claimedBy).toBe('Ana');
    const many = Array.from({ length: DONE_KEPT * 2 + 10 }, (_, i) => rec(i + 10, { status: 'answered' }));
    mergeComments(col, many);
    expect(col.byId.has('tiktok:1')).toBe(true); // open work is never dropped
    expect([...col.byId.values()].filter((c) => c.status === 'answered').length).toBe(DONE_KEPT);
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

  it('moves with j/k inside the list and keeps a sensible selection when it changes', () => {
    const list = [rec(1), rec(2), rec(3)];
    expect(moveSelection(list, null, 1)).toBe('tiktok:1');
    expect(moveSelection(list, 'tiktok:1', 1)).toBe('tiktok:2');
    expect(moveSelection(list, 'tiktok:3', 1)).toBe('tiktok:3');
    expect(moveSelection(list, 'tiktok:1', -1)).toBe('tiktok:1');
    expect(moveSelection([], 'x', 1)).toBeNull();
    expect(keepSelection(list, 'tiktok:2', 1)).toBe('tiktok:2');
    expect(keepSelection([rec(1), rec(3)], 'tiktok:2', 1)).toBe('tiktok:3');
    expect(keepSelection([rec(1)], 'tiktok:2', 5)).toBe('tiktok:1');
  });

  it('turns a queue red only when it overflows', () => {
    expect(queueLevel({ overflow: true, open: 60, watched: true })).toBe('red');
    expect(queueLevel({ overflow: false, open: 3, watched: true })).toBe('amber');
    expect(queueLevel({ overflow: false, open: 300, watched: false })).toBe('idle');
  });
});

describe('clusters', () => {
  const rec = (id: string, seq: number, text: string, status: CommentRecord['status'] = 'new') => ({ id, seq, text, status }) as CommentRecord;
  it('groups open comments that say the same thing, whatever the case, accents or emoji', () => {
    const list = [rec('a', 3, 'Aceita PIX?'), rec('b', 1, 'aceita pix 🙏'), rec('c', 2, 'aceita píx??'), rec('d', 4, 'tem frete grátis?'), rec('e', 5, 'aceita pix', 'answered')];
    const m = clustersOf(list);
    expect(m.get('a')).toEqual(['b', 'c', 'a']);
    expect(m.get('b')).toBe(m.get('a'));
    expect(m.has('d')).toBe(false);
    expect(m.has('e')).toBe(false);
    expect(clusterKey('  Aceita   PÍX?! ')).toBe('aceita pix');
  });
});
