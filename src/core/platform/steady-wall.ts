// A wall-clock reading that moves only as the monotonic clock does: the wall clock read once, when
// it is made, plus the monotonic time since. Times stamped with it and compared with it while the
// station runs give real durations even when NTP (or a producer fixing the date) steps the wall
// clock mid-show; the next start reads the wall clock afresh, so across a restart the wall clock is
// all there is. For the comments' receipt and handling times, whose differences are waits and
// response times that decide alarms and are stored as figures.
//
// Left alone, a step would keep every stored time off from the OS clock by the step until the next
// start. `drift()` says how far apart they are and `reanchor()` reads the wall clock afresh, at a
// moment the caller judges safe (platform/clock-drift.ts: never while a show is live).
import type { Clock } from './clock';

export interface SteadyWall {
  /** Steady wall time (ms): whole milliseconds, never going back between re-anchors. */
  now(): number;
  /** The wall clock minus steady wall time (ms): positive when the wall clock was stepped forward. */
  drift(): number;
  /** Takes the wall clock as it is now; answers how far steady wall time moved (ms, the drift it had). */
  reanchor(): number;
}

export function createSteadyWall(clock: Clock): SteadyWall {
  let wall = clock.now();
  let mono = clock.monotonic();
  // Whole milliseconds, like the wall clock: stored and sent times are integers (SQLite integer
  // columns, an HQ fact's `at`), and performance.now() has fractions. Flooring keeps it non-decreasing.
  const now = () => wall + Math.floor(clock.monotonic() - mono);
  return {
    now,
    drift: () => clock.now() - now(),
    reanchor() {
      const before = now();
      wall = clock.now();
      mono = clock.monotonic();
      return wall - before;
    },
  };
}
