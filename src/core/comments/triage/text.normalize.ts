// Text normalization for live-chat comments. Pure functions, no Node imports.
//
// Every word is reduced to a *key*: lower-cased, NFKC-folded (so 𝐅𝐑𝐄𝐄 → free), accents stripped
// (sérum → serum) and with every run of a repeated letter squashed to one letter
// ("neeeed" → "ned", "need" → "ned", "sooold" → "sold"). Lexicons are keyed with the same function,
// so elongations and double-letter typos match without a fuzzy search.

/** Work on at most this many UTF-16 code units of a comment; the rest is ignored (flagged). */
export const MAX_CHARS = 2000;
/** At most this many tokens are produced. */
export const MAX_TOKENS = 400;

export interface TextFlags {
  length: number; // original length (before capping)
  truncated: boolean;
  url: boolean;
  html: boolean;
  handles: number;
  phone: boolean;
  /** Styled look-alike letters (math bold, full-width, syllabics posing as Latin, enclosed letters). */
  fancy: boolean;
  emojiOnly: boolean;
  empty: boolean;
  /** Share of upper-case among cased letters of the original (0..1). */
  upperRatio: number;
  letters: number;
  nonLatinLetters: number;
  /** The comment ends with '?' (ignoring trailing emoji, spaces, '!'). */
  questionEnd: boolean;
  /** Any '?' or '¿'. */
  question: boolean;
  exclaims: number;
  /** Some letter repeated ≥3 times in a row (pleaseee, vermelhooo). */
  elongated: boolean;
  /** A phrase of ≥2 words repeated ≥3 times (BUY FOLLOWERS BUY FOLLOWERS BUY FOLLOWERS). */
  repeatedPhrase: boolean;
}

export interface NormalizedText {
  /** Original text capped to MAX_CHARS. */
  capped: string;
  /** Folded text (lower case, no accents, invisible/bidi controls removed); HTML kept as text. */
  folded: string;
  /** Keys of words, plus special tokens: '#2', '+1', 'x2', ':cart:' (emoji), '__url__', '__price__', '__handle__'. */
  tokens: string[];
  /** Emoji (pictographs) found, in order. */
  emoji: string[];
  flags: TextFlags;
}

/** Emoji with a meaning for triage → pseudo-token. Unknown pictographs become ':emo:'. */
const EMOJI_TOKENS: Readonly<Record<string, string>> = {
  '🛒': ':cart:', '✅': ':check:', '✔': ':check:', '☑': ':check:',
  '🙋': ':hand:', '✋': ':hand:', '🙌': ':hands:', '☝': ':hand:',
  '💸': ':money:', '💳': ':money:', '💵': ':money:', '🤑': ':money:', '💰': ':moneybag:',
  '🙏': ':pray:', '🥺': ':plead:',
  '😡': ':angry:', '😤': ':angry:', '🤬': ':angry:', '😠': ':angry:', '🙄': ':eyeroll:', '😒': ':eyeroll:',
  '😑': ':eyeroll:', '😩': ':weary:', '😫': ':weary:', '😣': ':weary:', '😕': ':weary:', '🙃': ':eyeroll:', '🤨': ':eyeroll:',
  '😞': ':sad:', '😢': ':sad:', '😔': ':sad:', '😭': ':cry:',
  '😍': ':love:', '🥰': ':love:', '❤': ':love:', '💜': ':love:', '💙': ':love:', '💖': ':love:', '💕': ':love:',
  '🫶': ':love:', '😘': ':kiss:', '🔥': ':fire:', '👏': ':clap:', '👑': ':love:', '🤩': ':love:', '😻': ':love:',
  '😂': ':laugh:', '🤣': ':laugh:', '😆': ':laugh:', '😅': ':laugh:', '😁': ':laugh:',
  '👋': ':wave:', '🤔': ':think:', '❓': ':qmark:', '❔': ':qmark:',
  '👉': ':point:', '👇': ':point:', '➡': ':point:', '🎁': ':gift:', '🎉': ':party:', '🥳': ':party:',
  '🔁': ':loop:', '🎰': ':slot:', '📈': ':chart:', '🚀': ':rocket:', '📩': ':mail:', '📱': ':phone:',
  '🤤': ':yum:', '😋': ':yum:', '👀': ':eyes:',
};

