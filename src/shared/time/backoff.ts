// The one retry-delay rule of the project: exponential from a base, capped, with a share of each
// delay random (from an injected source) so many stations do not retry a recovered peer in step.

export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
  /** 0..1: the share of each delay that is random; 0.5 keeps at least half ("equal jitter"). */
  jitter: number;
}

export interface BackoffOptions extends BackoffPolicy {
  random: () => number;
}

/** Largest doubling step: 2^30 × any base is past every cap, and the power never overflows. */
const MAX_DOUBLINGS = 30;

/**
 * The delay before retry number `retry` (1-based: the first retry waits about `baseMs`, each
 * further one doubles, up to `maxMs`). Pure: the same inputs give the same delay.
 */
export function backoffDelay(retry: number, policy: BackoffPolicy, random: () => number): number {
  const doublings = Math.min(Math.max(retry - 1, 0), MAX_DOUBLINGS);
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** doublings);
  const spread = ceiling * policy.jitter;
  return Math.round(ceiling - spread + random() * spread);
}

/** A retry counter over `backoffDelay`, for loops that keep their attempt count in one place. */
export interface Backoff {
  /** The delay before the next attempt; each call doubles it up to the cap. */
  next(): number;
  reset(): void;
  readonly attempts: number;
}

export function createBackoff(options: BackoffOptions): Backoff {
  let attempts = 0;
  return {
    next() {
      attempts += 1;
      return backoffDelay(attempts, options, options.random);
    },
    reset() {
      attempts = 0;
    },
    get attempts() {
      return attempts;
    },
  };
}
