// The learned "about the product on screen" step (sku.on-screen.model) measured leave-one-category-out on the v4 SKU
// labels (--rule v3 / v2: the v3 or v2 labels, for the figures before sessions 21 / 19), gold intent as the intent proxy (like sku-eval --gold-intent): each category's step is trained on other
// categories only, never on its own labels, and scored beside the same run without the step and with the rule cue.
//   node --import tsx bench/triage/sku-onscreen-eval.ts tuning [--rule v2|v3|v4] [--grid] [--errors <tuning category>]
//   node --import tsx bench/triage/sku-onscreen-eval.ts independent [--rule v2|v3|v4]
// 'tuning' judges the SKU tuning split (ON_SCREEN_TUNING: the developer-written categories and the two the lead named),
// each fold trained on the other tuning categories only; --grid prints epochs × dropout × threshold there (what the
// defaults were chosen from) and --errors the texts of one tuning category's step errors. 'independent' judges the
// independent categories (aggregate figures only: never texts), each fold trained on every other corpus category —
// the judge, run at the end, not iterated on.
import { createAnalyzer } from '../../src/core/comments/triage/triage.analyzer';
import {
  ON_SCREEN_DEFAULTS,
  onScreenApplies,
  onScreenInput,
  onScreenProbability,
  onScreenTarget,
  trainOnScreenModel,
  type OnScreenExample,
  type OnScreenModel,
  type OnScreenTrainOptions,
} from '../../src/core/comments/triage/sku.on-screen.model';
import type { OnScreenScore } from '../../src/core/comments/triage/sku.context';
import { featurizeLinear, type FeatureVector } from '../../src/core/comments/triage/linear.model';
import { SUBS_OF, type Intent } from '../../src/core/comments/triage/triage.types';
import { judgesSku, lineKey, loadCorpus, ON_SCREEN_TUNING, type LabelledSet } from './datasets';
import { labelsUnder, MATCHER_RULE, ruleOf, scoreSku, skuAgreement, type SkuFold } from './sku-eval';
import { fmt } from './metrics';


/** One category under a rule's labels (MATCHER_RULE, v4, unless told), with each applicable comment's step features (gold intent/sub) and target. */
export interface OnScreenSet {
  category: string;
  first: LabelledSet;
  second: Map<string, string | null> | null;
  /** By comment id: the comments the step applies to, their features and (when trainable) target. */
  rows: Map<string, { x: FeatureVector; y: number | null; rule: boolean; key: string }>;
  /** Every line's key (lineKey), to leave out training lines that repeat one of this category's lines. */
  keys: Set<string>;
}

export function onScreenSetOf(set: LabelledSet, rule: 'v2' | 'v3' | 'v4' = MATCHER_RULE): OnScreenSet | null {
  const labelled = labelsUnder(rule, set);
  if (!labelled) return null;
  const an = createAnalyzer(set.catalog);
  const skus = new Set(set.catalog.products.map((p) => p.sku));
  const rows = new Map<string, { x: FeatureVector; y: number | null; rule: boolean; key: string }>();
  for (const r of labelled.first.rows) {
    const pinned = r.pinnedSku && skus.has(r.pinnedSku) ? r.pinnedSku : null;
    if (!pinned || r.intent === 'spam') continue;
    const a = an.analyse(r.text, r.lang ?? null, pinned);
    if (!onScreenApplies(a.match, pinned)) continue;
    const sub = r.sub && (SUBS_OF[r.intent as Intent] as readonly string[]).includes(r.sub) ? r.sub : null;
    // rule: whether the session-12 rule cue gives it the pinned product (a question with a cue, an order with a pronoun)
    const rule = (r.intent === 'question' && a.match.onScreen !== null) || (r.intent === 'order' && a.match.onScreen === 'pronoun');
    rows.set(r.id, { x: featurizeLinear(onScreenInput(a.modelInput, a.match, r.intent, sub)), y: onScreenTarget(r.sku ?? null, pinned), rule, key: lineKey(r.text) });
  }
  return { category: set.name.replace('corpus/', ''), first: labelled.first, second: labelled.second, rows, keys: new Set(labelled.first.rows.map((r) => lineKey(r.text))) };
}

