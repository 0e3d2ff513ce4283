// The catalog, indexed for matching: every way a viewer can name a product, family, variant, size, on-screen
// number or offer (terms keyed by normalized words), plus the typo and offer-code indexes built once per catalog.
import type { TriageCatalog } from './triage.types';
import { numberWords } from './sku.morphology';
import { keySetOf, phraseKeys } from './text.normalize';
import { NOUNS_TOO, pairRow, BUNDLE_WORDS, colourWords, hueWords, HEAVIER_WORDS, isScaleSize, LETTER_SIZE_WORDS, LIGHTER_WORDS, LONGER_WORDS, STRONGER_WORDS, WEAKER_WORDS, familyWords, LARGER_WORDS, ORDINAL_BEFORE, ORDINALS, SHORTER_WORDS, SIZE_DETERMINERS, sizeDeterminersFor, sizeRank, sizeWords, SIZE_WORDS, SMALLER_WORDS, variantWords } from './sku.words';

export type Kind =
  | 'name' | 'alias' | 'nameword' | 'onscreen' | 'ordinal' | 'code' | 'codeword' | 'family'
  | 'colour' | 'size' | 'sizeletter' | 'sizenarrow' | 'variant' | 'variantnamed' | 'bundleword';
/** Kinds that describe a variant rather than name a product: they narrow a set of SKUs down. */
export const ATTRIBUTE_KINDS: ReadonlySet<Kind> = new Set<Kind>(['colour', 'size', 'sizeletter', 'sizenarrow', 'variant', 'variantnamed']);
/** Attribute kinds that never name a variant on their own (they need a product already named or pinned). */
export const NARROW_ONLY_KINDS: ReadonlySet<Kind> = new Set<Kind>(['sizeletter', 'sizenarrow', 'variant']);
/** The dimension an attribute narrows along: two words of one dimension that fit different SKUs mean several. */
export function dimensionOf(t: { kinds: Set<Kind> }): 'colour' | 'variant' | 'size' {
  if (t.kinds.has('colour')) return 'colour';
  if (t.kinds.has('variant') || t.kinds.has('variantnamed')) return 'variant';
  return 'size';
}


export interface Term {
  keys: string[];
  /** keys[0] */
  first: string;
  /** sku → weight (3 full name, 2 alias / on-screen / offer alias, 1 single word of a name). */
  skus: Map<string, number>;
  kinds: Set<Kind>;
  /** Offer codes this term names (code itself, or an offer alias). */
  offers: Set<string>;
  numeric: boolean;
  label: string;
  /** Every kind describes a variant (colour, size…): the term narrows, it does not name (set once compiled). */
  attributeOnly: boolean;
}
/** Name words that name nothing alone: function words, pack words, and "pro" (Portuguese "para o" as often as a model name). */
const NAME_STOP: ReadonlySet<string> = keySetOf(
  ['the', 'and', 'with', 'for', 'set', 'pcs', 'pc', 'cm', 'ml', 'of', 'de', 'da', 'do', 'del', 'la', 'el', 'en', 'in', 'x', 'kit', 'new',
   'edition', 'size', 'pro', 'vol', 'volume', 'volumen', 'tomo', 'jilid', 'person', 'persons', 'people', 'pack', 'box', 'pair', 'pairs', 'piece', 'pieces', 'sachet', 'sachets', 'bundle', 'mini']);
/** Model words that tell a product from its siblings of the same family (not a name alone: "mini" is also a size). */
const MODEL_WORDS: ReadonlySet<string> = keySetOf(['pro', 'mini', 'max', 'plus', 'lite', 'ultra', 'air', 'go', 'xl', 'xs']);
/** Articles an alias may start with ("the Puck", "el Clásico", "o Bonzão", "si Kecil"). */
const ALIAS_ARTICLES: ReadonlySet<string> = keySetOf(['the', 'el', 'la', 'los', 'las', 'o', 'a', 'os', 'as', 'si', 'sang']);
const ON_SCREEN_PREFIXES = ['#', 'no', 'no.', 'nr', 'nro', 'num', 'number', 'numero', 'nomor', 'nomer', 'item', 'produk', 'produto', 'producto', 'n'];
/** Words before a spelled-out number that make it the on-screen number, not a quantity ("number two", not "two please"). */
const SPELLED_ON_SCREEN_PREFIXES = ['number', 'numero', 'nomor', 'nomer', 'produk', 'produto', 'producto'];
/** Spelled numbers that are articles or pronouns as often ("no se", "un", "uma"): never an on-screen number. */
const SPELLED_SKIP: ReadonlySet<string> = new Set(['se', 'un', 'uno', 'una', 'um', 'uma']);
/**
 * Words that put a number in a series (a book's volume, a part): "vol. 2" in a name, said "volume 2", "tomo 2", "jilid 2",
 * "livro 2" by viewers (en/es/pt/id).
 */
