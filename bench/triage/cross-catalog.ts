// Cross-catalog evaluation: train the learned model on every corpus category but one (plus the tuning sets), test on
// the held-out category with its own catalog, rotate over all categories, and report each fold and the WORST fold —
// the number that predicts a new brand's first show. Training lines that repeat a test line (normalized) are left out.
import { performance } from 'node:perf_hooks';
import { createTriage } from '../../src/core/comments/triage/triage.service';
import { trainPreparedTriageModel, type TriageModel } from '../../src/core/comments/triage/triage.model';
import type { TriageCatalog } from '../../src/core/comments/triage/triage.types';
import { DEVELOPER_WRITTEN, judgesSku, lineKey, ON_SCREEN_TUNING, type LabelledComment, type LabelledSet } from './datasets';
import { labelsUnder, MATCHER_RULE, skuAgreement, skuStepLabels } from './sku-eval';
import { fmt, newSkuTally, score, skuPrecision, skuRecall, tallySku, type ScoreReport } from './metrics';
import { describeConfig, FIXED_CONFIG, formatSelection, prepareSet, selectConfig, without, type ModelConfig, type PreparedSet, type Selection } from './model-select';

export { toGroup } from './model-select';

export interface FoldReport {
  name: string;
  n: number;
  trainN: number;
  intent: ScoreReport;
  complaintF1: number;
  skuRecall: number;
  skuPrecision: number;
  /** SKU errors by kind: gold SKU answered none (of which with candidates shown: several → none) / another SKU; gold none, answered an SKU. */
  skuErrors: { missed: number; missedWithCandidates: number; wrong: number; spurious: number };
  /**
   * The same predictions scored on other SKU labels of these lines, by name: under labelling rules v4, v3 and v2
   * (test/data/sku-rule-v4.md, -v3.md, -v2.md) the first labels ('v4', 'v3', 'v2') and the lines both passes agree on
   * ('v4 agreed', 'v3 agreed', 'v2 agreed'). Absent where the category has no such labels.
   */
  skuUnder: Record<string, { recall: number; precision: number; gold: number }>;
  langAccuracy: Record<string, number>;
  /** Share of gold complaints/orders predicted as such that got the right sub-intent. */
  complaintSubAccuracy: number | null;
  orderSubAccuracy: number | null;
  /** Gold checkout complaints predicted complaint+checkout (what the incident detector counts). */
  checkoutRecall: number | null;
  trainSeconds: number;
  /** The training configuration and, when chosen by inner cross-validation, how each candidate did there. */
  config?: ModelConfig;
  selection?: Selection;
  /** Written by the classifier's developer (DEVELOPER_WRITTEN): a fold, but not counted in the worst fold. */
  developerWritten?: boolean;
  /**
   * The same fold's model with its on-screen step taken out (the session-12 rule cue decides, as for a model file
   * without the step), scored on the same lines: SKU figures on the corpus labels (key 'first') and the other labels.
   */
  ruleCue?: Record<string, { recall: number; precision: number }>;
}

export interface CrossCatalogReport {
  folds: FoldReport[];
  /** how many corpus categories took part (each fold trains on all but its own, even when FOLDS scores only some) */
  categories: number;
  /** 'inner-cv': each fold chose its configuration by inner cross-validation; 'fixed': every fold trained with one given configuration. */
  configChoice: 'inner-cv' | 'fixed';
  worst: {
    macroF1: number;
    complaintF1: number;
    skuRecall: number;
    skuPrecision: number;
    langAccuracy: number;
    complaintSubAccuracy: number | null;
    /** The worst SKU figures under the other labels, over the folds that have them. */
    skuUnder: Record<string, { recall: number; precision: number; folds: number }>;
  };
}

/** Recall and precision of predicted SKUs against labels by comment id, over the lines the labels cover (metrics' one SKU count). */
function skuUnderLabels(rows: readonly LabelledComment[], preds: readonly { sku: string | null }[], labels: ReadonlyMap<string, string | null>): { recall: number; precision: number; gold: number } {
  const t = newSkuTally();
  rows.forEach((r, i) => {
    if (labels.has(r.id)) tallySku(t, labels.get(r.id) ?? null, preds[i]?.sku ?? null);
  });
  return { recall: skuRecall(t), precision: skuPrecision(t), gold: t.gold };
}

