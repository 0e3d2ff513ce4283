// Held-out categories (test/data/heldout/<category>/): written by authors who never read the classifier, frozen by
// hash in their own commits before the changes they judge, and scored only when asked (TRIAGE_HELDOUT=1), so nobody
// tuning the classifier sees their figures. One model, trained on everything we may tune on, is scored per category.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { trainTriageModel } from '../../src/core/comments/triage/triage.model';
import { corpusCatalog, DATA_DIR, lineKey, readJsonl, type LabelledSet } from './datasets';
import { evaluateWithModel, formatFold, toGroup, type FoldReport } from './cross-catalog';
import { fmt } from './metrics';

/**
 * Content hashes of the held-out files, as their authors committed them. A data test fails when one drifts.
 * Recorded by the lead from the authors' commits, before any classifier change they judge was merged.
 */
export const HELD_OUT_FROZEN: Readonly<Record<string, string>> = {};

export const HELD_OUT_DIR = `${DATA_DIR}heldout/`;

export function heldOutCategories(): string[] {
  if (!existsSync(HELD_OUT_DIR)) return [];
  return readdirSync(HELD_OUT_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(`${HELD_OUT_DIR}${d.name}/comments.jsonl`) && existsSync(`${HELD_OUT_DIR}${d.name}/catalog.json`))
    .map((d) => d.name)
    .sort();
}

/** A held-out category without its lines that repeat a training line (normalized): a repeat tests nothing. */
export function loadHeldOutCategory(category: string, trainingKeys: ReadonlySet<string>): LabelledSet & { repeatsLeftOut: number } {
  const dir = `${HELD_OUT_DIR}${category}`;
  const all = readJsonl(`${dir}/comments.jsonl`);
  const rows = all.filter((r) => !trainingKeys.has(lineKey(r.text)));
  return {
    name: `heldout/${category}`,
    role: 'evaluation',
    rows,
    catalog: corpusCatalog(JSON.parse(readFileSync(`${dir}/catalog.json`, 'utf8')) as Parameters<typeof corpusCatalog>[0]),
    repeatsLeftOut: all.length - rows.length,
  };
}

export interface HeldOutReport {
  trainN: number;
  trainSeconds: number;
  categories: Array<FoldReport & { repeatsLeftOut: number }>;
}

/** Train once on the tuning sets + the whole corpus (what ships), score each held-out category with its own catalog. */
export function runHeldOut(training: readonly LabelledSet[]): HeldOutReport | null {
  const categories = heldOutCategories();
  if (categories.length === 0) return null;
  const keys = new Set(training.flatMap((s) => s.rows.map((r) => lineKey(r.text))));
  const t0 = performance.now();
  const model = trainTriageModel(training.map((s) => toGroup(s)));
  const trainSeconds = (performance.now() - t0) / 1000;
  return {
    trainN: model.examples,
    trainSeconds,
    categories: categories.map((c) => {
      const set = loadHeldOutCategory(c, keys);
      return { ...evaluateWithModel(set.name, set.rows, set.catalog, model, model.examples, trainSeconds), repeatsLeftOut: set.repeatsLeftOut };
    }),
  };
}

export function formatHeldOut(rep: HeldOutReport): string {
  const min = (xs: number[]): number => Math.min(...xs);
  const c = rep.categories;
  return [
    `== held-out categories (never read while tuning; model trained on tuning sets + all corpus, ${rep.trainN} lines) ==`,
    ...c.map((f) => `${formatFold(f)}  (${f.repeatsLeftOut} repeats of training lines left out)`),
    `WORST HELD-OUT: intent macro-F1 ${fmt(min(c.map((f) => f.intent.macroF1)))} (target ≥ 0.90) | complaint F1 ${fmt(min(c.map((f) => f.complaintF1)))} (≥ 0.85) | ` +
      `SKU recall ${fmt(min(c.map((f) => f.skuRecall)))} (≥ 0.92) at precision ${fmt(min(c.map((f) => f.skuPrecision)))} (≥ 0.95) | ` +
      `per-language accuracy ${fmt(min(c.flatMap((f) => Object.values(f.langAccuracy))))} (≥ 0.85)`,
  ].join('\n');
}

export function heldOutBenchRows(rep: HeldOutReport): Array<{ metric: string; value: number; unit: string; target?: string; pass?: boolean }> {
  const c = rep.categories;
  const worst = (f: (x: (typeof c)[number]) => number): number => Math.min(...c.map(f));
  const lang = Math.min(...c.flatMap((f) => Object.values(f.langAccuracy)));
  return [
    ...c.map((f) => ({ metric: `held-out ${f.name} intent macro-F1`, value: f.intent.macroF1, unit: '' })),
    { metric: 'held-out worst intent macro-F1', value: worst((f) => f.intent.macroF1), unit: '', target: '≥ 0.90', pass: worst((f) => f.intent.macroF1) >= 0.9 },
    { metric: 'held-out worst complaint F1', value: worst((f) => f.complaintF1), unit: '', target: '≥ 0.85', pass: worst((f) => f.complaintF1) >= 0.85 },
    { metric: 'held-out worst SKU recall', value: worst((f) => f.skuRecall), unit: '', target: '≥ 0.92', pass: worst((f) => f.skuRecall) >= 0.92 },
    { metric: 'held-out worst SKU precision', value: worst((f) => f.skuPrecision), unit: '', target: '≥ 0.95', pass: worst((f) => f.skuPrecision) >= 0.95 },
    { metric: 'held-out worst per-language accuracy', value: lang, unit: '', target: '≥ 0.85', pass: lang >= 0.85 },
  ];
}
