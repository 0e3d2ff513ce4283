import { describe, expect, it } from 'vitest';
import { createBackoff } from './backoff';

describe('backoff', () => {
  it('doubles up to the cap, with bounded jitter, and resets', () => {
    const b = createBackoff({ baseMs: 1000, maxMs: 8000, jitter: 0, random: () => 0.5 });
    expect([b.next(), b.next(), b.next(), b.next(), b.next()]).toEqual([1000, 2000, 4000, 8000, 8000]);
    b.reset();
    expect(b.next()).toBe(1000);
    const j = createBackoff({ baseMs: 1000, maxMs: 8000, jitter: 0.2, random: () => 0 });
    expect(j.next()).toBe(800);
  });
});
