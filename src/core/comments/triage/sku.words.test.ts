import { describe, expect, it } from 'vitest';
import { compileSkuMatcher } from './sku.matcher';
import { normalizeText } from './text.normalize';
import type { TriageCatalog } from './triage.types';

// An invented rain-jacket show: colour and size live in fields, aliases are the brand's English names only.
const JACKETS: TriageCatalog = {
  products: [
    { sku: 'RJ-BLK-M', name: 'Drizzle Shell Jacket', family: 'jacket', colour: 'black', size: 'M', onScreen: '#1', aliases: ['Drizzle'] },
    { sku: 'RJ-BLK-L', name: 'Drizzle Shell Jacket', family: 'jacket', colour: 'black', size: 'L', onScreen: '#1', aliases: ['Drizzle'] },
    { sku: 'RJ-YEL-M', name: 'Drizzle Shell Jacket', family: 'jacket', colour: 'yellow', size: 'M', onScreen: '#1', aliases: ['Drizzle'] },
    { sku: 'UMB-NVY', name: 'Canopy Umbrella', family: 'umbrella', colour: 'navy', size: null, onScreen: '#2', aliases: ['Canopy'] },
  ],
  offers: [{ code: 'RAINY10', skus: [], aliases: [] }],
};
const m = compileSkuMatcher(JACKETS);
const sku = (t: string, pinned: string | null = null): string | null => m.match(normalizeText(t), pinned).sku;

describe('SKU matching on a catalog it has never seen', () => {
  it('knows colour words in four languages', () => {
    expect(sku('drizzle amarilla talla M')).toBe('RJ-YEL-M');
    expect(sku('mau drizzle kuning kak')).toBe('RJ-YEL-M');
    expect(sku('quero o canopy azul marinho')).toBe('UMB-NVY');
  });
  it('narrows family + colour + size, and leaves several fitting SKUs to the moderator', () => {
    expect(sku('+1 jacket black L')).toBe('RJ-BLK-L');
    const r = m.match(normalizeText('+1 jacket black'), null);
    expect(r.sku).toBeNull();
    expect(r.candidates.sort()).toEqual(['RJ-BLK-L', 'RJ-BLK-M']);
  });
  it('resolves "the one you are holding" and a colour against the pinned product', () => {
    expect(sku("I'll take the one you're holding", 'UMB-NVY')).toBe('UMB-NVY');
    expect(sku('la negra talla L', 'RJ-YEL-M')).toBe('RJ-BLK-L');
  });
  it('a bare letter alone names nothing; the offer words name the only offer', () => {
    expect(sku('M')).toBeNull();
    expect(m.match(normalizeText('is the combo still on?'), null).offerCode).toBe('RAINY10');
  });
});

// An invented garden-tools show: family/colour/size fields only, English aliases, a bundle that is not a product.
const GARDEN: TriageCatalog = {
  products: [
    { sku: 'GLV-GRN-S', name: 'Thornproof Gloves', family: 'gloves', colour: 'green', size: 'S', onScreen: '#1', aliases: ['Thornproof'] },
    { sku: 'GLV-GRN-XL', name: 'Thornproof Gloves', family: 'gloves', colour: 'green', size: 'XL', onScreen: '#1', aliases: ['Thornproof'] },
    { sku: 'GLV-GRY-L', name: 'Thornproof Gloves', family: 'gloves', colour: 'grey', size: 'L', onScreen: '#1', aliases: ['Thornproof'] },
    { sku: 'HAT-SUN', name: 'Shade Sun Hat', family: 'hat', colour: 'tan', size: null, onScreen: '#2', aliases: ['Shade hat'] },
    { sku: 'SOIL-5', name: 'Rootrich Potting Soil 5 kg', family: 'soil', colour: null, size: '5 kg', onScreen: '#3', aliases: ['Rootrich'] },
    { sku: 'SOIL-20', name: 'Rootrich Potting Soil 20 kg', family: 'soil', colour: null, size: '20 kg', onScreen: '#3', aliases: ['Rootrich'] },
  ],
  offers: [{ code: 'GROWKIT10', skus: ['BNDL-GLV-HAT'], aliases: [] }],
};
const g = compileSkuMatcher(GARDEN);
const gs = (t: string, pinned: string | null = null): string | null => g.match(normalizeText(t), pinned).sku;

