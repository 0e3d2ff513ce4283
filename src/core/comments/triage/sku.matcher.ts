// Which product (SKU) and offer a comment refers to.
//
// Terms come from the catalog: product names (whole name = strongest, single name words = weak), aliases in
// any language, on-screen numbers ("#2", "no 2", "item 2"), offer codes (case-insensitive) and
// offer aliases. A term shared by several SKUs ("lip tint", "#2") names a *family*; a term owned by
// one SKU ("nude", "50 ml") names that SKU.
//
// Resolution (labelling rules: sku null when several SKUs fit or several are named):
//   1. SKUs named by their own non-numeric term. If several, drop those whose terms also fit another named SKU
//      ("serum 50ml": "serum" also fits the 50 ml → 50 ml). A bundle beats its contents ("kit with the berry").
//      Still several, or a family named beside it that it is not part of ("the dress and the scarf") → null.
//   2. Otherwise SKUs named by a bare number alias ("el de 50"), same rules.
//   3. Otherwise the SKUs every naming term fits (intersection: "light roast" → the light ones); terms that fit
//      disjoint sets → several products → null.
//   4. Colour / size words narrow per dimension: two colours (or two sizes) that fit different SKUs → null
//      ("burgundy and black", "ordered L got S"). Adjective sizes ("small", "kecil") and one-digit sizes only narrow.
//   5. Nothing left named: a pointing word ("este", "ini", "this") anywhere points at the pinned product.
//   6. An offer code or bundle word whose bundle is not a catalog product → null (the deal, not one product);
//      only an offer code (or "the code" when the show has one offer) → the offer's single SKU.
// Catalog family words are translated (sku.words FAMILY_ROWS); offer codes forgive one edit and look-alike
// digits ("gl0wset20", "glowset 2O"); fuzzy word matching is kept to long brand words, never short colour words.

import type { TriageCatalog } from './triage.types';
import { phraseKeys, type NormalizedText } from './text.normalize';
import { BUNDLE_WORDS, colourWords, familyWords, ORDINAL_BEFORE, ORDINALS, SIZE_DETERMINERS, sizeWords, SIZE_WORDS, variantWords } from './sku.words';

type Kind =
  | 'name' | 'alias' | 'nameword' | 'onscreen' | 'ordinal' | 'code' | 'codeword' | 'family'
  | 'colour' | 'size' | 'sizeletter' | 'sizenarrow' | 'variant' | 'variantnamed';
/** Kinds that describe a variant rather than name a product: they narrow a set of SKUs down. */
const ATTRIBUTE_KINDS: ReadonlySet<Kind> = new Set<Kind>(['colour', 'size', 'sizeletter', 'sizenarrow', 'variant', 'variantnamed']);
/** Attribute kinds that never name a variant on their own (they need a product already named or pinned). */
const NARROW_ONLY_KINDS: ReadonlySet<Kind> = new Set<Kind>(['sizeletter', 'sizenarrow', 'variant']);
/** The dimension an attribute narrows along: two words of one dimension that fit different SKUs mean several. */
function dimensionOf(t: { kinds: Set<Kind> }): 'colour' | 'variant' | 'size' {
  if (t.kinds.has('colour')) return 'colour';
  if (t.kinds.has('variant') || t.kinds.has('variantnamed')) return 'variant';
  return 'size';
}

