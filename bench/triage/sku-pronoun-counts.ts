// How the two labellers read a pronoun or clitic that could point at the pinned product ("does it come in red?",
// "¿lo tienen en azul?", "ele vem com capa?", "ukurannya berapa?"), on lines where the matcher names nothing else — as
// counts only (never a comment's text), so it is safe on every fold. Each such line is put in a shape read from its
// words (question / order verb / reaction word / past order / other) and counted by what the first and the second
// labeller gave it (the pinned SKU, none, another SKU). Also counts the spurious "pointer word → pinned" and
// "colour/size alone → pinned family's variant" lines (first label none) by the second labeller's label.
// Every line a pointing word already gave the pinned SKU is counted by its cue and both labels. With --simulate: the
// worst independent fold (first labels, agreed lines) if a pronoun in some shapes named the pinned SKU — exact, since
// only lines on which the matcher names nothing, no candidates and no offer are flipped.
// --shape splits the demonstrative cue by the sentence shape too.
//   node --import tsx bench/triage/sku-pronoun-counts.ts [--by-category] [--intent] [--simulate] [--shape]
import { compileSkuMatcher } from '../../src/core/comments/triage/sku.matcher';
import { pronounShape, pronounClass, pronounIsLast } from './pronoun-shape';
import { pointerCue } from '../../src/core/comments/triage/sku.pointer';
import { keySetOf, normalizeText } from '../../src/core/comments/triage/text.normalize';
import { DEVELOPER_WRITTEN, judgesSku, loadCorpus } from './datasets';
import { loadSecondSkuLabels } from './sku-eval';
import { missKind } from './sku-miss-kinds';
import { findMentions } from '../../src/core/comments/triage/sku.mentions';
import { indexCatalog } from '../../src/core/comments/triage/sku.catalog-index';

/** Demonstratives by number (the plural ones may point at a whole line of products rather than one). */
const SINGULAR_DEM: ReadonlySet<string> = keySetOf(['this', 'este', 'esta', 'ese', 'esa', 'esse', 'essa', 'ini', 'aquel', 'aquella', 'aquele', 'aquela', 'desse', 'dessa', 'deste', 'desta', 'daquele', 'daquela']);
const PLURAL_DEM: ReadonlySet<string> = keySetOf(['these', 'estos', 'estas', 'esos', 'esas', 'esses', 'essas', 'estes']);
const byCat = process.argv.includes('--by-category');
const withIntent = process.argv.includes('--intent');
type Tally = Map<string, number>;
const add = (t: Tally, k: string): void => { t.set(k, (t.get(k) ?? 0) + 1); };
const groups: Record<string, Tally> = { judges: new Map(), tuning: new Map() };
const spur: Record<string, Tally> = { judges: new Map(), tuning: new Map() };
/** Every line the pointing words gave the pinned SKU, by the cue that fired and the two labels (per-cue precision). */
const cues: Record<string, Tally> = { judges: new Map(), tuning: new Map() };
const lab = (x: string | null | undefined, pinned: string): string => (x === undefined ? 'n/a' : x === null ? 'none' : x === pinned ? 'PIN' : 'other');

/** Candidate rules: which (pronoun class, shape) cells would name the pinned SKU. */
const VARIANTS: Record<string, (cls: string, shape: string) => boolean> = {
  'none (today)': () => false,
  'A any pronoun, not past/reaction': (_c, sh) => !sh.startsWith('past') && !sh.startsWith('reaction'),
  'B question or order': (_c, sh) => sh.startsWith('question') || sh.startsWith('order'),
  'C question or order, pronoun last': (_c, sh) => sh === 'question/last' || sh === 'order/last',
  'D order, pronoun last': (_c, sh) => sh === 'order/last',
  'E es/pt only, question or order': (c, sh) => (c === 'es clitic' || c === 'pt ele/ela') && (sh.startsWith('question') || sh.startsWith('order')),
};
/** Recall / precision counts of one category under one variant. */
interface Counts { gold: number; goldOk: number; pred: number; predOk: number }
const zero = (): Counts => ({ gold: 0, goldOk: 0, pred: 0, predOk: 0 });
// per variant, per category: first labels and agreed lines
const sim = new Map<string, Map<string, { first: Counts; agreed: Counts }>>();
const bump = (v: string, cat: string, which: 'first' | 'agreed', gold: string | null, got: string | null): void => {
  const byCatSim = sim.get(v) ?? new Map<string, { first: Counts; agreed: Counts }>();
  sim.set(v, byCatSim);
  const c = byCatSim.get(cat) ?? { first: zero(), agreed: zero() };
  byCatSim.set(cat, c);
  const a = c[which];
  if (gold) a.gold++;
  if (gold && got === gold) a.goldOk++;
  if (got) a.pred++;
  if (got && got === gold) a.predOk++;
};
const recall = (c: Counts): number => (c.gold ? c.goldOk / c.gold : 1);
const precision = (c: Counts): number => (c.pred ? c.predOk / c.pred : 1);

