import { describe, expect, it } from 'vitest';
import { bucketComments, createCommentVolume } from './comment.volume';

const c = (seq: number, receivedAt: number, intent: string) => ({ seq, receivedAt, intent }) as { seq: number; receivedAt: number; intent: 'order' };

describe('comment volume by intent', () => {
  it('counts each comment in the minute it was received, by intent, from GO to the end', () => {
    const from = 600_000; // GO at minute 10
    const list = [c(1, 599_999, 'order'), c(2, 600_000, 'order'), c(3, 659_999, 'question'), c(4, 660_000, 'order'), c(5, 780_500, 'complaint'), c(6, 900_000, 'spam')];
    expect(bucketComments(list, from, 899_999)).toEqual([
      { at: 600_000, total: 2, byIntent: { order: 1, question: 1 } },
      { at: 660_000, total: 1, byIntent: { order: 1 } },
      { at: 780_000, total: 1, byIntent: { complaint: 1 } },
    ]);
  });
  it('counts a comment once however often it changes, and moves it when its intent is corrected', () => {
    const v = createCommentVolume(0);
    v.add(c(1, 10_000, 'question'));
    v.add(c(2, 20_000, 'question'));
    v.add(c(1, 10_000, 'question')); // answered later: the same comment again
    v.add(c(2, 20_000, 'order')); // corrected by a moderator
    v.add(c(2, 20_000, 'order'));
    expect(v.buckets(60_000)).toEqual([{ at: 0, total: 2, byIntent: { question: 1, order: 1 } }]);
    v.add(c(1, 10_000, 'order'));
    expect(v.buckets(60_000)).toEqual([{ at: 0, total: 2, byIntent: { order: 2 } }]);
  });
  it('ignores comments without a valid time and hands out copies', () => {
    const v = createCommentVolume(0);
    v.add(c(1, Number.NaN, 'order'));
    v.add(c(2, 5_000, 'order'));
    const first = v.buckets(Infinity);
    first[0]!.byIntent.order = 99;
    expect(v.buckets(Infinity)).toEqual([{ at: 0, total: 1, byIntent: { order: 1 } }]);
  });

  it('remembers a counted comment in about a byte: a million comments stay under 12 MB (a map of seq to intent took ~48 MB)', () => {
    const v = createCommentVolume(0);
    const intents = ['order', 'question', 'complaint', 'spam', 'other'] as const;
    // One object, re-used: the figure is what the volume keeps, not the test's garbage.
    const one = { seq: 0, receivedAt: 0, intent: 'order' as (typeof intents)[number] };
    const before = process.memoryUsage();
    for (let i = 0; i < 1_000_000; i++) {
      one.seq = 5_000_000 + i;
      one.receivedAt = 1000 + i * 10;
      one.intent = intents[i % 5]!;
      v.add(one);
    }
    const after = process.memoryUsage();
    const mb = (after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers) / 1e6;
    expect(mb).toBeLessThan(12);
    // Still once per comment, and corrections still move it.
    one.seq = 5_000_000;
    one.receivedAt = 1000;
    one.intent = 'spam';
    v.add(one);
    const first = v.buckets(Infinity)[0]!;
    // Minute 0 holds i = 0…5899 (received at 1,000 + 10·i ms), 1,180 of each intent; i = 0 moved.
    expect(first.total).toBe(5900);
    expect(first.byIntent).toEqual({ order: 1179, question: 1180, complaint: 1180, spam: 1181, other: 1180 });
  });
});
