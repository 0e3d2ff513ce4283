import { describe, expect, it } from 'vitest';
import { diffLines } from './script.diff';

const lines = (...t: string[]) => t.map((text) => ({ text, cueId: null }));
const ops = (a: string[], b: string[]) => diffLines(lines(...a), lines(...b)).map((l) => `${l.op === 'same' ? ' ' : l.op === 'add' ? '+' : '-'}${l.text}`);

describe('line diff', () => {
  it('marks a changed line as removed then added, keeping the rest', () => {
    expect(ops(['a', 'b', 'c'], ['a', 'B', 'c'])).toEqual([' a', '-b', '+B', ' c']);
  });
  it('handles insertions, deletions and empty sides', () => {
    expect(ops(['a', 'c'], ['a', 'b', 'c'])).toEqual([' a', '+b', ' c']);
    expect(ops(['a', 'b', 'c'], ['c'])).toEqual(['-a', '-b', ' c']);
    expect(ops([], ['x'])).toEqual(['+x']);
    expect(ops(['x'], [])).toEqual(['-x']);
    expect(ops(['same'], ['same'])).toEqual([' same']);
  });
  it('finds a minimal edit script (every kept line is common, every other line is an edit)', () => {
    const a = 'the quick brown fox jumps over the lazy dog'.split(' ');
    const b = 'the fast brown cat jumps over a lazy dog today'.split(' ');
    const d = diffLines(lines(...a), lines(...b));
    expect(d.filter((l) => l.op !== 'add').map((l) => l.text)).toEqual(a);
    expect(d.filter((l) => l.op !== 'del').map((l) => l.text)).toEqual(b);
    // The longest common subsequence is: the brown jumps over lazy dog.
    expect(d.filter((l) => l.op === 'same').map((l) => l.text)).toEqual(['the', 'brown', 'jumps', 'over', 'lazy', 'dog']);
    expect(d.filter((l) => l.op !== 'same')).toHaveLength(7);
  });
  it('stays fast on a long script with scattered edits', () => {
    const a = Array.from({ length: 3000 }, (_, i) => `line ${i}`);
    const b = a.map((l, i) => (i % 100 === 0 ? `${l} edited` : l));
    const t = performance.now();
    const d = diffLines(lines(...a), lines(...b));
    expect(performance.now() - t).toBeLessThan(1000);
    expect(d.filter((l) => l.op === 'add')).toHaveLength(30);
  });
});
