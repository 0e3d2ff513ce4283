import { describe, expect, it } from 'vitest';
import { groupReasons } from './reasons.logic';

describe('groupReasons', () => {
  it('separates rule hits, the model’s features, the product match and the candidates', () => {
    const g = groupReasons({
      sku: null,
      candidates: ['RJ-BLK-M', 'RJ-BLK-L'],
      reasons: ['complaint: not working', 'model: “pay”, “·pa”', 'complaint kind: checkout', 'sku: “black” fits 2 SKUs → none', 'unsure (0.40 < 0.55)'],
    });
    expect(g.rules).toEqual(['complaint: not working', 'complaint kind: checkout']);
    expect(g.model).toEqual(['“pay”, “·pa”']);
    expect(g.product).toEqual(['sku: “black” fits 2 SKUs → none']);
    expect(g.other).toEqual(['unsure (0.40 < 0.55)']);
    expect(g.candidates).toEqual(['RJ-BLK-M', 'RJ-BLK-L']);
  });
  it('has no candidates when a product was matched or none were recorded', () => {
    expect(groupReasons({ sku: 'A', candidates: ['A', 'B'], reasons: [] }).candidates).toEqual([]);
    expect(groupReasons({ sku: null, reasons: [] }).candidates).toEqual([]);
  });
  it('shows a product only assumed from the pinned one as an assumption, apart from the matches', () => {
    const g = groupReasons({ sku: null, contextSku: 'KTL-01', reasons: ['order: short order phrase', 'sku: none named; counted for the pinned product KTL-01 (assumed)'] });
    expect(g.assumed).toBe('KTL-01');
    expect(g.product).toEqual([]);
    expect(groupReasons({ sku: 'A', contextSku: 'KTL-01', reasons: [] }).assumed).toBeNull();
    expect(groupReasons({ sku: null, reasons: [] }).assumed).toBeNull();
  });
});
