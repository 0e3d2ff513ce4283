// Session-17 family vocabulary on an invented pantry, grooming, bridal, nail, modest-wear and costume shop (not any
// show's data): a catalog names its products in English once; viewers write the product type in their own language.
import { describe, expect, it } from 'vitest';
import { compileSkuMatcher } from './sku.matcher';
import { normalizeText } from './text.normalize';
import type { TriageCatalog } from './triage.types';

const SHOP: TriageCatalog = {
  products: [
    { sku: 'BRO-1', name: 'Harvest Chicken Broth', family: 'broth', onScreen: '#1', aliases: [] },
    { sku: 'SPC-8', name: 'Eight Spice Rack', family: 'spice rack', onScreen: '#2', aliases: [] },
    { sku: 'HSC-1', name: 'Lava Hot Sauce', family: 'hot sauce', onScreen: '#3', aliases: [] },
    { sku: 'ASB-1', name: 'Glacier Aftershave Balm', family: 'aftershave balm', onScreen: '#4', aliases: [] },
    { sku: 'VEL-1', name: 'Lumen Lace Veil', family: 'veil', colour: 'ivory', onScreen: '#5', aliases: [] },
    { sku: 'FAV-1', name: 'Tiny Jam Jar Favours', family: 'guest favours', onScreen: '#6', aliases: [] },
    { sku: 'GEL-1', name: 'Prism Gel Polish', family: 'gel polish', colour: 'red', onScreen: '#7', aliases: [] },
    { sku: 'HJB-1', name: 'Breeze Voile Hijab', family: 'hijab', colour: 'sage', onScreen: '#8', aliases: [] },
    { sku: 'WIG-1', name: 'Starlight Long Wig', family: 'wig', colour: 'pink', onScreen: '#9', aliases: [] },
    { sku: 'SHT-1', name: 'Knit Polo Shirt', family: 'shirt', colour: 'blue', onScreen: '#10', aliases: [] },
  ],
  offers: [],
};
const m = compileSkuMatcher(SHOP);
const sku = (t: string, pinned: string | null = null): string | null => m.match(normalizeText(t), pinned).sku;

describe('product types written in the viewer’s language', () => {
  it('pantry words: broth, spices, the Indonesian spoken spelling of sambal', () => {
    expect(sku('me llevo 3 caldos')).toBe('BRO-1');
    expect(sku('kaldunya tahan berapa lama kak')).toBe('BRO-1');
    expect(sku('quantos potes vem no kit de temperos')).toBe('SPC-8');
    expect(sku('el especiero trae frascos?')).toBe('SPC-8');
    expect(sku('sambelnya pedes banget ga')).toBe('HSC-1');
  });
  it('grooming, bridal and nail words', () => {
    expect(sku('guardame un balsamo porfa')).toBe('ASB-1');
    expect(sku('o pós-barba arde?')).toBe('ASB-1');
    expect(sku('o véu é comprido?')).toBe('VEL-1');
    expect(sku('quero 50 lembrancinhas')).toBe('FAV-1');
    expect(sku('el esmalte en gel dura cuanto')).toBe('GEL-1');
  });
  it('modest wear and costume words', () => {
    expect(sku('kerudungnya adem ga kak')).toBe('HJB-1');
    expect(sku('la peluca se puede planchar?')).toBe('WIG-1');
    expect(sku('a peruca é de fibra?')).toBe('WIG-1');
  });
  it('“por favor” is a request, not a favour', () => {
    expect(sku('azul, quero 3 por favor')).toBe('SHT-1');
  });
});

// Two variants that differ by their finish word only: the finish in the viewer's language picks one.
const FINISHES: TriageCatalog = {
  products: [
    { sku: 'WAX-MAT', name: 'Ridge Matte Hair Wax 80 g', family: 'hair wax', size: '80 g', onScreen: '#1', aliases: [] },
    { sku: 'WAX-SHN', name: 'Ridge Shine Hair Wax 80 g', family: 'hair wax', size: '80 g', onScreen: '#1', aliases: [] },
  ],
  offers: [],
};
const f = compileSkuMatcher(FINISHES);

describe('a finish word that tells variants apart', () => {
  it('shine in es/pt/id picks the shine variant', () => {
    expect(f.match(normalizeText('la de brillo para mi'), 'WAX-MAT').sku).toBe('WAX-SHN');
    expect(f.match(normalizeText('quero a brilhosa'), 'WAX-MAT').sku).toBe('WAX-SHN');
    expect(f.match(normalizeText('yg mengkilap 1'), 'WAX-MAT').sku).toBe('WAX-SHN');
  });
});
