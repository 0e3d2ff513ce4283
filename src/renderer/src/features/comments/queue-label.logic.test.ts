import { describe, expect, it } from 'vitest';
import { overflowShort } from './queue-label.logic';

describe('overflowShort', () => {
  it('keeps each reason and drops its limit', () => {
    expect(overflowShort('61 items waiting (limit 40; 427 comments), oldest 95 s (limit 90 s)')).toBe('61 items waiting · oldest 95 s');
    expect(overflowShort('52 waiting (limit 40)')).toBe('52 waiting');
    expect(overflowShort('oldest 120 s (limit 90 s)')).toBe('oldest 120 s');
  });

  it('keeps a reason of another shape whole, and says nothing without one', () => {
    expect(overflowShort('backlog grows')).toBe('backlog grows');
    expect(overflowShort('(limit 40)')).toBe('(limit 40)');
    expect(overflowShort(null)).toBe('');
  });
});
