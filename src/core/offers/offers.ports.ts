// What the offers module needs from outside the core, injected so tests can substitute fakes:
// the HTTP client every store adapter uses, the timing policy, and the sandbox's knobs.
import { systemTimers, type Timers } from '../platform/timers';
import { REHEARSAL_RATES, type SimulatorRates } from './sandbox.simulator';
import { createKeepAliveHttp } from './keep-alive.http';
import type { StorePost } from './http-json';

export interface OfferTiming {
  /** One HTTP call to a store. */
  requestTimeoutMs: number;
  /** `offer.pause`/`offer.resume` answer by then: confirmed, or `error` with the intent kept. */
  deadlineMs: number;
  /** First retry delay; doubles per attempt up to `retryMaxMs`, the background cadence. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** How often an idle offer's state, stock and orders are read from a real store. */
  pollMs: number;
}

export interface SandboxPorts {
  /** Station-wide switch for simulated shoppers (the show's binding can also turn them off). */
  simulate: boolean;
  tickMs: number;
  latencyMs: number;
  random: () => number;
  rates: SimulatorRates;
}

export interface OffersPorts {
  post: StorePost;
  /** Retries, deadlines and polling wait through these, never through the globals. */
  timers: Timers;
  timing: OfferTiming;
  sandbox: SandboxPorts;
  /** `--allow-insecure-store`: store credentials may cross plain http to any host (labs only). */
  allowInsecureStore?: boolean;
}

export const DEFAULT_TIMING: OfferTiming = {
  requestTimeoutMs: 4000,
  deadlineMs: 10_000,
  retryBaseMs: 250,
  retryMaxMs: 5000,
  pollMs: 5000,
};

export function defaultOffersPorts(opts: { allowInsecureStore?: boolean } = {}): OffersPorts {
  return {
    allowInsecureStore: opts.allowInsecureStore === true,
    post: createKeepAliveHttp().post,
    timers: systemTimers,
    timing: DEFAULT_TIMING,
    sandbox: { simulate: true, tickMs: 1000, latencyMs: 400, random: Math.random, rates: REHEARSAL_RATES },
  };
}
