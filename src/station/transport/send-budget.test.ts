import { describe, expect, it } from 'vitest';
import { createSendBudget, OVERFLOW_REASON } from './send-budget';

describe('send budget', () => {
  it('drops the socket past its share once a token’s sockets together reach the cap, not the ones under it', () => {
    const budget = createSendBudget({ perSocket: 1000, perToken: 300, perStation: 10_000 });
    const held = { a: 0, b: 0, c: 0 };
    const a = budget.open('person:ana', 'Ana', () => held.a);
    const b = budget.open('person:ana', 'Ana', () => held.b);
    const c = budget.open('person:leo', 'Leo', () => held.c);
    held.a = 250;
    held.b = 40;
    held.c = 250;
    expect(b.admit(20)).toBeNull();
    expect(c.admit(20)).toBeNull(); // another token: its own budget
    expect(a.admit(20)).toBe('token');
    expect(budget.dropped()).toEqual({ socket: 0, token: 1, station: 0 });
    a.release();
    held.b = 200;
    expect(b.admit(20)).toBeNull(); // alone now: its share is the whole cap
  });

  it('caps the station across tokens, re-reading drained sockets before refusing anyone', () => {
    const budget = createSendBudget({ perSocket: 1000, perToken: 1000, perStation: 500 });
    const held = [0, 0, 0, 0];
    const slots = held.map((_, i) => budget.open(`k${i}`, `s${i}`, () => held[i]!));
    held[0] = 400;
    expect(slots[0]!.admit(10)).toBeNull();
    held[1] = 150;
    // Over the station's 500: socket 1 holds more than its share (125).
    expect(slots[1]!.admit(10)).toBe('station');
    held[0] = 0; // drained since last seen
    expect(slots[1]!.admit(10)).toBeNull();
    expect(budget.held()).toBe(150);
    for (const s of slots) s.release();
    expect(budget.held()).toBe(0);
  });

  it('keeps the per-socket cap, and close reasons fit a WebSocket close frame', () => {
    const budget = createSendBudget({ perSocket: 100, perToken: 1000, perStation: 1000 });
    expect(budget.open('k', 'x', () => 101).admit(1)).toBe('socket');
    for (const reason of Object.values(OVERFLOW_REASON)) expect(Buffer.byteLength(reason)).toBeLessThanOrEqual(123);
  });
});
