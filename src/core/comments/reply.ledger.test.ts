import { describe, expect, it } from 'vitest';
import { createReplyLedger } from './reply.ledger';

describe('reply ledger', () => {
  it('covers a room and text only for the askers its post answered', () => {
    const l = createReplyLedger();
    l.note('tw|north|hi', ['a', 'b']);
    expect(l.covers('tw|north|hi', ['b', 'c'])).toBe(true);
    expect(l.covers('tw|north|hi', ['c'])).toBe(false);
    expect(l.covers('tw|south|hi', ['a'])).toBe(false);
    expect(l.covers('tw|north|other text', ['a'])).toBe(false);
  });

  it('forgets the oldest posts once it holds more askers than its bound', () => {
    const l = createReplyLedger(3);
    l.note('p1', ['a', 'b']);
    l.note('p2', ['c']);
    l.note('p3', ['d']);
    expect(l.covers('p1', ['a'])).toBe(false);
    expect(l.covers('p2', ['c'])).toBe(true);
    expect(l.covers('p3', ['d'])).toBe(true);
  });
});
