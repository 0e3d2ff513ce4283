// The inner cross-validation alone, for comparing a change to the model or its features quickly and honestly:
// selectConfig over the corpus categories other than the folds named in EXCLUDE (the outer folds a change will later
// be reported on, so they play no part in choosing it), the tuning sets always training.
//   EXCLUDE=health-supplements,makeup-cosmetics GRID=shipped|full INNER=groups|single SEEDS=17,18,19 \
//     node --import tsx bench/triage/inner-cv-compare.ts
// GRID=shipped (default) scores only the configuration the last retrain of the shipped model chose (session 9: 20
// epochs, dropout 0.15, one shared stack, no copies without "?"; `npm run triage:model` prints its choice — keep this in
// step with it); GRID=full runs the whole CONFIG_GRID. INNER=single holds out one category at a time (the outer folds
// are single categories; the default groups them into six inner folds, as the bench's selection does): slower, but its
// worst fold is a single catalog's, like the figure the issue asks for. SEEDS runs the whole comparison once per
// training seed (the model's data order and dropout), so a change can be told from the seed's noise. Prints each
// inner fold's intent macro-F1, the worst and the mean: aggregates only.
import { loadCorpus, loadTuningSets } from './datasets';
import { CONFIG_GRID, formatSelection, prepareSet, selectConfig, type ModelConfig } from './model-select';

const exclude = new Set((process.env.EXCLUDE ?? 'health-supplements,makeup-cosmetics,baby-care,gaming-accessories').split(',').filter(Boolean));
const SHIPPED: ModelConfig = { epochs: 20, dropout: 0.15, perClassStack: false, bareCopies: false };
const grid = process.env.GRID === 'full' ? CONFIG_GRID : [SHIPPED];
const single = process.env.INNER === 'single';
const seeds = (process.env.SEEDS ?? '17').split(',').map(Number).filter((s) => Number.isInteger(s));
const t0 = performance.now();
const tuning = loadTuningSets().map((s) => prepareSet(s));
const cats = loadCorpus()
  .filter((s) => !exclude.has(s.name.replace('corpus/', '')))
  .map((s) => prepareSet(s));
const t1 = performance.now();
const summary: string[] = [];
for (const seed of seeds) {
  const sel = selectConfig(tuning, cats, grid, { seed }, single ? cats.length : undefined);
  console.log(`seed ${seed}${single ? ', one category per inner fold' : ''}`);
  console.log(formatSelection(sel));
  for (const r of sel.rows) {
    const sorted = r.perFold.map((f, i) => [f, sel.folds[i]] as const).sort((a, b) => a[0] - b[0]);
    const low = sorted.slice(0, 3).map(([f, n]) => `${n} ${f.toFixed(4)}`).join(', ');
    summary.push(`seed ${seed}: worst ${r.worst.toFixed(4)} mean ${r.mean.toFixed(4)}  lowest: ${low}`);
  }
}
console.log(summary.join('\n'));
console.log(`(${cats.length} categories, excluded ${[...exclude].join(', ')}; analysis ${((t1 - t0) / 1000).toFixed(0)} s, CV ${((performance.now() - t1) / 1000).toFixed(0)} s)`);
