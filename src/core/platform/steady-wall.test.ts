import { describe, expect, it } from 'vitest';
import { createTestClock } from '../../../test/support/test-core';
import { createSteadyWall } from './steady-wall';

describe('steady wall time', () => {
  it('starts at the wall clock and then follows only the monotonic clock: a step of the wall clock does not move it', () => {
    const clock = createTestClock(1_000_000);
    const now = createSteadyWall(clock);
    expect(now()).toBe(1_000_000);
    clock.advance(5_000);
    expect(now()).toBe(1_005_000);
    clock.set(clock.now() - 3_600_000);
    expect(now()).toBe(1_005_000);
    clock.set(clock.now() + 7_200_000);
    clock.advance(1_000);
    expect(now()).toBe(1_006_000);
  });

  it('made again (a restart) it reads the wall clock afresh', () => {
    const clock = createTestClock(1_000_000);
    createSteadyWall(clock);
    clock.set(2_000_000);
    expect(createSteadyWall(clock)()).toBe(2_000_000);
  });
});
