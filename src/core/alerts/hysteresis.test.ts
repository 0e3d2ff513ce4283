import { describe, expect, it } from 'vitest';
import { createLatches, LATCH_OFF, readLevel, stepLatch, worstReading, type Reading } from './hysteresis';
import { overflowReading } from '../comments/overflow.alarm';

const RULE = { raiseHoldMs: 10_000, clearHoldMs: 30_000 };

/** Every change the latches answer, over readings one second apart. */
function run(readings: readonly Reading[]): Array<{ at: number; change: 'raise' | 'clear' }> {
  const latches = createLatches(() => RULE);
  const out: Array<{ at: number; change: 'raise' | 'clear' }> = [];
  readings.forEach((r, i) => {
    const { change } = latches.step('q', r, i * 1000);
    if (change) out.push({ at: i * 1000, change });
  });
  return out;
}

describe('alert hysteresis', () => {
  it('a time from before the pending flip began (a clock that went back) restarts the hold instead of freezing it until the clock catches up', () => {
    const up = { on: true, since: 100_000 };
    const restarted = stepLatch(up, 'under', 0, RULE);
    expect(restarted).toEqual({ on: true, since: 0 });
    expect(stepLatch(restarted, 'under', RULE.clearHoldMs, RULE)).toEqual({ on: false, since: null });
  });

  it('a queue oscillating around its limit for ten minutes is one alarm, not a raise and a clear per crossing', () => {
    const limits = { backlog: 40, oldestSeconds: 90 };
    // 45 waiting for 15 s (raised), then 41, 40, 41, 40 … every second for ten minutes.
    const sizes = [...Array.from({ length: 15 }, () => 45), ...Array.from({ length: 600 }, (_, i) => (i % 2 ? 40 : 41))];
    const readings = sizes.map((items) => overflowReading({ watched: true, open: items, items, oldestReceivedAt: null }, limits, 0.8, 0));
    expect(run(readings)).toEqual([{ at: 10_000, change: 'raise' }]);
    // The rule without hysteresis (raise when over, clear when not) gave 300 raises and 300 clears here.
    const naive = readings.filter((r, i) => r === 'over' && (i === 0 || readings[i - 1] !== 'over')).length;
    expect(naive).toBe(300);
  });

  it('a blip over the limit shorter than the raise hold raises nothing', () => {
    expect(run(['over', 'over', 'over', 'between', 'over', 'over', 'under', ...Array<Reading>(20).fill('over').slice(0, 9)])).toEqual([]);
  });

  it('clears only after the clear hold at or under the clear mark; a reading back between the marks starts the hold again', () => {
    // Over from 0 s (raised at 10 s), under from 11 s, between at 31 s, under again from 32 s: cleared at 62 s, not 41 s.
    const changes = run([...Array<Reading>(11).fill('over'), ...Array<Reading>(20).fill('under'), 'between', ...Array<Reading>(31).fill('under')]);
    expect(changes).toEqual([
      { at: 10_000, change: 'raise' },
      { at: 62_000, change: 'clear' },
    ]);
  });

  it('holds of zero are the old rule: raise on the first over, clear on the first under', () => {
    const rule = { raiseHoldMs: 0, clearHoldMs: 0 };
    const a = stepLatch(LATCH_OFF, 'over', 5, rule);
    expect(a).toEqual({ on: true, since: null });
    expect(stepLatch(a, 'between', 6, rule)).toEqual(a);
    expect(stepLatch(a, 'under', 7, rule)).toEqual(LATCH_OFF);
  });

  it('reads a level against two marks, and a condition of several levels by its worst', () => {
    expect([41, 40, 33, 32, 0].map((v) => readLevel(v, 40, 32))).toEqual(['over', 'between', 'between', 'under', 'under']);
    expect(worstReading(['under', 'over'])).toBe('over');
    expect(worstReading(['under', 'between'])).toBe('between');
    expect(worstReading(['under', 'under'])).toBe('under');
  });

  it('a queue’s overflow reading: the backlog and the oldest wait each against their marks; an unwatched queue is always under', () => {
    const limits = { backlog: 40, oldestSeconds: 90 };
    const now = 1_000_000;
    const q = (items: number, ageS: number | null, watched = true) => overflowReading({ watched, open: items, items, oldestReceivedAt: ageS === null ? null : now - ageS * 1000 }, limits, 0.8, now);
    expect(q(10, 91)).toBe('over');
    expect(q(10, 80)).toBe('between');
    expect(q(10, 72)).toBe('under');
    expect(q(32, null)).toBe('under');
    expect(q(33, 10)).toBe('between');
    expect(q(500, 500, false)).toBe('under');
  });

  it('reset forgets every latch and names the alarms that were up', () => {
    const latches = createLatches(() => ({ raiseHoldMs: 0, clearHoldMs: 0 }));
    latches.step('a', 'over', 0);
    latches.step('b', 'between', 0);
    expect(latches.reset()).toEqual(['a']);
    expect(latches.step('a', 'between', 1)).toEqual({ on: false, change: null });
  });
});
