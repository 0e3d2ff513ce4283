// Comment-triage evaluation on data the classifier was NOT tuned on.
//
//   npx tsx bench/triage/triage-eval.ts            (prints the report)
//   npm run bench -- triage                        (the same, plus the bench summary rows)
//
// Sets (test/data/README.md, bench/triage/datasets.ts):
//   corpus/<categories> — cross-catalog: train on all but one (+ the tuning sets), test on that one, rotate; the WORST
//     fold over the independently written categories counts (the developer-written ones are folds too, shown apart).
//     Each fold trains with FIXED_CONFIG (model-select.ts), which an earlier session chose by inner cross-validation on
//     these folds, so the figures are not free of tuning to them; TRIAGE_CV=inner makes each fold choose its own by an
//     inner cross-validation over its training categories alone (several times slower). The folds run on a pool of
//     worker threads (cross-catalog-pool.ts), one per core.
//   dev-holdout, show2, show3 — older evaluation sets, scored with the model trained on the tuning sets + the corpus.
//   dev-tune, tune2 — tuning sets (the rules were written reading them): reference only.
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createTriage } from '../../src/core/comments/triage/triage.service';
import type { Intent, TriageCatalog } from '../../src/core/comments/triage/triage.types';
import type { TriageModel } from '../../src/core/comments/triage/triage.model';
import { lineKey, loadCorpus, loadLegacyEvaluationSets, loadTuningSets, type LabelledComment, type LabelledSet } from './datasets';
import { CLASSES, fmt, score, type Cls, type ScoreReport } from './metrics';
import { formatCrossCatalog, SKU_HEADLINE_KEY, SKU_LABEL_KEYS, skuJudgesWorst, type CrossCatalogReport } from './cross-catalog';
import { runCrossCatalogPooled } from './cross-catalog-pool';
import { FIXED_CONFIG, trainWithSelectedConfig } from './model-select';

export type { LabelledComment };

export interface SetReport {
  name: string;
  tuned: boolean;
  /** 'rules' = rules alone; 'model' = rules + the learned model. */
  classifier: 'rules' | 'model';
  n: number;
  overall: ScoreReport;
  byLang: Record<string, ScoreReport>;
  skuAccuracy: number; // exact match incl. null
  skuRecall: number; // gold sku non-null and matched
  skuPrecision: number; // predicted sku non-null and right
  offerAccuracy: number;
  unsureShare: number;
  langAccuracy: number;
  learning: LearningReport | null;
}

export interface LearningReport {
  correctionsWanted: number;
  correctionsMade: number;
  /** First part of the stream, where corrections happen. */
  windowSize: number;
  /** The rest of the stream, on which before/after are scored. */
  restSize: number;
  macroF1Before: number;
  macroF1After: number;
  accuracyBefore: number;
  accuracyAfter: number;
  learnMicrosMedian: number;
}

export interface Throughput {
  classifications: number;
  seconds: number;
  perSecond: number;
  /** Per CPU-second of this process (user + system): the one-core figure on a shared machine. */
  perCpuSecond: number;
}

export interface TriageEvalReport {
  crossCatalog: CrossCatalogReport | null;
  sets: SetReport[];
  /** Rules alone (the baseline) and rules + model, measured in the same run. */
  speed: { rules: Throughput; model: Throughput };
  throughput: {
    classifications: number;
    seconds: number;
    perSecond: number;
    learnMicrosMean: number;
    learnMicrosP99: number;
    /** The very first learn() of a fresh instance (cold JIT). */
    learnMicrosFirst: number;
  };
  unsureBelow: number;
}

export interface TriageEvalOptions {
  /** Classifications for the throughput run (≥ 100 000 by default). */
  throughputN?: number;
  /** Corrections simulated per set, by set name. */
  corrections?: Record<string, number>;
  /** Include dev-tune (tuned on; reference only). */
  includeTune?: boolean;
  /** Run the cross-catalog rotation (default true; it trains one model per corpus category). */
  crossCatalog?: boolean;
  /**
   * Score the older evaluation sets (dev-holdout, show2, show3; default true). Off (`TRIAGE_LEGACY=0`) for work that
   * must not see them: the cross-catalog folds and the speed figures are then measured on the corpus alone.
   */
  legacy?: boolean;
  /**
   * The cross-catalog folds' configuration: 'fixed' (FIXED_CONFIG, chosen earlier by inner cross-validation on these
   * folds; the default) or 'inner' (chosen per fold by inner cross-validation). Default from TRIAGE_CV.
   */
  cv?: 'fixed' | 'inner';
}

