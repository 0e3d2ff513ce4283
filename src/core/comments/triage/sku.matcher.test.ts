import { describe, expect, it } from 'vitest';
import { compileSkuMatcher, withinOneEdit } from './sku.matcher';
import { normalizeText } from './text.normalize';
import { GLOW_CATALOG } from './triage.fixtures';
import type { TriageCatalog } from './triage.types';

const m = compileSkuMatcher(GLOW_CATALOG);
const sku = (t: string, pinned?: string | null): string | null => m.match(normalizeText(t), pinned).sku;
const offer = (t: string): string | null => m.match(normalizeText(t)).offerCode;

describe('sku.matcher', () => {
  it('matches names and aliases in any of the four languages', () => {
    expect(sku('+1 nude')).toBe('LIP-TINT-NUDE');
    expect(sku('quiero el rojo')).toBe('LIP-TINT-RED');
    expect(sku('eu quero o VERMELHOOO')).toBe('LIP-TINT-RED');
    expect(sku('mau yang merah kak')).toBe('LIP-TINT-RED');
    expect(sku('need the sun stick asap')).toBe('SPF-50-STK');
    expect(sku('quero o protetor solar')).toBe('SPF-50-STK');
    expect(sku('Glow Serum 50 ml pls')).toBe('GLW-SER-50');
  });

  it('resolves sizes: alias vs number, and a bare number when the family fits', () => {
    expect(sku('serum pls')).toBe('GLW-SER-30');
    expect(sku('serum 50ml')).toBe('GLW-SER-50');
    expect(sku('serum 50 kapan restock?')).toBe('GLW-SER-50');
    expect(sku('el de 50 cuánto cuesta?')).toBe('GLW-SER-50');
    expect(sku('i want the big one')).toBe('GLW-SER-50');
    // "spf 50" is the stick, not the 50 ml serum
    expect(sku('what spf is the stick? 50?')).toBe('SPF-50-STK');
  });

  it('numbers that are prices, durations or quantities are not sizes', () => {
    expect(sku('R$30 de frete??')).toBeNull();
    expect(sku('waiting 30 days already')).toBeNull();
    expect(sku('dobro seu dinheiro em 24h')).toBeNull();
  });

  it('on-screen numbers: unique → sku, shared by colours → null (ambiguous)', () => {
    expect(sku('#3!!')).toBe('SPF-50-STK');
    expect(sku('mau nomor 3 kak')).toBe('SPF-50-STK');
    expect(sku('i want item 3')).toBe('SPF-50-STK');
    expect(sku('#1 pls')).toBe('BNDL-GLOW-KIT');
    expect(sku('#2')).toBeNull();
    expect(sku('no 2 pls')).toBeNull();
    expect(sku('#2 nude')).toBe('LIP-TINT-NUDE');
    const r = m.match(normalizeText('#2'));
    expect(r.candidates.sort()).toEqual(['LIP-TINT-BERRY', 'LIP-TINT-NUDE', 'LIP-TINT-RED']);
    expect(r.mentioned).toBe(true);
  });

  it('several products named → null; a family term alone → null', () => {
    expect(sku('want the red and the sun stick')).toBeNull();
    expect(sku('2x nude 1x red pls')).toBeNull();
    expect(sku('both sizes of serum pls, 30 for travel 50 for home')).toBeNull();
    expect(sku('is the lip tint transferproof?')).toBeNull();
  });

  it('a bundle wins over its contents', () => {
    expect(sku('can i get the kit in berry?')).toBe('BNDL-GLOW-KIT');
    expect(sku('el kit trae el sérum de 30 o el de 50?')).toBe('BNDL-GLOW-KIT');
  });

  it('pinned product for "this one" / "yang ini" / "este" / "esse"', () => {
    expect(sku('this one!!', 'SPF-50-STK')).toBe('SPF-50-STK');
    expect(sku('mau yang ini kak', 'GLW-SER-50')).toBe('GLW-SER-50');
    expect(sku('me llevo este', 'GLW-SER-30')).toBe('GLW-SER-30');
    expect(sku('quero esse', 'GLW-SER-30')).toBe('GLW-SER-30');
    expect(sku('this one!!', null)).toBeNull();
    // an explicit product beats the pin; "this" inside a sentence is not a pointer
    expect(sku('this one in red', 'SPF-50-STK')).toBe('LIP-TINT-RED');
    expect(sku('this is my favourite live', 'SPF-50-STK')).toBeNull();
    // a family + "this one" resolves to the pinned colour
    expect(sku('this one, the lip tint', 'LIP-TINT-BERRY')).toBe('LIP-TINT-BERRY');
  });

  it('offer codes are case-insensitive and imply the bundle unless a product is named', () => {
    expect(offer('code liveglow not working')).toBe('LIVEGLOW');
    expect(sku('code LiveGlow not working')).toBe('BNDL-GLOW-KIT');
    expect(offer('#LIVEGLOW')).toBe('LIVEGLOW');
    expect(sku('does LIVEGLOW work on the sun stick?')).toBe('SPF-50-STK');
    expect(offer('does LIVEGLOW work on the sun stick?')).toBe('LIVEGLOW');
    expect(offer('the pouch is so cute')).toBe('LIVEGLOW');
    // "the code" when the show has a single offer
    expect(offer('how do I use the code?')).toBe('LIVEGLOW');
    expect(offer('i want the nude')).toBeNull();
  });

  it('forgives a one-letter typo in long aliases only', () => {
    expect(sku('kak mau yg merh 1')).toBe('LIP-TINT-RED');
    expect(sku('jasa tambah followers murah')).toBeNull();
    expect(withinOneEdit('vermlho', 'vermelho')).toBe(true);
    expect(withinOneEdit('abc', 'xyz')).toBe(false);
  });

  it('plurals match', () => {
    expect(sku('2 kits pls')).toBe('BNDL-GLOW-KIT');
    expect(sku('how many pouches left?')).toBe('BNDL-GLOW-KIT');
  });

  it('works with another catalog (no hard-coded SKUs)', () => {
    const cat: TriageCatalog = {
      products: [
        { sku: 'SNK-W-38', name: 'Runner White 38', aliases: ['runner', 'white', 'blanco', 'branco', 'putih', '38'], onScreen: '#4' },
        { sku: 'SNK-W-40', name: 'Runner White 40', aliases: ['runner', 'white', 'blanco', 'branco', 'putih', '40'], onScreen: '#4' },
      ],
      offers: [{ code: 'RUN10', skus: [], aliases: [] }],
    };
    const mm = compileSkuMatcher(cat);
    expect(mm.match(normalizeText('runner 40 pls')).sku).toBe('SNK-W-40');
    expect(mm.match(normalizeText('#4 putih')).sku).toBeNull();
    expect(mm.match(normalizeText('run10 works?')).offerCode).toBe('RUN10');
    expect(mm.match(normalizeText('run10 works?')).sku).toBeNull();
  });
});
