// Session-15 matcher mechanisms on an invented electronics-and-sleepwear catalog (not any show's data): model codes
// read from names, number aliases with other languages' articles, shades named by their everyday colour, family
// words of sleepwear and PC parts, a word standing for the pinned product beside a family word, and Spanish/Portuguese
// nouns that only look like a verb with a clitic.
import { describe, expect, it } from 'vitest';
import { modelCodesOf } from './sku.catalog-index';
import { compileSkuMatcher } from './sku.matcher';
import { skuInContext } from './sku.context';
import { onScreenCue } from './sku.on-screen';
import { normalizeText } from './text.normalize';
import type { TriageCatalog } from './triage.types';

const SHOP: TriageCatalog = {
  products: [
    { sku: 'GPU-ZX580', name: 'Kestrel ZX 580 12 GB graphics card', family: 'graphics card', onScreen: '#1', aliases: ['the 580', 'the kestrel'] },
    { sku: 'DRV-1TB', name: 'Orbit OB3 NVMe drive 1 TB', family: 'drive', size: '1 TB', onScreen: '#2', aliases: [] },
    { sku: 'DRV-3TB', name: 'Orbit OB3 NVMe drive 3 TB', family: 'drive', size: '3 TB', onScreen: '#2', aliases: [] },
    { sku: 'PSU-750', name: 'Volt 750 W power supply', family: 'power supply', size: '750 W', onScreen: '#3', aliases: [] },
    { sku: 'PSU-950', name: 'Volt 950 W power supply', family: 'power supply', size: '950 W', onScreen: '#3', aliases: [] },
    { sku: 'LNG-OAT', name: 'Linen Lounge Set - Oat', family: 'lounge set', colour: 'oat', onScreen: '#4', aliases: [] },
    { sku: 'LNG-BLK', name: 'Linen Lounge Set - Black', family: 'lounge set', colour: 'black', onScreen: '#4', aliases: [] },
    { sku: 'PJ-BLS', name: 'Silky Pyjama Set - Blush', family: 'pyjama set', colour: 'blush', onScreen: '#5', aliases: [] },
    { sku: 'PJ-NAV', name: 'Silky Pyjama Set - Navy', family: 'pyjama set', colour: 'navy', onScreen: '#5', aliases: [] },
    { sku: 'NG-LAV', name: 'Cotton Nightgown - Lavender', family: 'nightgown', colour: 'lavender', onScreen: '#6', aliases: [] },
    { sku: 'MSK-01', name: 'Silk Sleep Mask', family: 'sleep mask', onScreen: '#7', aliases: [] },
    { sku: 'BAG-RED', name: 'Trail Backpack Red', family: 'backpack', colour: 'red', onScreen: '#8', aliases: [] },
    { sku: 'BAG-GRN', name: 'Trail Backpack Green', family: 'backpack', colour: 'green', onScreen: '#8', aliases: [] },
  ],
  offers: [],
};
const m = compileSkuMatcher(SHOP);
const match = (t: string, pinned: string | null = null) => m.match(normalizeText(t), pinned);
const sku = (t: string, pinned: string | null = null) => match(t, pinned).sku;

describe('model codes and number aliases from the catalog', () => {
  it('reads a model code from a name: letters joined to a number, or capitals before one; not the family word before the size', () => {
    expect(modelCodesOf('Kestrel ZX 580 12 GB graphics card', null, 'graphics card')).toEqual(['ZX 580']);
    expect(modelCodesOf('Orbit OB3 NVMe drive 3 TB', '3 TB', 'drive')).toEqual(['OB 3']);
    expect(modelCodesOf('Nova SSD 500 GB', '500 GB', 'ssd')).toEqual([]);
    expect(modelCodesOf('Gold Star 650 W', '650 W', 'psu')).toEqual([]);
    expect(modelCodesOf('Lamp (model LX 20)', null, 'lamp')).toEqual([]);
  });

  it('a model code written joined or apart names its product', () => {
    expect(sku('zx580 satu kak')).toBe('GPU-ZX580');
    expect(sku('la zx 580 si hay restock')).toBe('GPU-ZX580');
    // a code several variants share names the family; with the size, the variant
    expect(match('ob3 pls').candidates).toEqual(['DRV-1TB', 'DRV-3TB']);
    expect(sku('ob3 de 3tb para mí')).toBe('DRV-3TB');
  });

  it('an alias "the 580" is said with other languages\' articles; the bare number stays a quantity', () => {
    for (const t of ['una 580 para mí', 'a 580 uma pra mim', 'yg 580 kak', 'la 580 porfa']) expect(sku(t)).toBe('GPU-ZX580');
    expect(sku('580 pls')).toBeNull();
  });
});