/** The other SKU labels a category has (rules v4, v3 and v2: first labels, agreed lines), by name, for `evaluateWithModel`. */
export function otherSkuLabels(set: LabelledSet): Map<string, Map<string, string | null>> {
  const out = new Map<string, Map<string, string | null>>();
  for (const rule of ['v4', 'v3', 'v2'] as const) {
    const l = labelsUnder(rule, set);
    if (!l) continue;
    out.set(rule, new Map(l.first.rows.map((r) => [r.id, r.sku ?? null])));
    if (l.second) out.set(`${rule} agreed`, new Map(skuAgreement(l.first, l.second).agreed.rows.map((r) => [r.id, r.sku ?? null])));
  }
  return out;
}

export function evaluateWithModel(
  name: string,
  rows: readonly LabelledComment[],
  catalog: TriageCatalog,
  model: TriageModel | null,
  trainN: number,
  trainSeconds: number,
  otherLabels: ReadonlyMap<string, ReadonlyMap<string, string | null>> = new Map(),
): FoldReport {
  const t = createTriage({ catalog, model });
  const preds = rows.map((r) => t.classify({ text: r.text, pinnedSku: r.pinnedSku ?? null }));
  const intent = score(
    rows.map((r) => r.intent),
    preds.map((p) => p.intent),
  );
  const sku = newSkuTally();
  let missedWithCandidates = 0;
  const byLang: Record<string, { n: number; ok: number }> = {};
  let cSub = 0;
  let cSubOk = 0;
  let oSub = 0;
  let oSubOk = 0;
  let checkout = 0;
  let checkoutOk = 0;
  rows.forEach((r, i) => {
    const p = preds[i]!;
    tallySku(sku, r.sku ?? null, p.sku);
    if (r.sku && p.sku === null && (p.candidates ?? []).length > 1) missedWithCandidates++;
    const l = (byLang[r.lang] ??= { n: 0, ok: 0 });
    l.n++;
    if (p.intent === r.intent) l.ok++;
    if (r.sub && r.intent === 'complaint' && p.intent === 'complaint') {
      cSub++;
      if (p.sub === r.sub) cSubOk++;
    }
    if (r.sub && r.intent === 'order' && p.intent === 'order') {
      oSub++;
      if (p.sub === r.sub) oSubOk++;
    }
    if (r.intent === 'complaint' && r.sub === 'checkout') {
      checkout++;
      if (p.intent === 'complaint' && p.sub === 'checkout') checkoutOk++;
    }
  });
  const langAccuracy: Record<string, number> = {};
  for (const [lang, v] of Object.entries(byLang).sort()) langAccuracy[lang] = v.ok / v.n;
  return {
    name,
    n: rows.length,
    trainN,
    intent,
    complaintF1: intent.perClass.complaint.f1 ?? 0,
    skuRecall: skuRecall(sku),
    skuPrecision: skuPrecision(sku),
    skuErrors: { missed: sku.missed, missedWithCandidates, wrong: sku.wrong, spurious: sku.spurious },
    skuUnder: Object.fromEntries([...otherLabels].map(([k, labels]) => [k, skuUnderLabels(rows, preds, labels)])),
    langAccuracy,
    complaintSubAccuracy: cSub ? cSubOk / cSub : null,
    orderSubAccuracy: oSub ? oSubOk / oSub : null,
    checkoutRecall: checkout ? checkoutOk / checkout : null,
    trainSeconds,
  };
}

/** How each fold's configuration was set: chosen per fold by inner cross-validation, or fixed by the caller. */
export type ConfigChoice = 'inner-cv' | ModelConfig;

/** The sets of a rotation, prepared once: what every fold trains on before its own test lines are taken out. */
export interface CrossCatalogData {
  corpus: readonly LabelledSet[];
  preparedCorpus: PreparedSet[];
  preparedTuning: PreparedSet[];
}

