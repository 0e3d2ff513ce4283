// Trains the model the station ships with, from every labelled set in the repository (the tuning sets and every
// corpus category), and writes it to resources/triage/model.bin.gz.   npm run triage:model
// Its configuration (epochs, feature dropout, stack shape) is chosen by leave-one-category-out cross-validation over
// the corpus categories, the same procedure the cross-catalog bench runs inside each of its folds.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { serializeTriageModel } from '../../src/core/comments/triage/triage.model';
import { loadCorpus, loadTuningSets } from './datasets';
import { describeConfig, formatSelection, trainWithSelectedConfig } from './model-select';

const dir = fileURLToPath(new URL('../../resources/triage/', import.meta.url));
const tuning = loadTuningSets();
const corpus = loadCorpus();
const t0 = performance.now();
const { model, selection } = trainWithSelectedConfig(tuning, corpus);
const bytes = gzipSync(serializeTriageModel(model), { level: 9 });
mkdirSync(dir, { recursive: true });
writeFileSync(dir + 'model.bin.gz', bytes);
console.log(formatSelection(selection));
console.log(
  `trained on ${model.examples} comments (${[...tuning, ...corpus].map((s) => s.name).join(', ')}) with ${describeConfig(selection.config)} (chosen by inner cross-validation over the corpus categories) in ${((performance.now() - t0) / 1000).toFixed(1)} s → resources/triage/model.bin.gz (${Math.round(bytes.length / 1024)} KB)`,
);
