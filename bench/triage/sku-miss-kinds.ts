// Where SKU recall and precision are lost, per corpus category, as counts by kind of miss — never a comment's text, so it
// is safe to run on every fold (the judging categories included). Each line the matcher gets wrong (gold intent for the
// context step, as `sku-eval --gold-intent`) is put in one kind by what the matcher found in it and what the catalog says
// about the gold product: a product word the catalog has but in another form, a number not read, a pointing word missed,
// several named handled wrongly, a colour/size that did not narrow, a false match on a word, a bare order labelled with
// the pinned product (the labelling convention, not the matcher).
//   node --import tsx bench/triage/sku-miss-kinds.ts [--only <category>] [--lost] [--detail] [--summary] [--agreed]
// --lost adds, per category, how many recall / precision points each kind costs; --agreed counts only the lines both
// labellers agree on (categories with a second labeller; sku-eval's "agreed lines").
import { indexCatalog } from '../../src/core/comments/triage/sku.catalog-index';
import { findMentions, type Mention } from '../../src/core/comments/triage/sku.mentions';
import { compileSkuMatcher, type SkuMatch } from '../../src/core/comments/triage/sku.matcher';
import { skuInContext } from '../../src/core/comments/triage/sku.context';
import { pointerCue } from '../../src/core/comments/triage/sku.pointer';
import { dimensionOf } from '../../src/core/comments/triage/sku.catalog-index';
import { normalizeText, phraseKeys } from '../../src/core/comments/triage/text.normalize';
import { DEVELOPER_WRITTEN, loadCorpus, type LabelledSet } from './datasets';
import { fmt } from './metrics';
import { goldSub, loadSecondSkuLabels, skuAgreement } from './sku-eval';

type Product = LabelledSet['catalog']['products'][number];

/** The words a product is called by in its catalog entry (name, family, aliases), normalized, letters only, ≥ 4 long. */
function productWords(p: Product): Set<string> {
  const out = new Set<string>();
  for (const phrase of [p.name, p.family ?? '', ...(p.aliases ?? [])]) for (const k of phraseKeys(phrase)) if (/^\p{L}{4,}$/u.test(k)) out.add(k);
  return out;
}
/** The numbers in a product's entry (volume, size, pack count, on-screen number). */
function productNumbers(p: Product): Set<string> {
  const out = new Set<string>();
  for (const phrase of [p.name, p.size ?? '', p.onScreen ?? '', ...(p.aliases ?? [])]) for (const m of phrase.matchAll(/\d+/g)) out.add(String(Number(m[0])));
  return out;
}

/** A token that is not a catalog word but shares its first five letters with one of the product's words (a form or typo). */
function nearWord(toks: readonly string[], words: ReadonlySet<string>, taken: ReadonlySet<number>): boolean {
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i] ?? '';
    if (taken.has(i) || t.length < 4 || words.has(t)) continue;
    for (const w of words) {
      const n = Math.min(5, w.length, t.length);
      if (n >= 4 && t.slice(0, n) === w.slice(0, n)) return true;
    }
  }
  return false;
}

/** The token at a mention's start is not the term's own key (nor its plural): a typo or cognate match. */
function looseMatch(m: Mention, toks: readonly string[]): boolean {
  const t = toks[m.at] ?? '';
  return t !== m.term.first && !t.startsWith(m.term.first);
}

export interface MissRow {
  toks: readonly string[];
  gold: string | null;
  pinned: string | null;
  got: string | null;
  res: SkuMatch;
  found: readonly Mention[];
  contextReason: string | null;
  intent: string;
}

/**
 * With --detail: the kind split further by things that hold no comment text either — the intent, the pointing cue the
 * matcher saw (its own vocabulary's class), the dimension of the colour/size words, and where the gold product sits.
 */