/** The sets' training examples, without lines that repeat a line of `exclude` ("how much?" in two catalogs), as the cross-catalog bench does. */
export function examplesOf(sets: readonly OnScreenSet[], exclude?: ReadonlySet<string>): OnScreenExample[] {
  return sets.flatMap((s) => [...s.rows.values()].flatMap((r) => (r.y === null || exclude?.has(r.key) ? [] : [{ x: r.x, y: r.y }])));
}

/** A threshold and a veto (OnScreenModel): the model alone is veto = threshold. */
export interface Cut {
  threshold: number;
  veto: number;
}

export function scoresOf(model: OnScreenModel | null, s: OnScreenSet, cut: Cut): Map<string, OnScreenScore> {
  const out = new Map<string, OnScreenScore>();
  if (!model) return out;
  for (const [id, r] of s.rows) out.set(id, { p: onScreenProbability(model, r.x), ...cut });
  return out;
}

export interface Variant {
  name: string;
  folds: SkuFold[];
  agreed: SkuFold[];
}

const worst = (fs: readonly SkuFold[]) => ({ r: Math.min(...fs.map((f) => f.recall)), p: Math.min(...fs.map((f) => f.precision)) });
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

export function formatVariant(v: Variant): string {
  const w = worst(v.folds);
  const wa = v.agreed.length ? worst(v.agreed) : null;
  return (
    `${v.name.padEnd(34)} worst R ${fmt(w.r)} P ${fmt(w.p)}  mean R ${fmt(mean(v.folds.map((f) => f.recall)))} P ${fmt(mean(v.folds.map((f) => f.precision)))}` +
    (wa ? `  | agreed lines (${v.agreed.length}): worst R ${fmt(wa.r)} P ${fmt(wa.p)}` : '')
  );
}

/** The variant over the SKU judges only (judgesSku): the 25 that judge sku-eval's figures. */
export function judgesOnly(v: Variant): Variant {
  const judges = (f: SkuFold) => judgesSku(f.name.replace(' (agreed)', ''));
  return { name: `${v.name} [SKU judges]`, folds: v.folds.filter(judges), agreed: v.agreed.filter(judges) };
}

/** Leave-one-category-out: each judged set's step trained on `trainPool` minus itself. */
export function runLoco(judged: readonly OnScreenSet[], trainPool: readonly OnScreenSet[], o: OnScreenTrainOptions, cuts: readonly Cut[]): Map<Cut, Variant> {
  const out = new Map<Cut, Variant>(cuts.map((t) => [t, { name: t.veto >= t.threshold ? `model alone (p ≥ ${t.threshold})` : `model p ≥ ${t.threshold}, or cue unless p < ${t.veto}`, folds: [], agreed: [] }]));
  for (const s of judged) {
    const model = trainOnScreenModel(examplesOf(trainPool.filter((x) => x.category !== s.category), s.keys), o);
    for (const t of cuts) {
      const v = out.get(t)!;
      const scores = scoresOf(model, s, t);
      v.folds.push(scoreSku(s.first, true, undefined, scores));
      if (s.second) v.agreed.push(scoreSku(skuAgreement(s.first, s.second).agreed, true, undefined, scores));
    }
  }
  return out;
}

