import { describe, expect, it } from 'vitest';
import { cutChildren } from './whole-or-hidden.logic';

describe('cutChildren', () => {
  it('keeps what ends inside the edge (half a pixel of slack) and cuts what crosses it or lies below', () => {
    expect(cutChildren(100, [{ top: 0, bottom: 40 }, { top: 50, bottom: 100.4 }, { top: 90, bottom: 130 }, { top: 140, bottom: 180 }])).toEqual([2, 3]);
  });
  it('never cuts an empty child', () => {
    expect(cutChildren(100, [{ top: 120, bottom: 120 }])).toEqual([]);
  });
});
