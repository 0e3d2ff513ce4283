// Comment-triage evaluation on data the classifier was NOT tuned on.
//
//   npx tsx bench/triage/triage-eval.ts            (prints the report)
//   import { runTriageEval } from './bench/triage/triage-eval.ts'   (returns the figures as an object)
//
// Sets (see test/data/README.md):
//   dev-holdout — 30% of the shared dev set, split by hash of id before any tuning; errors never inspected.
//   show2       — a different show/catalog (cookware), written and frozen before the classifier existed.
//   dev-tune    — printed for reference only: the rules were written while looking at it.

import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createTriage } from '../../src/core/comments/triage/triage.service';
import type { Intent, TriageCatalog } from '../../src/core/comments/triage/triage.types';
import { devSplitOf } from './split';
import { CLASSES, fmt, score, type Cls, type ScoreReport } from './metrics';

export interface LabelledComment {
  id: string;
  lang: string;
  text: string;
  intent: Intent;
  sku: string | null;
  offer: string | null;
  pinnedSku?: string | null;
}

export interface SetReport {
  name: string;
  tuned: boolean;
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

export interface TriageEvalReport {
  sets: SetReport[];
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
}

const DATA = (p: string): string => fileURLToPath(new URL(`../../test/data/${p}`, import.meta.url));

function readJsonl(path: string): LabelledComment[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as LabelledComment);
}

export function loadSets(): Array<{ name: string; tuned: boolean; rows: LabelledComment[]; catalog: TriageCatalog }> {
  const dev = readJsonl(DATA('comments-dev.jsonl'));
  const devCatalog = JSON.parse(readFileSync(DATA('catalog-dev.json'), 'utf8')) as TriageCatalog;
  const show2 = readJsonl(DATA('comments-show2.jsonl'));
  const show2Catalog = JSON.parse(readFileSync(DATA('catalog-show2.json'), 'utf8')) as TriageCatalog;
  // show3 was written by another author (a helper that never saw the classifier), after it froze.
  const show3 = readJsonl(DATA('comments-show3.jsonl'));
  const show3Catalog = JSON.parse(readFileSync(DATA('catalog-show3.json'), 'utf8')) as TriageCatalog;
  return [
    { name: 'dev-holdout', tuned: false, rows: dev.filter((r) => devSplitOf(r.id) === 'holdout'), catalog: devCatalog },
    { name: 'show2', tuned: false, rows: show2, catalog: show2Catalog },
    { name: 'show3', tuned: false, rows: show3, catalog: show3Catalog },
    { name: 'dev-tune', tuned: true, rows: dev.filter((r) => devSplitOf(r.id) === 'tune'), catalog: devCatalog },
    // Intent-only tuning lines (sku/offer null) written by another author for complaint/other phrasing.
    { name: 'tune2', tuned: true, rows: readJsonl(DATA('comments-tune2.jsonl')), catalog: devCatalog },
  ];
}

function evaluateSet(name: string, tuned: boolean, rows: LabelledComment[], catalog: TriageCatalog, corrections: number): SetReport {
  const t = createTriage({ catalog });
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
    n: rows.length,
    overall: score(gold, pred),
    byLang,
    skuAccuracy: skuOk / rows.length,
    skuRecall: goldSku ? goldSkuOk / goldSku : 0,
    skuPrecision: predSku ? predSkuOk / predSku : 0,
    offerAccuracy: offerOk / rows.length,
    unsureShare: unsure / rows.length,
    langAccuracy: langOk / rows.length,
    learning: corrections > 0 ? simulateLearning(rows, catalog, corrections) : null,
  };
}

/**
 * A moderator watches the stream and corrects the first `n` misclassified comments in its first half
 * (the correction window). The second half is scored with a fresh classifier (before) and with the corrected
 * one, frozen (after). A fixed window keeps the scored part the same size whatever the error rate; with
 * "correct the first n errors anywhere" a good classifier would use up the whole stream before n.
 */
