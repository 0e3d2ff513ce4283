// One worker of cross-catalog-pool.ts: loads the sets it is told of (checking each against the caller's digest),
// prepares them once, then runs the folds it is handed, one at a time, and sends each fold's report back.
import { parentPort, workerData } from 'node:worker_threads';
import { loadCorpusCategory, loadTuningSets, type LabelledSet } from './datasets';
import { prepareCrossCatalog, runFold } from './cross-catalog';
import { setDigest, type FromWorker, type PoolWorkerData, type ToWorker } from './cross-catalog-pool';

const port = parentPort;
if (!port) throw new Error('cross-catalog-worker.ts runs as a worker thread of cross-catalog-pool.ts');
const post = (m: FromWorker): void => port.postMessage(m);

function load(): ReturnType<typeof prepareCrossCatalog> {
  const wd = workerData as PoolWorkerData;
  const checked = (want: { name: string; digest: string }, s: LabelledSet | undefined): LabelledSet => {
    if (!s || setDigest(s) !== want.digest) throw new Error(`${want.name}: the worker's copy differs from the caller's (a set not loaded from test/data as is?)`);
    return s;
  };
  const tuningSets = loadTuningSets();
  const tuning = wd.tuning.map((t) => checked(t, tuningSets.find((s) => s.name === t.name)));
  const corpus = wd.corpus.map((c) => checked(c, c.name.startsWith('corpus/') ? loadCorpusCategory(c.name.slice('corpus/'.length)) : undefined));
  return prepareCrossCatalog(corpus, tuning);
}

try {
  const data = load();
  const config = (workerData as PoolWorkerData).config;
  port.on('message', (m: ToWorker) => {
    if ('stop' in m) return port.close();
    try {
      post({ fold: m.fold, report: runFold(data, m.fold, config) });
    } catch (e) {
      post({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    }
  });
} catch (e) {
  post({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
}