interface Term {
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

export interface SkuMatch {
  sku: string | null;
  offerCode: string | null;
  /** Token positions that were part of a product / offer mention. */
  productTokens: Set<number>;
  /** Some product, family, on-screen number, offer or code was named. */
  mentioned: boolean;
  /** A deictic ("this one") resolved to the pinned product. */
  deictic: boolean;
  /** SKUs that fit the comment (for a null result: the ambiguous set). */
  candidates: string[];
  reasons: string[];
}

export interface SkuMatcher {
  match(norm: NormalizedText, pinnedSku?: string | null): SkuMatch;
  readonly termCount: number;
}

const NAME_STOP: ReadonlySet<string> = new Set(
  ['the', 'and', 'with', 'for', 'set', 'pcs', 'pc', 'cm', 'ml', 'of', 'de', 'da', 'do', 'del', 'la', 'el', 'en', 'in', 'x', 'kit', 'new',
   'edition', 'size', 'pack', 'box', 'pair', 'pairs', 'piece', 'pieces', 'sachet', 'sachets', 'bundle', 'mini'].map((w) => phraseKeys(w).join(' ')),
);
const ON_SCREEN_PREFIXES = ['#', 'no', 'no.', 'nr', 'nro', 'num', 'number', 'numero', 'nomor', 'item', 'produk', 'produto', 'producto', 'n'];
const CODE_WORDS = ['code', 'codes', 'codigo', 'coupon', 'cupon', 'cupom', 'kode', 'voucher', 'promo code', 'discount code', 'kode promo'];
const DEICTIC_PHRASES = ['this one', 'that one', 'this 1', 'yang ini', 'yg ini', 'este aqui', 'esta aqui', 'esse aqui', 'essa aqui', 'ese de ahi',
  'the one on screen', 'the one you have', 'the one youre holding', 'the one you are holding', 'the one in your hand', 'the one youre wearing',
  'el que tienes', 'el que tienes en la mano', 'la que tienes', 'el que traes', 'o que ta na mao', 'o que voce ta segurando', 'esse que voce ta segurando',
  'essa que voce ta segurando', 'o da mao', 'yang dipegang', 'yg dipegang', 'yang lagi dipegang', 'yg lagi dipegang', 'yang kakak pegang', 'yg kakak pegang',
  'yang dipake', 'yg dipake'];
const DEICTIC_WORDS: ReadonlySet<string> = new Set(['this', 'este', 'esta', 'esse', 'essa'].map((w) => phraseKeys(w).join(' ')));
/**
 * Demonstratives that, anywhere in a comment, point at the pinned product ("does this come in…", "ini bahannya…").
 * Not "that" (also a conjunction) nor the neuter pronouns (eso, isso: a situation more often than an object).
 */
const POINTER_WORDS: ReadonlySet<string> = new Set(
  ['this', 'these', 'este', 'esta', 'ese', 'esa', 'esse', 'essa', 'ini'].map((w) => phraseKeys(w).join(' ')),
);
/** With these, "this" is the show, not the product ("this live is fun", "esse som"). */
const STREAM_WORDS: ReadonlySet<string> = new Set(
  ['live', 'lives', 'show', 'stream', 'streaming', 'transmision', 'transmissao', 'siaran', 'chat', 'video', 'song', 'music', 'musica', 'lagu',
   'audio', 'sound', 'som', 'sonido', 'suara', 'host', 'weekend', 'week', 'semana', 'minggu', 'year', 'ano', 'tahun', 'time', 'vez', 'kali', 'morning',
   'hari', 'dia', 'day', 'moment', 'momento', 'game', 'app', 'aplikasi', 'platform', 'channel', 'canal', 'sale', 'promo', 'offer', 'oferta']
    .map((w) => phraseKeys(w).join(' ')),
);
/** What may follow an ordinal that points at a product ("the second one", "el segundo?", "yang kedua kak"). */
const AFTER_ORDINAL: ReadonlySet<string> = new Set(['one', 'uno', 'una', 'um', 'uma', 'item', 'product', 'produk', '?'].map((w) => (w === '?' ? '?' : phraseKeys(w).join(' '))));
const TRAILING_IGNORE: ReadonlySet<string> = new Set(
  ['pls', 'plz', 'please', 'porfa', 'pfv', 'kak', 'min', 'sis', 'gan', 'ya', 'dong', 'ok', 'now', 'ya', 'yaa', 'rn', 'lol', 'aqui', 'ahora',
   'agora', 'skrg', 'sekarang', '?'].map((w) => (w === '?' ? '?' : phraseKeys(w).join(' '))),
);
const UNITS_AFTER_NUMBER: ReadonlySet<string> = new Set(
  ['day', 'days', 'dia', 'dias', 'hari', 'week', 'weeks', 'semana', 'semanas', 'minggu', 'hour', 'hours', 'hora', 'horas', 'jam', 'h',
   'min', 'mins', 'minutes', 'menit', 'month', 'months', 'mes', 'meses', 'bulan', 'year', 'years', 'anos', 'tahun', 'times', 'vezes',
   'veces', 'kali', 'seconds', 'segundos', 'detik', 'k', 'pm', 'am', 'followers', 'people', 'orang', 'pessoas', 'personas', 'primeiros',
   'primeros', 'first', 'pertama', 'off', 'x', 'rb', 'ribu', 'jt', 'reais', 'pesos', 'dollars', 'bucks', 'usd', 'orders', 'pedidos', 'likes']
    .map((w) => phraseKeys(w).join(' ')),
);
const NUMBER_BLOCKERS_BEFORE: ReadonlySet<string> = new Set(['order', 'pedido', 'pesanan', 'number', 'top', '__price__', 'the first', 'first'].map((w) => phraseKeys(w).join(' ')));

function isNumericKeys(keys: string[]): boolean {
  return keys.every((k) => /^\d+$/.test(k));
}

/** Plural / enclitic variants a text token may take of a catalog key. */
function tokenMatches(textTok: string, key: string): boolean {
  if (textTok === key) return true;
  const n = textTok.length;
  if (n < 4 || textTok.charCodeAt(n - 1) !== 115 /* s */) return false;
  if (textTok.slice(0, -1) === key) return true; // kits, serums
  if (textTok.endsWith('es') && textTok.slice(0, -2) === key) return true; // pouches, protectores
  if (textTok.endsWith('ves') && textTok.slice(0, -3) + 'fe' === key) return true; // knives
  return false;
}

/** Singular form number `form` (1: -s, 2: -es, 3: -ves → -fe) of a word, or null when it does not apply. */
function singularForm(t: string, form: number): string | null {
  if (t.length < 4 || t.charCodeAt(t.length - 1) !== 115 /* s */) return null;
  if (form === 1) return t.slice(0, -1);
  if (form === 2) return t.endsWith('es') ? t.slice(0, -2) : null;
  return t.endsWith('ves') ? t.slice(0, -3) + 'fe' : null;
}

export function compileSkuMatcher(catalog: TriageCatalog): SkuMatcher {
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

  /** Other languages' family words, added after the catalog's own words so those keep their kinds. */
  const translated: Array<[string, string, number]> = [];
  /** Bare size letters written as a capital word of their own ("M!!", "G por favor"): letter → test. */
  const capitalLetters = new Map<string, RegExp>();
  const addTerm = (phrase: string, sku: string | null, weight: number, kind: Kind, offer?: string): void => {
    const keys = phraseKeys(phrase);
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

  for (const p of catalog.products) {
    addTerm(p.name, p.sku, 3, 'name');
    for (const a of p.aliases ?? []) addTerm(a, p.sku, 2, 'alias');
    const familyKeys = p.family ? phraseKeys(p.family) : [];
    const siblings = p.family ? catalog.products.filter((q) => q.family === p.family && q.name !== p.name) : [];
    for (const w of phraseKeys(p.name)) {
      if (w.length < 3 || /^\d/.test(w) || NAME_STOP.has(w)) continue;
      // a modifier of the family ("cat" of "cat litter", "pet" of "pet bed") names nothing without its noun
      if (familyKeys.length > 1 && familyKeys.indexOf(w) >= 0 && familyKeys.indexOf(w) < familyKeys.length - 1) continue;
      const sameName = p.family ? catalog.products.filter((q) => q.family === p.family && q.name === p.name).length : 1;
      if (siblings.length > 0 && sameName > 1 && siblings.every((q) => !phraseKeys(q.name).includes(w))) {
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
    for (const w of phraseKeys(p.name)) if (w.length >= 3 && !/^\d/.test(w)) for (const t of familyWords(w)) translated.push([t, p.sku, 1]);
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
      for (const ord of ORDINALS.get(Number(num)) ?? []) for (const d of ORDINAL_BEFORE) addTerm(`${d} ${ord}`, p.sku, 2, 'ordinal');
    }
  }
  for (const [w, sku, weight] of translated) {
    const id = phraseKeys(w).join(' ');
    const t = terms.get(id);
    // a word the catalog already uses for something else (a colour, a name) keeps that meaning
    if (t && !t.kinds.has('family') && !t.kinds.has('nameword')) continue;
    addTerm(w, sku, weight, weight >= 2 ? 'family' : 'nameword');
  }
  const codeKeys: Array<{ code: string; compact: string }> = [];
  for (const o of catalog.offers) {
    const code = o.code.trim();
    if (!code) continue;
    offerSkus.set(code, o.skus.filter((s) => knownSkus.has(s)));
    const compact = leetFold(phraseKeys(code).join(''));
    if (compact.length >= 6) codeKeys.push({ code, compact });
    for (const s of o.skus) bundleSkus.add(s);
    addTerm(code, null, 0, 'code', code);
    addTerm(`#${code}`, null, 0, 'code', code);
    for (const a of o.aliases ?? []) for (const s of o.skus) addTerm(a, s, 2, 'alias', code);
    if (o.skus.length === 0) for (const a of o.aliases ?? []) addTerm(a, null, 0, 'alias', code);
  }
  const singleOffer = catalog.offers.length === 1 ? (catalog.offers[0]?.code ?? null) : null;
  if (singleOffer) for (const w of CODE_WORDS) if (!terms.has(phraseKeys(w).join(' '))) addTerm(w, null, 0, 'codeword', singleOffer);
  // one offer with one bundle product: "the bundle" / "combo" / "paket" mean it (unless the catalog uses the word itself)
  const onlyOffer = catalog.offers.length === 1 ? catalog.offers[0] : undefined;
  const bundleSku = onlyOffer && onlyOffer.skus.length === 1 && knownSkus.has(onlyOffer.skus[0] ?? '') ? (onlyOffer.skus[0] ?? null) : null;
  if (onlyOffer) for (const w of BUNDLE_WORDS) if (!terms.has(phraseKeys(w).join(' '))) addTerm(w, bundleSku, bundleSku ? 2 : 0, 'alias', onlyOffer.code);

  // index by first key (and its singular forms are looked up at match time)
  const byFirst = new Map<string, Term[]>();
  for (const t of terms.values()) {
    t.attributeOnly = [...t.kinds].every((k) => ATTRIBUTE_KINDS.has(k));
    const list = byFirst.get(t.first);
    if (list) list.push(t);
    else byFirst.set(t.first, [t]);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.keys.length - a.keys.length);
  const deicticPhrases = DEICTIC_PHRASES.map((p) => phraseKeys(p));
  // one-word aliases long enough to allow a one-letter typo ("merh" → merah, "vermlho" → vermelho)
  // colour and size words are short everyday words ("back" is one letter from "black", "cabelo" from "camelo"):
  // they forgive a typo only from seven letters on
  const fuzzyTerms = [...terms.values()].filter(
    (t) =>
      t.keys.length === 1 &&
      t.first.length >= 5 &&
      /^\p{L}+$/u.test(t.first) &&
      !t.kinds.has('nameword') &&
      !t.kinds.has('codeword') &&
      ([...t.kinds].every((k) => !ATTRIBUTE_KINDS.has(k) && k !== 'family') || t.first.length >= 7),
  );
  // by length, so a token is compared only with keys one letter shorter, as long, or one longer
  const fuzzyByLength = new Map<number, Term[]>();
  for (const t of fuzzyTerms) {
    const list = fuzzyByLength.get(t.first.length);
    if (list) list.push(t);
    else fuzzyByLength.set(t.first.length, [t]);
  }
  const fuzzy = (tok: string): Term | null => {
    let hit: Term | null = null;
    for (let len = tok.length - 1; len <= tok.length + 1; len++) for (const t of fuzzyByLength.get(len) ?? []) {
      const key = t.first;
      if (Math.abs(key.length - tok.length) > 1) continue;
      // short aliases only forgive a dropped letter or a swap ("merh", "nued"), not a different letter ("murah")
      if (key.length < 6 && tok.length === key.length && !isSwap(tok, key)) continue;
      if (key.length < 6 && tok.length > key.length) continue;
      if (withinOneEdit(tok, key)) {
        if (hit && hit !== t) return null; // two aliases this close: not a typo we can trust
        hit = t;
      }
    }
    return hit;
  };

  /** An offer code written with a typo, spaces or look-alike digits ("gl0wset 20", "glowset2O"): windows of ≤ 4 tokens. */
  const codeFirst = new Set(codeKeys.map((c) => c.compact[0] ?? ''));
  const codeMin = Math.min(...codeKeys.map((c) => c.compact.length)) - 1;
  const codeMax = Math.max(...codeKeys.map((c) => c.compact.length)) + 1;
  const fuzzyCode = (toks: readonly string[]): string | null => {
    for (let i = 0; i < toks.length; i++) {
      const head = toks[i] ?? '';
      // cheap gate: the window must start like some code (after folding look-alike digits)
      if (!codeFirst.has(LEET_FIRST[head.charCodeAt(0)] ?? head.charAt(0))) continue;
      let joined = '';
      for (let k = i; k < Math.min(toks.length, i + 4); k++) {
        const t = toks[k] ?? '';
        if (!/^[\p{L}\p{N}]+$/u.test(t)) break;
        joined += t;
        if (joined.length > codeMax) break;
        if (joined.length < codeMin) continue;
        const folded = leetFold(joined);
        for (const { code, compact } of codeKeys) {
          if (Math.abs(folded.length - compact.length) <= 1 && folded[0] === compact[0] && withinOneEdit(folded, compact)) return code;
        }
      }
    }
    return null;
  };

  function match(norm: NormalizedText, pinnedSku?: string | null): SkuMatch {
    const toks = norm.tokens;
    const n = toks.length;
    const tok = (k: number): string => toks[k] ?? '';
    const found: Array<{ term: Term; at: number }> = [];
    const productTokens = new Set<number>();
    let i = 0;
    while (i < n) {
      let best: Term | null = null;
      const here = tok(i);
      // the token itself, then (only for a word ending in "s") its singular forms — no array per token
      for (let form = 0; form < 4; form++) {
        const cand = form === 0 ? here : singularForm(here, form);
        if (cand === null) continue;
        const list = byFirst.get(cand);
        if (!list) continue;
        for (const t of list) {
          if (i + t.keys.length > n) continue;
          if (best && best.keys.length >= t.keys.length) break;
          let ok = true;
          for (let k = 1; k < t.keys.length; k++) if (!tokenMatches(tok(i + k), t.keys[k] ?? '')) { ok = false; break; }
          if (ok) { best = t; break; }
        }
      }
      if (!best && tok(i).length >= 4 && /^\p{L}+$/u.test(tok(i))) best = fuzzy(tok(i));
      if (best && best.numeric) {
        // "24h", "30 days", "$30", "order 28", "top 10": numbers that are not the product
        const next = tok(i + best.keys.length);
        const prev = tok(i - 1);
        if (UNITS_AFTER_NUMBER.has(next) || NUMBER_BLOCKERS_BEFORE.has(prev) || prev.startsWith('+')) best = null;
      }
      if (best && best.kinds.size === 1 && best.kinds.has('ordinal')) {
        const next = tok(i + best.keys.length);
        if (!(i + best.keys.length >= n || AFTER_ORDINAL.has(next) || TRAILING_IGNORE.has(next))) best = null;
      }
      if (!best) {
        i++;
        continue;
      }
      found.push({ term: best, at: i });
      if (!best.kinds.has('codeword')) for (let k = 0; k < best.keys.length; k++) productTokens.add(i + k);
      i += best.keys.length;
    }

    const reasons: string[] = [];
    // offers named by code / alias
    const codeOffers = new Set<string>();
    const aliasOffers = new Set<string>();
    let codeword: string | null = null;
    for (const { term } of found) {
      if (term.kinds.has('code')) for (const o of term.offers) codeOffers.add(o);
      else if (term.kinds.has('codeword')) codeword = [...term.offers][0] ?? null;
      else for (const o of term.offers) aliasOffers.add(o);
    }
    if (codeOffers.size === 0 && codeKeys.length > 0) {
      const c = fuzzyCode(toks);
      if (c) {
        codeOffers.add(c);
        reasons.push(`offer code written loosely → ${c}`);
      }
    }

    // exclusive terms: exactly one SKU at weight ≥ 2, or a single SKU at all
    const strong = new Map<string, Term[]>();
    const weak = new Map<string, Term[]>();
    const namedTerms: Term[] = [];
    /** Multi-SKU naming terms: [their SKUs, a weak name word (weight 1 only)?]. */
    const families: Array<{ term: Term; set: string[]; weakWord: boolean }> = [];
    const attrs: Term[] = [];
    for (const { term } of found) {
      if (term.skus.size === 0) continue;
      if (term.attributeOnly) {
        attrs.push(term);
        continue;
      }
      namedTerms.push(term);
      let top: string | null = null;
      let topCount = 0;
      for (const [s, w] of term.skus) {
        if (w >= 2 || term.skus.size === 1) {
          top = s;
          topCount++;
        }
      }
      if (topCount === 1 && top) {
        const bucket = term.numeric ? weak : strong;
        const list = bucket.get(top);
        if (list) list.push(term);
        else bucket.set(top, [term]);
      } else {
        const heavy = [...term.skus].filter(([, w]) => w >= 2).map(([s]) => s);
        families.push({ term, set: heavy.length > 0 ? heavy : [...term.skus.keys()], weakWord: heavy.length === 0 });
      }
    }

    const resolve = (named: Map<string, Term[]>): { sku: string | null; set: string[] } => {
      let set = [...named.keys()];
      if (set.length > 1) {
        // drop an SKU whose every naming term also fits another named SKU ("serum" fits 30 and 50 → "serum 50ml" = 50)
        const pruned = set.filter((s) => !named.get(s)!.every((t) => set.some((o) => o !== s && t.skus.has(o))));
        if (pruned.length >= 1) set = pruned;
      }
      if (set.length > 1) {
        const bundles = set.filter((s) => bundleSkus.has(s));
        if (bundles.length === 1) return { sku: bundles[0] ?? null, set };
      }
      return { sku: set.length === 1 ? (set[0] ?? null) : null, set };
    };
    /** A family named beside a product it does not contain: two products are named ("the dress in XL and the scarf"). */
    const otherFamily = (s: string): string[] | null => {
      if (bundleSkus.has(s)) return null;
      const f = families.find((x) => !x.weakWord && !x.set.includes(s));
      return f ? f.set : null;
    };

    let sku: string | null = null;
    let candidates: string[] = [];
    let deictic = false;
    if (strong.size > 0) {
      // a bare number joins in when a named term also fits its SKU ("serum 50" → the 50 ml; "spf 50" does not)
      for (const [s, ts] of weak) {
        if ([...strong.values()].some((list) => list.some((t) => t.skus.has(s)))) {
          const cur = strong.get(s);
          if (cur) cur.push(...ts);
          else strong.set(s, [...ts]);
        }
      }
      const r = resolve(strong);
      sku = r.sku;
      candidates = r.set;
      const other = sku ? otherFamily(sku) : null;
      if (sku && other) {
        candidates = [sku, ...other.filter((o) => o !== sku)];
        reasons.push(`sku: several products named (${candidates.slice(0, 4).join(', ')}) → none`);
        sku = null;
        attrs.length = 0; // a colour / size then belongs to one of them, not to the set
      } else if (sku) reasons.push(`sku: “${strong.get(sku)?.[0]?.label ?? sku}” → ${sku}`);
      else reasons.push(`sku: several named (${r.set.join(', ')}) → none`);
    } else if (weak.size > 0) {
      const r = resolve(weak);
      sku = r.sku;
      candidates = r.set;
      if (sku) reasons.push(`sku: “${weak.get(sku)?.[0]?.label ?? sku}” → ${sku}`);
      else reasons.push(`sku: several sizes named (${r.set.join(', ')}) → none`);
    } else if (families.length > 0) {
      // the SKUs every naming term fits; weak name words ("roast", "mini") narrow only when they keep some
      let set: string[] | null = null;
      let disjoint = false;
      for (const f of families) {
        if (f.weakWord) continue;
        const next: string[] = set === null ? [...f.set] : set.filter((s) => f.set.includes(s));
        if (set !== null && next.length === 0) disjoint = true;
        else set = next;
      }
      if (set === null) {
        // only weak name words: their intersection, else the best total weight
        for (const f of families) {
          const next: string[] = set === null ? [...f.set] : set.filter((s) => f.set.includes(s));
          if (next.length > 0) set = next;
        }
      } else {
        let cur: string[] = set;
        for (const f of families) {
          if (!f.weakWord) continue;
          const next: string[] = cur.filter((s) => f.set.includes(s));
          if (next.length > 0) cur = next;
        }
        set = cur;
      }
      const label = families[0]?.term.label ?? '';
      if (disjoint) {
        candidates = [...new Set(families.filter((f) => !f.weakWord).flatMap((f) => f.set))];
        reasons.push(`sku: several products named (“${families.map((f) => f.term.label).join('”, “')}”) → none`);
        attrs.length = 0;
      } else {
        candidates = set ?? [];
        if (candidates.length === 1) {
          sku = candidates[0] ?? null;
          reasons.push(`sku: “${label}” → ${sku}`);
        } else if (pinnedSku && candidates.includes(pinnedSku) && attrs.length === 0 && hasPointer(toks, deicticPhrases, productTokens)) {
          sku = pinnedSku;
          deictic = true;
          reasons.push(`sku: “this one” + family → pinned ${pinnedSku}`);
        } else {
          reasons.push(`sku: “${label}” fits ${candidates.length} SKUs → none`);
        }
      }
    }

    // colour / size words narrow what was named (or, with nothing named, the pinned product's family, then the catalog);
    // per dimension, so two colours or two sizes that fit different SKUs leave several
    if (!sku && attrs.length > 0) {
      const usable = attrs.filter((t) => !isNarrowOnly(t) || t.keys.length > 1 || capitalLetters.get(t.first)?.test(norm.capped) === true);
      const narrow = (base: readonly string[], list: readonly Term[]): string[] => {
        let set = [...base];
        for (const dim of ['colour', 'variant', 'size'] as const) {
          const ofDim = list.filter((t) => dimensionOf(t) === dim);
          if (ofDim.length === 0) continue;
          const fit = set.filter((s) => ofDim.some((t) => t.skus.has(s)));
          if (fit.length === 0) continue; // a word that fits none of them meant something else
          // each word of this dimension picks its own SKUs; if they pick different ones, several are meant
          const picks = ofDim.map((t) => set.filter((s) => t.skus.has(s))).filter((x) => x.length > 0);
          const agreed = fit.filter((s) => picks.every((p) => p.includes(s)));
          set = agreed.length > 0 ? agreed : fit;
        }
        return set.length < base.length || base.length === 1 ? set : [];
      };
      let fit: string[] = [];
      if (candidates.length > 0) fit = narrow(candidates, attrs);
      else {
        const pinnedFamily = pinnedSku && knownSkus.has(pinnedSku) ? familyOf(pinnedSku) : [];
        const inFamily = pinnedFamily.length > 0 ? narrow(pinnedFamily, attrs) : [];
        // words that name a variant alone pick the SKUs; adjective sizes and bare letters then narrow those
        const named = usable.length > 0 ? narrow([...knownSkus], usable) : [];
        fit = inFamily.length === 1 ? inFamily : named.length > 1 ? narrow(named, attrs) : named;
      }
      const label = attrs.map((t) => t.label).join(' + ');
      if (fit.length === 1 && fit[0]) {
        sku = fit[0];
        reasons.length = 0;
        reasons.push(`sku: ${namedTerms[0] ? `“${namedTerms[0].label}” + ` : ''}“${label}” → ${sku}`);
      } else if (fit.length > 1) {
        candidates = fit;
        reasons.length = 0;
        if (pinnedSku && fit.includes(pinnedSku) && hasPointer(toks, deicticPhrases, productTokens)) {
          sku = pinnedSku;
          deictic = true;
          reasons.push(`sku: “this one” + “${label}” → pinned ${pinnedSku}`);
        } else reasons.push(`sku: “${label}” fits ${fit.length} SKUs → none`);
      }
    }

    if (!sku && candidates.length === 0 && pinnedSku && hasPointer(toks, deicticPhrases, productTokens)) {
      sku = pinnedSku;
      deictic = true;
      reasons.push(`sku: “this one” → pinned ${pinnedSku}`);
    }

    // offer
    let offerCode: string | null = null;
    if (codeOffers.size === 1) offerCode = [...codeOffers][0] ?? null;
    if (!offerCode && sku) {
      for (const [code, skus] of offerSkus) if (skus.includes(sku)) { offerCode = code; break; }
    }
    if (!offerCode && codeOffers.size === 0 && aliasOffers.size === 1 && !sku && candidates.length === 0) offerCode = [...aliasOffers][0] ?? null;
    if (!offerCode && codeword && (sku === null || candidates.length <= 1)) offerCode = codeword;
    // the deal named by its code or a bundle word, and the bundle is not a product of this catalog: the comment is
    // about the deal, whatever it contains → no single product
    const dealNamed = [...codeOffers, ...aliasOffers].find((c) => (offerSkus.get(c) ?? []).length === 0);
    if (dealNamed && sku && !(offerSkus.get(dealNamed) ?? []).includes(sku)) {
      candidates = [];
      reasons.length = 0;
      reasons.push(`sku: the ${dealNamed} deal is named, not one product → none`);
      sku = null;
      deictic = false;
      if (!offerCode) offerCode = dealNamed;
    }
    if (offerCode && !sku && candidates.length === 0) {
      const skus = offerSkus.get(offerCode) ?? [];
      if (skus.length === 1 && skus[0]) {
        sku = skus[0];
        reasons.push(`sku: offer ${offerCode} → ${sku}`);
      }
    }
    if (offerCode) reasons.push(`offer: ${offerCode}`);

    return {
      sku,
      offerCode,
      productTokens,
      mentioned: found.some((f) => !f.term.kinds.has('codeword')),
      deictic,
      candidates: sku ? [sku] : candidates,
      reasons,
    };
  }

  return { match, termCount: terms.size };
}

function hasDeictic(toks: string[], phrases: string[][], productTokens: Set<number>): boolean {
  const n = toks.length;
  for (const p of phrases) {
    outer: for (let i = 0; i + p.length <= n; i++) {
      for (let k = 0; k < p.length; k++) if (toks[i + k] !== p[k]) continue outer;
      return true;
    }
  }
  // a bare "this"/"este"/"ini" that ends the comment (a pointing word as last word),
  // or opens a question
  let last = n - 1;
  const at = (k: number): string => toks[k] ?? '';
  while (last >= 0 && (TRAILING_IGNORE.has(at(last)) || at(last).startsWith(':') || productTokens.has(last))) last--;
  if (last >= 0 && DEICTIC_WORDS.has(at(last))) return true;
  if (n > 1 && DEICTIC_WORDS.has(at(0)) && toks.includes('?')) return true;
  return false;
}

/** A pointing word anywhere ("does this come in…", "ini bahannya…"), unless the comment is about the show itself. */
function hasPointer(toks: string[], phrases: string[][], productTokens: Set<number>): boolean {
  if (hasDeictic(toks, phrases, productTokens)) return true;
  let pointer = false;
  for (const t of toks) {
    if (STREAM_WORDS.has(t)) return false;
    if (POINTER_WORDS.has(t)) pointer = true;
  }
  return pointer;
}

function isNarrowOnly(t: Term): boolean {
  return [...t.kinds].every((k) => NARROW_ONLY_KINDS.has(k));
}

const LEET: Readonly<Record<string, string>> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', l: 'i' };
/** First character of a token, look-alike folded, by char code (the cheap gate before any code comparison). */
const LEET_FIRST: Record<number, string> = Object.fromEntries(Object.entries(LEET).map(([k, v]) => [k.charCodeAt(0), v]));
/** Look-alike digits folded to letters, for comparing offer codes ("gl0w5et" → "glowset"). */
function leetFold(s: string): string {
  return s.replace(/[013457l]/g, (d) => LEET[d] ?? d);
}

/** Damerau-Levenshtein distance ≤ 1 (one insertion, deletion, substitution or adjacent swap). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return i + 1 < la && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swap
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

function isSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}