const SERIES_WORDS = ['vol', 'volume', 'volumen', 'volumes', 'tomo', 'jilid', 'book', 'libro', 'livro', 'buku', 'part', 'parte', 'bagian'];
const SERIES_IN_NAME = /\b(?:vol(?:ume|umen)?|tomo|jilid|book|libro|livro|buku|part|parte|bagian)\.?\s*(\d{1,3})(?!\s*[-–]\s*\d)(?![\d.,])/i;
const CODE_WORDS = ['code', 'codes', 'codigo', 'coupon', 'cupon', 'cupom', 'kode', 'voucher', 'promo code', 'discount code', 'kode promo'];

function isNumericKeys(keys: string[]): boolean {
  return keys.every((k) => /^\d+$/.test(k));
}


/** Attribute terms that never name a variant on their own. */
export function isNarrowOnly(t: Term): boolean {
  return [...t.kinds].every((k) => NARROW_ONLY_KINDS.has(k));
}

export const LEET: Readonly<Record<string, string>> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', l: 'i' };
/** Look-alike digits folded to letters, for comparing offer codes ("gl0w5et" → "glowset"). */
export function leetFold(s: string): string {
  return s.replace(/[013457l]/g, (d) => LEET[d] ?? d);
}

/**
 * A spelling-independent key for cognates across en/es/pt/id (collagen, colágeno, kolagen → "colagen"; magnesium,
 * magnesio → "magnes"; protein, proteína → "protein"): k/q → c, ph → f, y → i, doubled letters once, a Latin ending
 * (-ium, -io, -um, -us) and a final vowel dropped. Accents are already folded by normalization.
 */
export function cognateKey(word: string): string {
  let w = word.replace(/ph/g, 'f').replace(/[kq]/g, 'c').replace(/y/g, 'i').replace(/(.)\1+/g, '$1');
  w = w.replace(/(?:ium|io|um|us)$/, '');
  return w.replace(/[aeiou]$/, '');
}

/** The first three letters of a word's cognate key, from its first six letters only (keys are five letters or more). */
export function cognatePrefix(word: string): string {
  // the folds of cognateKey, by hand (this runs for every long word no catalog term took; no regex, no allocation per letter)
  let out = '';
  let prev = '';
  for (let i = 0; i < word.length && i < 6 && out.length < 3; i++) {
    let c = word.charAt(i);
    if (c === 'p' && word.charAt(i + 1) === 'h') { c = 'f'; i++; }
    else if (c === 'k' || c === 'q') c = 'c';
    else if (c === 'y') c = 'i';
    if (c === prev) continue;
    out += c;
    prev = c;
  }
  return out;
}

/** The key of `CatalogIndex.fuzzyByLength`: a word's length and its first letter's code, as one number (no string per look-up). */
export function fuzzyKey(length: number, firstCode: number): number {
  return length * 65536 + firstCode;
}

const DIMINUTIVE_END = /(?:it[oa]s?|z?inh[oa]s?)$/;

/** The terms that start with one key: a comment's token is compared only with those its next token can continue. */
export interface FirstKey {
  single: Term | null;
  bySecond: Map<string, Term[]>;
}

