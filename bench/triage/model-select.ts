// Choosing the intent model's training configuration (epochs, feature dropout, the stack's shape) by an inner
// cross-validation over the training categories only, so an outer test category never chooses its own model.
import { fitStack, prepare, stackRowsOf, trainIntentModel, trainPreparedTriageModel, type Prepared, type TrainingGroup, type TrainTriageOptions, type TriageModel } from '../../src/core/comments/triage/triage.model';
import { INTENTS } from '../../src/core/comments/triage/triage.types';
import { lineKey, type LabelledSet } from './datasets';
import { score } from './metrics';
import { skuStepLabels } from './sku-eval';

/**
 * A labelled set as training rows, without its lines whose key is in `exclude` (they repeat a test line). With
 * `skuLabels` (SKU labels under the rule the matcher follows, v4 by comment id, skuStepLabels) the rows carry them: the "about the product on screen"
 * step learns from those (a row without one teaches it nothing).
 */
export function toGroup(s: LabelledSet, exclude?: ReadonlySet<string>, skuLabels?: ReadonlyMap<string, string | null> | null): TrainingGroup {
  return {
    catalog: s.catalog,
    rows: s.rows
      .filter((r) => !exclude || !exclude.has(lineKey(r.text)))
      .map((r) => ({
        text: r.text,
        intent: r.intent,
        sub: r.sub ?? null,
        pinnedSku: r.pinnedSku ?? null,
        ...(skuLabels?.has(r.id) ? { sku: skuLabels.get(r.id) ?? null } : {}),
      })),
  };
}

export interface ModelConfig {
  epochs: number;
  dropout: number;
  perClassStack: boolean;
  /** Also train on each comment's copy without question marks (TrainTriageOptions.bareCopies). */
  bareCopies?: boolean;
}

/**
 * What the inner cross-validation chooses from: 12 or 20 epochs, 15 % or 30 % feature dropout (no dropout was never
 * chosen in any fold of the 2026-12-05 evening runs and gave way to the stronger one), a shared or a per-class stack,
 * and with or without the copies of comments without question marks.
 */
export const CONFIG_GRID: readonly ModelConfig[] = [false, true].flatMap((bareCopies) =>
  [12, 20].flatMap((epochs) => [0.15, 0.3].flatMap((dropout) => [false, true].map((perClassStack) => ({ epochs, dropout, perClassStack, bareCopies })))),
);

/**
 * The configuration every fold trains with when it does not choose its own (cross-catalog-run.ts 'fixed', and the
 * bench's default): chosen by an earlier session's inner cross-validation on these same cross-catalog folds, so folds
 * trained with it are not free of tuning to them.
 */
export const FIXED_CONFIG: Readonly<ModelConfig> = Object.freeze({ epochs: 20, dropout: 0.15, perClassStack: true });

export const describeConfig = (c: ModelConfig): string =>
  `${c.epochs} ep, dropout ${c.dropout}, ${c.perClassStack ? 'per-class' : 'shared'} stack${c.bareCopies ? ', copies without “?”' : ''}`;
const modelKey = (c: ModelConfig): string => `${c.epochs}/${c.dropout}/${c.bareCopies ? 'bare' : ''}`;

/** A labelled set analysed once, with each example's line key (to leave out lines that repeat a test line). */
export interface PreparedSet {
  name: string;
  data: Prepared[];
  keys: string[];
}

/** The set analysed once; with `skuLabels` (skuStepLabels) its rows also train the on-screen step. */
export function prepareSet(s: LabelledSet, skuLabels?: ReadonlyMap<string, string | null> | null): PreparedSet {
  const rows = s.rows.filter((r) => (INTENTS as readonly string[]).includes(r.intent));
  const data = prepare([toGroup({ ...s, rows }, undefined, skuLabels)]);
  return { name: s.name, data, keys: rows.map((r) => lineKey(r.text)) };
}

/** The set without its lines whose key is in `exclude`. */
export function without(s: PreparedSet, exclude: ReadonlySet<string>): PreparedSet {
  const keep = s.keys.map((k) => !exclude.has(k));
  return { name: s.name, data: s.data.filter((_, i) => keep[i]), keys: s.keys.filter((_, i) => keep[i]) };
}

export interface SelectionRow {
  config: ModelConfig;
  /** Inner folds' intent macro-F1, in category order. */
  perFold: number[];
  worst: number;
  mean: number;
}

export interface Selection {
  config: ModelConfig;
  rows: SelectionRow[];
  /** The inner folds' names (categories, or categories joined with '+' when grouped). */
  folds: string[];
}

/**
 * At most this many inner folds: with more training categories they are grouped round-robin (in name order), so a
 * rotation over a dozen categories costs 6 trainings per configuration per fold, not 11.
 */
export const MAX_INNER_FOLDS = 6;

/** The inner folds: one per category, or `max` groups of them. */
export function innerFolds(categories: readonly PreparedSet[], max = MAX_INNER_FOLDS): PreparedSet[] {
  if (categories.length <= max) return [...categories];
  const sorted = [...categories].sort((a, b) => a.name.localeCompare(b.name));
  return Array.from({ length: max }, (_, g) => {
    const members = sorted.filter((_, i) => i % max === g);
    return { name: members.map((m) => m.name.replace('corpus/', '')).join('+'), data: members.flatMap((m) => m.data), keys: members.flatMap((m) => m.keys) };
  });
}

