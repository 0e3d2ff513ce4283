// The one SKU count behind every bench's SKU figures (bench/triage/metrics: sku-eval's folds and the cross-catalog folds).
import { describe, expect, it } from 'vitest';
import { newSkuTally, skuPrecision, skuRecall, tallySku } from '../../bench/triage/metrics';

describe('tallySku', () => {
  it('recall over lines with a gold SKU, precision over lines with a predicted one, errors by kind', () => {
    const t = newSkuTally();
    const lines: Array<[string | null, string | null]> = [['A', 'A'], ['A', null], ['B', 'A'], [null, 'C'], [null, null], ['C', 'C']];
    for (const [g, p] of lines) tallySku(t, g, p);
    expect(t).toEqual({ gold: 4, goldOk: 2, pred: 4, predOk: 2, missed: 1, wrong: 1, spurious: 1 });
    expect(skuRecall(t)).toBe(0.5);
    expect(skuPrecision(t)).toBe(0.5);
  });

  it('an empty side scores 1', () => {
    const t = newSkuTally();
    tallySku(t, null, null);
    expect([skuRecall(t), skuPrecision(t)]).toEqual([1, 1]);
  });
});