/** TRIAGE_CV: unset or 'fixed' → 'fixed'; 'inner' → per-fold inner cross-validation; anything else is an error. */
export function cvFromEnv(value: string | undefined = process.env.TRIAGE_CV): 'fixed' | 'inner' {
  if (value === undefined || value === '' || value === 'fixed') return 'fixed';
  if (value === 'inner') return 'inner';
  throw new Error(`TRIAGE_CV=${value}: 'fixed' (default) or 'inner'`);
}

export function loadSets(): Array<{ name: string; tuned: boolean; rows: LabelledComment[]; catalog: TriageCatalog }> {
  return [
    ...loadLegacyEvaluationSets().map((s) => ({ name: s.name, tuned: false, rows: s.rows, catalog: s.catalog })),
    ...loadTuningSets().map((s) => ({ name: s.name, tuned: true, rows: s.rows, catalog: s.catalog })),
  ];
}

function evaluateSet(name: string, tuned: boolean, rows: LabelledComment[], catalog: TriageCatalog, corrections: number, model: TriageModel | null): SetReport {
  const t = createTriage({ catalog, model });
  const scored = rows.map((r) => ({ r, p: t.classify({ text: r.text, pinnedSku: r.pinnedSku ?? null }) }));
  const preds = scored.map((x) => x.p);
  const gold = rows.map((r) => r.intent);
  const pred = preds.map((p) => p.intent);
  const byLang: Record<string, ScoreReport> = {};
  for (const lang of [...new Set(rows.map((r) => r.lang))].sort()) {
    const sub = scored.filter((x) => x.r.lang === lang);
    byLang[lang] = score(
      sub.map((x) => x.r.intent),
      sub.map((x) => x.p.intent),
    );
  }
  let skuOk = 0;
  let goldSku = 0;
  let goldSkuOk = 0;
  let predSku = 0;
  let predSkuOk = 0;
  let offerOk = 0;
  let langOk = 0;
  scored.forEach(({ r, p }) => {
    if (p.sku === r.sku) skuOk++;
    if (r.sku) {
      goldSku++;
      if (p.sku === r.sku) goldSkuOk++;
    }
    if (p.sku) {
      predSku++;
      if (p.sku === r.sku) predSkuOk++;
    }
    if (p.offerCode === r.offer) offerOk++;
    if (p.lang === r.lang) langOk++;
  });
  const unsure = preds.filter((p) => p.confidence < t.unsureBelow).length;
  return {
    name,
    tuned,
    classifier: model ? 'model' : 'rules',
    n: rows.length,
    overall: score(gold, pred),
    byLang,
    skuAccuracy: skuOk / rows.length,
    skuRecall: goldSku ? goldSkuOk / goldSku : 0,
    skuPrecision: predSku ? predSkuOk / predSku : 0,
    offerAccuracy: offerOk / rows.length,
    unsureShare: unsure / rows.length,
    langAccuracy: langOk / rows.length,
    learning: corrections > 0 ? simulateLearning(rows, catalog, corrections, 0.5, model) : null,
  };
}

/**
 * A moderator watches the stream and corrects the first `n` misclassified comments in its first half
 * (the correction window). The second half is scored with a fresh classifier (before) and with the corrected
 * one, frozen (after). A fixed window keeps the scored part the same size whatever the error rate; with
 * "correct the first n errors anywhere" a good classifier would use up the whole stream before n.
 */
export function simulateLearning(rows: LabelledComment[], catalog: TriageCatalog, n: number, windowFraction = 0.5, model: TriageModel | null = null): LearningReport {
  const split = Math.floor(rows.length * windowFraction);
  const window = rows.slice(0, split);
  const rest = rows.slice(split);
  const learner = createTriage({ catalog, model });
  let made = 0;
  const learnUs: number[] = [];
  for (const r of window) {
    if (made >= n) break;
    const p = learner.classify({ text: r.text, pinnedSku: r.pinnedSku ?? null });
    if (p.intent !== r.intent) {
      const t0 = performance.now();
      learner.learn(r.text, r.intent);
      learnUs.push((performance.now() - t0) * 1000);
      made++;
    }
  }
  const fresh = createTriage({ catalog, model });
  const gold = rest.map((r) => r.intent);
  const before = score(
    gold,
    rest.map((r) => fresh.classify({ text: r.text, pinnedSku: r.pinnedSku ?? null }).intent),
  );
  const after = score(
    gold,
    rest.map((r) => learner.classify({ text: r.text, pinnedSku: r.pinnedSku ?? null }).intent),
  );
  return {
    correctionsWanted: n,
    correctionsMade: made,
    windowSize: window.length,
    restSize: rest.length,
    macroF1Before: before.macroF1,
    macroF1After: after.macroF1,
    accuracyBefore: before.accuracy,
    accuracyAfter: after.accuracy,
    learnMicrosMedian: median(learnUs),
  };
}

