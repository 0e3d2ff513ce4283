// How HQ shares itself among the stations that report to it. Not by address: stations often reach
// HQ through one TLS proxy or one studio NAT, so a per-address cap would let one station's burst
// refuse all its neighbours (and a proxy would make every caller one address). Instead:
// - a station's token may have a few ingest requests in flight (its sender posts one batch at a
//   time; a retry after its own timeout can overlap the first): past them, 429 before the body
//   is read, so one token cannot park many 16 MB uploads in HQ's memory;
// - a request whose token HQ has not seen live (none, made up, revoked, a station not yet seen)
//   draws on one shared budget, a rate and a number in flight: each such request costs a token
//   look-up and a refusal row in the database the stations' batches need. A station HQ has
//   seen live never draws on it, so a flood of made-up tokens cannot starve the stations.
import { createRateLimiter, type Limits } from '../../src/station/transport/rate-limit';

export interface FairShareLimits {
  /** Ingest requests one station's token may have in flight at once. */
  perStationInFlight: number;
  /** Requests per second (and burst) shared by every token HQ has not seen live. */
  strangerRatePerSecond: number;
  strangerBurst: number;
  /** Such requests in flight at once (each may be reading up to the stranger allowance). */
  strangerInFlight: number;
}

export const DEFAULT_FAIR_SHARE: FairShareLimits = { perStationInFlight: 4, strangerRatePerSecond: 20, strangerBurst: 40, strangerInFlight: 64 };

export type Turn = { ok: true; release: () => void } | { ok: false; retryAfterSeconds: number; message: string };

export interface FairShare {
  /** A turn for a request of this station (its id); release it when the request's socket closes. */
  station(id: string): Turn;
  /** A turn for a request whose token HQ has not seen live. */
  stranger(): Turn;
  /** Requests answered 429 so far (HQ's metrics). */
  refused(): { stations: number; strangers: number };
}

const STRANGERS = 'strangers';

export function createFairShare(limits: FairShareLimits = DEFAULT_FAIR_SHARE, now: () => number = Date.now): FairShare {
  // The station's own limiter, used for its in-flight count only (a station's rate is bounded by its turns).
  const stationLimits: Limits = { ratePerSecond: Number.POSITIVE_INFINITY, burst: Number.POSITIVE_INFINITY, connectionsPerToken: limits.perStationInFlight };
  const stations = createRateLimiter(stationLimits, now);
  const strangers = createRateLimiter({ ratePerSecond: limits.strangerRatePerSecond, burst: limits.strangerBurst, connectionsPerToken: limits.strangerInFlight }, now);
  let strangersRefused = 0;
  return {
    station(id) {
      const release = stations.connect(id);
      if (release) return { ok: true, release };
      return { ok: false, retryAfterSeconds: 1, message: `Station ${id} already has ${limits.perStationInFlight} batches in flight; send the next when one is answered.` };
    },
    stranger() {
      const busy = { ok: false as const, retryAfterSeconds: 1, message: 'HQ is answering too many requests with tokens it does not know; retry later.' };
      const release = strangers.connect(STRANGERS);
      if (!release) {
        strangersRefused += 1;
        return busy;
      }
      const rate = strangers.take(STRANGERS);
      if (!rate.ok) {
        release();
        strangersRefused += 1;
        return { ...busy, retryAfterSeconds: rate.retryAfterSeconds };
      }
      return { ok: true, release };
    },
    refused: () => ({ stations: stations.refused(), strangers: strangersRefused }),
  };
}
