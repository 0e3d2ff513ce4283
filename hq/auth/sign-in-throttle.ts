// Wrong tokens from one address are throttled: after MAX_FAILURES within the window, every token
// check from that address (the right token too) is answered 429 until the window has passed. The
// tokens are 192 random bits, but BATON_HQ_ADMIN_TOKEN lets an operator choose a weak one, and an
// unthrottled HQ on a --lan port answers guesses as fast as the network carries them. Station
// ingest is not throttled here (it has its own fair share). Timed on the monotonic clock.

export interface SignInThrottle {
  /** Seconds until `address` may try again, or 0. */
  retryAfter(address: string): number;
  failed(address: string): void;
}

export const MAX_FAILURES = 10;
export const FAILURE_WINDOW_MS = 60_000;
/** Addresses tracked at once; the oldest goes first. */
const MAX_ADDRESSES = 10_000;

export function createSignInThrottle(monotonic: () => number, maxFailures = MAX_FAILURES, windowMs = FAILURE_WINDOW_MS): SignInThrottle {
  const tries = new Map<string, { since: number; failures: number }>();
  const current = (address: string) => {
    const t = tries.get(address);
    if (t && monotonic() - t.since >= windowMs) {
      tries.delete(address);
      return null;
    }
    return t ?? null;
  };
  return {
    retryAfter(address) {
      const t = current(address);
      return t && t.failures >= maxFailures ? Math.max(1, Math.ceil((t.since + windowMs - monotonic()) / 1000)) : 0;
    },
    failed(address) {
      const t = current(address);
      if (t) t.failures += 1;
      else tries.set(address, { since: monotonic(), failures: 1 });
      if (tries.size > MAX_ADDRESSES) tries.delete(tries.keys().next().value as string);
    },
  };
}