export function simulateLearning(rows: LabelledComment[], catalog: TriageCatalog, n: number, windowFraction = 0.5): LearningReport {
  const split = Math.floor(rows.length * windowFraction);
  const window = rows.slice(0, split);
  const rest = rows.slice(split);
  const learner = createTriage({ catalog });
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
  const fresh = createTriage({ catalog });
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

function measureThroughput(catalog: TriageCatalog, texts: string[], n: number): TriageEvalReport['throughput'] {
  const t = createTriage({ catalog });
  const text = (i: number): string => texts[i % texts.length] ?? '';
  // warm-up
  for (let i = 0; i < 2000; i++) t.classify({ text: text(i) });
  const t0 = performance.now();
  let sink = 0;
  for (let i = 0; i < n; i++) sink += t.classify({ text: text(i) }).confidence;
  const seconds = (performance.now() - t0) / 1000;
  // learn() cost, one call at a time
  const l = createTriage({ catalog });
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

export function runTriageEval(options: TriageEvalOptions = {}): TriageEvalReport {
  const sets = loadSets().filter((s) => options.includeTune !== false || !s.tuned);
  const corrections = options.corrections ?? { 'dev-holdout': 50, show2: 50, show3: 50, 'dev-tune': 0, tune2: 0 };
  const reports = sets.map((s) => evaluateSet(s.name, s.tuned, s.rows, s.catalog, corrections[s.name] ?? 0));
  const show2 = sets.find((s) => s.name === 'show2') ?? sets[0];
  if (!show2) throw new Error('triage-eval: no data sets found');
  const texts = sets.flatMap((s) => s.rows.map((r) => r.text));
  const throughput = measureThroughput(show2.catalog, texts, Math.max(1, options.throughputN ?? 120_000));
  return { sets: reports, throughput, unsureBelow: createTriage({ catalog: show2.catalog }).unsureBelow };
}

export function formatReport(rep: TriageEvalReport): string {
  const out: string[] = [];
  for (const s of rep.sets) {
    out.push('');
    out.push(`== ${s.name} (${s.n} comments)${s.tuned ? '  — TUNED ON, reference only' : '  — untuned'} ==`);
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
  out.push('');
  out.push(
    `throughput: ${t.classifications} classifications in ${t.seconds.toFixed(2)} s = ${Math.round(t.perSecond).toLocaleString('en')} comments/s on one core; learn() mean ${t.learnMicrosMean.toFixed(0)} µs, p99 ${t.learnMicrosP99.toFixed(0)} µs, first call ${t.learnMicrosFirst.toFixed(0)} µs; unsure below ${rep.unsureBelow}`,
  );
  return out.join('\n');
}

/** Same shape as bench/support/report.ts BenchRow, so `npm run bench` can print it in its summary. */
export interface TriageBenchRow {
  metric: string;
  value: number;
  unit: string;
  target?: string;
  pass?: boolean;
}

/** The figures as bench rows: macro-F1 per untuned set (target ≥ 0.85) and per language, SKU, unsure, speed. */
export function triageBenchRows(rep: TriageEvalReport = runTriageEval()): TriageBenchRow[] {
  const rows: TriageBenchRow[] = [];
  for (const s of rep.sets.filter((x) => !x.tuned)) {
    rows.push({ metric: `${s.name} macro-F1`, value: s.overall.macroF1, unit: '', target: '≥ 0.85', pass: s.overall.macroF1 >= 0.85 });
    for (const [lang, r] of Object.entries(s.byLang)) rows.push({ metric: `${s.name} macro-F1 ${lang}`, value: r.macroF1, unit: '' });
    rows.push({ metric: `${s.name} SKU exact`, value: s.skuAccuracy, unit: '' });
    rows.push({ metric: `${s.name} unsure share`, value: s.unsureShare, unit: '' });
    if (s.learning) {
      rows.push({ metric: `${s.name} macro-F1 after ${s.learning.correctionsMade} corrections (was ${s.learning.macroF1Before.toFixed(3)})`, value: s.learning.macroF1After, unit: '' });
    }
  }
  rows.push({ metric: 'triage throughput', value: rep.throughput.perSecond, unit: 'comments/s' });
  rows.push({ metric: 'learn() p99', value: rep.throughput.learnMicrosP99, unit: 'µs', target: '< 1000', pass: rep.throughput.learnMicrosP99 < 1000 });
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rep = runTriageEval();
  console.log(formatReport(rep));
  const out = process.env.BATON_BENCH_OUT;
  if (out) writeFileSync(out, JSON.stringify({ name: 'comment triage', rows: triageBenchRows(rep) }, null, 2));
}
