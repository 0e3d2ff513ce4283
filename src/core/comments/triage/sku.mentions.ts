// Finds the catalog's terms in a comment's tokens, longest first: plurals, typos of long words, offer codes written
// loosely, and numbers that are durations, prices or quantities rather than a product.
import { cognateKey, cognatePrefix, fuzzyKey, LEET, leetFold, type CatalogIndex, type Term } from './sku.catalog-index';
import { keySetOf } from './text.normalize';
import { TRAILING_IGNORE } from './sku.pointer';

/** What may follow an ordinal that points at a product ("the second one", "el segundo?", "yang kedua kak"). */
const AFTER_ORDINAL: ReadonlySet<string> = keySetOf(['one', 'uno', 'una', 'um', 'uma', 'item', 'product', 'produk', '?']);
export const UNITS_AFTER_NUMBER: ReadonlySet<string> = keySetOf(
  ['day', 'days', 'dia', 'dias', 'hari', 'week', 'weeks', 'semana', 'semanas', 'minggu', 'hour', 'hours', 'hora', 'horas', 'jam', 'h',
   'min', 'mins', 'minutes', 'menit', 'month', 'months', 'mes', 'meses', 'bulan', 'year', 'years', 'anos', 'tahun', 'times', 'vezes',
   'veces', 'kali', 'seconds', 'segundos', 'detik', 'k', 'pm', 'am', 'followers', 'people', 'orang', 'pessoas', 'personas', 'primeiros',
   'primeros', 'first', 'pertama', 'off', 'x', 'rb', 'ribu', 'jt', 'reais', 'pesos', 'dollars', 'bucks', 'usd', 'orders', 'pedidos', 'likes']);
export const NUMBER_BLOCKERS_BEFORE: ReadonlySet<string> = keySetOf(['order', 'pedido', 'pesanan', 'number', 'top', '__price__', 'the first', 'first',
  // an error or status code at checkout ("error 500", "deu erro 404", "kode 502")
  'error', 'erro', 'kode']);

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

export interface Mention {
  term: Term;
  /** Token position where it starts. */
  at: number;
}

/**
 * Everyday function words of the four languages: written as meant, never a typo of a catalog word one letter away
 * ("para" is not "Parma", "como" not "combo", "mais" not "maise"). Only words of four letters or more reach the typo step.
 */
const NEVER_A_TYPO: ReadonlySet<string> = keySetOf([
  'para', 'pero', 'porque', 'como', 'cuando', 'donde', 'esta', 'este', 'esto', 'esos', 'esas', 'todo', 'toda', 'todos', 'nada', 'mucho', 'mucha', 'quiero',
  'tengo', 'tiene', 'tienen', 'hace', 'solo', 'sola', 'algo', 'otra', 'otro', 'bien', 'desde', 'hasta', 'sobre', 'entre', 'mais', 'isso', 'essa', 'esse', 'aqui',
  'muito', 'muita', 'quero', 'tenho', 'pode', 'vamos', 'ainda', 'depois', 'agora', 'sama', 'buat', 'untuk', 'yang', 'juga', 'sudah', 'udah', 'masih', 'bisa',
  'kalau', 'kalo', 'tapi', 'dari', 'dengan', 'sini', 'situ', 'also', 'have', 'with', 'from', 'that', 'this', 'what', 'when', 'where', 'which', 'there',
  'their', 'them', 'then', 'than', 'just', 'like', 'some', 'more', 'about', 'would', 'could', 'should', 'your', 'they', 'want', 'will', 'been', 'were',
]);

/** A one-word term within one typo of the token, if exactly one is. */
function fuzzyTerm(index: CatalogIndex, tok: string): Term | null {
  let hit: Term | null = null;
  const first = tok.charCodeAt(0);
  for (let len = tok.length - 1; len <= tok.length + 1; len++) for (const t of index.fuzzyByLength.get(fuzzyKey(len, first)) ?? []) {
    const key = t.first;
    if (Math.abs(key.length - tok.length) > 1) continue;
    // short aliases only forgive a dropped letter or a swap ("merh", "nued"), not a different letter ("murah")
    if (key.length < 6 && tok.length === key.length && !isSwap(tok, key)) continue;
    if (key.length < 6 && tok.length > key.length) continue;
    // (the index is keyed by first letter: a typo seldom touches it, "carrinho" is not "marinho")
    // a name word forgives a typo inside it only: an edit at its end is another form of the word ("cloud" / "cloudy")
    if (t.kinds.has('nameword') && endEdit(tok, key)) continue;
    if (withinOneEdit(tok, key)) {
      if (hit && hit !== t) return null; // two aliases this close: not a typo we can trust
      hit = t;
    }
  }
  return hit;
}

/** An offer code written with a typo, spaces or look-alike digits ("gl0wset 20", "glowset2O"): windows of ≤ 4 tokens. */
export function fuzzyCode(index: CatalogIndex, toks: readonly string[]): string | null {
  const { codeKeys, codeFirst, codeMin, codeMax } = index;
  if (codeKeys.length === 0) return null;
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
}

/** The terms a comment names, in order, and the token positions that belong to a product or offer mention. */
export function findMentions(index: CatalogIndex, toks: readonly string[]): { found: Mention[]; productTokens: Set<number> } {
  const { byFirst } = index;
  const n = toks.length;
  const tok = (k: number): string => toks[k] ?? '';
  const found: Mention[] = [];
  const productTokens = new Set<number>();
  let i = 0;
  while (i < n) {
    let best: Term | null = null;
    const here = tok(i);
    // the token itself, then (only for a word ending in "s") its singular forms — no array per token
    for (let form = 0; form < 4; form++) {
      const cand = form === 0 ? here : singularForm(here, form);
      if (cand === null) continue;
      const entry = byFirst.get(cand);
      if (!entry) continue;
      if (entry.bySecond.size > 0 && i + 1 < n) {
        // the next token, then its singular forms, picks the longer terms worth comparing
        const next = tok(i + 1);
        for (let form2 = 0; form2 < 4; form2++) {
          const second = form2 === 0 ? next : singularForm(next, form2);
          if (second === null) continue;
          const list = entry.bySecond.get(second);
          if (!list) continue;
          for (const t of list) {
            if (i + t.keys.length > n) continue;
            if (best && best.keys.length >= t.keys.length) break;
            let ok = true;
            for (let k = 2; k < t.keys.length; k++) if (!tokenMatches(tok(i + k), t.keys[k] ?? '')) { ok = false; break; }
            if (ok) { best = t; break; }
          }
        }
      }
      if (!best && entry.single) best = entry.single;
    }
    if (!best && tok(i).length >= 4 && /^\p{L}+$/u.test(tok(i)) && !NEVER_A_TYPO.has(tok(i))) best = fuzzyTerm(index, tok(i));
    // the same word in another of the four languages (colágeno for collagen, magnésio for magnesium)
    if (!best && tok(i).length >= 6 && index.cognateFirst.has(cognatePrefix(tok(i)))) {
      best = index.cognates.get(cognateKey(singularForm(tok(i), 1) ?? tok(i))) ?? index.cognates.get(cognateKey(tok(i))) ?? null;
    }
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
  return { found, productTokens };
}

/** First character of a token, look-alike folded, by char code (the cheap gate before any code comparison). */
const LEET_FIRST: Record<number, string> = Object.fromEntries(Object.entries(LEET).map(([k, v]) => [k.charCodeAt(0), v]));

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

/** Two words one edit apart at the last letter: one is the other plus a letter, or they differ in the last letter only. */
export function endEdit(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a) || (a.length === b.length && a.slice(0, -1) === b.slice(0, -1));
}

function isSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

