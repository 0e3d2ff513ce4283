import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limit';

describe('rate limiter', () => {
  it('a clock that steps back (NTP, a producer fixing the date) does not lock a token out: the bucket never loses tokens to negative time', () => {
    let t = 1_000_000;
    const limiter = createRateLimiter({ ratePerSecond: 10, burst: 20, connectionsPerToken: 4 }, () => t);
    expect(limiter.take('a')).toEqual({ ok: true });
    t -= 3_600_000;
    // Before: an hour of negative refill left the bucket 36 000 tokens short — refused for an hour.
    expect(limiter.take('a')).toEqual({ ok: true });
    t += 7_200_000;
    for (let i = 0; i < 20; i++) expect(limiter.take('a')).toEqual({ ok: true });
    expect(limiter.take('a')).toMatchObject({ ok: false, retryAfterSeconds: 1 });
  });
});
