// The inner cross-validation that chooses the model's configuration from training categories only.
import { describe, expect, it } from 'vitest';
import { innerFolds, prepareSet, selectConfig, without, type ModelConfig } from '../../../../bench/triage/model-select';
import type { LabelledComment, LabelledSet } from '../../../../bench/triage/datasets';
import { GLOW_CATALOG } from './triage.fixtures';

// Invented lines (no evaluation set's text), in three small "categories" of the same catalog.
const lines: Array<[LabelledComment['intent'], string]> = [
  ['complaint', 'the pay button does nothing'], ['complaint', 'card declined at checkout'], ['complaint', 'the strap snapped on day one'],
  ['complaint', 'please cancel my order'], ['complaint', 'still no refund after a month'], ['complaint', 'left side hums all the time'],
  ['order', 'mine!!'], ['order', 'i will take two'], ['order', 'add one to my cart'], ['order', 'sold, one for me'], ['order', 'hold one for me'], ['order', 'want it now'],
  ['question', 'how much is it'], ['question', 'do you ship abroad?'], ['question', 'what sizes are there'], ['question', 'is it waterproof?'], ['question', 'how long is delivery'], ['question', 'which one is lighter?'],
  ['spam', 'follow me for free gifts'], ['spam', 'check my profile'], ['spam', 'earn 500 a day from home'], ['spam', 'dm me for cheap followers'], ['spam', 'click link in bio'], ['spam', 'win a free phone'],
  ['other', 'hello everyone'], ['other', 'love this show'], ['other', 'good evening from Lisbon'], ['other', 'haha you are funny'], ['other', 'wow so pretty'], ['other', 'first time here'],
];
const category = (k: number): LabelledSet => ({
  name: `cat${k}`,
  role: 'evaluation',
  catalog: GLOW_CATALOG,
  rows: lines.filter((_, i) => i % 3 === k).map(([intent, text], i) => ({ id: `c${k}-${i}`, lang: 'en', text, intent, sku: null, offer: null })),
});

describe('inner cross-validation for the model configuration', () => {
  const cats = [0, 1, 2].map((k) => prepareSet(category(k)));

  it('scores every configuration on every inner fold and keeps the one whose worst fold is best', () => {
    const grid: ModelConfig[] = [
      { epochs: 1, dropout: 0.9, perClassStack: false },
      { epochs: 20, dropout: 0, perClassStack: true },
    ];
    const sel = selectConfig([], cats, grid);
    expect(sel.rows.map((r) => r.perFold.length)).toEqual([3, 3]);
    for (const r of sel.rows) expect(r.worst).toBe(Math.min(...r.perFold));
    const best = Math.max(...sel.rows.map((r) => r.worst));
    expect(sel.rows.find((r) => r.config === sel.config)?.worst).toBe(best);
  });

  it('leaves out of a training set the lines that repeat a test line (normalized)', () => {
    const keys = new Set(cats[0]!.keys);
    const copy = prepareSet({ ...category(1), rows: [...category(1).rows, ...category(0).rows.map((r) => ({ ...r, text: r.text.toUpperCase() + '!!' }))] });
    expect(without(copy, keys).data.length).toBe(category(1).rows.length);
  });

  it('groups categories into at most the given number of inner folds, every line in exactly one', () => {
    const folds = innerFolds(cats, 2);
    expect(folds.map((f) => f.name)).toEqual(['cat0+cat2', 'cat1']);
    expect(folds.reduce((n, f) => n + f.data.length, 0)).toBe(cats.reduce((n, c) => n + c.data.length, 0));
    expect(selectConfig([], cats, [{ epochs: 12, dropout: 0, perClassStack: true }], {}, 2).rows[0]?.perFold).toHaveLength(2);
  });

  it('with fewer than two categories there is nothing to cross-validate: the first configuration', () => {
    const grid: ModelConfig[] = [{ epochs: 12, dropout: 0, perClassStack: false }];
    expect(selectConfig([], cats.slice(0, 1), grid)).toEqual({ config: grid[0], rows: [], folds: [] });
  });
});
