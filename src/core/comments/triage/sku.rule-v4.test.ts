// Rule v4 (test/data/sku-rule-v4.md part B): a word that fits the pinned product and its variants alike — its family,
// a name or alias it shares with its siblings, its on-screen number when that number has several variants — without
// naming another variant, stands for the product on screen as "it" does. Not when it points away ("the other one",
// "the one from before"), not for a family the pinned product is not part of, and a complaint about something already
// bought naming only a family stays none. Invented catalog and comments (general phrases, not corpus lines).
import { describe, expect, it } from 'vitest';
import { compileSkuMatcher } from './sku.matcher';
import { skuInContext } from './sku.context';
import { normalizeText } from './text.normalize';
import type { Intent, SubIntent, TriageCatalog } from './triage.types';

// a camping shop: a backpack in two colours (#1), a headlamp line in two colours with a shared alias (#2), a mug (#3),
// a stove, small and large in black and large in red (#4)
const CAMP: TriageCatalog = {
  products: [
    { sku: 'BPK-OLV', name: 'Trail Backpack Olive', family: 'Trail Backpack', colour: 'olive', onScreen: '1', aliases: [] },
    { sku: 'BPK-SND', name: 'Trail Backpack Sand', family: 'Trail Backpack', colour: 'sand', onScreen: '1', aliases: [] },
    { sku: 'HDL-EMR', name: 'Vega Headlamp Emerald', family: 'Vega Headlamp', colour: 'emerald', onScreen: '2', aliases: ['vega'] },
    { sku: 'HDL-RBY', name: 'Vega Headlamp Ruby', family: 'Vega Headlamp', colour: 'ruby', onScreen: '2', aliases: ['vega'] },
    { sku: 'MUG-ENM', name: 'Enamel Camp Mug', onScreen: '3', aliases: [] },
    { sku: 'STV-S', name: 'Pocket Stove Small', family: 'Pocket Stove', colour: 'black', size: 'small', onScreen: '4', aliases: [] },
    { sku: 'STV-L', name: 'Pocket Stove Large', family: 'Pocket Stove', colour: 'black', size: 'large', onScreen: '4', aliases: [] },
    { sku: 'STV-LR', name: 'Pocket Stove Large Red', family: 'Pocket Stove', colour: 'red', size: 'large', onScreen: '4', aliases: [] },
  ],
  offers: [],
};
const m = compileSkuMatcher(CAMP);
const ctx = (t: string, intent: Intent, pinned: string | null, sub: SubIntent | null = null) => skuInContext(m.match(normalizeText(t), pinned), intent, pinned, null, sub);