export function prepareCrossCatalog(corpus: readonly LabelledSet[], tuning: readonly LabelledSet[]): CrossCatalogData {
  // with their SKU labels under the rule the matcher follows (v4), where they have them: each fold's on-screen step learns from the other categories'
  // labels only (the held-out one is left out below like its intent labels)
  return { corpus, preparedTuning: tuning.map((s) => prepareSet(s, skuStepLabels(s))), preparedCorpus: corpus.map((s) => prepareSet(s, skuStepLabels(s))) };
}

/** The folds `only` asks for (by category name without 'corpus/'), as indices into `corpus`, in corpus order. */
export function foldIndices(corpus: readonly LabelledSet[], only?: ReadonlySet<string>): number[] {
  return corpus.flatMap((s, i) => (!only || only.has(s.name.replace('corpus/', '')) ? [i] : []));
}

/** One fold: train on every corpus category but `h` (+ the tuning sets), test on category `h` with its own catalog. */
export function runFold(data: CrossCatalogData, h: number, choice: ConfigChoice = 'inner-cv'): FoldReport {
  const held = data.corpus[h]!;
  const testKeys = new Set(held.rows.map((r) => lineKey(r.text)));
  const tun = data.preparedTuning.map((s) => without(s, testKeys));
  const cats = data.preparedCorpus.filter((_, i) => i !== h).map((s) => without(s, testKeys));
  const t0 = performance.now();
  const selection = choice === 'inner-cv' ? selectConfig(tun, cats) : undefined;
  const config = selection ? selection.config : (choice as ModelConfig);
  const model = trainPreparedTriageModel([...tun, ...cats].flatMap((s) => s.data), config);
  const trainSeconds = (performance.now() - t0) / 1000;
  const others = otherSkuLabels(held);
  const fold: FoldReport = {
    ...evaluateWithModel(held.name, held.rows, held.catalog, model, model.examples, trainSeconds, others),
    config,
    selection,
    developerWritten: DEVELOPER_WRITTEN.has(held.name.replace('corpus/', '')),
  };
  if (model.onScreen) {
    // same model, same predicted intents, the step taken out: the rule cue's SKU figures beside the step's
    const r = evaluateWithModel(held.name, held.rows, held.catalog, { ...model, onScreen: null }, model.examples, 0, others);
    fold.ruleCue = { first: { recall: r.skuRecall, precision: r.skuPrecision }, ...r.skuUnder };
  }
  return fold;
}

/** The report over folds given in corpus order: the worst fold over the independently written categories. */
export function crossCatalogReport(corpus: readonly LabelledSet[], folds: FoldReport[], choice: ConfigChoice): CrossCatalogReport {
  const independent = folds.filter((f) => !f.developerWritten);
  return { folds, categories: corpus.length, configChoice: choice === 'inner-cv' ? 'inner-cv' : 'fixed', worst: worstOf(independent.length > 0 ? independent : folds) };
}

/**
 * Leave-one-category-out over `corpus`, training each fold on the rest + `tuning`. The model's configuration is
 * chosen per fold by an inner cross-validation over that fold's training categories (`config: 'inner-cv'`, the
 * default), so the held-out category plays no part in choosing it; or fixed by the caller. One fold after another on
 * this thread; cross-catalog-pool.ts runs the same folds on worker threads.
 */
export function runCrossCatalog(corpus: readonly LabelledSet[], tuning: readonly LabelledSet[], options: { config?: ConfigChoice; log?: (line: string) => void; only?: ReadonlySet<string> } = {}): CrossCatalogReport {
  const data = prepareCrossCatalog(corpus, tuning);
  const choice = options.config ?? 'inner-cv';
  // `only` scores a few folds (each still trains on every other category), for a quick look at chosen folds
  const folds = foldIndices(corpus, options.only).map((h) => {
    const fold = runFold(data, h, choice);
    options.log?.(formatFold(fold));
    return fold;
  });
  return crossCatalogReport(corpus, folds, choice);
}

