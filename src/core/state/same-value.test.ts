import { describe, expect, it } from 'vitest';
import { sameValue } from './same-value';

describe('sameValue', () => {
  it('is true for equal JSON-like values built separately', () => {
    expect(sameValue({ a: [1, { b: 'x', c: null }], d: true }, { a: [1, { b: 'x', c: null }], d: true })).toBe(true);
    expect(sameValue([], [])).toBe(true);
    expect(sameValue(Number.NaN, Number.NaN)).toBe(true);
  });

  it('is false at any difference: a value, a key, a length, a type', () => {
    expect(sameValue({ a: { b: 1 } }, { a: { b: 2 } })).toBe(false);
    expect(sameValue({ a: 1 }, { b: 1 })).toBe(false);
    expect(sameValue({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameValue([1, 2], [1, 2, 3])).toBe(false);
    expect(sameValue([1], { 0: 1 })).toBe(false);
    expect(sameValue(null, {})).toBe(false);
    expect(sameValue('1', 1)).toBe(false);
    expect(sameValue(new Date(1), new Date(1))).toBe(false);
  });

  it('gives up (false) past its budget of compared nodes, but not on shared subtrees', () => {
    const list = Array.from({ length: 100 }, (_, i) => ({ i }));
    expect(sameValue({ list }, { list: list.map((x) => ({ ...x })) }, 50)).toBe(false);
    expect(sameValue({ list }, { list: list.map((x) => ({ ...x })) }, 500)).toBe(true);
    // The same array object on both sides costs one node however long it is.
    expect(sameValue({ list, n: 1 }, { list, n: 1 }, 5)).toBe(true);
  });
});