function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

function measureSpeed(catalog: TriageCatalog, texts: string[], n: number, model: TriageModel | null): Throughput {
  const t = createTriage({ catalog, model });
  const text = (i: number): string => texts[i % texts.length] ?? '';
  for (let i = 0; i < 3000; i++) t.classify({ text: text(i) });
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let sink = 0;
  for (let i = 0; i < n; i++) sink += t.classify({ text: text(i) }).confidence;
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(c0);
  if (sink < 0) console.log(sink);
  return { classifications: n, seconds, perSecond: n / seconds, perCpuSecond: n / ((cpu.user + cpu.system) / 1e6) };
}

function measureThroughput(catalog: TriageCatalog, texts: string[], n: number, model: TriageModel | null): TriageEvalReport['throughput'] {
  const t = createTriage({ catalog, model });
  const text = (i: number): string => texts[i % texts.length] ?? '';
  // warm-up
  for (let i = 0; i < 2000; i++) t.classify({ text: text(i) });
  const t0 = performance.now();
  let sink = 0;
  for (let i = 0; i < n; i++) sink += t.classify({ text: text(i) }).confidence;
  const seconds = (performance.now() - t0) / 1000;
  // learn() cost, one call at a time
  const l = createTriage({ catalog, model });
  const L = 2000;
  const us: number[] = [];
  for (let i = 0; i < L; i++) {
    const t1 = performance.now();
    l.learn(text(i * 7), CLASSES[i % CLASSES.length] as Intent);
    us.push((performance.now() - t1) * 1000);
  }
  const learnMicrosFirst = us[0] ?? 0;
  const sorted = [...us].sort((a, b) => a - b);
  const learnMicrosMean = us.reduce((a, b) => a + b, 0) / us.length;
  const learnMicrosP99 = sorted[Math.floor(sorted.length * 0.99)] ?? 0;
  if (sink < 0) console.log(sink);
  return { classifications: n, seconds, perSecond: n / seconds, learnMicrosMean, learnMicrosP99, learnMicrosFirst };
}

export async function runTriageEval(options: TriageEvalOptions = {}): Promise<TriageEvalReport> {
  const tuning: LabelledSet[] = loadTuningSets();
  const corpus = loadCorpus();
  const cv = options.cv ?? cvFromEnv();
  // 1. cross-catalog rotation (the worst fold is the headline), its folds on a pool of worker threads
  const crossCatalog =
    options.crossCatalog !== false && corpus.length >= 2 ? await runCrossCatalogPooled(corpus, tuning, { config: cv === 'inner' ? 'inner-cv' : { ...FIXED_CONFIG } }) : null;
  // 2. the older sets, with the model trained on everything that is not them
  const legacy = options.legacy === false ? [] : loadLegacyEvaluationSets();
  const legacyKeys = new Set(legacy.flatMap((s) => s.rows.map((r) => lineKey(r.text))));
  // trained as the shipped model is (configuration chosen by inner cross-validation over the corpus)
  const { model } = trainWithSelectedConfig(tuning, corpus, legacyKeys);
  const corrections = options.corrections ?? { 'dev-holdout': 50, show2: 50, show3: 50 };
  const reports: SetReport[] = [];
  for (const s of legacy) {
    reports.push(evaluateSet(s.name, false, s.rows, s.catalog, 0, null));
    reports.push(evaluateSet(s.name, false, s.rows, s.catalog, corrections[s.name] ?? 0, model));
  }
  if (options.includeTune !== false) for (const s of tuning) reports.push(evaluateSet(s.name, true, s.rows, s.catalog, 0, null));
  const catalog = corpus[0]?.catalog ?? legacy[0]?.catalog;
  if (!catalog) throw new Error('triage-eval: no data sets found');
  const texts = [...corpus, ...legacy].flatMap((s) => s.rows.map((r) => r.text));
  const n = Math.max(1, options.throughputN ?? 60_000);
  // baseline (rules alone) and rules + model, interleaved twice so both see the same machine
  const r1 = measureSpeed(catalog, texts, n, null);
  const m1 = measureSpeed(catalog, texts, n, model);
  const r2 = measureSpeed(catalog, texts, n, null);
  const m2 = measureSpeed(catalog, texts, n, model);
  const best = (a: Throughput, b: Throughput): Throughput => (a.perCpuSecond >= b.perCpuSecond ? a : b);
  const throughput = measureThroughput(catalog, texts, Math.min(n, 20_000), model);
  return { crossCatalog, sets: reports, speed: { rules: best(r1, r2), model: best(m1, m2) }, throughput, unsureBelow: createTriage({ catalog }).unsureBelow };
}

