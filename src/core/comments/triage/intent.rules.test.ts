import { describe, expect, it } from 'vitest';
import { compileIntentRules, LEXICON } from './intent.rules';
import { normalizeText } from './text.normalize';
import type { Intent } from './triage.types';

const rules = compileIntentRules();
const none = { productTokens: new Set<number>(), mentioned: false, deictic: false };
function top(text: string, lang: 'en' | 'es' | 'pt' | 'id' | 'und'): Intent {
  const s = rules.score(normalizeText(text), lang, none).scores;
  return (Object.keys(s) as Intent[]).reduce((a, b) => (s[b] > s[a] ? b : a), 'other');
}

describe('intent.rules', () => {
  it('compiles a non-trivial lexicon', () => {
    expect(rules.size).toBeGreaterThan(500);
    expect(LEXICON.length).toBeGreaterThan(30);
  });

  it('longest phrase wins and consumes its words: "sold out" is a complaint, "sold" an order', () => {
    expect(top('sold!!', 'en')).toBe('order');
    expect(top('why is it sold out already', 'en')).toBe('complaint');
    expect(top('quiero saber el precio', 'es')).toBe('question');
    expect(top('quiero dos', 'es')).toBe('order');
    expect(top('mau tanya kak, ongkirnya berapa', 'id')).toBe('question');
  });

  it('negation cancels an order phrase', () => {
    expect(top('no quiero nada gracias', 'es')).not.toBe('order');
    expect(top('not buying again, terrible quality', 'en')).toBe('complaint');
    // pt "no" = "in the": not a negation
    expect(top('coloca no carrinho', 'pt')).toBe('order');
  });

  it('order beats complaint when both fire (labelling priority)', () => {
    expect(top('link is broken but i still want 2!!', 'en')).toBe('order');
    expect(top('o link não abre mas eu quero, guarda um pra mim', 'pt')).toBe('order');
  });

  it('structural cues: "+1", links, phone numbers, "?"', () => {
    expect(top('+1', 'und')).toBe('order');
    expect(top('free gift cards at bit.ly/abc', 'en')).toBe('spam');
    expect(top('pinjol cair cepat wa 0812xxxxxxx', 'id')).toBe('spam');
    expect(top('ship to canada?', 'en')).toBe('question');
    expect(top('hello from texas', 'en')).toBe('other');
  });

  it('Indonesian "…gak kak?" is a question tag, not a complaint', () => {
    expect(top('bisa COD gak kak?', 'id')).toBe('question');
    expect(top('lip tint nya bikin bibir kering gak kak?', 'id')).toBe('question');
    expect(top('kok gak bisa dibuka linknya', 'id')).toBe('complaint');
  });

  it('Indonesian "sudah … belum?" asks whether something has happened yet; a "belum" that is not the closing tag still complains', () => {
    expect(top('udah ada sertifikat halal belum kak?', 'id')).toBe('question');
    expect(top('sudah dicuci belum', 'id')).toBe('question');
    // "belum" inside the sentence: not arrived yet
    expect(top('udah seminggu pesanan belum nyampe kak', 'id')).toBe('complaint');
    // "udah 2 minggu … belum": a count of days, not a yes/no question
    expect(top('udah 2 minggu paketnya belum', 'id')).toBe('complaint');
    // no "sudah": a plain "not yet"
    expect(top('refund aku belum', 'id')).toBe('complaint');
  });

  it('language-scoped words do not fire in another language', () => {
    // "mau" is "want" in Indonesian but "bad" in Portuguese
    const id = rules.score(normalizeText('mau'), 'id', none).scores.order;
    const pt = rules.score(normalizeText('mau'), 'pt', none).scores.order;
    expect(id).toBeGreaterThan(pt);
  });

  it('a bare product mention is an order', () => {
    const s = rules.score(normalizeText('yooo el nude'), 'es', { productTokens: new Set([2]), mentioned: true, deictic: false });
    expect(s.hits.some((h) => h.id === 'struct:bare_product')).toBe(true);
  });

  it('many weak compliments do not outvote one strong spam cue', () => {
    expect(top('oi linda, olha meu perfil 😘🔥', 'pt')).toBe('spam');
  });
});