const PICTO_RE = /\p{Extended_Pictographic}/u;
const PICTO_G = /\p{Extended_Pictographic}/gu;
// zero-width, bidi controls, variation selectors, BOM, soft hyphen, combining enclosing keycap
const INVISIBLE_G = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFE00-\uFE0F\uFEFF\u20E3]|\uDB40[\uDC00-\uDC7F]/g;
const SKIN_TONE_G = /\uD83C[\uDFFB-\uDFFF]/g;
// the tail of a ZWJ emoji sequence (🙋‍♀️ → 🙋): one person, one emoji
const ZWJ_TAIL_G = /\u200D[\u2640\u2642\u2695\u2696\u2708\u2764\p{Extended_Pictographic}]\uFE0F?/gu;
const URL_G =
  /(?:https?:\/\/|www\s?\.)\S*|\b[a-z0-9][a-z0-9-]*(?:\s?\.\s?|\s?\(\.\)\s?|\s(?:dot)\s)(?:com|net|org|shop|xyz|store|online|site|ly|me|gg|ee|io|link|info|biz|top|club|live|app)\b(?:\/\S*)?/gi;
const URL_RE = new RegExp(URL_G.source, 'i'); // non-global twin for .test() (no lastIndex state)
const HTML_TAG_G = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/gi;
const HANDLE_G = /(?:^|[^\w@])@[\p{L}\p{N}_.]{2,}/gu;
const PHONE_RE = /(?:\+?\d[\d\s().-]{8,}\d)|\b0\d{3}x{3,}|\b\d{3,4}x{4,}/i;
const PRICE_G =
  /(?:r\$|us\$|\$|€|£|\brp\.?)\s?\d[\d.,]*(?:\s?(?:k|rb|jt)\b)?|\b\d[\d.,]*\s?(?:€|usd|reais|pesos|rb|ribu|jt|juta)(?![\p{L}])/giu;
// Letters that pose as Latin in "fancy font" spam: Canadian syllabics, enclosed alphanumerics,
// letterlike symbols, small-caps/phonetic blocks.
const FANCY_RE = /[\u1400-\u167F\u2460-\u24FF\u2100-\u214F\u1D00-\u1DBF\uA730-\uA7FF\u{1F130}-\u{1F189}]/u;
const FANCY_PRE_NFKC_RE = /[\u{1D400}-\u{1D7FF}\uFF21-\uFF5A]/u; // math alphanumerics, full-width letters
// one character at a time (countLetters): the same classes as matching the whole text, without an array of matches
const LATIN_LETTER_RE = /[a-z\u00C0-\u024F]/i;
const ANY_LETTER_RE = /^\p{L}$/u;
const APOSTROPHE_RE = /['’´`]/;
const TOKEN_G = /#\d{1,3}|\+\d{1,2}(?!\d)|__[a-z]+__|:[a-z]+:|\?|[\p{L}\p{N}]+/gu;

/** Printable ASCII and ASCII whitespace only: every Unicode step of folding is then the identity. */
const ASCII_RE = /^[\x00-\x7f]*$/;

/** Lower-case, NFKC, accent fold. Keeps emoji and punctuation. */
export function foldText(s: string): string {
  if (ASCII_RE.test(s)) return s.toLowerCase();
  return s
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(INVISIBLE_G, '')
    .normalize('NFC');
}

const RUN_G = /(\p{L})\1+/gu;

/** Squash every run of the same letter to one letter (digits are kept as they are). */
export function squashRuns(word: string): string {
  // hot path (every token of every comment): only a word with two equal neighbours needs the Unicode regex
  let prev = -1;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c === prev) return word.replace(RUN_G, '$1');
    prev = c;
  }
  return word;
}

/** Display helper: squash runs of ≥3 identical characters to 2 ("pleaseee" → "pleasee", "!!!!" → "!!"). */
export function squashElongation(s: string): string {
  return s.replace(/(.)\1{2,}/gsu, '$1$1');
}

/** Indonesian enclitic "-nya" ("serumnya", "linknya", "kodenya") → stem. */
function stripEnclitic(w: string): string {
  if (w.length >= 6 && w.endsWith('nya')) return w.slice(0, -3);
  return w;
}

/** Clothing size codes whose doubled letters carry meaning (GG = XL in Brazil, not G; XXL is not XL). */
const DOUBLED_SIZE_CODES: ReadonlySet<string> = new Set(['gg', 'pp', 'xxl', 'xxs', 'xxxl', 'xxg', 'xgg']);

/** Key of one folded word (no spaces). */
export function wordKey(word: string): string {
  if (word.length <= 4 && DOUBLED_SIZE_CODES.has(word)) return word;
  return squashRuns(stripEnclitic(word));
}

const HAS_DIGIT_RE = /\d/;

function splitDigitLetter(w: string): string[] | null {
  // null: the word is one token as it is (no digit), so the hot path allocates nothing
  if (!HAS_DIGIT_RE.test(w)) return null;
  // keep quantity forms "x2", "2x" whole; split "30ml" → "30","ml", "sub4sub" → "sub","4","sub"
  if (/^(?:x\d{1,2}|\d{1,2}x)$/.test(w)) return [w.startsWith('x') ? w : 'x' + w.slice(0, -1)];
  if (/^\d+$/.test(w)) return [w];
  return w.match(/\d+|\p{L}+/gu) ?? [w];
}