export function missDetail(catalog: LabelledSet['catalog'], r: MissRow, kind: string): string {
  const fam = (s: string | null): string => {
    const p = catalog.products.find((x) => x.sku === s);
    return p?.family ?? p?.onScreen ?? p?.name ?? '';
  };
  const out = [r.intent];
  if (/pointer|no pointer/.test(kind)) out.push(`cue ${pointerCue(r.toks, r.res.productTokens) ?? 'none'}`);
  const dims = [...new Set(r.found.filter((m) => m.term.attributeOnly && m.term.skus.size > 0).map((m) => dimensionOf(m.term)))];
  if (/colour\/size/.test(kind)) out.push(`dims ${dims.join('+') || '-'}`);
  if (r.gold && r.pinned) out.push(r.gold === r.pinned ? 'gold = pinned' : fam(r.gold) === fam(r.pinned) ? 'gold = pinned sibling' : 'gold elsewhere');
  if (r.gold && !r.pinned) out.push('nothing pinned');
  const cands = r.res.candidates;
  if (cands.length > 1 && r.got === null) {
    const cs = cands.map((c) => catalog.products.find((x) => x.sku === c));
    const differ = (['colour', 'size', 'name'] as const).filter((k) => new Set(cs.map((x) => x?.[k] ?? '')).size > 1);
    out.push(`${cands.length} cands differ by ${differ.join('+') || 'nothing'}${new Set(cs.map((x) => fam(x?.sku ?? null))).size > 1 ? ' across families' : ''}`);
    // one candidate marked as the plain variant (regular / standard …) in its name or size
    const plain = cs.filter((x) => /\b(?:regular|standard|std|normal|classic|original)\b/i.test(`${x?.name ?? ''} ${x?.size ?? ''}`));
    if (plain.length === 1) out.push(plain[0]?.sku === r.gold ? 'gold is the plain variant' : 'gold not the plain variant');
  }
  return ` [${out.join('; ')}]`;
}

