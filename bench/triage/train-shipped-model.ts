// Trains the model the station ships with, from every labelled set in the repository (the tuning sets and the eight
// corpus categories), and writes it to resources/triage/model.bin.gz.   npm run triage:model
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { serializeTriageModel, trainTriageModel } from '../../src/core/comments/triage/triage.model';
import { loadCorpus, loadTuningSets } from './datasets';
import { toGroup } from './cross-catalog';

const dir = fileURLToPath(new URL('../../resources/triage/', import.meta.url));
const sets = [...loadTuningSets(), ...loadCorpus()];
const t0 = performance.now();
const model = trainTriageModel(sets.map((s) => toGroup(s)));
const bytes = gzipSync(serializeTriageModel(model), { level: 9 });
mkdirSync(dir, { recursive: true });
writeFileSync(dir + 'model.bin.gz', bytes);
console.log(
  `trained on ${model.examples} comments (${sets.map((s) => s.name).join(', ')}) in ${((performance.now() - t0) / 1000).toFixed(1)} s → resources/triage/model.bin.gz (${Math.round(bytes.length / 1024)} KB)`,
);