/** The lowest of each figure over the folds: what a new brand's first show should expect. */
export function worstOf(folds: readonly FoldReport[]): CrossCatalogReport['worst'] {
  const min = (xs: number[]): number => (xs.length ? Math.min(...xs) : 0);
  const subs = folds.map((f) => f.complaintSubAccuracy).filter((x): x is number => x !== null);
  return {
    macroF1: min(folds.map((f) => f.intent.macroF1)),
    complaintF1: min(folds.map((f) => f.complaintF1)),
    skuRecall: min(folds.map((f) => f.skuRecall)),
    skuPrecision: min(folds.map((f) => f.skuPrecision)),
    langAccuracy: min(folds.flatMap((f) => Object.values(f.langAccuracy))),
    complaintSubAccuracy: subs.length ? Math.min(...subs) : null,
    skuUnder: Object.fromEntries(
      [...new Set(folds.flatMap((f) => Object.keys(f.skuUnder)))].map((k) => {
        const xs = folds.flatMap((f) => (f.skuUnder[k] ? [f.skuUnder[k]] : []));
        return [k, { recall: min(xs.map((x) => x.recall)), precision: min(xs.map((x) => x.precision)), folds: xs.length }];
      }),
    ),
  };
}

export function formatFold(f: FoldReport): string {
  const c = f.intent.perClass;
  return (
    `${f.name.padEnd(26)} n ${String(f.n).padStart(4)}  macro-F1 ${fmt(f.intent.macroF1)} (order ${fmt(c.order.f1, 2)} question ${fmt(c.question.f1, 2)} ` +
    `complaint ${fmt(c.complaint.f1, 2)} spam ${fmt(c.spam.f1, 2)} other ${fmt(c.other.f1, 2)})  SKU R ${fmt(f.skuRecall)} P ${fmt(f.skuPrecision)} ` +
    `(missed ${f.skuErrors.missed}, ${f.skuErrors.missedWithCandidates} of them several → none; wrong ${f.skuErrors.wrong}; spurious ${f.skuErrors.spurious})  ` +
    Object.entries(f.skuUnder).map(([k, x]) => `SKU ${k} R ${fmt(x.recall)} P ${fmt(x.precision)}  `).join('') +
    `lang ${Object.entries(f.langAccuracy).map(([l, a]) => `${l} ${fmt(a, 2)}`).join(' ')}  sub: complaint ${fmt(f.complaintSubAccuracy, 2)} order ${fmt(f.orderSubAccuracy, 2)} checkout R ${fmt(f.checkoutRecall, 2)}` +
    (f.config ? `  [${describeConfig(f.config)}${f.selection ? ', chosen by inner CV' : ', fixed'}]` : '') +
    (f.ruleCue ? `  rule cue instead: ${Object.entries(f.ruleCue).map(([k, x]) => `${k === 'first' ? 'SKU' : `SKU ${k}`} R ${fmt(x.recall)} P ${fmt(x.precision)}`).join('  ')}` : '') +
    (f.developerWritten ? '  (developer-written: not in the worst fold)' : '')
  );
}

/** The SKU rows of the report, in order: the v4 labels are the headline, v3 and v2 stay printed beside them. */
export const SKU_LABEL_KEYS = ['v4', 'v4 agreed', 'v3', 'v3 agreed', 'v2', 'v2 agreed'] as const;

/** The labels whose SKU judges' worst fold is the headline and the bench rows with targets (test/data/sku-rule-v4.md). */
export const SKU_HEADLINE_KEY = MATCHER_RULE;

/**
 * The worst recall and precision under the labels named `key` (FoldReport.skuUnder) over the SKU judges (judgesSku),
 * with the step and, from the same run, with the rule cue in its place; null when no judge has those labels.
 */
export function skuJudgesWorst(
  folds: readonly FoldReport[],
  key: string,
  keep: (category: string) => boolean = judgesSku,
): { step: { recall: number; precision: number }; cue: { recall: number; precision: number } | null; folds: number } | null {
  const fs = folds.filter((f) => keep(f.name.replace('corpus/', '')));
  const step = fs.flatMap((f) => (f.skuUnder[key] ? [f.skuUnder[key]] : []));
  const cue = fs.flatMap((f) => (f.ruleCue?.[key] ? [f.ruleCue[key]] : []));
  if (step.length === 0) return null;
  const w = (xs: Array<{ recall: number; precision: number }>) => ({ recall: Math.min(...xs.map((x) => x.recall)), precision: Math.min(...xs.map((x) => x.precision)) });
  return { step: w(step), cue: cue.length ? w(cue) : null, folds: step.length };
}