export function formatReport(rep: TriageEvalReport): string {
  const out: string[] = [];
  if (rep.crossCatalog) out.push(formatCrossCatalog(rep.crossCatalog));
  for (const s of rep.sets) {
    out.push('');
    out.push(`== ${s.name} (${s.n} comments), ${s.classifier === 'model' ? 'rules + model' : 'rules alone'}${s.tuned ? '  — TUNED ON, reference only' : '  — not tuned on (see test/data/README.md)'} ==`);
    out.push(`lang  n    ${CLASSES.map((c) => c.padEnd(17)).join('')}macro-F1`);
    out.push(`           ${CLASSES.map(() => 'P     R     F1    ').join('')}`);
    const row = (label: string, r: ScoreReport): string =>
      `${label.padEnd(5)} ${String(r.n).padEnd(4)} ${CLASSES.map((c: Cls) => {
        const x = r.perClass[c];
        return `${fmt(x.precision, 2)}  ${fmt(x.recall, 2)}  ${fmt(x.f1, 2)}  `;
      }).join('')}${fmt(r.macroF1)}`;
    for (const [lang, r] of Object.entries(s.byLang)) out.push(row(lang, r));
    out.push(row('all', s.overall));
    out.push(
      `accuracy ${fmt(s.overall.accuracy)} | SKU exact ${fmt(s.skuAccuracy)} (recall on named ${fmt(s.skuRecall)}, precision ${fmt(s.skuPrecision)}) | offer ${fmt(s.offerAccuracy)} | lang ${fmt(s.langAccuracy)} | unsure ${(100 * s.unsureShare).toFixed(1)}%`,
    );
    if (s.learning) {
      const l = s.learning;
      out.push(
        `learning: moderator corrects the first ${l.correctionsWanted} errors in the first ${l.windowSize} comments (${l.correctionsMade} made); on the other ${l.restSize}: macro-F1 ${fmt(l.macroF1Before)} → ${fmt(l.macroF1After)}, accuracy ${fmt(l.accuracyBefore)} → ${fmt(l.accuracyAfter)} (learn() median ${l.learnMicrosMedian.toFixed(0)} µs)`,
      );
    }
  }
  const t = rep.throughput;
  const sp = rep.speed;
  out.push('');
  out.push(
    `speed (one core): rules alone ${Math.round(sp.rules.perCpuSecond).toLocaleString('en')} comments per CPU-second (${Math.round(sp.rules.perSecond).toLocaleString('en')}/s wall); rules + model ${Math.round(sp.model.perCpuSecond).toLocaleString('en')} per CPU-second (${Math.round(sp.model.perSecond).toLocaleString('en')}/s wall)`,
  );
  out.push(
    `throughput: ${t.classifications} classifications in ${t.seconds.toFixed(2)} s = ${Math.round(t.perSecond).toLocaleString('en')} comments/s on one core; learn() mean ${t.learnMicrosMean.toFixed(0)} µs, p99 ${t.learnMicrosP99.toFixed(0)} µs, first call ${t.learnMicrosFirst.toFixed(0)} µs; unsure below ${rep.unsureBelow}`,
  );
  return out.join('\n');
}

/** Same shape as bench/support/report.ts BenchRow, so `npm run bench` can print it in its summary. */
export interface TriageBenchRow {
  baseline?: number;
  ratio?: number;
  metric: string;
  value: number;
  unit: string;
  target?: string;
  pass?: boolean;
}

