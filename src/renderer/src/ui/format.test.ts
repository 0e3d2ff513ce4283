import { describe, expect, it } from 'vitest';
import { formatAge, formatClock, formatCount, formatLeft, formatPct, formatWhen } from './format';

describe('format', () => {
  it('counts clocks, negative past the plan', () => {
    expect(formatClock(65_000)).toBe('01:05');
    expect(formatClock(3_725_000)).toBe('1:02:05');
    expect(formatClock(-12_400)).toBe('-00:12');
    // Less than a second over is no second over: never "-00:00".
    expect(formatClock(-400)).toBe('00:00');
  });
  it('counts time left rounded up (00:00 only once it is up, as the countdown overlay shows viewers), and the overrun as clocks do', () => {
    expect(formatLeft(300_000)).toBe('05:00');
    expect(formatLeft(299_200.5)).toBe('05:00');
    expect(formatLeft(299_000)).toBe('04:59');
    expect(formatLeft(0.5)).toBe('00:01');
    expect(formatLeft(0)).toBe('00:00');
    expect(formatLeft(-400)).toBe('00:00');
    expect(formatLeft(-1_400)).toBe('-00:01');
    expect(formatLeft(3_599_001)).toBe('1:00:00');
  });
  it('says ages in words', () => {
    expect(formatAge(12_900)).toBe('12 s');
    expect(formatAge(125_000)).toBe('2 min 5 s');
  });
  it('shows a dash for an unknown rate', () => {
    expect(formatPct(null)).toBe('—');
    expect(formatPct(0.1234)).toBe('12.3%');
  });
});

describe('formatWhen', () => {
  it('says the time of day for today and the day as well for another day', () => {
    const now = new Date(2026, 11, 5, 15, 12, 33).getTime();
    expect(formatWhen(new Date(2026, 11, 5, 9, 4).getTime(), now)).toBe('09:04');
    expect(formatWhen(now + 24 * 3600_000, now)).toBe('Sun 6 Dec 15:12');
  });
});

describe('formatCount', () => {
  it('writes counts as toLocaleString("en") does', () => {
    for (const n of [0, 7, 999, 1000, 12_345, 100_000, 1_234_567, -4200, 10_000_000_000]) expect(formatCount(n)).toBe(n.toLocaleString('en'));
  });
});
