// The cross-catalog rotation alone (intent, SKU, per-language figures per fold; no older sets, no speed), for
// comparing training procedures quickly:   node --import tsx bench/triage/cross-catalog-run.ts [inner-cv|fixed] [all|independent]
// 'independent' (default) rotates over the categories written by writers who never saw the classifier only;
// 'all' adds the ones its developers wrote (they train every fold, and are scored as folds of their own).
// 'fixed' trains every fold with the configuration an earlier session chose on these folds (FIXED_CONFIG: 20 epochs,
// 15 % dropout, per-class stack); 'inner-cv' (default) chooses it per fold from the fold's training categories alone.
// VARIANT='{"averageTail":0.5}' (JSON, TrainTriageOptions) adds training options to the fixed configuration, and
// SEED=18 trains from another seed, so a change to training can be compared with the base on the same folds.
import { DEVELOPER_WRITTEN, loadCorpus, loadTuningSets } from './datasets';
import { formatCrossCatalog, runCrossCatalog } from './cross-catalog';
import { FIXED_CONFIG, type ModelConfig } from './model-select';
import type { TrainTriageOptions } from '../../src/core/comments/triage/triage.model';

const mode = process.argv[2] ?? 'inner-cv';
if (mode !== 'inner-cv' && mode !== 'fixed') throw new Error('usage: cross-catalog-run.ts [inner-cv|fixed]');
const which = process.argv[3] ?? 'independent';
const corpus = loadCorpus().filter((s) => which === 'all' || !DEVELOPER_WRITTEN.has(s.name.replace('corpus/', '')));
const variant = JSON.parse(process.env.VARIANT ?? '{}') as TrainTriageOptions;
if (typeof variant !== 'object' || variant === null || Array.isArray(variant)) throw new Error('VARIANT: a JSON object of training options');
const seed = process.env.SEED ? Number(process.env.SEED) : undefined;
if (seed !== undefined && !Number.isInteger(seed)) throw new Error('SEED: an integer');
const fixed: ModelConfig & TrainTriageOptions = { ...FIXED_CONFIG, ...variant, ...(seed !== undefined ? { seed } : {}) };
const t0 = performance.now();
const rep = runCrossCatalog(corpus, loadTuningSets(), {
  config: mode === 'fixed' ? fixed : 'inner-cv',
  log: (l) => console.log(l),
  // FOLDS=a,b scores only those folds (each still trained on all the other categories)
  ...(process.env.FOLDS ? { only: new Set(process.env.FOLDS.split(',')) } : {}),
});
console.log(formatCrossCatalog(rep));
// four decimals per fold and their mean, for comparing a variant with the base fold by fold
const judged = rep.folds.filter((f) => !f.developerWritten);
for (const f of judged) {
  const langs = Object.values(f.langAccuracy);
  console.log(`FOLD ${f.name} macroF1 ${f.intent.macroF1.toFixed(4)} complaint ${f.complaintF1.toFixed(4)} lowest-language ${Math.min(...langs).toFixed(4)}`);
}
if (judged.length > 0) console.log(`MEAN macroF1 ${(judged.reduce((s, f) => s + f.intent.macroF1, 0) / judged.length).toFixed(4)} over ${judged.length} folds`);
console.log(`(${mode}${mode === 'fixed' ? ` ${JSON.stringify(fixed)}` : ''}, ${which}, ${((performance.now() - t0) / 1000).toFixed(0)} s)`);
