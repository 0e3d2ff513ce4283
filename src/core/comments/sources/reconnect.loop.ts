// The reconnect lifecycle every live comment source shares: wanted or not, one retry timer at a
// time, delays from the backoff, and the source's health saying why it waits and for how long.
// A source supplies only `open` (one connection attempt) and calls `schedule` when that fails.
import type { SourceStatus } from '../../../shared/contract/index';
import { createBackoff, type Backoff, type BackoffOptions } from '../../../shared/time/backoff';
import type { HealthTracker } from './source.types';

export interface ReconnectLoop {
  /** The producer wants this source running (false after stop). */
  readonly wanted: boolean;
  readonly backoff: Backoff;
  /** The status an attempt starts with: connecting the first time, reconnecting after. */
  attemptStatus(): 'connecting' | 'reconnecting';
  start(): void;
  /** Stops retrying; the caller closes its own connection. */
  stop(): void;
  /** The attempt failed or the link dropped: retry after the next backoff delay (at least floorMs). */
  schedule(why: string, options?: { status?: Extract<SourceStatus, 'reconnecting' | 'rate_limited' | 'error'>; floorMs?: number }): void;
}

export function createReconnectLoop(deps: { backoff: BackoffOptions; health: HealthTracker; open: () => void | Promise<void> }): ReconnectLoop {
  const backoff = createBackoff(deps.backoff);
  let wanted = false;
  let retry: NodeJS.Timeout | null = null;
  const open = () => void deps.open();
  return {
    get wanted() {
      return wanted;
    },
    backoff,
    attemptStatus: () => (backoff.attempts === 0 ? 'connecting' : 'reconnecting'),
    start() {
      if (wanted) return;
      wanted = true;
      backoff.reset();
      open();
    },
    stop() {
      wanted = false;
      if (retry) clearTimeout(retry);
      retry = null;
    },
    schedule(why, options = {}) {
      if (!wanted || retry) return;
      const delay = Math.max(options.floorMs ?? 0, backoff.next());
      const wait = delay < 10_000 ? `${Math.round(delay / 100) / 10} s` : `${Math.round(delay / 1000)} s`;
      deps.health.set(options.status ?? 'reconnecting', `${why}; retrying in ${wait} (attempt ${backoff.attempts})`);
      retry = setTimeout(() => {
        retry = null;
        open();
      }, delay);
    },
  };
}