export interface CatalogIndex {
  terms: ReadonlyMap<string, Term>;
  /** Terms by their first key: the one-word term, and longer ones by their second key (longest first). */
  byFirst: ReadonlyMap<string, FirstKey>;
  /** One-word terms that forgive a typo, by length and first letter (`fuzzyKey`: a typo keeps its first letter). */
  fuzzyByLength: ReadonlyMap<number, Term[]>;
  /** One-word product terms by their cognate key (collagen / colágeno / kolagen), when the key is one term's alone. */
  cognates: ReadonlyMap<string, Term>;
  /** The first three letters of the cognate keys (the cheap gate before a token's key is built). */
  cognateFirst: ReadonlySet<string>;
  /** Offer codes, folded and joined, for loose matching. */
  codeKeys: ReadonlyArray<{ code: string; compact: string }>;
  /** First letters of the folded codes and the lengths a loosely written code may have (the cheap gates). */
  codeFirst: ReadonlySet<string>;
  codeMin: number;
  codeMax: number;
  /** Offer code → its SKUs that are catalog products. */
  offerSkus: ReadonlyMap<string, string[]>;
  /** SKUs whose product has a size (a size word can tell them apart, or name another of them). */
  sizedSkus: ReadonlySet<string>;
  /** Offer codes with neither a SKU nor an alias: a discount code, not a deal (naming it beside a product keeps the product). */
  discountCodes: ReadonlySet<string>;
  /** A colour word → the SKUs whose colour is a shade of it ("verde" → sage, emerald): used within a set already named or pinned. */
  hueSkus: ReadonlyMap<string, ReadonlySet<string>>;
  /** SKUs that are an offer's bundle. */
  bundleSkus: ReadonlySet<string>;
  knownSkus: ReadonlySet<string>;
  /** Bare size letters written as a capital word of their own ("M!!", "G por favor"): letter → test. */
  capitalLetters: ReadonlyMap<string, RegExp>;
  /** The variants of a product: same family (or, without one, same on-screen number or name). */
  familyOf(sku: string): string[];
  /** SKUs of products that come in several colours (a colour word alone is about these, not a one-colour product). */
  colourVaried: ReadonlySet<string>;
  /** Size ranges a product comes in ("EU 24-29 / BR 23-28": shoe or ring sizes), by SKU; see `sizeRangesOf`. */
  sizeRanges: ReadonlyMap<string, readonly SizeRange[]>;
  /** A size that is a money amount ("$25", "R$ 50": gift cards, top-ups) by SKU; normalization hides it as a price. */
  amounts: ReadonlyMap<string, number>;
}

/** The amount of a size field that is money ("$25", "US$ 10", "R$50", "€ 20", "25 USD"), or null. */
export function moneyAmountOf(size: string): number | null {
  const m = /^\s*(?:[A-Z]{0,3}\$|€|£|¥)\s*(\d{1,5})\s*$/.exec(size) ?? /^\s*(\d{1,5})\s*(?:USD|EUR|GBP|BRL|MXN|dollars?|reais|euros?)\s*$/i.exec(size);
  return m?.[1] ? Number(m[1]) : null;
}

/** One range of a product's size field: its sizing system when written ("eu", "br", "us"…), lowest and highest size. */
export interface SizeRange {
  system: string | null;
  lo: number;
  hi: number;
}

/**
 * The ranges a size field spans ("EU 36-45 / US W5.5-M11 / BR 34-43" → eu 36–45, us 5.5–11, br 34–43): a viewer's size
 * ("38", "talla 27") that falls in one variant's range and not another's tells the variants apart (kids' 24–29 vs 30–35).
 * A range that runs downwards ("12.5C-3Y", a scale that wraps) is left out: its order is not the numbers'.
 */
export function sizeRangesOf(size: string): SizeRange[] {
  const out: SizeRange[] = [];
  for (const m of size.matchAll(/(?:\b([A-Za-z]{2,3})\s*)?\b[A-Za-z]?(\d{1,3}(?:[.,]\d)?)[A-Za-z]?\s*[-–]\s*[A-Za-z]?(\d{1,3}(?:[.,]\d)?)[A-Za-z]?\b/g)) {
    const lo = Number((m[2] ?? '').replace(',', '.'));
    const hi = Number((m[3] ?? '').replace(',', '.'));
    if (!(lo < hi)) continue;
    out.push({ system: m[1] ? m[1].toLowerCase() : null, lo, hi });
  }
  return out;
}

/**
 * Model codes in a product's name: two to four letters and a number, joined ("NV2", "RTX4070") or with the letters in
 * capitals ("GX 760"), as "gx 760" (normalization splits letters from digits, so "gx760" in a comment reads the same).
 * Written apart, not a code when the letters are the family word or the number is the product's size ("SSD 500 GB");
 * nothing in brackets.
 */
export function modelCodesOf(name: string, size: string | null, family: string | null): string[] {
  const sizeNumbers = new Set((size ?? '').match(/\d+/g) ?? []);
  const familyKeys = new Set(phraseKeys(family ?? ''));
  const out: string[] = [];
  for (const m of name.replace(/\([^)]*\)?/g, ' ').matchAll(/(?<![\p{L}\p{N}])(\p{L}{2,4})(\s?)(\d{1,5})(?![\p{L}\p{N}])/gu)) {
    const letters = m[1] ?? '';
    const num = m[3] ?? '';
    // written apart, the capitals may be a family word before the size ("SSD 500 GB"); joined, they are one code ("NV2")
    if (m[2] && (letters !== letters.toUpperCase() || sizeNumbers.has(num) || familyKeys.has(phraseKeys(letters).join(' ')))) continue;
    out.push(`${letters} ${num}`);
  }
  return out;
}

/**
 * Words of the catalog's several-word aliases that could name their product alone: letters only, five or more as
 * written, not `taken` (a word the catalog already uses, or a function word) → the SKUs whose aliases hold them.
 */
