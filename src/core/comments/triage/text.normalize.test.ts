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

describe('questionEnd on ASCII text (read without the trimming regexes)', () => {
  // the definition, as the non-ASCII path computes it
  const byRegex = (t: string): boolean =>
    /[?？]$/.test(t.replace(/[\s!.)\]~]+$/u, '').replace(/[\p{Extended_Pictographic}\uFE0F\u200D\s]+$/u, '').replace(/[\s!.]+$/u, ''));
  it('agrees with the regex definition on edge cases and on random ASCII strings', () => {
    const cases = ['', '?', 'ok?', 'ok? ', 'ok?!!', 'ok?!.)]~ \t\n', 'ok?x', '?)', '(?)', 'why ?  !', 'a\x0b?\x0c', 'no', '~~~', 'q?\x1f'];
    let seed = 7;
    const rnd = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const alphabet = 'a? !.)]~\t\n\x0b\x0c\r\x1fz';
    for (let n = 0; n < 3000; n++) cases.push(Array.from({ length: Math.floor(rnd() * 8) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join(''));
    for (const t of cases) expect([t, normalizeText(t).flags.questionEnd]).toEqual([t, byRegex(t)]);
  });
});

describe('letter counts (counted without arrays of matches)', () => {
  it('agree with matching the classes over the whole folded text, across scripts, emoji and lone surrogates', () => {
    const pool = ['a', 'Z', 'é', '×', '÷', 'ſ', 'ȿ', 'Ȿ', 'ɐ', 'ß', 'ẞ', 'K', 'µ', 'ж', 'Ж', 'α', 'ก', '中', '😀', '𝐀', '\uD835', '\uDC00', '1', ' ', '?', 'ǅ', 'İ', 'ı'];
    let seed = 11;
    const rnd = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    for (let n = 0; n < 2000; n++) {
      const t = Array.from({ length: 1 + Math.floor(rnd() * 10) }, () => pool[Math.floor(rnd() * pool.length)]).join('');
      const { folded, flags } = normalizeText(t);
      const latin = (folded.match(/[a-z\u00C0-\u024F]/gi) ?? []).length;
      const any = (folded.match(/\p{L}/gu) ?? []).length;
      expect([t, flags.letters, flags.nonLatinLetters]).toEqual([t, any, any - latin]);
    }
  });
});