/**
 * Tokenize an already-lowered phrase from a lexicon or catalog into keys, the same way comment text is.
 * Used at compile time by rules and the SKU matcher.
 */
export function phraseKeys(phrase: string): string[] {
  return normalizeText(phrase).tokens.filter((t) => t !== '?');
}

/** The key of one phrase: its normalized tokens joined by spaces ('' when it is punctuation only). */
export function phraseKey(phrase: string): string {
  return phraseKeys(phrase).join(' ');
}

/**
 * A word list as the set of its keys, the form every triage word list is matched in. A word that normalizes to
 * nothing ("?", "+", "&") stands for itself, so a list can hold the punctuation tokens it means beside its words.
 */
export function keySetOf(words: readonly string[]): ReadonlySet<string> {
  return new Set(words.map((w) => phraseKey(w) || w));
}

function emojiToken(e: string): string {
  return EMOJI_TOKENS[e] ?? ':emo:';
}

export function normalizeText(input: string): NormalizedText {
  const text = typeof input === 'string' ? input : String(input ?? '');
  const length = text.length;
  let capped = text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text;
  // never end on half a surrogate pair
  if (/[\uD800-\uDBFF]$/.test(capped)) capped = capped.slice(0, -1);
  const truncated = capped.length < length;

  // pure ASCII has no emoji, skin tones or look-alike letters: the Unicode passes below are skipped, not changed
  const ascii = ASCII_RE.test(capped);
  // --- flags on the original ---
  const fancyPre = !ascii && FANCY_PRE_NFKC_RE.test(capped);
  let upper = 0;
  let cased = 0;
  for (let i = 0; i < capped.length; i++) {
    const c = capped.charCodeAt(i);
    // ASCII by code (no string per character); anything else by its case mappings
    if (c < 128) {
      if (c >= 65 && c <= 90) {
        cased++;
        upper++;
      } else if (c >= 97 && c <= 122) cased++;
      continue;
    }
    const hi = c >= 0xd800 && c <= 0xdbff && i + 1 < capped.length;
    const ch = hi ? capped.slice(i, i + 2) : capped[i]!;
    if (hi) i++;
    const lo = ch.toLowerCase();
    const up = ch.toUpperCase();
    if (lo !== up) {
      cased++;
      if (ch === up) upper++;
    }
  }

  // --- emoji → pseudo tokens (before NFKC, which would mangle some) ---
  const emoji: string[] = [];
  let s = ascii
    ? capped
    : capped.replace(SKIN_TONE_G, '').replace(ZWJ_TAIL_G, '').replace(PICTO_G, (e) => {
        emoji.push(e);
        return ` ${emojiToken(e)} `;
      });

  let folded = foldText(s);
  const fancy = fancyPre || (!ascii && FANCY_RE.test(folded));

  // --- structural replacements on the folded text (each pass only when its trigger character is there) ---
  let html = false;
  // a link needs "://", a dot or the word "dot" (every branch of URL_G does)
  let url = (folded.includes('.') || folded.includes('dot') || folded.includes('://')) && URL_RE.test(folded);
  if (folded.includes('<')) {
    folded = folded.replace(HTML_TAG_G, () => {
      html = true;
      return ' __tag__ ';
    });
  }
  s = url || html // a tag's placeholder can only matter where a tag was replaced
    ? folded.replace(URL_G, () => {
        url = true;
        return ' __url__ ';
      })
    : folded;
  let handles = 0;
  if (s.includes('@')) {
    s = s.replace(HANDLE_G, (m) => {
      handles++;
      return (m.startsWith('@') ? '' : m[0]) + ' __handle__ ';
    });
  }
  const digits = HAS_DIGIT_RE.test(s);
  const phone = digits && PHONE_RE.test(s);
  if (digits) s = s.replace(PRICE_G, ' __price__ ');
  // apostrophes inside words: don't → dont, i'll → ill
  if (APOSTROPHE_RE.test(s)) s = s.replace(/(\p{L})['’´`](\p{L})/gu, '$1$2');

  const elongated = ascii ? hasAsciiLetterRun3(folded) : /(\p{L})\1\1/u.test(folded);
  let latinLetters = 0;
  let letters = 0;
  if (ascii) {
    for (let i = 0; i < folded.length; i++) {
      const c = folded.charCodeAt(i) | 0x20;
      if (c >= 97 && c <= 122) letters++;
    }
    latinLetters = letters;
  } else {
    const counts = countLetters(folded);
    latinLetters = counts.latin;
    letters = counts.any;
  }

  const tokens: string[] = [];
  // matchAll works on a copy of the regex: the module-level pattern is never mutated
  for (const m of s.matchAll(TOKEN_G)) {
    if (tokens.length >= MAX_TOKENS) break;
    const t = m[0];
    const c = t.charCodeAt(0);
    if (c === 35 /* # */ || c === 43 /* + */ || t.startsWith('__') || (c === 58 && t.length > 2) || t === '?') {
      tokens.push(t);
      continue;
    }
    const parts = splitDigitLetter(t);
    if (parts === null) tokens.push(wordKey(t));
    else for (const part of parts) tokens.push(/^\d/.test(part) ? part : wordKey(part));
  }

  const questionEnd = ascii ? asciiQuestionEnd(capped) : /[?？]$/.test(trimmedEndOf(capped).replace(/[\s!.]+$/u, ''));
  const question = /[?？¿]/.test(capped);
  const exclaims = (capped.match(/[!¡]/g) ?? []).length;

  const wordTokens = tokens.filter((t) => !t.startsWith(':') && t !== '?');
  const emojiOnly = emoji.length > 0 && wordTokens.length === 0;
  const empty = tokens.length === 0 && emoji.length === 0;

  return {
    capped,
    folded,
    tokens,
    emoji,
    flags: {
      length,
      truncated,
      url,
      html,
      handles,
      phone,
      fancy,
      emojiOnly,
      empty,
      upperRatio: cased ? upper / cased : 0,
      letters,
      nonLatinLetters: letters - latinLetters,
      questionEnd,
      question,
      exclaims,
      elongated,
      repeatedPhrase: hasRepeatedPhrase(wordTokens),
    },
  };
}

/**
 * How many characters of `s` are Latin letters (/[a-z\u00C0-\u024F]/gi, by UTF-16 unit) and letters of any script
 * (/\p{L}/gu, by code point), without building the arrays of matches: ASCII by its code, anything else through the
 * same classes one character at a time.
 */
function countLetters(s: string): { latin: number; any: number } {
  let latin = 0;
  let any = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 128) {
      const l = c | 0x20;
      if (l >= 97 && l <= 122) {
        latin++;
        any++;
      }
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        // a surrogate pair: one code point for \p{L}; neither half is a Latin letter unit
        if (ANY_LETTER_RE.test(s.slice(i, i + 2))) any++;
        i++;
        continue;
      }
    }
    const ch = s[i]!;
    if (LATIN_LETTER_RE.test(ch)) latin++;
    if (ANY_LETTER_RE.test(ch)) any++;
  }
  return { latin, any };
}

