// SKU labels under rules v3 and v4 (bench/triage/sku-eval ruleLabels): the v2 labels with the relabelled lines laid
// over them (v4: the v3 labels with v4's relabelled lines over those), the v3 labels alone where a category was written
// under v3, and a second label set only where a second pass covers every line. Invented label maps only; no data file
// is read.
import { describe, expect, it } from 'vitest';
import { MATCHER_RULE, overlayLabels, ruleLabels, ruleOf } from '../../bench/triage/sku-eval';
import { SKU_HEADLINE_KEY, SKU_LABEL_KEYS, skuHeadline, skuJudgesWorst, skuWorstLines, type FoldReport } from '../../bench/triage/cross-catalog';

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

describe('ruleLabels under v4', () => {
  const passes = files({
    'sku-v2a.jsonl': [['a', null], ['b', 'X'], ['c', null], ['d', null]],
    'sku-v2b.jsonl': [['a', null], ['b', 'X'], ['c', 'X'], ['d', null]],
    'sku-v3a.jsonl': [['a', 'P']],
    'sku-v3b.jsonl': [['a', 'P'], ['c', null]],
    'sku-v4a.jsonl': [['c', 'P'], ['d', 'P']],
    'sku-v4b.jsonl': [['d', null]],
  });

  it('lays v4a over the v3 first labels and v4b over the v3 second labels', () => {
    const l = ruleLabels('v4', passes);
    expect([...l.first!]).toEqual([['a', 'P'], ['b', 'X'], ['c', 'P'], ['d', 'P']]);
    expect([...l.second!]).toEqual([['a', 'P'], ['b', 'X'], ['c', null], ['d', null]]);
    // v3 is unchanged by the v4 files
    expect([...ruleLabels('v3', passes).first!]).toEqual([['a', 'P'], ['b', 'X'], ['c', null], ['d', null]]);
  });

  it('is the v3 labels where no v4 file exists yet', () => {
    const v3only = files({ 'sku-v2a.jsonl': [['a', null], ['b', 'X']], 'sku-v2b.jsonl': [['a', 'X'], ['b', 'X']], 'sku-v3a.jsonl': [['a', 'P']] });
    expect(ruleLabels('v4', v3only)).toEqual(ruleLabels('v3', v3only));
  });

  it('has no second labels without a v2 second pass, even with a v4b over some lines', () => {
    const l = ruleLabels('v4', files({ 'sku-v2a.jsonl': [['a', null], ['b', 'X']], 'sku-v4a.jsonl': [['a', 'P']], 'sku-v4b.jsonl': [['a', 'P']] }));
    expect([...l.first!]).toEqual([['a', 'P'], ['b', 'X']]);
    expect(l.second).toBeNull();
  });

  it('is v3a with v4a over it for a category written under v3, and nothing for a category without labels', () => {
    const l = ruleLabels('v4', files({ 'sku-v3a.jsonl': [['a', null], ['b', null]], 'sku-v4a.jsonl': [['b', 'P']] }));
    expect([...l.first!]).toEqual([['a', null], ['b', 'P']]);
    expect(l.second).toBeNull();
    expect(ruleLabels('v4', files({}))).toEqual({ first: null, second: null });
  });

  it('is the rule the matcher follows (what the learned step trains on) and the cross-catalog headline', () => {
    expect(MATCHER_RULE).toBe('v4');
    expect(SKU_HEADLINE_KEY).toBe('v4');
    expect(SKU_LABEL_KEYS.slice(0, 2)).toEqual(['v4', 'v4 agreed']);
  });
});

describe('ruleOf', () => {
  it('reads --rule v1|v2|v3|v4, v1 without it, and refuses an unknown rule', () => {
    expect(ruleOf(['x', '--rule', 'v3'])).toBe('v3');
    expect(ruleOf(['x', '--rule', 'v4'])).toBe('v4');
    expect(ruleOf(['x', '--rule', 'v2', '--kinds'])).toBe('v2');
    expect(ruleOf(['x'])).toBe('v1');
    expect(() => ruleOf(['x', '--rule', 'v5'])).toThrow(/v5/);
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

  it('heads the report with the judges\' worst on v4 and prints v3 and v2 beside it', () => {
    const folds = [
      fold('corpus/invented-a', { v4: [0.91, 0.96], v3: [0.9, 0.97], v2: [0.8, 0.99] }, { v4: [0.88, 0.95] }),
      fold('corpus/invented-b', { v4: [0.94, 0.92], v3: [0.95, 0.93] }),
      fold('corpus/wine-bar', { v4: [0.1, 0.1] }),
    ];
    expect(skuHeadline(folds)).toBe('SKU recall, v4 labels, 2 SKU judges 0.910 (≥ 0.92) at precision 0.920 (≥ 0.95)');
    const lines = skuWorstLines(folds).filter((l) => l.includes('SKU judges (judgesSku)'));
    expect(lines.map((l) => l.split(',')[1]?.trim())).toEqual(['v4 labels', 'v3 labels', 'v2 labels']);
    expect(lines[0]).toContain('with the step recall 0.910 precision 0.920 | rule cue instead (same run) recall 0.880 precision 0.950');
    expect(skuHeadline([fold('corpus/invented-a', { v3: [0.9, 0.9] })])).toBe('SKU: no fold with v4 labels');
  });
});