export function partialAliasWords(products: TriageCatalog['products'], keysOf: (phrase: string) => string[], taken: (word: string) => boolean): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const p of products) {
    for (const a of p.aliases ?? []) {
      const words = a.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
      if (words.length < 2) continue;
      for (const raw of words) {
        // five letters as written: keys squash doubled letters ("glass" → "glas")
        const w = raw.length >= 5 ? keysOf(raw).join(' ') : '';
        if (!/^[a-z]{4,}$/.test(w) || taken(w)) continue;
        const list = out.get(w);
        if (!list) out.set(w, [p.sku]);
        else if (!list.includes(p.sku)) list.push(p.sku);
      }
    }
  }
  return out;
}

export function indexCatalog(catalog: TriageCatalog): CatalogIndex {
  // the same words come back for every product (determiners × size words…): normalize each once
  const keyCache = new Map<string, string[]>();
  const keysOf = (phrase: string): string[] => {
    let k = keyCache.get(phrase);
    if (!k) keyCache.set(phrase, (k = phraseKeys(phrase)));
    return k;
  };
  const terms = new Map<string, Term>();
  const offerSkus = new Map<string, string[]>(); // code → skus
  const bundleSkus = new Set<string>();
  const knownSkus = new Set(catalog.products.map((p) => p.sku));
  /** The variants of a product: same family (or, without one, same on-screen number or name). */
  const familyOf = (sku: string): string[] => {
    const p = catalog.products.find((x) => x.sku === sku);
    if (!p) return [];
    const same = catalog.products.filter((q) =>
      p.family ? q.family === p.family : p.onScreen ? q.onScreen === p.onScreen : q.name === p.name,
    );
    return same.map((q) => q.sku);
  };
  /** These SKUs are variants of one product family (a word they share names that family, not several). */
  const inOneFamily = (skus: readonly string[]): boolean => {
    const fam = familyOf(skus[0] ?? '');
    return skus.every((x) => fam.includes(x));
  };

  /** Other languages' family words, added after the catalog's own words so those keep their kinds. */
  const translated: Array<[string, string, number]> = [];
  const capitalLetters = new Map<string, RegExp>();
  const addTerm = (phrase: string, sku: string | null, weight: number, kind: Kind, offer?: string): void => {
    const keys = keysOf(phrase);
    if (keys.length === 0) return;
    const id = keys.join(' ');
    let t = terms.get(id);
    if (!t) {
      t = { keys, first: keys[0] ?? '', skus: new Map(), kinds: new Set(), offers: new Set(), numeric: isNumericKeys(keys), label: phrase.trim(), attributeOnly: false };
      terms.set(id, t);
    }
    t.kinds.add(kind);
    if (sku) t.skus.set(sku, Math.max(t.skus.get(sku) ?? 0, weight));
    if (offer) t.offers.add(offer);
  };

  const familyModifiers = new Set(catalog.products.flatMap((p) => (p.family ? keysOf(p.family).slice(0, -1) : [])));
  for (const p of catalog.products) {
    addTerm(p.name, p.sku, 3, 'name');
    for (const a of p.aliases ?? []) addTerm(a, p.sku, 2, 'alias');
    const siblings = p.family ? catalog.products.filter((q) => q.family === p.family && q.name !== p.name) : [];
    // words in brackets list what a product holds or add a note ("set of 6 oils (lavender, lemon, …)"): they name nothing
    const ownWords = keysOf(p.name.replace(/\([^)]*\)?/g, ' '));
    // a word joined to another by a hyphen ("Wood-Wick", "USB-C") is part of one word: the pair names, not its halves
    const hyphenParts = new Set<string>();
    for (const m of p.name.replace(/\([^)]*\)?/g, ' ').matchAll(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+/gu)) {
      const ks = keysOf(m[0].replace(/-/g, ' '));
      if (ks.length > 1 && ks.every((k) => /^\p{L}+$/u.test(k))) {
        for (const k of ks) hyphenParts.add(k);
        addTerm(ks.join(' '), p.sku, 1, 'nameword');
      }
    }
    // the product's colour in its name ("… Suitcase Black", "… - Light Wood Grain") is its colour, not a name word
    const colourKeys = new Set(p.colour ? keysOf(p.colour) : []);
    // …and the short words of its size in its name ("… champagne one size") are its size: "one" alone names nothing
    const sizeKeys = new Set(p.size ? keysOf(p.size).filter((k) => k.length <= 3) : []);
    for (const w of ownWords) {
      // a model word the catalog uses to tell a product from its siblings ("Pro", "Mini", "Max"): it narrows the family
      // named or pinned, and names the variant after a determiner ("the pro", "el mini", "yg max")
      if (MODEL_WORDS.has(w) && siblings.length > 0 && siblings.some((q) => !keysOf(q.name).includes(w))) {
        addTerm(w, p.sku, 2, 'variant');
        for (const d of SIZE_DETERMINERS) if (d !== 'o' && d !== 'a') addTerm(`${d} ${w}`, p.sku, 2, 'variantnamed');
        continue;
      }
      if (w.length < 3 || /^\d/.test(w) || NAME_STOP.has(w) || hyphenParts.has(w) || colourKeys.has(w) || sizeKeys.has(w)) continue;
      // a modifier of the family ("cat" of "cat litter", "pet" of "pet bed") names nothing without its noun, nor does a
      // modifier of another product's family ("bridesmaid" of "bridesmaid dress" in "Satin Bridesmaid Robe": "my
      // bridesmaids" are people)
      if (familyModifiers.has(w)) continue;
      const sameName = p.family ? catalog.products.filter((q) => q.family === p.family && q.name === p.name).length : 1;
      if (siblings.length > 0 && sameName > 1 && siblings.every((q) => !keysOf(q.name.replace(/\([^)]*\)?/g, ' ')).includes(w))) {
        // a word that tells a group of variants from its siblings ("light" roast in 250 g and 1 kg): an attribute
        // that narrows along its own dimension, and names the group alone only after a determiner ("the light one")
        for (const v of [w, ...variantWords(w)]) {
          addTerm(v, p.sku, 2, 'variant');
          for (const d of SIZE_DETERMINERS) addTerm(`${d} ${v}`, p.sku, 2, 'variantnamed');
        }
        continue;
      }
      addTerm(w, p.sku, 1, 'nameword');
      for (const v of variantWords(w)) translated.push([v, p.sku, 1]);
    }
    if (p.family) {
      addTerm(p.family, p.sku, 2, 'family');
      for (const w of familyWords(p.family)) translated.push([w, p.sku, 2]);
    }
    for (const w of ownWords) if (w.length >= 3 && !/^\d/.test(w)) for (const t of familyWords(w)) translated.push([t, p.sku, 1]);
    // two name words that are one thing ("Peanut Butter" → crema de cacahuate, selai kacang): their translations as one
    // term, so the longest match keeps "crema de cacahuate" from reading as "crema" (another flavour) + "cacahuate"
    const nk = ownWords;
    // (a pair's own row translates the pair, in one word too: "cherry blossom" → cerejeira, sakura)
    for (let k = 0; k + 1 < nk.length; k++) {
      const pair = `${nk[k]} ${nk[k + 1]}`;
      const own = pairRow(pair);
      for (const v of variantWords(pair)) if (v.includes(' ') || own.includes(v)) translated.push([v, p.sku, 1]);
    }
    // the number of a volume or part in the name ("… vol. 2"; not a run of them, "vol. 1-10"): said with any series word
    // it tells the volumes apart, and alone names the one volume that has it ("vol 2 pls")
    for (const code of modelCodesOf(p.name, p.size ?? null, p.family ?? null)) addTerm(code, p.sku, 2, 'alias');
    const series = SERIES_IN_NAME.exec(p.name.replace(/\([^)]*\)?/g, ' '))?.[1];
    if (series) for (const w of SERIES_WORDS) addTerm(`${w} ${Number(series)}`, p.sku, 2, 'size');
    if (p.colour) for (const w of colourWords(p.colour)) addTerm(w, p.sku, 2, 'colour');
    if (p.size) {
      const { words, letterOnly, narrowOnly } = sizeWords(p.size);
      for (const w of words) if (!/^\d$/.test(w)) addTerm(w, p.sku, 2, 'size');
      for (const w of narrowOnly) addTerm(w, p.sku, 2, 'sizenarrow');
      for (const l of letterOnly) {
        for (const sw of SIZE_WORDS) addTerm(`${sw} ${l}`, p.sku, 2, 'size');
        addTerm(l, p.sku, 2, 'sizeletter');
        capitalLetters.set(l, new RegExp(`(?:^|[^\\p{L}\\p{N}])${l.toUpperCase()}(?![\\p{L}\\p{N}])`, 'u'));
      }
    }
    const os = (p.onScreen ?? '').trim();
    const num = /(\d{1,3})/.exec(os)?.[1];
    if (num) {
      for (const pre of ON_SCREEN_PREFIXES) addTerm(pre === '#' ? `#${num}` : `${pre} ${num}`, p.sku, 2, 'onscreen');
      // the number spelled out after a word that makes it a number on screen ("number two", "el número tres", "nomor dua")
      for (const pre of SPELLED_ON_SCREEN_PREFIXES) for (const w of numberWords(Number(num))) if (!SPELLED_SKIP.has(w)) addTerm(`${pre} ${w}`, p.sku, 2, 'onscreen');
      for (const ord of ORDINALS.get(Number(num)) ?? []) for (const d of ORDINAL_BEFORE) addTerm(`${d} ${ord}`, p.sku, 2, 'ordinal');
    }
  }
  // a shade's everyday colour ("verde" for sage, "blue" for navy) when no product has that colour itself; within a set
  // already named or pinned it answers to the shade even when another product has the colour itself (hueSkus)
  const exactColours = new Set(catalog.products.flatMap((p) => (p.colour ? colourWords(p.colour) : [])).map((w) => keysOf(w).join(' ')));
  const hueSkus = new Map<string, Set<string>>();
  for (const p of catalog.products) {
    if (!p.colour) continue;
    for (const w of hueWords(p.colour)) {
      const id = keysOf(w).join(' ');
      if (!exactColours.has(id)) addTerm(w, p.sku, 2, 'colour');
      const set = hueSkus.get(id);
      if (set) set.add(p.sku);
      else hueSkus.set(id, new Set([p.sku]));
    }
  }
  // an alias written with its article ("the Puck", "el Clásico") is said without it too ("puck for me"), unless the bare
  // word already means something in this catalog (a name word two products share)
  // (decided for all products first, so two variants sharing "the cube" both get "cube")
  const bareAliases: Array<[string, string]> = [];
  for (const p of catalog.products) {
    for (const a of p.aliases ?? []) {
      const keys = keysOf(a);
      if (keys.length < 2 || !ALIAS_ARTICLES.has(keys[0] ?? '')) continue;
      const bare = keys.slice(1).join(' ');
      if (bare.length >= 4 && !terms.has(bare)) bareAliases.push([bare, p.sku]);
    }
  }
  for (const [bare, sku] of bareAliases) addTerm(bare, sku, 2, 'alias');
  // an alias that is an article and a number ("the 760") is said with the other languages' articles too ("la 760",
  // "una 760", "yg 760"): the bare number alone is a quantity as often, so it stays out
  for (const p of catalog.products) {
    for (const a of p.aliases ?? []) {
      const keys = keysOf(a);
      if (keys.length !== 2 || !ALIAS_ARTICLES.has(keys[0] ?? '') || !/^\d{2,5}$/.test(keys[1] ?? '')) continue;
      for (const d of SIZE_DETERMINERS) addTerm(`${d} ${keys[1]}`, p.sku, 2, 'alias');
    }
  }
  // a word of a several-word alias said alone ("the glass" for "tempered glass", "armor" for "Armor case"): a weak name
  // word when this catalog gives it no other meaning and it belongs to one product's family only (shared across
  // families it names nothing); five letters or more, so short everyday words ("big set", "oil set") stay out
  for (const [w, skus] of partialAliasWords(catalog.products, keysOf, (w) => terms.has(w) || NAME_STOP.has(w) || ALIAS_ARTICLES.has(w) || familyModifiers.has(w))) {
    if (inOneFamily(skus)) for (const x of skus) addTerm(w, x, 1, 'nameword');
  }
  // the smallest and the largest size of each product ("the big one", "yg paling kecil"): narrow, or name after a determiner
  const groups = new Map<string, Array<{ sku: string; rank: number }>>();
  const letterGroups = new Set<string>();
  const weightGroups = new Set<string>();
  const lengthGroups = new Set<string>();
  const doseGroups = new Set<string>();
  const scaleGroups = new Set<string>();
  for (const p of catalog.products) {
    const rank = p.size ? sizeRank(p.size) : null;
    if (rank === null) continue;
    const g = p.family ?? p.onScreen ?? p.name;
    if (/^[a-z]{1,3}$/.test(keysOf(p.size ?? '').join(''))) letterGroups.add(g);
    if (isScaleSize(p.size ?? '')) scaleGroups.add(g);
    if (/^\d+(?:[.,]\d+)?\s*(?:kg|g|gr|lb|lbs|oz)$/.test(keysOf(p.size ?? '').join(' '))) weightGroups.add(g);
    if (/^\d+(?:[.,]\d+)?\s*(?:m|cm|mm|ft|in|meter|metro|metros)$/.test(keysOf(p.size ?? '').join(' '))) lengthGroups.add(g);
    if (/^\d+(?:[.,]\d+)?\s*(?:iu|ui|mg|mcg|ug)$/.test(keysOf(p.size ?? '').join(' '))) doseGroups.add(g);
    const list = groups.get(g);
    if (list) list.push({ sku: p.sku, rank });
    else groups.set(g, [{ sku: p.sku, rank }]);
  }
  for (const [g, list] of groups) {
    const letters = letterGroups.has(g);
    const ranks = list.map((x) => x.rank);
    const lo = Math.min(...ranks);
    const hi = Math.max(...ranks);
    if (lo === hi) continue;
    // (sizes on a scale, shoes' or rings': "small" / "big" speak of the fit there)
    const ends: Array<[readonly string[], number]> = scaleGroups.has(g) ? [] : [[SMALLER_WORDS, lo], [LARGER_WORDS, hi]];
    if (weightGroups.has(g)) ends.push([LIGHTER_WORDS, lo], [HEAVIER_WORDS, hi]);
    if (lengthGroups.has(g)) ends.push([SHORTER_WORDS, lo], [LONGER_WORDS, hi]);
    if (doseGroups.has(g)) ends.push([WEAKER_WORDS, lo], [STRONGER_WORDS, hi]);
    for (const [words, at] of ends) {
      for (const { sku, rank } of list) {
        if (rank !== at) continue;
        for (const w of words) {
          // letter sizes have their own words for small and large (S, L): only the other rank words point at the ends
          if (letters && LETTER_SIZE_WORDS.has(keysOf(w).join(' '))) continue;
          addTerm(w, sku, 2, 'sizenarrow');
          // ("la chica", "el chico" are the girl and the boy: those two only narrow)
          if (!NOUNS_TOO.has(keysOf(w).join(' '))) for (const d of sizeDeterminersFor(w)) addTerm(`${d} ${w}`, sku, 2, 'size');
        }
      }
    }
  }
  for (const [w, sku, weight] of translated) {
    const id = keysOf(w).join(' ');
    const t = terms.get(id);
    // a word the catalog already uses for something else (a colour, a name) keeps that meaning
    if (t && !t.kinds.has('family') && !t.kinds.has('nameword')) continue;
    addTerm(w, sku, weight, weight >= 2 ? 'family' : 'nameword');
  }
  const codeKeys: Array<{ code: string; compact: string }> = [];
  const discountCodes = new Set<string>();
  for (const o of catalog.offers) {
    const code = o.code.trim();
    if (!code) continue;
    offerSkus.set(code, o.skus.filter((s) => knownSkus.has(s)));
    if (o.skus.length === 0 && (o.aliases ?? []).length === 0) discountCodes.add(code);
    const compact = leetFold(keysOf(code).join(''));
    if (compact.length >= 6) codeKeys.push({ code, compact });
    for (const s of o.skus) bundleSkus.add(s);
    addTerm(code, null, 0, 'code', code);
    addTerm(`#${code}`, null, 0, 'code', code);
    for (const a of o.aliases ?? []) for (const s of o.skus) addTerm(a, s, 2, 'alias', code);
    if (o.skus.length === 0) for (const a of o.aliases ?? []) addTerm(a, null, 0, 'alias', code);
  }
  const singleOffer = catalog.offers.length === 1 ? (catalog.offers[0]?.code ?? null) : null;
  if (singleOffer) for (const w of CODE_WORDS) if (!terms.has(keysOf(w).join(' '))) addTerm(w, null, 0, 'codeword', singleOffer);
  // one offer with one bundle product: "the bundle" / "combo" / "paket" mean it (unless the catalog uses the word itself);
  // beside discount codes (no SKU), the one offer that is a bundle
  const bundles = catalog.offers.filter((o) => o.skus.length > 0);
  const onlyOffer = catalog.offers.length === 1 ? catalog.offers[0] : bundles.length === 1 ? bundles[0] : undefined;
  const bundleSku = onlyOffer && onlyOffer.skus.length === 1 && knownSkus.has(onlyOffer.skus[0] ?? '') ? (onlyOffer.skus[0] ?? null) : null;
  // a bundle word a product's own name uses ("12-pack") names that product's pack size, not the deal
  const nameKeys = new Set(catalog.products.flatMap((p) => keysOf(p.name)));
  // …nor a word inside another term ("12 pack", "kit de 6": a multipack's size, not the deal)
  const termWords = new Set([...terms.values()].filter((t) => t.keys.length > 1).flatMap((t) => t.keys));
  if (onlyOffer) for (const w of BUNDLE_WORDS) if (!terms.has(keysOf(w).join(' ')) && !keysOf(w).some((k) => nameKeys.has(k) || termWords.has(k))) addTerm(w, bundleSku, bundleSku ? 2 : 0, 'bundleword', onlyOffer.code);

  // index by first key (and its singular forms are looked up at match time)
  const byFirst = new Map<string, FirstKey>();
  for (const t of terms.values()) {
    t.attributeOnly = [...t.kinds].every((k) => ATTRIBUTE_KINDS.has(k));
    let entry = byFirst.get(t.first);
    if (!entry) byFirst.set(t.first, (entry = { single: null, bySecond: new Map() }));
    if (t.keys.length === 1) entry.single = t;
    else {
      const second = t.keys[1] ?? '';
      const list = entry.bySecond.get(second);
      if (list) list.push(t);
      else entry.bySecond.set(second, [t]);
    }
  }
  for (const entry of byFirst.values()) for (const list of entry.bySecond.values()) list.sort((a, b) => b.keys.length - a.keys.length);
  // one-word aliases long enough to allow a one-letter typo ("merh" → merah, "vermlho" → vermelho)
  // colour and size words are short everyday words ("back" is one letter from "black", "cabelo" from "camelo"):
  // they forgive a typo only from seven letters on
  const fuzzyTerms = [...terms.values()].filter(
    (t) =>
      t.keys.length === 1 &&
      t.first.length >= 5 &&
      /^\p{L}+$/u.test(t.first) &&
      // a name word only when it is distinctive: the catalog's own word (not a translation: "lavanda" is one letter from
      // "lavada"), of one product family, five letters or more; and sku.mentions forgives only a typo inside it, never
      // at its end ("capsule" / "capsules" is a form, not a typo)
      (!t.kinds.has('nameword') || (t.kinds.size === 1 && nameKeys.has(t.first) && inOneFamily([...t.skus.keys()]))) &&
      !t.kinds.has('codeword') &&
      !t.kinds.has('bundleword') && // everyday words ("combo" is one letter from "como")
      !DIMINUTIVE_END.test(t.first) && // a diminutive made up from a catalog word is no typo target ("meditas" ≠ "medidas")
      ([...t.kinds].every((k) => !ATTRIBUTE_KINDS.has(k) && k !== 'family') || t.first.length >= 7),
  );
  // by length and first letter, so a token is compared only with keys of its first letter one letter shorter, as long, or one longer
  const fuzzyByLength = new Map<number, Term[]>();
  for (const t of fuzzyTerms) {
    const k = fuzzyKey(t.first.length, t.first.charCodeAt(0));
    const list = fuzzyByLength.get(k);
    if (list) list.push(t);
    else fuzzyByLength.set(k, [t]);
  }
  const codeFirst = new Set(codeKeys.map((c) => c.compact[0] ?? ''));
  const codeMin = Math.min(...codeKeys.map((c) => c.compact.length)) - 1;
  const codeMax = Math.max(...codeKeys.map((c) => c.compact.length)) + 1;
  const colourVaried = new Set<string>();
  for (const p of catalog.products) {
    const sibs = familyOf(p.sku).map((s) => catalog.products.find((q) => q.sku === s)?.colour ?? null);
    if (new Set(sibs.filter(Boolean)).size > 1) colourVaried.add(p.sku);
  }
  // cognates: the catalog's own product words of six letters or more, keyed so that their es/pt/id spellings meet
  const cognates = new Map<string, Term>();
  const clash = new Set<string>();
  for (const t of terms.values()) {
    if (t.keys.length !== 1 || t.first.length < 6 || !/^[a-z]+$/.test(t.first) || t.attributeOnly) continue;
    if (![...t.kinds].some((k) => k === 'name' || k === 'nameword' || k === 'family' || k === 'alias')) continue;
    const key = cognateKey(t.first);
    if (key.length < 5) continue;
    const had = cognates.get(key);
    if (had && had !== t) clash.add(key);
    else cognates.set(key, t);
  }
  for (const k of clash) cognates.delete(k);
  const cognateFirst = new Set([...cognates.keys()].map((k) => k.slice(0, 3)));
  const sizeRanges = new Map<string, SizeRange[]>();
  for (const p of catalog.products) {
    const r = p.size ? sizeRangesOf(p.size) : [];
    if (r.length > 0) sizeRanges.set(p.sku, r);
  }
  const amounts = new Map<string, number>();
  for (const p of catalog.products) {
    const a = p.size ? moneyAmountOf(p.size) : null;
    if (a !== null) amounts.set(p.sku, a);
  }
  return { amounts, sizeRanges, colourVaried, cognates, cognateFirst, terms, byFirst, fuzzyByLength, codeKeys, codeFirst, codeMin, codeMax, offerSkus, discountCodes, hueSkus, sizedSkus: new Set(catalog.products.filter((p) => p.size).map((p) => p.sku)), bundleSkus, knownSkus, capitalLetters, familyOf };
}
