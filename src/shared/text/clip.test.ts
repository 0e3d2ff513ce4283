import { describe, expect, it } from 'vitest';
import { clip } from './clip';

describe('clip', () => {
  it('cuts to at most max code units, never through a surrogate pair', () => {
    expect(clip('abc', 5)).toBe('abc');
    expect(clip('abcdef', 3)).toBe('abc');
    expect(clip('ab😀', 3)).toBe('ab');
    expect(clip('ab😀', 4)).toBe('ab😀');
    expect(clip('😀😀', 1)).toBe('');
  });
});
