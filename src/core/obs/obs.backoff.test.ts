import { describe, expect, it } from 'vitest';
import { backoffDelay } from './obs.backoff';

describe('backoffDelay', () => {
  it('tries at once, then doubles from the base and stops at the cap', () => {
    const max = (attempt: number) => backoffDelay(attempt, 250, 2_000, () => 0.999999);
    expect([1, 2, 3, 4, 5, 6, 12].map(max)).toEqual([0, 250, 500, 1_000, 2_000, 2_000, 2_000]);
  });

  it('keeps at least half of the delay, whatever the jitter', () => {
    expect(backoffDelay(4, 250, 2_000, () => 0)).toBe(500);
    expect(backoffDelay(4, 250, 2_000, () => 0.5)).toBe(750);
  });

  it('does not overflow for very long outages', () => {
    expect(backoffDelay(10_000, 250, 2_000, () => 0.5)).toBe(1_500);
  });
});