const INTENT_NAMES = INTENTS as readonly string[];

/**
 * Leave-one-category-out over `categories` (the tuning sets always train; beyond MAX_INNER_FOLDS categories, leave one
 * group out) for every configuration of `grid`. Each inner fold's intent model scores its held-out categories; the stack of a configuration is fitted on the pooled
 * out-of-fold logits of all inner folds (a few dozen weights on thousands of comments). The configuration whose worst
 * inner fold is best wins (ties: the better mean, then the earlier in the grid, i.e. the simpler).
 */
export function selectConfig(
  tuning: readonly PreparedSet[],
  trainingCategories: readonly PreparedSet[],
  grid: readonly ModelConfig[] = CONFIG_GRID,
  base: TrainTriageOptions = {},
  maxFolds = MAX_INNER_FOLDS,
): Selection {
  if (trainingCategories.length < 2) return { config: grid[0]!, rows: [], folds: [] };
  const categories = innerFolds(trainingCategories, maxFolds);
  const modelKeys = [...new Map(grid.map((c) => [modelKey(c), c])).values()];
  // per configuration of the intent model: each inner fold's logits of its held-out comments (and, when the
  // configuration trains on copies without question marks, of those copies: the stack is fitted on them too, as in
  // trainPreparedTriageModel; the configurations are compared on the comments as written only)
  const logitsOf = new Map<string, { plain: Float64Array[][]; bare: Array<Array<Float64Array | null>> }>();
  for (const mc of modelKeys) {
    const plain: Float64Array[][] = [];
    const bare: Array<Array<Float64Array | null>> = [];
    for (const held of categories) {
      const heldKeys = new Set(held.keys);
      const train = [...tuning, ...categories.filter((c) => c !== held)].flatMap((s) => without(s, heldKeys).data);
      const model = trainIntentModel(train, { ...base, epochs: mc.epochs, dropout: mc.dropout, bareCopies: mc.bareCopies ?? false });
      plain.push(held.data.map((d) => model.logits(d.x)));
      bare.push(held.data.map((d) => (mc.bareCopies && d.bare ? model.logits(d.bare.x) : null)));
    }
    logitsOf.set(modelKey(mc), { plain, bare });
  }
  const rows: SelectionRow[] = grid.map((config) => {
    const { plain: perFold, bare } = logitsOf.get(modelKey(config))!;
    const all = categories.flatMap((c) => c.data);
    const st = stackRowsOf(all, perFold.flat(), bare.flat());
    const stack = fitStack(st.m, st.r, st.y, 400, st.lang, { perClass: config.perClassStack });
    const f1s = categories.map((c, f) => {
      const gold: string[] = [];
      const pred: string[] = [];
      c.data.forEach((d, i) => {
        const z = perFold[f]![i]!;
        const lb = stack.langBias?.[d.lang];
        let best = 0;
        let bestScore = -Infinity;
        for (let k = 0; k < INTENT_NAMES.length; k++) {
          const s = (stack.classA?.[k] ?? stack.a) * z[k]! + (stack.classB?.[k] ?? stack.b) * d.rules[k]! + stack.bias[k]! + (lb?.[k] ?? 0);
          if (s > bestScore) {
            bestScore = s;
            best = k;
          }
        }
        gold.push(INTENT_NAMES[d.y]!);
        pred.push(INTENT_NAMES[best]!);
      });
      return score(gold, pred).macroF1;
    });
    return { config, perFold: f1s, worst: Math.min(...f1s), mean: f1s.reduce((a, b) => a + b, 0) / f1s.length };
  });
  let best = rows[0]!;
  for (const r of rows.slice(1)) if (r.worst > best.worst + 1e-9 || (Math.abs(r.worst - best.worst) <= 1e-9 && r.mean > best.mean + 1e-9)) best = r;
  return { config: best.config, rows, folds: categories.map((c) => c.name.replace('corpus/', '')) };
}

export function formatSelection(sel: Selection): string {
  return sel.rows
    .map((r) => `  ${r.config === sel.config ? '→' : ' '} ${describeConfig(r.config).padEnd(38)} inner worst ${r.worst.toFixed(3)} mean ${r.mean.toFixed(3)}  (${r.perFold.map((f, i) => `${sel.folds[i]} ${f.toFixed(3)}`).join(', ')})`)
    .join('\n');
}

/**
 * The shipped procedure: choose the configuration by inner cross-validation over `corpus` (the tuning sets always
 * train), then train on everything with it. Lines whose key is in `exclude` (they repeat a test line) are left out.
 */
export function trainWithSelectedConfig(tuning: readonly LabelledSet[], corpus: readonly LabelledSet[], exclude: ReadonlySet<string> = new Set()): { model: TriageModel; selection: Selection } {
  const tun = tuning.map((s) => without(prepareSet(s, skuStepLabels(s)), exclude));
  const cats = corpus.map((s) => without(prepareSet(s, skuStepLabels(s)), exclude));
  const selection = selectConfig(tun, cats);
  const model = trainPreparedTriageModel([...tun, ...cats].flatMap((s) => s.data), selection.config);
  return { model, selection };
}