export function baselines(judged: readonly OnScreenSet[]): Variant[] {
  return [
    { name: 'without the step', step: false as const },
    { name: 'rule cue (session 12 step)', step: true as const },
  ].map(({ name, step }) => ({
    name,
    folds: judged.map((s) => scoreSku(s.first, true, undefined, step)),
    agreed: judged.flatMap((s) => (s.second ? [scoreSku(skuAgreement(s.first, s.second).agreed, true, undefined, step)] : [])),
  }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const mode = process.argv[2];
  if (mode !== 'tuning' && mode !== 'independent') throw new Error('usage: sku-onscreen-eval.ts tuning|independent [--rule v2|v3|v4] [--grid] [--errors <category>]');
  const rule = process.argv.includes('--rule') ? ruleOf(process.argv) : MATCHER_RULE;
  if (rule === 'v1') throw new Error('--rule v1: the step is trained and judged on v2, v3 or v4 labels only');
  console.log(`labels: rule ${rule}`);
  const all = loadCorpus().flatMap((s) => {
    const o = onScreenSetOf(s, rule);
    return o ? [o] : [];
  });
  const tuning = all.filter((s) => ON_SCREEN_TUNING.has(s.category));
  const judged = mode === 'tuning' ? tuning : all.filter((s) => !ON_SCREEN_TUNING.has(s.category));
  // tuning folds train on the other tuning categories, or with --train-all on every other corpus category (the
  // independent ones' labels then serve as training data only, as they do in the shipped model; never as a judge here)
  const pool = mode === 'tuning' && !process.argv.includes('--train-all') ? tuning : all;
  const ex = examplesOf(pool);
  console.log(
    `${mode}: ${judged.length} judged categories (${judged.map((s) => s.category).join(', ')}); each trained on the other ${pool === tuning ? 'tuning' : 'corpus'} categories (${pool.length - 1}); ` +
      `pool: ${ex.filter((e) => e.y === 1).length} about the pinned product, ${ex.filter((e) => e.y === 0).length} none`,
  );
  // --grid: the model alone at thresholds 0.4–0.85 (veto = threshold), and with the rule cue standing unless vetoed
  const cuts: Cut[] = process.argv.includes('--grid')
    ? [
        ...[0.4, 0.5, 0.6, 0.7, 0.8, 0.85].map((t) => ({ threshold: t, veto: t })),
        ...[0.6, 0.7, 0.8, 0.9].flatMap((t) => [0.1, 0.2, 0.3, 0.4].map((v) => ({ threshold: t, veto: v }))),
      ]
    : [{ threshold: ON_SCREEN_DEFAULTS.threshold, veto: ON_SCREEN_DEFAULTS.veto }];
  const base = baselines(judged);
  const show = (v: Variant, tag = '') => {
    console.log(formatVariant(v) + tag);
    if (mode === 'independent') console.log(formatVariant(judgesOnly(v)) + tag);
  };
  for (const v of base) show(v);
  const configs: OnScreenTrainOptions[] = process.argv.includes('--grid')
    ? [6, 12, 20].flatMap((epochs) => [0, 0.15, 0.3].map((dropout) => ({ epochs, dropout })))
    : [{}];
  for (const c of configs) {
    const res = runLoco(judged, pool, c, cuts);
    for (const v of res.values()) show(v, `  [${c.epochs ?? ON_SCREEN_DEFAULTS.epochs} ep, dropout ${c.dropout ?? ON_SCREEN_DEFAULTS.dropout}]`);
    if (!process.argv.includes('--grid')) {
      const v = res.get(cuts[0]!)!;
      const rule = base[1]!;
      v.folds.forEach((f, i) => {
        const a = v.agreed[i];
        console.log(`  ${f.name.padEnd(28)} gold ${String(f.gold).padStart(4)}  model R ${fmt(f.recall)} P ${fmt(f.precision)}  rule R ${fmt(rule.folds[i]!.recall)} P ${fmt(rule.folds[i]!.precision)}  without R ${fmt(base[0]!.folds[i]!.recall)} P ${fmt(base[0]!.folds[i]!.precision)}${a ? `  | agreed model R ${fmt(a.recall)} P ${fmt(a.precision)}` : ''}`);
      });
    }
  }
  // texts of one tuning category's step errors (model at the default threshold, trained on the other tuning categories)
  const errorsOf = process.argv.indexOf('--errors') >= 0 ? process.argv[process.argv.indexOf('--errors') + 1] : null;
  if (errorsOf) {
    if (!ON_SCREEN_TUNING.has(errorsOf)) throw new Error(`--errors only on the SKU tuning split (${[...ON_SCREEN_TUNING].join(', ')})`);
    const s = tuning.find((x) => x.category === errorsOf);
    if (!s) throw new Error(`no ${rule} labels for ${errorsOf}`);
    const model = trainOnScreenModel(examplesOf(pool.filter((x) => x.category !== errorsOf), s.keys), {});
    const scores = scoresOf(model, s, { threshold: ON_SCREEN_DEFAULTS.threshold, veto: ON_SCREEN_DEFAULTS.veto });
    const byId = new Map(s.first.rows.map((r) => [r.id, r]));
    for (const [id, r] of s.rows) {
      const p = scores.get(id)?.p ?? 0;
      const got = p >= ON_SCREEN_DEFAULTS.threshold || (r.rule && p >= ON_SCREEN_DEFAULTS.veto) ? 1 : 0;
      if (r.y === null || got === r.y) continue;
      const row = byId.get(id)!;
      console.log(`${r.y ? 'missed ' : 'spurious'} p ${p.toFixed(2)} ${row.intent}/${row.sub ?? '-'} :: ${row.text}`);
    }
  }
}
