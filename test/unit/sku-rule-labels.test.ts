// SKU labels under rule v3 (bench/triage/sku-eval ruleLabels): the v2 labels with the relabelled lines laid over
// them, the v3 labels alone where a category was written under v3, and a second label set only where a second pass
// covers every line. Invented label maps only; no data file is read.
import { describe, expect, it } from 'vitest';
import { overlayLabels, ruleLabels, ruleOf } from '../../bench/triage/sku-eval';
import { skuJudgesWorst, type FoldReport } from '../../bench/triage/cross-catalog';

type Labels = Map<string, string | null>;
const files = (byName: Record<string, Array<[string, string | null]>>) => (file: string): Labels | null => (byName[file] ? new Map(byName[file]) : null);

describe('overlayLabels', () => {
  it('takes the relabelled line where there is one and the base label elsewhere, keeping null labels', () => {
    const base: Labels = new Map([['a', null], ['b', 'X'], ['c', 'Y'], ['d', null]]);
    const over: Labels = new Map([['a', 'P'], ['c', null]]);
    expect([...overlayLabels(base, over)!]).toEqual([['a', 'P'], ['b', 'X'], ['c', null], ['d', null]]);
    // the inputs are not changed
    expect(base.get('a')).toBeNull();
  });

  it('is either map alone when the other is absent, and null when both are', () => {
    const m: Labels = new Map([['a', 'X']]);
    expect([...overlayLabels(m, null)!]).toEqual([['a', 'X']]);
    expect([...overlayLabels(null, m)!]).toEqual([['a', 'X']]);
    expect(overlayLabels(null, null)).toBeNull();
  });
});

describe('ruleLabels', () => {
  const twoPasses = files({
    'sku-v2a.jsonl': [['a', null], ['b', 'X'], ['c', null]],
    'sku-v2b.jsonl': [['a', null], ['b', 'X'], ['c', 'X']],
    'sku-v3a.jsonl': [['a', 'P']],
    'sku-v3b.jsonl': [['a', 'P'], ['c', null]],
  });

  it('v2 reads the v2 files as they are', () => {
    const l = ruleLabels('v2', twoPasses);
    expect([...l.first!]).toEqual([['a', null], ['b', 'X'], ['c', null]]);
    expect([...l.second!]).toEqual([['a', null], ['b', 'X'], ['c', 'X']]);
  });

  it('v3 lays v3a over v2a for the first labels and v3b over v2b for the second', () => {
    const l = ruleLabels('v3', twoPasses);
    expect([...l.first!]).toEqual([['a', 'P'], ['b', 'X'], ['c', null]]);
    expect([...l.second!]).toEqual([['a', 'P'], ['b', 'X'], ['c', null]]);
  });

  it('v3 without a v2 second pass has no second labels, even with a v3b over some lines', () => {
    const l = ruleLabels('v3', files({ 'sku-v2a.jsonl': [['a', null], ['b', 'X']], 'sku-v3a.jsonl': [['a', 'P']], 'sku-v3b.jsonl': [['a', null]] }));
    expect([...l.first!]).toEqual([['a', 'P'], ['b', 'X']]);
    expect(l.second).toBeNull();
  });

  it('v3 is v3a alone for a category written under v3 (no v2 files), and nothing for a category without labels', () => {
    const l = ruleLabels('v3', files({ 'sku-v3a.jsonl': [['a', 'P'], ['b', null]] }));
    expect([...l.first!]).toEqual([['a', 'P'], ['b', null]]);
    expect(l.second).toBeNull();
    expect(ruleLabels('v3', files({}))).toEqual({ first: null, second: null });
    // and v2 does not read a v3-only category
    expect(ruleLabels('v2', files({ 'sku-v3a.jsonl': [['a', 'P']] })).first).toBeNull();
  });
});

describe('ruleOf', () => {
  it('reads --rule v1|v2|v3, v1 without it, and refuses an unknown rule', () => {
    expect(ruleOf(['x', '--rule', 'v3'])).toBe('v3');
    expect(ruleOf(['x', '--rule', 'v2', '--kinds'])).toBe('v2');
    expect(ruleOf(['x'])).toBe('v1');
    expect(() => ruleOf(['x', '--rule', 'v4'])).toThrow(/v4/);
    expect(() => ruleOf(['x', '--rule'])).toThrow();
  });
});

describe('skuJudgesWorst (the cross-catalog SKU headline)', () => {
  const fold = (name: string, under: Record<string, [number, number]>, cue?: Record<string, [number, number]>) =>
    ({
      name,
      skuUnder: Object.fromEntries(Object.entries(under).map(([k, [recall, precision]]) => [k, { recall, precision, gold: 10 }])),
      ...(cue ? { ruleCue: Object.fromEntries(Object.entries(cue).map(([k, [recall, precision]]) => [k, { recall, precision }])) } : {}),
    }) as unknown as FoldReport;

  it('takes the worst recall and the worst precision over the judges that have the labels, apart from the tuning split', () => {
    const folds = [
      fold('corpus/invented-a', { v3: [0.9, 0.97], v2: [0.8, 0.99] }, { v3: [0.85, 0.96] }),
      fold('corpus/invented-b', { v3: [0.95, 0.93] }, { v3: [0.9, 0.9] }),
      fold('corpus/invented-c', { v2: [0.5, 0.5] }),
      // SKU tuning split: never in the judges' worst
      fold('corpus/wine-bar', { v3: [0.1, 0.1] }),
    ];
    expect(skuJudgesWorst(folds, 'v3')).toEqual({ step: { recall: 0.9, precision: 0.93 }, cue: { recall: 0.85, precision: 0.9 }, folds: 2 });
    expect(skuJudgesWorst(folds, 'v2')).toEqual({ step: { recall: 0.5, precision: 0.5 }, cue: null, folds: 2 });
    expect(skuJudgesWorst(folds, 'v3 agreed')).toBeNull();
  });
});