/**
 * The SKU worst folds under the v4 labels (the headline), the v3 and the v2 labels over the categories that judge the SKU
 * steps: the ones outside the on-screen step's tuning split (ON_SCREEN_TUNING) and the SKU judges (judgesSku), with
 * the step and, from the same run, with the rule cue in its place.
 */
export function skuWorstLines(folds: readonly FoldReport[]): string[] {
  const groups: Array<[string, (c: string) => boolean]> = [
    ['outside the on-screen tuning split', (c) => !ON_SCREEN_TUNING.has(c)],
    ['SKU judges (judgesSku)', (c) => judgesSku(c)],
  ];
  const out: string[] = [];
  for (const [label, keep] of groups) {
    for (const k of SKU_LABEL_KEYS) {
      const w = skuJudgesWorst(folds, k, keep);
      if (!w) continue;
      const line = (x: { recall: number; precision: number }) => `recall ${fmt(x.recall)} precision ${fmt(x.precision)}`;
      out.push(`SKU WORST, ${k} labels, ${label} (${w.folds} folds): with the step ${line(w.step)}${w.cue ? ` | rule cue instead (same run) ${line(w.cue)}` : ''}`);
    }
  }
  return out;
}

/** How the folds were configured, said plainly: a fixed configuration was chosen on these very folds. */
export function configLine(rep: Pick<CrossCatalogReport, 'configChoice' | 'folds'>): string {
  if (rep.configChoice === 'inner-cv') return 'configuration: chosen per fold by inner cross-validation over that fold\'s training categories only (the held-out category plays no part)';
  const c = rep.folds[0]?.config;
  if (c && JSON.stringify(c) === JSON.stringify(FIXED_CONFIG))
    return `configuration: fixed (${describeConfig(c)}) for every fold, chosen earlier by inner cross-validation on these folds: these figures are not free of tuning to them (TRIAGE_CV=inner chooses per fold instead)`;
  return `configuration: fixed by the caller for every fold (${c ? `${describeConfig(c)}; ${JSON.stringify(c)}` : 'no fold'})`;
}

/** The SKU headline: the SKU judges' worst fold on the rule-v4 labels, against the targets. */
export function skuHeadline(folds: readonly FoldReport[]): string {
  const k = SKU_HEADLINE_KEY;
  const w = skuJudgesWorst(folds, k);
  return w ? `SKU recall, ${k} labels, ${w.folds} SKU judges ${fmt(w.step.recall)} (≥ 0.92) at precision ${fmt(w.step.precision)} (≥ 0.95)` : `SKU: no fold with ${k} labels`;
}

export function formatCrossCatalog(rep: CrossCatalogReport): string {
  const w = rep.worst;
  return [
    `== cross-catalog: train on ${rep.categories - 1} corpus categories + tuning sets, test on the held-out one; worst fold over the independently written categories ==`,
    configLine(rep),
    ...rep.folds.flatMap((f) => [formatFold(f), ...(f.selection && process.env.TRIAGE_SHOW_SELECTION === '1' ? [formatSelection(f.selection)] : [])]),
    `WORST FOLD: intent macro-F1 ${fmt(w.macroF1)} (target ≥ 0.90) | complaint F1 ${fmt(w.complaintF1)} (≥ 0.85) | ${skuHeadline(rep.folds)} | SKU recall on the corpus authors' labels ${fmt(w.skuRecall)} at precision ${fmt(w.skuPrecision)} | per-language accuracy ${fmt(w.langAccuracy)} (≥ 0.85) | complaint sub-tag accuracy ${fmt(w.complaintSubAccuracy)}` +
      Object.entries(w.skuUnder).map(([k, x]) => ` | SKU under ${k} labels (${x.folds} folds): recall ${fmt(x.recall)} precision ${fmt(x.precision)}`).join(''),
    ...skuWorstLines(rep.folds),
  ].join('\n');
}
