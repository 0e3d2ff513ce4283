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
