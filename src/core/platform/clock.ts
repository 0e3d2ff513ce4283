// Time as a dependency, so tests can drive it and two cores never share one.
export interface Clock {
  now(): number;
}
export const systemClock: Clock = { now: () => Date.now() };
