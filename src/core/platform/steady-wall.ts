// A wall-clock reading that moves only as the monotonic clock does: the wall clock read once, when
// it is made, plus the monotonic time since. Times stamped with it and compared with it while the
// station runs give real durations even when NTP (or a producer fixing the date) steps the wall
// clock mid-show; the next start reads the wall clock afresh, so across a restart the wall clock is
// all there is. For the comments' receipt and handling times, whose differences are waits and
// response times that decide alarms and are stored as figures.
import type { Clock } from './clock';

export function createSteadyWall(clock: Clock): () => number {
  const wall = clock.now();
  const mono = clock.monotonic();
  // Whole milliseconds, like the wall clock: stored and sent times are integers (SQLite integer
  // columns, an HQ fact's `at`), and performance.now() has fractions. Flooring keeps it non-decreasing.
  return () => wall + Math.floor(clock.monotonic() - mono);
}
