// Remembers the webhook deliveries already taken (idempotency key and signature) for as long as
// their timestamp is acceptable, so a recorded delivery cannot be counted twice. Older ones are
// refused by the timestamp check, so the memory stays bounded by the traffic of ~10 minutes.
export interface ReplayGuard {
  /** True the first time a key and a signature are seen; false for a replay of either. */
  admit(key: string, signature: string, nowMs: number): boolean;
  /** Replays refused since start. */
  refused(): number;
}

export function createReplayGuard(options: { windowMs: number; maxEntries?: number }): ReplayGuard {
  const seen = new Map<string, number>();
  const max = options.maxEntries ?? 200_000;
  let refused = 0;
  const prune = (now: number) => {
    for (const [k, expiry] of seen) {
      if (expiry > now && seen.size <= max) break;
      seen.delete(k);
    }
  };
  return {
    admit(key, signature, now) {
      prune(now);
      const k = `k:${key}`;
      const s = `s:${signature.toLowerCase()}`;
      if (seen.has(k) || seen.has(s)) {
        refused += 1;
        return false;
      }
      // Map order is insertion order, and expiry grows with insertion: pruning stops at the first live entry.
      seen.set(k, now + options.windowMs);
      seen.set(s, now + options.windowMs);
      return true;
    },
    refused: () => refused,
  };
}
