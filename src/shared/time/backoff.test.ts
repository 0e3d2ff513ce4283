import { describe, expect, it } from 'vitest';
import { backoffDelay, createBackoff } from './backoff';

describe('backoffDelay', () => {
  const equal = { baseMs: 250, maxMs: 2_000, jitter: 0.5 };

  it('doubles from the base and stops at the cap', () => {
    const max = (retry: number) => backoffDelay(retry, equal, () => 0.999999);
    expect([1, 2, 3, 4, 5, 11].map(max)).toEqual([250, 500, 1_000, 2_000, 2_000, 2_000]);
  });

  it('keeps the fixed share of the delay, whatever the jitter', () => {
    expect(backoffDelay(3, equal, () => 0)).toBe(500);
    expect(backoffDelay(3, equal, () => 0.5)).toBe(750);
    expect(backoffDelay(3, { ...equal, jitter: 0 }, () => 0.9)).toBe(1_000);
  });

  it('does not overflow for very long outages, and treats retry 0 like the first', () => {
    expect(backoffDelay(10_000, equal, () => 0.5)).toBe(1_500);
    expect(backoffDelay(0, { ...equal, jitter: 0 }, () => 0)).toBe(250);
  });
});

describe('createBackoff', () => {
  it('doubles up to the cap, with bounded jitter, and resets', () => {
    const b = createBackoff({ baseMs: 1000, maxMs: 8000, jitter: 0, random: () => 0.5 });
    expect([b.next(), b.next(), b.next(), b.next(), b.next()]).toEqual([1000, 2000, 4000, 8000, 8000]);
    expect(b.attempts).toBe(5);
    b.reset();
    expect(b.next()).toBe(1000);
    const j = createBackoff({ baseMs: 1000, maxMs: 8000, jitter: 0.2, random: () => 0 });
    expect(j.next()).toBe(800);
  });
});
