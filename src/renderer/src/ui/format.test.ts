import { describe, expect, it } from 'vitest';
import { formatAge, formatClock, formatPct } from './format';

describe('format', () => {
  it('counts clocks, negative past the plan', () => {
    expect(formatClock(65_000)).toBe('01:05');
    expect(formatClock(3_725_000)).toBe('1:02:05');
    expect(formatClock(-12_400)).toBe('-00:12');
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