describe('shades and families in the four languages', () => {
  it('a shade answers to its everyday colour (oat → beige, blush → pink, lavender → purple)', () => {
    expect(sku('el beige en S')).toBe('LNG-OAT');
    expect(sku('yg krem kak')).toBe('LNG-OAT');
    expect(sku('o bege pra mim')).toBe('LNG-OAT');
    expect(sku('el color avena')).toBe('LNG-OAT');
    expect(sku('the pink one', 'PJ-NAV')).toBe('PJ-BLS');
    expect(sku('rosinha P', 'PJ-BLS')).toBe('PJ-BLS');
  });

  it('sleepwear and PC-part family words', () => {
    expect(sku('el camisón lila talla M')).toBe('NG-LAV');
    expect(sku('quero a camisola')).toBe('NG-LAV');
    expect(sku('el antifaz uno para mí')).toBe('MSK-01');
    expect(sku('a máscara de dormir 1')).toBe('MSK-01');
    expect(sku('placa de video pra mim')).toBe('GPU-ZX580');
    expect(sku('vga satu kak')).toBe('GPU-ZX580');
    expect(match('fuente de poder?').candidates).toEqual(['PSU-750', 'PSU-950']);
  });
});

describe('a word standing for the pinned product beside a family word', () => {
  it('a question with it → the pinned one; without it, or not a question → none named, the pinned one assumed', () => {
    for (const t of ['is it a real backpack or a tote?', 'harga backpacknya brp kak', 'does it have a laptop sleeve like a backpack?']) {
      const r = match(t, 'BAG-GRN');
      expect(r.pinnedPronoun).not.toBeNull();
      const cx = skuInContext(r, 'question', 'BAG-GRN');
      expect(cx).toMatchObject({ sku: 'BAG-GRN', contextSku: null });
      expect(cx.reason).toContain('a word standing for the product on screen');
    }
    expect(skuInContext(match('is the backpack waterproof?', 'BAG-GRN'), 'question', 'BAG-GRN')).toMatchObject({ sku: null, contextSku: 'BAG-GRN' });
    expect(skuInContext(match('my backpack broke, it tore', 'BAG-GRN'), 'complaint', 'BAG-GRN')).toMatchObject({ sku: null });
    // the pinned product is not among what the words fit: unchanged
    expect(match('is it a real backpack?', 'MSK-01').pinnedPronoun).toBeNull();
  });

  it('the family named with its article first is what "it" stands for: several fit → none, the pinned one assumed (session 16)', () => {
    for (const t of ['does the backpack have a laptop sleeve or is it just a pocket', 'la mochila entra en cabina o hay que documentarla', 'o backpack é bom? ele aguenta chuva?']) {
      const r = match(t, 'BAG-GRN');
      expect(r.pinnedPronoun).toBeNull();
      expect(skuInContext(r, 'question', 'BAG-GRN')).toMatchObject({ sku: null, contextSku: 'BAG-GRN' });
    }
    // the pronoun first, or the family without an article, still stands for the pinned one
    for (const t of ['is it a real backpack or a tote?', 'does it fit a laptop like a backpack should?']) expect(match(t, 'BAG-GRN').pinnedPronoun).not.toBeNull();
  });

  it('"bedanya" (the difference) is not "its"; a noun spelled like a verb + clitic is no pronoun', () => {
    expect(onScreenCue(normalizeText('bedanya yg merah sama hijau apa'))).toBe('question');
    for (const t of ['quanto ta a mochila', 'tem esse modelo em azul?', 'mi abuela lo ama', 'tem amarelo?']) expect(onScreenCue(normalizeText(t))).not.toBe('pronoun');
    // a real clitic still is: "cómprala", "vou levá-lo", "quiero probarlo"
    for (const t of ['quiero probarlo', 'mandala ya', 'vou comprala']) expect(onScreenCue(normalizeText(t))).toBe('pronoun');
  });
});

describe('numbers and colours that are the stream\'s or the checkout\'s (session 16)', () => {
  it('a number after an error or status code word is no size or product', () => {
    for (const t of ['no me deja pagar, error 750', 'deu erro 750 no checkout', 'kode 750 pas bayar kak']) expect(match(t, 'PSU-950').sku).toBeNull();
    expect(sku('the 750 w one pls')).toBe('PSU-750');
  });

  it('a colour up to three words after a screen word is the screen\'s ("screen is just black")', () => {
    expect(match('it says live but the screen is just black??', 'BAG-GRN').sku).toBeNull();
    expect(match('screen went all green', 'BAG-RED').sku).toBeNull();
    expect(sku('the green backpack pls')).toBe('BAG-GRN');
  });
});