/** The figures as bench rows: macro-F1 per untuned set (target ≥ 0.85) and per language, SKU, unsure, speed. */
export function triageBenchRows(rep: TriageEvalReport): TriageBenchRow[] {
  const rows: TriageBenchRow[] = [];
  const cc = rep.crossCatalog;
  if (cc) {
    // which configuration the folds trained with, on every row: a fixed one was chosen on these same folds
    const short = cc.configChoice === 'fixed' ? 'fixed config' : 'config by inner CV per fold';
    const full =
      cc.configChoice === 'fixed'
        ? 'fixed config, chosen earlier by inner cross-validation on these folds: not free of tuning to them'
        : 'config chosen per fold by inner cross-validation on its training categories only';
    for (const f of cc.folds) {
      rows.push({ metric: `fold ${f.name} intent macro-F1 (${short})`, value: f.intent.macroF1, unit: '' });
    }
    const w = cc.worst;
    rows.push({ metric: `worst fold intent macro-F1 (${full})`, value: w.macroF1, unit: '', target: '≥ 0.90', pass: w.macroF1 >= 0.9 });
    rows.push({ metric: `worst fold complaint F1 (${full})`, value: w.complaintF1, unit: '', target: '≥ 0.85', pass: w.complaintF1 >= 0.85 });
    // SKU: the headline is the SKU judges' worst fold on the rule-v4 labels (test/data/sku-rule-v4.md); the v4 agreed
    // lines, the v3 and the v2 labels stay printed beside it, and the corpus authors' own (v1) labels without a target
    for (const k of SKU_LABEL_KEYS) {
      const sw = skuJudgesWorst(cc.folds, k);
      if (!sw) continue;
      const headline = k === SKU_HEADLINE_KEY;
      rows.push({ metric: `worst fold SKU recall, ${k} labels, ${sw.folds} SKU judges (${full})`, value: sw.step.recall, unit: '', ...(headline ? { target: '≥ 0.92', pass: sw.step.recall >= 0.92 } : {}) });
      rows.push({ metric: `worst fold SKU precision, ${k} labels, ${sw.folds} SKU judges (${full})`, value: sw.step.precision, unit: '', ...(headline ? { target: '≥ 0.95', pass: sw.step.precision >= 0.95 } : {}) });
    }
    rows.push({ metric: `worst fold SKU recall, corpus authors' labels (${full})`, value: w.skuRecall, unit: '' });
    rows.push({ metric: `worst fold SKU precision, corpus authors' labels (${full})`, value: w.skuPrecision, unit: '' });
    rows.push({ metric: `worst fold per-language accuracy (${full})`, value: w.langAccuracy, unit: '', target: '≥ 0.85', pass: w.langAccuracy >= 0.85 });
    if (w.complaintSubAccuracy !== null) rows.push({ metric: `worst fold complaint sub-tag accuracy (${full})`, value: w.complaintSubAccuracy, unit: '' });
  }
  for (const s of rep.sets.filter((x) => !x.tuned)) {
    const label = `${s.name} (${s.classifier === 'model' ? 'rules + model' : 'rules alone'})`;
    rows.push({ metric: `${label} macro-F1`, value: s.overall.macroF1, unit: '' });
    rows.push({ metric: `${label} SKU exact`, value: s.skuAccuracy, unit: '' });
    if (s.learning) {
      rows.push({ metric: `${label} macro-F1 after ${s.learning.correctionsMade} corrections (was ${s.learning.macroF1Before.toFixed(3)})`, value: s.learning.macroF1After, unit: '' });
    }
  }
  const sp = rep.speed;
  rows.push({
    metric: 'triage throughput, rules + model (per CPU-second)',
    value: sp.model.perCpuSecond,
    unit: 'comments/s',
    baseline: sp.rules.perCpuSecond,
    ratio: sp.model.perCpuSecond / sp.rules.perCpuSecond,
    target: '≥ 20000',
    pass: sp.model.perCpuSecond >= 20_000,
  });
  rows.push({ metric: 'triage throughput, rules + model (wall)', value: sp.model.perSecond, unit: 'comments/s', baseline: sp.rules.perSecond });
  rows.push({ metric: 'learn() p99', value: rep.throughput.learnMicrosP99, unit: 'µs', target: '< 1000', pass: rep.throughput.learnMicrosP99 < 1000 });
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rep = await runTriageEval();
  console.log(formatReport(rep));
  const out = process.env.BATON_BENCH_OUT;
  if (out) writeFileSync(out, JSON.stringify({ name: 'comment triage', rows: triageBenchRows(rep) }, null, 2));
}
