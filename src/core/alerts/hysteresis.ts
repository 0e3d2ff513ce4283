// Hysteresis for an alert that follows a measured level (a queue's backlog, a reading that comes
// and goes): the alert is raised only after the level has been over its raise mark for a hold time,
// and cleared only after it has stayed at or under a lower clear mark for another. A level hovering
// at the limit is then one alert that stays up, not a raise and a clear at every check, and a blip
// over the limit raises nothing. Pure: the caller keeps the latch and passes the time — a monotonic
// reading (Clock.monotonic), never the wall clock: a step of the wall clock would hold a latch for
// hours or flip it at once.

/** Where a level stands: over the raise mark, under (at or below) the clear mark, or in between. */
export type Reading = 'over' | 'between' | 'under';

export interface HysteresisRule {
  /** How long the level must stay over the raise mark before the alert is raised. */
  raiseHoldMs: number;
  /** How long it must stay at or under the clear mark before the alert clears. */
  clearHoldMs: number;
}

/** `on`: the alert is up. `since`: when the readings that would flip it began (null: none pending). */
export interface Latch {
  on: boolean;
  since: number | null;
}

export const LATCH_OFF: Latch = { on: false, since: null };

/** The latch after one reading. In between the marks nothing flips, and any pending flip starts over. */
export function stepLatch(latch: Latch, reading: Reading, now: number, rule: HysteresisRule): Latch {
  // A reading from before the pending flip began (a caller's clock that went back) restarts the wait rather than holding it.
  if (latch.since !== null && now < latch.since) return stepLatch({ on: latch.on, since: null }, reading, now, rule);
  const toward = latch.on ? reading === 'under' : reading === 'over';
  if (!toward) return latch.since === null ? latch : { on: latch.on, since: null };
  const since = latch.since ?? now;
  if (now - since >= (latch.on ? rule.clearHoldMs : rule.raiseHoldMs)) return { on: !latch.on, since: null };
  return since === latch.since ? latch : { on: latch.on, since };
}

/** A value against a raise mark (strictly above it is over) and a lower clear mark (at or below it is under). */
export function readLevel(value: number, raiseAbove: number, clearAtOrBelow: number): Reading {
  if (value > raiseAbove) return 'over';
  return value <= clearAtOrBelow ? 'under' : 'between';
}

/** The worst of several readings of one condition: over if any is over, under only if all are. */
export function worstReading(readings: readonly Reading[]): Reading {
  if (readings.includes('over')) return 'over';
  return readings.every((r) => r === 'under') ? 'under' : 'between';
}

/** One latch per condition key, and what to do with the alert after each reading. */
export interface Latches {
  /** `on`: the alert should be up now; `change`: it has just been raised or cleared by this reading. */
  step(key: string, reading: Reading, now: number): { on: boolean; change: 'raise' | 'clear' | null };
  /** Forgets one latch, or every latch; answers the keys whose alert was up (for the caller to clear). */
  reset(key?: string): string[];
}

export function createLatches(rule: () => HysteresisRule): Latches {
  const latches = new Map<string, Latch>();
  return {
    step(key, reading, now) {
      const before = latches.get(key) ?? LATCH_OFF;
      const after = stepLatch(before, reading, now, rule());
      if (after.on || after.since !== null) latches.set(key, after);
      else latches.delete(key);
      return { on: after.on, change: after.on === before.on ? null : after.on ? 'raise' : 'clear' };
    },
    reset(key) {
      const up = [...latches].filter(([k, l]) => l.on && (key === undefined || k === key)).map(([k]) => k);
      if (key === undefined) latches.clear();
      else latches.delete(key);
      return up;
    },
  };
}