describe('SKU matching: catalog-driven generalisation', () => {
  it('knows the family in other languages', () => {
    expect(gs('quiero el sombrero')).toBe('HAT-SUN');
    expect(gs('mau topi nya kak')).toBe('HAT-SUN');
  });
  it('two colours or two sizes that fit different SKUs → none, with the candidates', () => {
    expect(gs('thornproof green and grey please')).toBeNull();
    const r = g.match(normalizeText('ordered thornproof L got S'), null);
    expect(r.sku).toBeNull();
    expect(r.candidates.sort()).toEqual(['GLV-GRN-S', 'GLV-GRY-L']);
  });
  it('a product named beside another product → none', () => {
    expect(gs('the hat and the rootrich 5 kg')).toBeNull();
  });
  it('the deal named by its code is not one product', () => {
    const r = g.match(normalizeText('GROWKIT10 with the hat pls'), null);
    expect(r.sku).toBeNull();
    expect(r.offerCode).toBe('GROWKIT10');
  });
  it('offer codes forgive spaces, one typo and look-alike digits', () => {
    expect(g.match(normalizeText('grow kit 10 not working'), null).offerCode).toBe('GROWKIT10');
    expect(g.match(normalizeText('gr0wkit10?'), null).offerCode).toBe('GROWKIT10');
    expect(g.match(normalizeText('growkt10 applied'), null).offerCode).toBe('GROWKIT10');
  });
  it('Brazilian GG is XL, not G (L); a unit can be written out', () => {
    expect(gs('luvas verdes GG')).toBe('GLV-GRN-XL');
    expect(gs('rootrich 20 kilos')).toBe('SOIL-20');
  });
  it('ordinals after a determiner point at the show order', () => {
    expect(gs('the second one pls')).toBe('HAT-SUN');
    expect(gs('quiero el segundo')).toBe('HAT-SUN');
    expect(gs('wait a second')).toBeNull();
  });
  it('short colour words do not forgive typos; adjective sizes alone name nothing', () => {
    expect(gs('follow back pls')).toBeNull();
    expect(gs('the sound is small today')).toBeNull();
    expect(gs('thornproof verde small')).toBe('GLV-GRN-S');
  });
  it('a pointing word anywhere takes the pinned product, but not when it is about the stream', () => {
    expect(gs('does this come with a strap?', 'HAT-SUN')).toBe('HAT-SUN');
    expect(gs('this live is so fun', 'HAT-SUN')).toBeNull();
  });
});

describe('variant words in four languages', () => {
  const SAUCE: TriageCatalog = {
    products: [
      { sku: 'MAYO-ORIG', name: 'Velvet Mayo Original', family: 'mayo', colour: null, size: '300 g', onScreen: '#1', aliases: [] },
      { sku: 'MAYO-SPICY-300', name: 'Velvet Mayo Spicy', family: 'mayo', colour: null, size: '300 g', onScreen: '#1', aliases: [] },
      { sku: 'MAYO-SPICY-1K', name: 'Velvet Mayo Spicy', family: 'mayo', colour: null, size: '1 kg', onScreen: '#1', aliases: [] },
    ],
    offers: [],
  };
  const v = compileSkuMatcher(SAUCE);
  it('a variant word in another language narrows, and a written-out unit picks the size', () => {
    expect(v.match(normalizeText('velvet pedas 1 kilo'), null).sku).toBe('MAYO-SPICY-1K');
    expect(v.match(normalizeText('velvet picante'), null).sku).toBeNull();
    expect(v.match(normalizeText('velvet picante'), null).candidates.sort()).toEqual(['MAYO-SPICY-1K', 'MAYO-SPICY-300']);
  });
});
