// Classification metrics for the triage bench. Pure functions.

export const CLASSES = ['order', 'question', 'complaint', 'spam', 'other'] as const;
export type Cls = (typeof CLASSES)[number];

export interface ClassScore {
  precision: number | null;
  recall: number | null;
  f1: number | null;
  support: number;
  predicted: number;
}

export interface ScoreReport {
  n: number;
  accuracy: number;
  macroF1: number;
  perClass: Record<Cls, ClassScore>;
  confusion: Record<Cls, Record<Cls, number>>;
}

/**
 * Per-class P/R/F1 and macro-F1. Classes with neither gold examples nor predictions are left out of the macro
 * average (null scores); a class predicted but never gold gets F1 0 and counts.
 */
export function score(gold: readonly string[], pred: readonly string[]): ScoreReport {
  const confusion = {} as Record<Cls, Record<Cls, number>>;
  for (const a of CLASSES) {
    confusion[a] = {} as Record<Cls, number>;
    for (const b of CLASSES) confusion[a][b] = 0;
  }
  let correct = 0;
  for (let i = 0; i < gold.length; i++) {
    const g = gold[i] as Cls;
    const p = pred[i] as Cls;
    if (confusion[g] && confusion[g][p] !== undefined) confusion[g][p]++;
    if (g === p) correct++;
  }
  const perClass = {} as Record<Cls, ClassScore>;
  let f1sum = 0;
  let f1n = 0;
  for (const c of CLASSES) {
    const tp = confusion[c][c];
    const support = CLASSES.reduce((s, b) => s + confusion[c][b], 0);
    const predicted = CLASSES.reduce((s, a) => s + confusion[a][c], 0);
    const precision = predicted ? tp / predicted : null;
    const recall = support ? tp / support : null;
    let f1: number | null = null;
    if (support || predicted) {
      f1 = precision && recall ? (2 * precision * recall) / (precision + recall) : 0;
      f1sum += f1;
      f1n++;
    }
    perClass[c] = { precision, recall, f1, support, predicted };
  }
  return { n: gold.length, accuracy: gold.length ? correct / gold.length : 0, macroF1: f1n ? f1sum / f1n : 0, perClass, confusion };
}

export function fmt(x: number | null | undefined, digits = 3): string {
  return x === null || x === undefined || Number.isNaN(x) ? '  -  ' : x.toFixed(digits);
}

/**
 * SKU recall and precision, counted one line at a time: every SKU figure of the benches (sku-eval's folds, the
 * cross-catalog folds and their other label sets) is this one count. Recall is over lines with a gold SKU, precision
 * over lines with a predicted one; an empty side scores 1.
 */
export interface SkuTally {
  gold: number;
  goldOk: number;
  pred: number;
  predOk: number;
  /** gold SKU, answered none / answered another SKU; gold none, answered an SKU. */
  missed: number;
  wrong: number;
  spurious: number;
}

export function newSkuTally(): SkuTally {
  return { gold: 0, goldOk: 0, pred: 0, predOk: 0, missed: 0, wrong: 0, spurious: 0 };
}

/** Counts one line's gold and predicted SKU (null: none). */
export function tallySku(t: SkuTally, gold: string | null, pred: string | null): void {
  if (gold) {
    t.gold++;
    if (pred === gold) t.goldOk++;
    else if (pred === null) t.missed++;
    else t.wrong++;
  } else if (pred) t.spurious++;
  if (pred) {
    t.pred++;
    if (pred === gold) t.predOk++;
  }
}

export function skuRecall(t: SkuTally): number {
  return t.gold ? t.goldOk / t.gold : 1;
}

export function skuPrecision(t: SkuTally): number {
  return t.pred ? t.predOk / t.pred : 1;
}
