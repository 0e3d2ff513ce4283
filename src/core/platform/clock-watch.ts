// Compares the OS wall clock with the station's steady clock on a slow timer and acts on the answer
// of clock-drift.ts: holds and tells the producer while realigning would move a running figure,
// realigns when it would not, withdraws the notice when the OS clock comes back on its own. The
// station's parts it touches (state, alerts, audit) are handed in by the core.
import { CLOCK_CHECK_MS, judgeDrift, type ClockHold } from './clock-drift';
import type { SteadyWall } from './steady-wall';
import type { Timers } from './timers';

export interface ClockWatchDeps {
  steady: SteadyWall;
  timers: Timers;
  /** What would jump with a realignment now (clockHold over the current state). */
  hold(): ClockHold | null;
  /** Raise or update the producer's notice (one alert under one key: updated in place, never stacked). */
  notice(message: string): void;
  /** Take the notice down. */
  withdraw(): void;
  /** After a realignment, on the new clock: record it (the audit row) and tell the views how far the clock moved. */
  realigned(shiftMs: number): void;
}

export interface ClockWatch {
  /** Checks every CLOCK_CHECK_MS until closed. */
  start(): void;
  check(): void;
  close(): void;
}

export function createClockWatch(deps: ClockWatchDeps): ClockWatch {
  let noticed = false;
  let stop: (() => void) | null = null;
  const check = () => {
    const action = judgeDrift({ driftMs: deps.steady.drift(), hold: deps.hold(), noticed });
    switch (action.kind) {
      case 'none':
        return;
      case 'hold':
        deps.notice(action.message);
        noticed = true;
        return;
      case 'withdraw':
        deps.withdraw();
        noticed = false;
        return;
      case 'realign': {
        const shift = deps.steady.reanchor();
        deps.realigned(shift);
        if (noticed) deps.withdraw();
        noticed = false;
        return;
      }
      default:
        action satisfies never;
    }
  };
  return {
    start() {
      stop ??= deps.timers.every(CLOCK_CHECK_MS, check);
    },
    check,
    close() {
      stop?.();
      stop = null;
    },
  };
}
