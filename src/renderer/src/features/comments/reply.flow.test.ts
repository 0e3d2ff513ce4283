import { describe, expect, it } from 'vitest';
import { bulkOutcome } from './reply.flow';

describe('bulkOutcome', () => {
  it('says whether a bulk answer went out in chat, or must be pasted by hand', () => {
    expect(bulkOutcome('answer', { done: 5, skipped: [], sent: 2 })).toBe('Answered 5 comments — 2 replies posted in chat');
    expect(bulkOutcome('answer', { done: 1, skipped: [], sent: 1 })).toBe('Answered 1 comment — 1 reply posted in chat');
    expect(bulkOutcome('answer', { done: 3, skipped: [], sent: 0 })).toMatch(/^Answered 3 comments — not posted: .*paste the reply/);
    // A retry after one room failed: the room that had it is not posted again, and the toast says so.
    expect(bulkOutcome('answer', { done: 2, skipped: [], sent: 1, alreadySent: 1 })).toBe('Answered 2 comments — 1 reply posted in chat — 1 room already had the reply from the earlier try, not posted again');
    expect(bulkOutcome('answer', { done: 2, skipped: [], sent: 0, alreadySent: 1 })).toBe('Answered 2 comments — 1 room already had the reply from the earlier try, not posted again');
  });
  it('names the first reason items were skipped, and says nothing of posting for dismiss or escalate', () => {
    expect(bulkOutcome('dismiss', { done: 2, skipped: [{ reason: 'Ana is replying' }] })).toBe('Dismissed 2 comments — 1 item(s) skipped: Ana is replying');
    expect(bulkOutcome('escalate', { done: 1, skipped: [] })).toBe('Escalated 1 comment');
    expect(bulkOutcome('answer', { done: 0, skipped: [{ reason: 'nothing open any more' }], sent: 0 })).toBe('Answered 0 comments — 1 item(s) skipped: nothing open any more');
  });
});
