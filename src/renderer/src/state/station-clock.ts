// The station's time as a view reads it: the station's hello says what time it is there (`at`),
// the view keeps the difference to its own clock (`clockOffsetMs`), and every age and countdown
// on screen is read as this machine's clock plus that offset, against times the station stamped.
// When the station realigns its clock to its OS clock, the offset moves by `station.clockShiftMs`'s
// change (apply-message.ts), so a view connected across it keeps its ages right.

/**
 * This machine's clock reading the hello's offset is taken against and later added to: its
 * monotonic clock, never its wall clock. The station stamps on steady wall time (its wall clock
 * read once at start, plus monotonic time since), so a wall-clock step there moves none of its
 * times; a desktop view on the same machine reading Date.now() would see its own clock step with
 * it and put every age off by the step. A browser whose wall clock is wrong by minutes does not
 * matter either way: only the station's `at` says what time it is.
 */
export function localClock(): number {
  return performance.now();
}

/** The station's current time (ms) from this machine's clock and the hello's offset. */
export function stationNow(offsetMs: number, local = localClock()): number {
  return local + offsetMs;
}