describe('rule v4: a word that fits the pinned product and its variants alike → the pinned product', () => {
  it('a family word in a question or an order, in each language, with a reason the moderator reads', () => {
    const cases: Array<[string, Intent, SubIntent | null]> = [
      ['how much is the backpack?', 'question', null],
      ['is the backpack waterproof', 'question', null],
      ["i'll take the backpack", 'order', 'buy'],
      ['backpack pls', 'order', 'buy'],
      ['la mochila es impermeable?', 'question', null],
      ['quanto custa a mochila?', 'question', null],
      ['ransel 1 ya kak', 'order', 'buy'],
    ];
    for (const [t, intent, sub] of cases) {
      const r = ctx(t, intent, 'BPK-OLV', sub);
      expect(r, t).toMatchObject({ sku: 'BPK-OLV', contextSku: null, candidates: [] });
      expect(r.reason, t).toMatch(/^sku: “[^”]+” fits the pinned BPK-OLV and its variants alike, no other named → BPK-OLV$/);
    }
  });

  it('an alias or name word the variants share, and an on-screen number with several variants', () => {
    expect(ctx('is the vega rechargeable?', 'question', 'HDL-RBY')).toMatchObject({ sku: 'HDL-RBY' });
    expect(ctx('vega headlamp 2 pcs', 'order', 'HDL-EMR', 'buy')).toMatchObject({ sku: 'HDL-EMR' });
    expect(ctx('#1 still in stock?', 'question', 'BPK-SND')).toMatchObject({ sku: 'BPK-SND' });
    expect(ctx('how much is the stove', 'question', 'STV-L')).toMatchObject({ sku: 'STV-L' });
  });

  it('not when another variant is named: that variant, or several → none with the candidates', () => {
    expect(ctx('is the sand backpack in stock?', 'question', 'BPK-OLV')).toMatchObject({ sku: 'BPK-SND' });
    const both = ctx('backpack in olive or sand?', 'question', 'BPK-OLV');
    expect(both).toMatchObject({ sku: null });
    expect(both.candidates).toEqual(expect.arrayContaining(['BPK-OLV', 'BPK-SND']));
    // two products named: none
    expect(ctx('the backpack and the mug', 'order', 'BPK-OLV', 'buy')).toMatchObject({ sku: null });
  });

  it('not when the words point away from the product on screen', () => {
    for (const t of ['how much was the other backpack?', 'the backpack from before pls', 'is the previous backpack still available', 'la otra mochila cuánto', 'quero a outra mochila', 'ransel yg tadi berapa', 'ransel yang lain ada?', 'which backpack is lighter?', 'what is the difference between the backpacks', 'ok next, enough backpack']) {
      const r = ctx(t, t.includes('pls') || t.startsWith('quero') ? 'order' : 'question', 'BPK-OLV', t.includes('pls') || t.startsWith('quero') ? 'buy' : null);
      expect(r, t).toMatchObject({ sku: null });
      expect(r.candidates.length, t).toBeGreaterThan(1);
    }
  });

  it('not in a question about shipping, payment or the show, nor in a remark (the kind of product or the viewer\'s life as often)', () => {
    for (const t of ['do you ship backpacks to chile?', 'can i pay the backpack by card?']) expect(ctx(t, 'question', 'BPK-OLV'), t).toMatchObject({ sku: null, contextSku: 'BPK-OLV' });
    for (const t of ['my dad carried a backpack like that for 20 years', 'love the backpack']) expect(ctx(t, 'other', 'BPK-OLV'), t).toMatchObject({ sku: null, contextSku: 'BPK-OLV' });
  });

  it('not for a family the pinned product is not part of, nor without a pinned product', () => {
    expect(ctx('how much is the backpack?', 'question', 'HDL-EMR')).toMatchObject({ sku: null, contextSku: null });
    expect(ctx('how much is the backpack?', 'question', null)).toMatchObject({ sku: null, contextSku: null });
    expect(ctx('how much is the backpack?', 'question', null).candidates).toHaveLength(2);
  });

  it('a complaint naming only a family stays none, the pinned product only assumed: about something already bought, or the stream', () => {
    for (const sub of ['defect', 'delivery', 'cancel_refund', 'checkout', 'host_stream', null] as const) {
      const r = ctx('my backpack came torn', 'complaint', 'BPK-OLV', sub);
      expect(r, String(sub)).toMatchObject({ sku: null, contextSku: 'BPK-OLV' });
      expect(r.candidates, String(sub)).toHaveLength(2);
    }
    expect(ctx('20 minutes on the backpack already', 'complaint', 'BPK-OLV', 'host_stream')).toMatchObject({ sku: null, contextSku: 'BPK-OLV' });
  });

  it('a colour or size alone is not such a word: the one variant that has it, or none when several do', () => {
    expect(ctx('the small pls', 'order', 'STV-L', 'buy')).toMatchObject({ sku: 'STV-S' });
    // "black" alone and "large" alone each fit two stoves, the pinned one among them → none, the candidates shown
    for (const t of ['black pls', 'the large one pls']) {
      const r = ctx(t, 'order', 'STV-L', 'buy');
      expect(r, t).toMatchObject({ sku: null });
      expect(r.candidates.length, t).toBe(2);
    }
    const black = ctx('black pls', 'order', 'STV-L', 'buy');
    expect(black.candidates).toEqual(['STV-S', 'STV-L']);
    // the family word alone fits every stove alike: the pinned one; with "black" it fits two of three, a part of the
    // family named (as "2 of the cedar" names the cedar ones, not the pinned one): none
    expect(ctx('the stove pls', 'order', 'STV-L', 'buy')).toMatchObject({ sku: 'STV-L' });
    expect(ctx('the black stove pls', 'order', 'STV-L', 'buy')).toMatchObject({ sku: null });
  });

  it('spam names no product', () => {
    expect(ctx('cheap backpack at my shop link in bio', 'spam', 'BPK-OLV')).toMatchObject({ sku: null, contextSku: null });
  });
});
