import { describe, expect, it } from 'vitest';
import { foldText, MAX_CHARS, normalizeText, phraseKeys, squashElongation, squashRuns, wordKey } from './text.normalize';

describe('text.normalize', () => {
  it('lower-cases, folds accents and NFKC-folds styled letters', () => {
    expect(foldText('Sérum AÇÃO Ñandú')).toBe('serum acao nandu');
    expect(normalizeText('𝐅𝐑𝐄𝐄 𝐆𝐈𝐅𝐓').tokens).toEqual(['fre', 'gift']);
    expect(normalizeText('𝐅𝐑𝐄𝐄 𝐆𝐈𝐅𝐓').flags.fancy).toBe(true);
  });

  it('squashes elongations so "neeeed", "need" and "ned" share one key', () => {
    expect(squashRuns('neeeeed')).toBe('ned');
    expect(wordKey('need')).toBe(wordKey('neeeeeeed'));
    expect(wordKey('pleaseee')).toBe(wordKey('please'));
    expect(wordKey('VERMELHOOO'.toLowerCase())).toBe('vermelho');
    expect(squashElongation('pleaseeeee!!!!')).toBe('pleasee!!');
    expect(normalizeText('SOOOLD').flags.elongated).toBe(true);
    // digits are not squashed
    expect(normalizeText('100').tokens).toEqual(['100']);
  });

  it('strips the Indonesian enclitic -nya', () => {
    expect(normalizeText('serumnya linknya').tokens).toEqual(['serum', 'link']);
    expect(normalizeText('punya').tokens).toEqual(['punya']);
  });

  it('keeps special tokens: on-screen numbers, +1, quantities, prices', () => {
    const n = normalizeText('+1 #2 nude x2, 30ml for R$30');
    expect(n.tokens).toEqual(['+1', '#2', 'nude', 'x2', '30', 'ml', 'for', '__price__']);
    expect(normalizeText('2x red').tokens[0]).toBe('x2');
    expect(normalizeText("don't i'll").tokens).toEqual(['dont', 'il']);
  });

  it('turns emoji into pseudo tokens and flags emoji-only text', () => {
    const n = normalizeText('😍😍 🛒');
    expect(n.tokens).toEqual([':love:', ':love:', ':cart:']);
    expect(n.flags.emojiOnly).toBe(true);
    expect(normalizeText('mine 🙋🏽‍♀️').tokens).toEqual(['mine', ':hand:']);
    expect(normalizeText('ok 👍').flags.emojiOnly).toBe(false);
  });

  it('detects links (also obfuscated), handles, phone numbers, HTML — and keeps HTML as text', () => {
    expect(normalizeText('claim at bit.ly/x9').flags.url).toBe(true);
    expect(normalizeText('watch at m0vies4free . com').flags.url).toBe(true);
    expect(normalizeText('viewbot(.)net').flags.url).toBe(true);
    expect(normalizeText('a 30.5 ml bottle').flags.url).toBe(false);
    expect(normalizeText('@jess_b look').flags.handles).toBe(1);
    expect(normalizeText('email me at a@b').flags.handles).toBe(0);
    expect(normalizeText('wa 0812xxxxxxx').flags.phone).toBe(true);
    const h = normalizeText('<a href="http://x.shop">CHEAP</a>');
    expect(h.flags.html).toBe(true);
    expect(h.flags.url).toBe(true);
    expect(h.capped).toContain('<a href');
    expect(h.tokens).toContain('cheap');
  });

  it('question marks, repeated phrases, upper-case ratio', () => {
    expect(normalizeText('is it vegan? 🤔').flags.questionEnd).toBe(true);
    expect(normalizeText('¿hay envío').flags.question).toBe(true);
    expect(normalizeText('I want it').flags.questionEnd).toBe(false);
    expect(normalizeText('BUY FOLLOWERS BUY FOLLOWERS BUY FOLLOWERS').flags.repeatedPhrase).toBe(true);
    expect(normalizeText('sold sold sold').flags.repeatedPhrase).toBe(false);
    expect(normalizeText('ABC').flags.upperRatio).toBe(1);
  });

  it('caps work on huge input and never splits a surrogate pair', () => {
    const big = '😍'.repeat(6000);
    const n = normalizeText(big);
    expect(n.flags.truncated).toBe(true);
    expect(n.capped.length).toBeLessThanOrEqual(MAX_CHARS);
    expect(/[\uD800-\uDBFF]$/.test(n.capped)).toBe(false);
    expect(normalizeText('word '.repeat(5000)).tokens.length).toBeLessThanOrEqual(400);
  });

  it('handles RTL text and bidi controls without crashing', () => {
    const n = normalizeText('\u202Bمرحبا שלום\u202C hello');
    expect(n.tokens).toContain('helo');
    expect(n.flags.nonLatinLetters).toBeGreaterThan(5);
    expect(n.folded).not.toContain('\u202B');
  });

  it('phraseKeys keys lexicon phrases exactly like text', () => {
    expect(phraseKeys("I'll take")).toEqual(normalizeText("i'll   TAKE!!").tokens);
    expect(phraseKeys('30ml')).toEqual(phraseKeys('30 ml'));
  });

  it('plain-ASCII comments take a fast path that gives exactly what the full Unicode path gives', () => {
    // a leading zero-width space is removed by folding, but forces the Unicode path for the same text
    const samples = [
      'Hello WORLD, I NEEED two x2 for $30!!',
      "don't want it?? call 0812 3456 7890",
      'shop dot com/deal and www.x.io and <b>bold</b> @seller_one',
      'Sooo good lol... #3 +1 30ml 2x',
      'is it ok?   ',
      '',
    ];
    for (const text of samples) {
      const fast = normalizeText(text);
      const full = normalizeText('\u200B' + text);
      expect({ ...fast, capped: '', flags: { ...fast.flags, length: 0 } }).toEqual({ ...full, capped: '', flags: { ...full.flags, length: 0 } });
    }
    expect(squashRuns('abc')).toBe('abc');
    expect(squashRuns('aab')).toBe('ab');
    expect(foldText('MiXeD 123')).toBe('mixed 123');
  });
});
