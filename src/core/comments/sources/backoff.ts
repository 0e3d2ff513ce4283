// Reconnect delays: exponential with jitter, capped, reset once a connection has stayed up. Fragile
// peers (TikTok's signing service) are hit a few times a minute at most, never in a tight loop.
export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  /** 0..1: the share of each delay that is random, so many stations do not retry in step. */
  jitter: number;
  random: () => number;
}

export interface Backoff {
  /** The delay before the next attempt; each call doubles it up to the cap. */
  next(): number;
  reset(): void;
  readonly attempts: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1_000, maxMs: 60_000, jitter: 0.2, random: Math.random };

export function createBackoff(options: BackoffOptions): Backoff {
  let attempts = 0;
  return {
    next() {
      const raw = Math.min(options.maxMs, options.baseMs * 2 ** Math.min(attempts, 20));
      attempts += 1;
      const spread = raw * options.jitter;
      return Math.round(raw - spread + options.random() * spread);
    },
    reset() {
      attempts = 0;
    },
    get attempts() {
      return attempts;
    },
  };
}
