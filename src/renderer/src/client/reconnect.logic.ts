// When a view tries the station again after its link dropped: capped exponential backoff with
// jitter, and one pending retry that the producer can bring forward ("Reconnect now"). Timers are
// injected, so the schedule is tested without waiting and two clients never share one.
import { backoffDelay, type BackoffPolicy } from '../../../shared/time/backoff';

/** 500 ms doubling to a 5 s cap, ±20 %, said in the project's one backoff rule: a ceiling 1.2× those
 * with its lower third random is the same uniform 0.8–1.2× spread. */
const VIEW_RECONNECT: BackoffPolicy = { baseMs: 600, maxMs: 6000, jitter: 1 / 3 };

/** The wait before try `attempt` (1, 2, …): 500 ms doubling to a 5 s cap, ±20 % so views that lost
 * the station together do not all knock at once when it comes back. `random` is in [0, 1). */
export function backoffMs(attempt: number, random: number): number {
  return backoffDelay(attempt, VIEW_RECONNECT, () => random);
}

export interface RetryTimers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

export interface RetrySchedule {
  /** Runs `run` after `delayMs`, replacing any retry already pending; returns when it will run. */
  schedule(run: () => void, delayMs: number): number;
  /** Runs the pending retry at once instead of at its time; false when none was pending. */
  runNow(): boolean;
  /** When the pending retry runs, or null when none is pending. */
  pendingAt(): number | null;
  cancel(): void;
}

export function createRetrySchedule(timers: RetryTimers): RetrySchedule {
  let pending: { handle: unknown; run: () => void; at: number } | null = null;
  const cancel = () => {
    if (pending) timers.clearTimeout(pending.handle);
    pending = null;
  };
  return {
    schedule(run, delayMs) {
      cancel();
      const at = timers.now() + delayMs;
      const entry = {
        run,
        at,
        handle: timers.setTimeout(() => {
          if (pending === entry) pending = null;
          run();
        }, delayMs),
      };
      pending = entry;
      return at;
    },
    runNow() {
      if (!pending) return false;
      const { run } = pending;
      cancel();
      run();
      return true;
    },
    pendingAt: () => pending?.at ?? null,
    cancel,
  };
}
