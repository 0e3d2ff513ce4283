// The station's time as a view reads it: the station's hello says what time it is there (`at`),
// the view keeps the difference to its own clock (`clockOffsetMs`), and every age and countdown
// on screen is read as this machine's clock plus that offset, against times the station stamped.

/** This machine's clock reading the hello's offset is taken against and later added to. */
export function localClock(): number {
  return Date.now();
}

/** The station's current time (ms) from this machine's clock and the hello's offset. */
export function stationNow(offsetMs: number, local = localClock()): number {
  return local + offsetMs;
}