/** One kind of miss for a line whose answer differs from its label (words only from this module, none from the line). */
export function missKind(catalog: LabelledSet['catalog'], r: MissRow): string {
  const prod = (s: string | null): Product | undefined => catalog.products.find((x) => x.sku === s);
  const fam = (s: string | null): string => {
    const p = prod(s);
    return p?.family ?? p?.onScreen ?? p?.name ?? '';
  };
  const naming = r.found.filter((m) => m.term.skus.size > 0 && !m.term.attributeOnly);
  const attrs = r.found.filter((m) => m.term.skus.size > 0 && m.term.attributeOnly);
  const reason = r.res.reasons.find((x) => x.startsWith('sku: ')) ?? '';
  if (r.gold && r.got === null) {
    const g = prod(r.gold);
    const cands = r.res.candidates;
    if (r.found.length === 0 || (naming.length === 0 && attrs.length === 0)) {
      if (r.gold === r.pinned) return r.contextReason?.includes('none named') ? 'missed: bare order, gold = pinned (labelling convention)' : 'missed: nothing named, gold = pinned, no pointer word found';
      const words = g ? productWords(g) : new Set<string>();
      if (nearWord(r.toks, words, r.res.productTokens)) return 'missed: gold product word in another form (morphology/typo)';
      const nums = g ? productNumbers(g) : new Set<string>();
      if (r.toks.some((t) => /^\d+$/.test(t) && nums.has(String(Number(t))))) return 'missed: gold number in the comment, not read';
      return r.gold && r.pinned && fam(r.gold) === fam(r.pinned) ? 'missed: no catalog word (gold = pinned sibling)' : 'missed: no catalog word (nickname/translation)';
    }
    if (reason.includes('several products named') || reason.includes('several named') || reason.includes('another product')) {
      return cands.includes(r.gold) ? 'missed: several named → none, gold among them' : 'missed: several named → none, gold not among them';
    }
    if (cands.length > 1 && cands.includes(r.gold)) {
      if (attrs.length > 0) return 'missed: colour/size did not narrow to gold';
      if (r.gold === r.pinned) return 'missed: family named, gold = pinned, no pointer word';
      const cs = cands.map(prod);
      const differ = (['colour', 'size'] as const).filter((k) => new Set(cs.map((x) => x?.[k] ?? '')).size > 1);
      const numbers = g ? productNumbers(g) : new Set<string>();
      if (r.toks.some((t) => /^\d+$/.test(t) && numbers.has(String(Number(t))))) return 'missed: family named, gold number in comment not read';
      if (g && nearWord(r.toks, productWords(g), r.res.productTokens)) return 'missed: family named, gold variant word in another form';
      return `missed: family named, variant not found (candidates differ by ${differ.join('+') || 'name'})`;
    }
    if (cands.length > 0) return 'missed: words point to other products';
    if (attrs.length > 0 && naming.length === 0) return r.pinned ? 'missed: colour/size alone, no fit in pinned family' : 'missed: colour/size alone, nothing pinned';
    return 'missed: other';
  }
  if (r.gold && r.got) {
    if (r.res.deictic) return 'wrong: pointer took the pinned product, gold another';
    if (fam(r.gold) === fam(r.got)) return 'wrong: sibling variant (colour/size/variant read wrong)';
    return 'wrong: another product (false match)';
  }
  // gold none, answered a product
  const p = r.got ?? '';
  const sibs = catalog.products.filter((x) => fam(x.sku) === fam(p)).length;
  const famTag = sibs > 1 ? `family of ${sibs}` : 'single product';
  if (r.res.deictic) return naming.length > 0 ? 'spurious: family word + pointer → pinned' : 'spurious: pointer word → pinned';
  if (reason.includes('offer ')) return 'spurious: offer read as its product';
  const others = naming.filter((m) => ![...m.term.skus.keys()].includes(p));
  if (others.length > 0) return 'spurious: several named, one answered';
  if (naming.length === 0) return attrs.length > 0 ? `spurious: colour/size alone picked a variant (${r.pinned ? 'pinned family' : 'catalog'})` : 'spurious: other';
  if (naming.every((m) => looseMatch(m, r.toks))) return 'spurious: typo/cognate match';
  const kinds = new Set(naming.flatMap((m) => [...m.term.kinds]));
  const strongest = kinds.has('name') ? 'full name' : kinds.has('alias') ? 'alias' : kinds.has('onscreen') || kinds.has('ordinal') ? 'on-screen number' : kinds.has('family') ? 'family word' : 'name word alone';
  const sizeNamed = attrs.length > 0 ? ' + colour/size' : '';
  return `spurious: ${strongest}${sizeNamed} (${famTag}${r.pinned ? (r.pinned === p ? ', = pinned' : ', ≠ pinned') : ''})`;
}

/**
 * Kinds where the matcher did what the spelled-out labelling rule (docs/triage.md) says and the category's labels read
 * the pinned product another way: a bare order or a comment with no pointing word labelled with the pinned SKU, a
 * family without its variant labelled with the pinned one, a pointing word or a colour/size alone under a pinned
 * product labelled none. Two conventions no one matcher meets at once; counted apart so the rest is the matcher's own.
 */
export function isConventionKind(kind: string): boolean {
  return /^missed: (?:bare order, gold = pinned|nothing named, gold = pinned, no pointer|family named, gold = pinned, no pointer)|^spurious: (?:pointer word → pinned|family word \+ pointer → pinned|colour\/size alone picked a variant \(pinned family\))/.test(kind);
}

export interface CategoryKinds {
  name: string;
  gold: number;
  pred: number;
  recall: number;
  precision: number;
  kinds: Map<string, number>;
  /** Recall / precision with the lines of convention kinds left out (the matcher's own errors only). */
  ruleRecall: number;
  rulePrecision: number;
}