for (const set of loadCorpus()) {
  const cat = set.name.replace('corpus/', '');
  const role = judgesSku(cat) ? 'judges' : 'tuning';
  const m = compileSkuMatcher(set.catalog);
  const index = indexCatalog(set.catalog);
  const second = loadSecondSkuLabels(cat);
  for (const r of set.rows) {
    const pinned = r.pinnedSku ?? null;
    const norm = normalizeText(r.text);
    const res = m.match(norm, pinned);
    const s2 = second ? (second.has(r.id) ? second.get(r.id) ?? null : undefined) : undefined;
    const free = pinned && !res.sku && res.candidates.length === 0 && !res.offerCode;
    const cls0 = free ? pronounClass(norm) : null;
    const shape0 = cls0 ? `${pronounShape(norm.tokens)}${pronounIsLast(norm.tokens) ? '/last' : ''}` : '';
    for (const [v, rule] of Object.entries(VARIANTS)) {
      const got = cls0 && rule(cls0, shape0) ? pinned : res.sku;
      bump(v, cat, 'first', r.sku, got);
      if (s2 !== undefined && s2 === r.sku) bump(v, cat, 'agreed', r.sku, got);
    }
    if (!pinned) continue;
    const group = byCat ? `${role}:${cat}` : role;
    if (res.deictic) {
      (cues[group] ??= new Map());
      const cue = pointerCue(norm.tokens, res.productTokens);
      const number = cue === 'demonstrative' ? (norm.tokens.some((t) => SINGULAR_DEM.has(t)) ? ' sg' : norm.tokens.some((t) => PLURAL_DEM.has(t)) ? ' pl' : ' ?') + (process.argv.includes('--shape') ? ' ' + pronounShape(norm.tokens) : '') : '';
      add(cues[group], `cue ${(String(cue) + number).padEnd(18)} first ${lab(r.sku, pinned).padEnd(5)} second ${lab(s2, pinned)}`);
    }
    if (res.sku && r.sku === null) {
      // a SKU answered where the first label is none: keep the pinned-product kinds (a pointer, a colour/size alone)
      const { found } = findMentions(index, norm.tokens);
      const kind = missKind(set.catalog, { toks: norm.tokens, gold: r.sku, pinned, got: res.sku, res, found, contextReason: null, intent: r.intent });
      if (!/pointer word → pinned|colour\/size alone picked a variant \(pinned family\)/.test(kind)) continue;
      (spur[group] ??= new Map());
      add(spur[group], `${kind.padEnd(58)} second ${s2 === undefined ? 'n/a' : s2 === null ? 'none' : s2 === res.sku ? 'SAME' : 'other'}`);
      continue;
    }
    if (res.sku || res.candidates.length > 0 || res.offerCode) continue;
    const cls = pronounClass(norm) ?? '(no pronoun)';
    const shape = `${pronounShape(norm.tokens)}${pronounIsLast(norm.tokens) ? '/last' : ''}`;
    (groups[group] ??= new Map());
    add(groups[group], `${cls.padEnd(8)} ${shape.padEnd(14)}${withIntent ? ` ${r.intent.padEnd(9)}` : ''} first ${lab(r.sku, pinned).padEnd(5)} second ${lab(s2, pinned)}`);
  }
}
for (const [g, t] of Object.entries(groups)) {
  console.log(`== lines naming nothing under a pinned product, by pronoun (${g})`);
  for (const [k, n] of [...t].sort((a, b) => a[0].localeCompare(b[0]))) console.log(`  ${String(n).padStart(4)}  ${k}`);
}
for (const [g, t] of Object.entries(spur)) {
  console.log(`== spurious pinned answers, first label none (${g})`);
  for (const [k, n] of [...t].sort((a, b) => a[0].localeCompare(b[0]))) console.log(`  ${String(n).padStart(4)}  ${k}`);
}
for (const [g, t] of Object.entries(cues)) {
  console.log(`== lines a pointing word gave the pinned SKU, by cue (${g})`);
  for (const [k, n] of [...t].sort((a, b) => a[0].localeCompare(b[0]))) console.log(`  ${String(n).padStart(4)}  ${k}`);
}
if (process.argv.includes('--simulate')) {
  const f = (x: number): string => x.toFixed(3);
  for (const [v, cats] of sim) {
    const independent = [...cats].filter(([cat]) => !DEVELOPER_WRITTEN.has(cat));
    const worst = (k: 'first' | 'agreed', fn: (c: Counts) => number): number => Math.min(...independent.map(([, c]) => fn(c[k])));
    console.log(`${v.padEnd(36)} worst first R ${f(worst('first', recall))} P ${f(worst('first', precision))} | worst agreed R ${f(worst('agreed', recall))} P ${f(worst('agreed', precision))}`);
    if (byCat) for (const [cat, c] of independent) console.log(`    ${cat.slice(0, 12).padEnd(12)} ${f(recall(c.first))}/${f(precision(c.first))} agreed ${f(recall(c.agreed))}/${f(precision(c.agreed))}`);
  }
}
