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
});
