// When the station's steady clock (platform/steady-wall.ts) and the OS wall clock disagree — NTP
// fixed a machine that started with the wrong time, a producer fixed the date — what to do about it.
// Pure: the watcher (platform/clock-watch.ts) reads the drift and the state on a slow timer and
// carries out the answer.
//
// Realigning moves every time the station stamps from then on by the step, so it waits for a moment
// when no running figure would jump with it: a comment's wait (its SLA colour, the response time
// stored with its answer), a cue or segment countdown, an offer window's end, the stream's and the
// show's length (GO to END is one record). Until then the producer is told, once, in plain words.
import type { StationState } from '../../shared/contract/index';

/** How often the watcher compares the clocks: a step is noticed within this, and nothing depends on noticing it sooner. */
export const CLOCK_CHECK_MS = 5_000;
/** Further apart than this, the clocks disagree (a step; a drifting crystal takes hours to get here). */
export const DRIFT_RAISE_MS = 1_000;
/** Back within this, a noticed disagreement is over (the OS clock was put back): the notice is withdrawn. */
export const DRIFT_SETTLED_MS = 500;

/** What would jump with a realignment now, most important first. */
export type ClockHold = 'show-live' | 'stream-live' | 'offer-window' | 'show-clock' | 'comments-waiting';

export function clockHold(s: Pick<StationState, 'showday' | 'obs' | 'onair' | 'cues' | 'comments'>): ClockHold | null {
  if (s.showday.phase === 'live') return 'show-live';
  if (s.obs.stream.phase === 'live' || s.obs.stream.phase === 'reconnecting') return 'stream-live';
  if (s.onair.windows.some((w) => w.phase !== 'ended')) return 'offer-window';
  if (s.cues.showStartedAt !== null) return 'show-clock';
  if (s.comments.queues.some((q) => q.watched && q.open > 0)) return 'comments-waiting';
  return null;
}

const UNTIL: Record<ClockHold, string> = {
  'show-live': 'after the show',
  'stream-live': 'once the stream stops',
  'offer-window': 'once the offer window closes',
  'show-clock': 'once the show clock is reset',
  'comments-waiting': 'once no comment is waiting',
};

/** "+1 h 00 m", "−10 m 01 s", "+3 s": how far the OS clock moved, to the second. */
export function describeStep(ms: number): string {
  const sign = ms < 0 ? '−' : '+';
  const total = Math.round(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const sec = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  if (h > 0) return `${sign}${h} h ${two(m)} m`;
  if (m > 0) return `${sign}${m} m ${two(sec)} s`;
  return `${sign}${sec} s`;
}

export function holdMessage(driftMs: number, hold: ClockHold): string {
  return `System clock moved ${describeStep(driftMs)}; show times stay steady and will realign ${UNTIL[hold]}`;
}

export type DriftAction =
  | { kind: 'none' }
  /** Keep the clock; raise or update the producer's notice. */
  | { kind: 'hold'; message: string }
  /** The OS clock came back: nothing to realign; take the notice down. */
  | { kind: 'withdraw' }
  /** Take the OS clock now (and take the notice down, if one is up). */
  | { kind: 'realign' };

/** `noticed`: the producer's notice is up. Between the two marks nothing changes, so a clock hovering at the mark does not flap. */
export function judgeDrift(input: { driftMs: number; hold: ClockHold | null; noticed: boolean }): DriftAction {
  const size = Math.abs(input.driftMs);
  if (size > DRIFT_RAISE_MS) return input.hold ? { kind: 'hold', message: holdMessage(input.driftMs, input.hold) } : { kind: 'realign' };
  if (!input.noticed) return { kind: 'none' };
  if (size <= DRIFT_SETTLED_MS) return { kind: 'withdraw' };
  // Noticed, now under the mark but not settled: the notice promised a realignment; keep it until it is safe.
  return input.hold ? { kind: 'none' } : { kind: 'realign' };
}
