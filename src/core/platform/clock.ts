// Time as a dependency, so tests can drive it and two cores never share one.
//
// Two readings, for two jobs. `now()` is the wall clock: what is shown and stored as a timestamp
// (an alert's raisedAt, a comment's receivedAt). It can step — NTP correcting a drifted machine,
// a producer fixing the time zone or the date — so it must never time a duration that decides
// something: a latch compared against it can stay up for hours after a step back, or drop at
// once after a step forward. `monotonic()` only ever moves forward at the rate time passes; its
// origin means nothing, so it is for "how long since", never shown or stored.
export interface Clock {
  /** Wall-clock milliseconds since the epoch: for timestamps shown and stored. */
  now(): number;
  /** Milliseconds on a clock that never steps (arbitrary origin): for every duration that decides. */
  monotonic(): number;
}
export const systemClock: Clock = { now: () => Date.now(), monotonic: () => performance.now() };