/** The text without what may trail a sentence's last mark: spaces, '!', '.', ')', ']', '~', then emoji. */
function trimmedEndOf(capped: string): string {
  return capped.replace(/[\s!.)\]~]+$/u, '').replace(/[\p{Extended_Pictographic}\uFE0F\u200D\s]+$/u, '');
}

/**
 * questionEnd for an ASCII text without building the trimmed copies: no ASCII character is a pictograph, so after
 * the trailing spaces, '!', '.', ')', ']' and '~' are gone the last character is the one that decides.
 */
function asciiQuestionEnd(s: string): boolean {
  let i = s.length - 1;
  for (; i >= 0; i--) {
    const c = s.charCodeAt(i);
    // \s in ASCII (tab, LF, VT, FF, CR, space), '!', '.', ')', ']', '~'
    if (!((c >= 9 && c <= 13) || c === 32 || c === 33 || c === 46 || c === 41 || c === 93 || c === 126)) break;
  }
  return i >= 0 && s.charCodeAt(i) === 63;
}

/** Some ASCII letter three times in a row (the ASCII case of /(\p{L})\1\1/u). */
function hasAsciiLetterRun3(s: string): boolean {
  for (let i = 2; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === s.charCodeAt(i - 1) && c === s.charCodeAt(i - 2) && ((c | 0x20) >= 97 && (c | 0x20) <= 122)) return true;
  }
  return false;
}

/** True when some 2–4 word phrase occurs ≥3 times back to back. */
function hasRepeatedPhrase(toks: string[]): boolean {
  const n = Math.min(toks.length, 60);
  for (let len = 2; len <= 4; len++) {
    for (let i = 0; i + len * 3 <= n; i++) {
      let reps = 1;
      let j = i + len;
      while (j + len <= n) {
        let same = true;
        for (let k = 0; k < len; k++) if (toks[i + k] !== toks[j + k]) { same = false; break; }
        if (!same) break;
        reps++;
        j += len;
      }
      if (reps >= 3) return true;
    }
  }
  return false;
}

export function isPictographic(ch: string): boolean {
  return PICTO_RE.test(ch);
}
