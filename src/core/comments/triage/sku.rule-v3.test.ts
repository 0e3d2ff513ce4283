// Rule v3 (test/data/sku-rule-v3.md part B/C): a reservation while a product is pinned means the pinned product; a bare
// order to buy does not. Invented catalog and comments (the rule's own examples and general phrases).
import { describe, expect, it } from 'vitest';
import { compileSkuMatcher } from './sku.matcher';
import { skuInContext, type OnScreenScore } from './sku.context';
import { normalizeText } from './text.normalize';
import type { Intent, SubIntent, TriageCatalog } from './triage.types';

// a lamp shop: two lamps of one family in two colours, a shade, a bulb pack
const LAMPS: TriageCatalog = {
  products: [
    { sku: 'LMP-ARC-BLK', name: 'Arc Floor Lamp Black', family: 'Arc Floor Lamp', colour: 'black', onScreen: '1', aliases: [] },
    { sku: 'LMP-ARC-BRS', name: 'Arc Floor Lamp Brass', family: 'Arc Floor Lamp', colour: 'brass', onScreen: '1', aliases: [] },
    { sku: 'LMP-SHD-LIN', name: 'Linen Drum Shade', onScreen: '2', aliases: ['drum shade'] },
    { sku: 'LMP-BLB-4', name: 'Warm Bulb 4-pack', onScreen: '3', aliases: ['bulbs'] },
  ],
  offers: [],
};
const m = compileSkuMatcher(LAMPS);
const PINNED = 'LMP-SHD-LIN';
const ctx = (t: string, intent: Intent, sub: SubIntent | null, pinned: string | null = PINNED, onScreen: OnScreenScore | null = null) =>
  skuInContext(m.match(normalizeText(t), pinned), intent, pinned, onScreen, sub);

describe('rule v3: a reservation while a product is pinned → the pinned product', () => {
  it('gives an order of kind reserve that names nothing the pinned product, in each language, with a reason the moderator reads', () => {
    for (const t of ['save one for me till friday', 'can you keep one aside', 'apártame una porfa', 'guarda uma pra mim', 'tolong simpan satu ya kak']) {
      const r = ctx(t, 'order', 'reserve');
      expect(r, t).toMatchObject({ sku: PINNED, contextSku: null });
      expect(r.reason).toBe(`sku: a reservation while ${PINNED} is pinned → ${PINNED}`);
    }
  });

  it('leaves a bare order to buy as it was: none named, the pinned product assumed', () => {
    for (const t of ['+1', 'mine', 'quero', 'aku mau']) expect(ctx(t, 'order', 'buy'), t).toMatchObject({ sku: null, contextSku: PINNED });
    // and a reservation without a sub-intent (no model) is an order like any other
    expect(ctx('guarda uma pra mim', 'order', null)).toMatchObject({ sku: null, contextSku: PINNED });
  });

  it('needs a pinned product, and does not override what the comment names or a family that fits several', () => {
    expect(ctx('save one for me', 'order', 'reserve', null)).toMatchObject({ sku: null, contextSku: null });
    expect(ctx('hold the bulbs for me', 'order', 'reserve')).toMatchObject({ sku: 'LMP-BLB-4' });
    expect(ctx('hold an arc floor lamp for me', 'order', 'reserve')).toMatchObject({ sku: null });
  });

  it('stands beside the learned step unless the step vetoes it', () => {
    expect(ctx('save one for me', 'order', 'reserve', PINNED, { p: 0.5, threshold: 0.8, veto: 0.2 })).toMatchObject({ sku: PINNED });
    expect(ctx('save one for me', 'order', 'reserve', PINNED, { p: 0.1, threshold: 0.8, veto: 0.2 })).toMatchObject({ sku: null, contextSku: PINNED });
  });
});
