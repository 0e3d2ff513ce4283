// Inter-annotator agreement on `sku` (bench/triage/sku-eval): exact agreement, agreement where either labeller gave a SKU,
// and the set restricted to the lines both agree on. Synthetic lines only; no data file is read.
import { describe, expect, it } from 'vitest';
import { skuAgreement } from '../../bench/triage/sku-eval';
import type { LabelledSet } from '../../bench/triage/datasets';

const row = (id: string, sku: string | null) => ({ id, lang: 'en', text: id, intent: 'order' as const, sku, offer: null });
const set: LabelledSet = {
  name: 'corpus/invented',
  role: 'evaluation',
  rows: [row('a', 'X'), row('b', null), row('c', 'X'), row('d', null), row('e', 'Y'), row('f', 'X')],
  catalog: { products: [], offers: [] },
};

describe('skuAgreement', () => {
  it('counts exact agreement, agreement where either gave a SKU, and the kinds of disagreement', () => {
    // a: same SKU, b: both none, c: first only, d: second only, e: different SKUs; f has no second label
    const second = new Map<string, string | null>([['a', 'X'], ['b', null], ['c', null], ['d', 'Z'], ['e', 'X']]);
    const a = skuAgreement(set, second);
    expect(a.n).toBe(5);
    expect(a.exact).toBeCloseTo(2 / 5);
    expect(a.eitherSku).toBe(4);
    expect(a.exactEitherSku).toBeCloseTo(1 / 4);
    expect([a.onlyFirst, a.onlySecond, a.different]).toEqual([1, 1, 1]);
    expect(a.agreed.rows.map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('reads perfect agreement as 1 and an empty overlap without dividing by zero', () => {
    const same = skuAgreement(set, new Map(set.rows.map((r) => [r.id, r.sku])));
    expect([same.exact, same.exactEitherSku]).toEqual([1, 1]);
    const none = skuAgreement(set, new Map());
    expect([none.n, none.exact, none.eitherSku, none.agreed.rows.length]).toEqual([0, 1, 0, 0]);
  });
});