export function missKinds(set: LabelledSet, detail = false): CategoryKinds {
  const index = indexCatalog(set.catalog);
  const m = compileSkuMatcher(set.catalog);
  const kinds = new Map<string, number>();
  let gold = 0, goldOk = 0, pred = 0, predOk = 0, convGold = 0, convPred = 0;
  for (const row of set.rows) {
    const norm = normalizeText(row.text);
    const pinned = row.pinnedSku ?? null;
    const res = m.match(norm, pinned);
    const cx = skuInContext(res, row.intent, pinned, null, goldSub(row));
    const got = cx.sku;
    if (row.sku) gold++;
    if (row.sku && got === row.sku) goldOk++;
    if (got) pred++;
    if (got && got === row.sku) predOk++;
    if (got === row.sku) continue;
    const { found } = findMentions(index, norm.tokens);
    const mr = { toks: norm.tokens, gold: row.sku, pinned, got, res, found, contextReason: cx.reason, intent: row.intent };
    let k = missKind(set.catalog, mr);
    if (isConventionKind(k)) {
      if (row.sku) convGold++;
      if (got) convPred++;
    }
    if (detail) k += missDetail(set.catalog, mr, k);
    kinds.set(k, (kinds.get(k) ?? 0) + 1);
  }
  const rg = gold - convGold;
  const rp = pred - convPred;
  return {
    name: set.name.replace('corpus/', ''), gold, pred, recall: gold ? goldOk / gold : 1, precision: pred ? predOk / pred : 1, kinds,
    ruleRecall: rg ? goldOk / rg : 1, rulePrecision: rp ? predOk / rp : 1,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const only = process.argv.indexOf('--only') >= 0 ? process.argv[process.argv.indexOf('--only') + 1] : null;
  const lost = process.argv.includes('--lost');
  const total = new Map<string, number>();
  // --summary: one line of recall/precision per category and the worst independent figures (for quick A/B runs)
  const summary = process.argv.includes('--summary');
  const worst: Array<[number, number]> = [];
  const worstRule: Array<[number, number]> = [];
  const line: string[] = [];
  const agreedOnly = process.argv.includes('--agreed');
  for (const full of loadCorpus()) {
    const second = agreedOnly ? loadSecondSkuLabels(full.name.replace('corpus/', '')) : null;
    if (agreedOnly && !second) continue;
    const set = second ? { ...skuAgreement(full, second).agreed, name: full.name } : full;
    const c = missKinds(set, process.argv.includes('--detail'));
    if (only && c.name !== only) continue;
    const dev = DEVELOPER_WRITTEN.has(c.name);
    if (summary) {
      if (!dev) worst.push([c.recall, c.precision]);
      if (!dev) worstRule.push([c.ruleRecall, c.rulePrecision]);
      line.push(`${c.name.slice(0, 10)} ${fmt(c.recall)}/${fmt(c.precision)}`);
      continue;
    }
    console.log(`${c.name.padEnd(22)} gold ${String(c.gold).padStart(4)} answered ${String(c.pred).padStart(4)}  R ${fmt(c.recall)} P ${fmt(c.precision)}  | without convention lines R ${fmt(c.ruleRecall)} P ${fmt(c.rulePrecision)}${dev ? '  (developer-written)' : ''}`);
    for (const [k, n] of [...c.kinds].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
      const cost = !lost ? '' : k.startsWith('spurious') ? `  (P −${fmt(n / Math.max(1, c.pred))})` : k.startsWith('missed') ? `  (R −${fmt(n / Math.max(1, c.gold))})` : `  (R −${fmt(n / Math.max(1, c.gold))}, P −${fmt(n / Math.max(1, c.pred))})`;
      console.log(`    ${String(n).padStart(3)}  ${k}${cost}`);
      if (!dev) total.set(k, (total.get(k) ?? 0) + n);
    }
  }
  if (summary) {
    for (let i = 0; i < line.length; i += 6) console.log(line.slice(i, i + 6).join('  '));
    console.log(`WORST independent: R ${fmt(Math.min(...worst.map((x) => x[0])))} P ${fmt(Math.min(...worst.map((x) => x[1])))}`);
    console.log(`WORST independent without the pinned-product convention lines: R ${fmt(Math.min(...worstRule.map((x) => x[0])))} P ${fmt(Math.min(...worstRule.map((x) => x[1])))}`);
  } else if (!only) {
    console.log('ALL independent categories:');
    for (const [k, n] of [...total].sort((a, b) => b[1] - a[1])) console.log(`    ${String(n).padStart(4)}  ${k}`);
  }
}
