import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SourceStatus } from '../../../shared/contract/index';
import { createReconnectLoop } from './reconnect.loop';
import type { HealthTracker } from './source.types';

function fakeHealth() {
  const seen: { status: SourceStatus; detail: string | null }[] = [];
  const health = { set: (status: SourceStatus, detail: string | null) => seen.push({ status, detail }) } as unknown as HealthTracker;
  return { health, seen };
}

describe('reconnect loop', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());
  const backoff = { baseMs: 1_000, maxMs: 8_000, jitter: 0, random: () => 0 };

  it('retries with growing delays, one timer at a time, and says why and when', () => {
    const { health, seen } = fakeHealth();
    const open = vi.fn();
    const loop = createReconnectLoop({ backoff, health, open });
    loop.start();
    expect(open).toHaveBeenCalledTimes(1);
    loop.schedule('connection refused');
    loop.schedule('a second failure report for the same drop'); // ignored: a retry is already due
    expect(seen.at(-1)).toEqual({ status: 'reconnecting', detail: 'connection refused; retrying in 1 s (attempt 1)' });
    vi.advanceTimersByTime(999);
    expect(open).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(open).toHaveBeenCalledTimes(2);
    expect(loop.attemptStatus()).toBe('reconnecting');
    loop.schedule('connection refused');
    expect(seen.at(-1)?.detail).toBe('connection refused; retrying in 2 s (attempt 2)');
  });

  it('honours a floor and a status (rate limits), and stop cancels the pending retry', () => {
    const { health, seen } = fakeHealth();
    const open = vi.fn();
    const loop = createReconnectLoop({ backoff, health, open });
    loop.start();
    loop.schedule('too many requests', { status: 'rate_limited', floorMs: 60_000 });
    expect(seen.at(-1)).toEqual({ status: 'rate_limited', detail: 'too many requests; retrying in 60 s (attempt 1)' });
    loop.stop();
    vi.advanceTimersByTime(120_000);
    expect(open).toHaveBeenCalledTimes(1);
    expect(loop.wanted).toBe(false);
    loop.schedule('late close event after stop');
    expect(seen.at(-1)?.detail).toBe('too many requests; retrying in 60 s (attempt 1)');
  });

  it('a fresh start resets the backoff', () => {
    const { health } = fakeHealth();
    const loop = createReconnectLoop({ backoff, health, open: () => undefined });
    loop.start();
    loop.schedule('x');
    expect(loop.backoff.attempts).toBe(1);
    loop.stop();
    loop.start();
    expect(loop.backoff.attempts).toBe(0);
    expect(loop.attemptStatus()).toBe('connecting');
  });
});
