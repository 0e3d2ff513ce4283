import { describe, expect, it } from 'vitest';
import { backoffMs, createRetrySchedule, type RetryTimers } from './reconnect.logic';

/** Timers that run only when the test moves the clock. */
function fakeTimers() {
  let now = 1_000;
  let seq = 0;
  const due = new Map<number, { at: number; run: () => void }>();
  const timers: RetryTimers = {
    setTimeout(run, ms) {
      seq += 1;
      due.set(seq, { at: now + ms, run });
      return seq;
    },
    clearTimeout(handle) {
      due.delete(handle as number);
    },
    now: () => now,
  };
  const advance = (ms: number) => {
    now += ms;
    for (const [id, t] of [...due].sort((a, b) => a[1].at - b[1].at)) {
      if (t.at > now) continue;
      due.delete(id);
      t.run();
    }
  };
  return { timers, advance, pending: () => due.size };
}

describe('backoffMs', () => {
  it('doubles from 500 ms to a 5 s cap, with ±20 % jitter', () => {
    expect([1, 2, 3, 4, 5, 9].map((n) => backoffMs(n, 0.5))).toEqual([500, 1000, 2000, 4000, 5000, 5000]);
    expect(backoffMs(9, 0)).toBe(4000);
    expect(backoffMs(9, 0.999_999)).toBeCloseTo(6000, 0);
  });
});

describe('createRetrySchedule', () => {
  it('runs the retry at its time and says when', () => {
    const { timers, advance } = fakeTimers();
    const r = createRetrySchedule(timers);
    let runs = 0;
    expect(r.schedule(() => (runs += 1), 4000)).toBe(5000);
    expect(r.pendingAt()).toBe(5000);
    advance(3999);
    expect(runs).toBe(0);
    advance(1);
    expect(runs).toBe(1);
    expect(r.pendingAt()).toBeNull();
  });

  it('"now" runs the pending retry at once, and only once: its timer no longer fires', () => {
    const { timers, advance, pending } = fakeTimers();
    const r = createRetrySchedule(timers);
    let runs = 0;
    r.schedule(() => (runs += 1), 5000);
    expect(r.runNow()).toBe(true);
    expect(runs).toBe(1);
    expect(pending()).toBe(0);
    advance(10_000);
    expect(runs).toBe(1);
    expect(r.runNow()).toBe(false);
    expect(runs).toBe(1);
  });

  it('keeps one retry: a new schedule replaces the old, cancel drops it', () => {
    const { timers, advance } = fakeTimers();
    const r = createRetrySchedule(timers);
    const ran: string[] = [];
    r.schedule(() => ran.push('a'), 1000);
    r.schedule(() => ran.push('b'), 2000);
    advance(5000);
    expect(ran).toEqual(['b']);
    r.schedule(() => ran.push('c'), 1000);
    r.cancel();
    advance(5000);
    expect(ran).toEqual(['b']);
    expect(r.pendingAt()).toBeNull();
  });
});
