// The learned model's general cues: ownership of a product, a number with a time unit, digit shapes, length.
import { describe, expect, it } from 'vitest';
import { appendModelCues } from './model.cues';
import { normalizeText } from './text.normalize';

/** Cues of a text whose product words are already masked (as the analyzer does). */
function cues(text: string): string[] {
  const words = normalizeText(text).tokens.map((t) => (t === 'prod' ? '__prod__' : t));
  const out: string[] = [];
  appendModelCues(words, out);
  return out;
}

describe('model cues', () => {
  it('marks talk about a product the viewer owns, in word order of each language', () => {
    for (const t of ['my PROD stopped working', 'mi PROD no prende', 'minha PROD quebrou', 'PROD aku mati']) expect(cues(t)).toContain('talks about a product they own');
    for (const t of ['PROD for my mom', 'want PROD', 'aku mau PROD']) expect(cues(t)).not.toContain('talks about a product they own');
  });

  it('marks a number followed by a time unit in four languages, not a quantity or a size', () => {
    for (const t of ['waited 20 minutes', 'hace 2 semanas', 'faz 3 dias', 'udah 2 minggu', 'pay in 1 hour']) expect(cues(t)).toContain('a number with a time unit');
    for (const t of ['2 please', 'size 40', 'x2 of them']) expect(cues(t)).not.toContain('a number with a time unit');
  });

  it('gives tokens with digits their shape, once each, and the length in words without emoji', () => {
    const noFrame = (t: string): string[] => cues(t).filter((c) => !/^(starts|ends) “/.test(c));
    // the normalizer splits '20k' into '20' 'k'; 'x2' stays a quantity token
    expect(noFrame('20k x2 and 20k')).toEqual(['token shape 0', 'token shape a0', '4–7 words']);
    expect(noFrame('sold 🔥🔥')).toEqual(['one word']);
    expect(noFrame('a b c d e f g h')).toEqual(['8+ words']);
    expect(cues('')).toEqual(['one word']);
  });

  it('names the words that frame the sentence, past question marks, emoji and forms of address, chat spellings as their word', () => {
    const frame = (t: string): string[] => cues(t).filter((c) => /^(starts|ends) “/.test(c));
    expect(frame('is it safe for kids kak??')).toEqual(['starts “is”', 'ends “kids”']);
    expect(frame('udh dicuci blm sis 😍')).toEqual(['starts “sudah”', 'ends “belum”']);
    expect(frame('udh dicuci blm sis 😍')).toEqual(frame('sudah dicuci belum kak?'));
    expect(frame('pls amiga ¿tiene garantía?')).toEqual(['starts “tiene”', 'ends “garantia”']);
    expect(frame('sold')).toEqual(['starts “sold”', 'ends “sold”']);
    // nothing but address, emoji and marks: no frame
    expect(frame('kak?? 😍😍')).toEqual([]);
  });

  it('names the word behind a chat spelling once, the same for every spelling of it, and never a size or a quantity', () => {
    expect(cues('vc tem q ver')).toEqual(expect.arrayContaining(['≈ “voce”', '≈ “que”']));
    expect(cues('voce tem que ver').filter((c) => c.startsWith('≈'))).toEqual(cues('vc tem q ver').filter((c) => c.startsWith('≈')));
    expect(cues('gak bisa, nggak bisa, tdk bisa').filter((c) => c.startsWith('≈'))).toEqual(['≈ “tidak”', '≈ “can”']);
    expect(cues('250 g 2 please x2 20k').filter((c) => c.startsWith('≈'))).toEqual(['≈ “please”']);
    expect(cues('ke rumah ya kak').filter((c) => c.startsWith('≈'))).toEqual([]);
  });

  it('gives an everyday word the same feature in all four languages, and leaves out forms that mean something else in another', () => {
    const same = (t: string): string[] => cues(t).filter((c) => c.startsWith('≈'));
    for (const t of ['it broke', 'se rompió', 'quebrou', 'udah rusak']) expect(same(t)).toContain('≈ “broken”');
    for (const t of ['still not here', 'todavía nada', 'ainda nada', 'masih belum']) expect(same(t)).toContain('≈ “still”');
    expect(same('cuánto cuesta')).toEqual(same('quanto custa'));
    expect(same('berapa harganya')).toEqual(['≈ “how much”']);
    // Portuguese "mau" (bad) and "rota" (route) are not Indonesian "want" or Spanish "broken"
    expect(same('mau atendimento na rota')).toEqual([]);
  });

  it('reads food and body words of defect complaints alike in the four languages, and leaves ambiguous ones out', () => {
    const same = (t: string): string[] => cues(t).filter((c) => c.startsWith('≈'));
    for (const t of ['it expired', 'ya venció, está vencido', 'veio vencido', 'udah kadaluarsa']) expect(same(t)).toContain('≈ “expiry”');
    for (const t of ['smells rotten', 'huele a podrido', 'tá estragado', 'udah basi']) expect(same(t)).toContain('≈ “spoiled”');
    for (const t of ['my stomach hurts', 'me duele la panza', 'minha barriga dói', 'perut sakit']) expect(same(t)).toContain('≈ “hurts”');
    for (const t of ['got a rash', 'me salieron ronchas', 'deu coceira', 'jadi gatal']) expect(same(t)).toContain('≈ “rash”');
    // Spanish "pica" is spicy as often as itchy: no feature
    expect(same('la salsa pica')).not.toContain('≈ “rash”');
  });
});

