// Per-token limits shared by every transport: a token bucket of requests per second and a count
// of open WebSocket connections. A caller over a limit is told when to retry (429, Retry-After).
export interface Limits {
  /** Sustained requests per second per token (HTTP commands and WebSocket commands together). */
  ratePerSecond: number;
  /** Requests a token may send at once before the rate applies. */
  burst: number;
  /** Open WebSocket connections per token. */
  connectionsPerToken: number;
}

export const DEFAULT_LIMITS: Limits = { ratePerSecond: 200, burst: 400, connectionsPerToken: 64 };

export type Admission = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface RateLimiter {
  /** Takes one request from `key`'s bucket. */
  take(key: string): Admission;
  /** Counts a connection open; the returned function closes it. Null when the cap is reached. */
  connect(key: string): (() => void) | null;
  /** Requests refused so far, per key (for the producer and the tests). */
  refused(): number;
}

/** `now` should be a monotonic reading (performance.now): a bucket refills with time passed, not with the wall clock's steps. */
export function createRateLimiter(limits: Limits, now: () => number): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const connections = new Map<string, number>();
  let refused = 0;
  return {
    take(key) {
      const t = now();
      const b = buckets.get(key) ?? { tokens: limits.burst, at: t };
      // Never negative refill: a clock that went back must not drain the bucket (a lockout of hours).
      b.tokens = Math.min(limits.burst, b.tokens + (Math.max(0, t - b.at) / 1000) * limits.ratePerSecond);
      b.at = t;
      buckets.set(key, b);
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return { ok: true };
      }
      refused += 1;
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - b.tokens) / limits.ratePerSecond)) };
    },
    connect(key) {
      const n = connections.get(key) ?? 0;
      if (n >= limits.connectionsPerToken) {
        refused += 1;
        return null;
      }
      connections.set(key, n + 1);
      let open = true;
      return () => {
        if (!open) return;
        open = false;
        const left = (connections.get(key) ?? 1) - 1;
        if (left <= 0) connections.delete(key);
        else connections.set(key, left);
      };
    },
    refused: () => refused,
  };
}
