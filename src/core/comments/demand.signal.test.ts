import { describe, expect, it } from 'vitest';
import { decideDemand, DEFAULT_DEMAND_POLICY, isDemandSignal, type DemandPolicy } from './demand.signal';
import type { TriageResult } from './triage/triage.types';

const order = (extra: Partial<TriageResult> = {}): Pick<TriageResult, 'intent' | 'confidence' | 'sub' | 'sku' | 'offerCode' | 'candidates'> => ({
  intent: 'order',
  confidence: 0.97,
  sub: 'buy',
  sku: 'LIP-TINT-RED',
  offerCode: null,
  ...extra,
});
const policy = (p: Partial<DemandPolicy> = {}): DemandPolicy => ({ ...DEFAULT_DEMAND_POLICY, ...p });

describe('isDemandSignal (the short fixed phrases)', () => {
  it('counts the short "I want it" comments in the show’s languages', () => {
    for (const t of ['+1', '+1 +1', 'mine!!', 'SOLD', 'sold 🙋‍♀️', 'me too', 'quero', 'Eu quero 2', 'yo quiero!', 'mío', 'aku mau', 'beli 1', 'mine x2']) {
      expect(isDemandSignal(t), t).toBe(true);
    }
  });

  it('leaves questions, complaints and anything longer to a person', () => {
    for (const t of ['aceita pix?', 'mine never arrived', 'is it sold out?', 'quero saber o frete', 'how do I buy', 'yo quiero saber el precio', 'sold out already?? this is a scam', '']) {
      expect(isDemandSignal(t), t).toBe(false);
    }
  });
});

describe('decideDemand', () => {
  it('reads an order naming a product, with nothing to answer, as demand in the four languages', () => {
    for (const [text, lang] of [
      ["I'll take the red", 'en'],
      ['red one for me 💄💄', 'en'],
      ['me llevo el rojo x2', 'es'],
      ['quero o vermelho!!', 'pt'],
      ['aku ambil yang merah 1', 'id'],
    ] as [string, string][]) {
      const v = decideDemand(text, order(), lang, policy());
      expect(v, text).not.toBeNull();
      expect(v?.close).toBe(true);
      expect(v?.reason).toMatch(/^demand signal: counted per SKU, no reply needed \(order·buy, LIP-TINT-RED/);
    }
  });

  it('an offer code, or several products that fit, still name what is wanted', () => {
    expect(decideDemand('the glow kit for me', order({ sku: null, offerCode: 'LIVEGLOW' }), 'en', policy())?.reason).toMatch(/LIVEGLOW/);
    expect(decideDemand("I'll take the pink", order({ sku: null, candidates: ['A-PNK', 'B-PNK'] }), 'en', policy())?.reason).toMatch(/one of 2 products/);
    expect(decideDemand("I'll take that one", order({ sku: null }), 'en', policy())).toBeNull();
  });

  it('leaves to a person every order that asks, complains or requests something', () => {
    for (const [text, lang] of [
      ['I want the red, is it in stock?', 'en'],
      ['how do I get the red one', 'en'],
      ['I want the red but checkout failed', 'en'],
      ['I got the red but ordered 2', 'en'],
      ['send me the link I want the red', 'en'],
      ['¿me das 2 del rojo', 'es'],
      ['quiero el rojo pero no me deja pagar', 'es'],
      ['quero o vermelho, tem frete grátis', 'pt'],
      ['me manda o link do vermelho', 'pt'],
      ['mau yang merah, bisa kirim ke bali', 'id'],
      ['tolong keep yang merah ya kak', 'id'],
      ['aku mau merah tapi belum sampai', 'id'],
      ['I want the red one for my sister because she keeps stealing mine every single time', 'en'],
      ['red one for me https://example.com', 'en'],
      ['red for me @shopper', 'en'],
      ['the red one runs big or small', 'en'],
      ['I want to know if the red runs small', 'en'],
      ['I want my money back for the red', 'en'],
      ['el rojo de 60 o 120', 'es'],
      ['o vermelho é P ou M', 'pt'],
      ['merah atau pink kak', 'id'],
    ] as [string, string][]) {
      expect(decideDemand(text, order(), lang, policy()), text).toBeNull();
    }
  });

  it('uses what triage knows: only orders, confident, bought (not reserved) unless the show adds it, in the show’s languages', () => {
    expect(decideDemand('the red', order({ intent: 'question' }), 'en', policy())).toBeNull();
    expect(decideDemand('the red', order({ confidence: 0.6 }), 'en', policy())).toBeNull();
    expect(decideDemand('the red', order({ sub: null }), 'en', policy())).toBeNull();
    expect(decideDemand('the red x1', order({ sub: 'reserve' }), 'en', policy())).toBeNull();
    expect(decideDemand('the red x1', order({ sub: 'reserve' }), 'en', policy({ subs: ['buy', 'reserve'] }))).not.toBeNull();
    expect(decideDemand('the red', order(), 'fr', policy())).toBeNull();
    expect(decideDemand('the red', order(), 'und', policy())).toBeNull();
    expect(decideDemand('quero o vermelho', order(), 'pt', policy({ languages: ['en'] }))).toBeNull();
  });

  it('the show can restrict demand to the fixed phrases, or keep demand open for a person', () => {
    expect(decideDemand("I'll take the red", order(), 'en', policy({ mode: 'phrases' }))).toBeNull();
    expect(decideDemand('+1', order({ sku: null, sub: null, confidence: 0.6 }), 'en', policy({ mode: 'phrases' }))?.close).toBe(true);
    const open = decideDemand("I'll take the red", order(), 'en', policy({ autoClose: false }));
    expect(open).toMatchObject({ close: false });
    expect(open?.reason).toMatch(/^demand signal.*left open/);
  });
});
