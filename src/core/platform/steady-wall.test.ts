import { describe, expect, it } from 'vitest';
import { createTestClock } from '../../../test/support/test-core';
import { createSteadyWall } from './steady-wall';

describe('steady wall time', () => {
  it('starts at the wall clock and then follows only the monotonic clock: a step of the wall clock does not move it', () => {
    const clock = createTestClock(1_000_000);
    const now = createSteadyWall(clock).now;
    expect(now()).toBe(1_000_000);
    clock.advance(5_000);
    expect(now()).toBe(1_005_000);
    clock.set(clock.now() - 3_600_000);
    expect(now()).toBe(1_005_000);
    clock.set(clock.now() + 7_200_000);
    clock.advance(1_000);
    expect(now()).toBe(1_006_000);
  });

  it('gives whole milliseconds, never going back, from a monotonic clock with fractions (performance.now())', () => {
    // Stored and sent times are integers (an HQ fact's `at`, SQLite integer columns): 1_000_000.75 is refused there.
    let mono = 10.25;
    const now = createSteadyWall({ now: () => 1_000_000, monotonic: () => mono }).now;
    const seen = [now()];
    for (const m of [10.75, 11.0, 11.25, 12.5, 5_010.75]) {
      mono = m;
      seen.push(now());
    }
    expect(seen).toEqual([1_000_000, 1_000_000, 1_000_000, 1_000_001, 1_000_002, 1_005_000]);
  });

  it('made again (a restart) it reads the wall clock afresh', () => {
    const clock = createTestClock(1_000_000);
    createSteadyWall(clock);
    clock.set(2_000_000);
    expect(createSteadyWall(clock).now()).toBe(2_000_000);
  });

  it('says how far the wall clock has moved from it, and re-anchored takes the wall clock as it is now', () => {
    const clock = createTestClock(1_000_000);
    const steady = createSteadyWall(clock);
    clock.advance(5_000);
    expect(steady.drift()).toBe(0);
    clock.set(clock.now() - 3_600_000);
    expect(steady.drift()).toBe(-3_600_000);
    expect(steady.reanchor()).toBe(-3_600_000);
    expect(steady.now()).toBe(clock.now());
    expect(steady.drift()).toBe(0);
    clock.advance(2_000);
    clock.set(clock.now() + 60_000);
    expect(steady.now()).toBe(1_005_000 - 3_600_000 + 2_000);
    expect(steady.reanchor()).toBe(60_000);
    expect(steady.now()).toBe(clock.now());
  });
});
