// Offer ports for tests that drive a store over real HTTP: global fetch, the real timers, and
// deadlines, retries and polls in tens of milliseconds so a test sees them all within a second.
import type { OfferTiming, OffersPorts, SandboxPorts } from '../../src/core/offers/offers.ports';
import { postOverFetch } from '../../src/core/offers/http-json';
import { systemTimers } from '../../src/core/platform/timers';
import { REHEARSAL_RATES } from '../../src/core/offers/sandbox.simulator';

export function fastOfferPorts(over: { timing?: Partial<OfferTiming>; sandbox?: Partial<SandboxPorts> } = {}): OffersPorts {
  return {
    post: postOverFetch(fetch),
    timers: systemTimers,
    timing: { requestTimeoutMs: 500, deadlineMs: 400, retryBaseMs: 10, retryMaxMs: 50, pollMs: 50, ...over.timing },
    sandbox: { simulate: false, tickMs: 20, latencyMs: 5, random: Math.random, rates: REHEARSAL_RATES, ...over.sandbox },
  };
}
