// The cross-catalog rotation on worker threads: one fold is one model trained from scratch (minutes each), the folds
// share nothing, so a pool of os.availableParallelism() workers cuts the rotation's wall time by about that factor.
// Each worker loads the sets itself (by name, checked against the caller's by a digest: the same lines, or an error)
// and runs the folds it is handed one at a time; a fold's report comes back as plain data, and the reports are put back
// in corpus order. Training is seeded, so a fold's figures are the same in a worker as on the main thread
// (test/unit/cross-catalog-pool.test.ts); only trainSeconds, a timing, differs.
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { LabelledSet } from './datasets';
import { crossCatalogReport, foldIndices, formatFold, type ConfigChoice, type CrossCatalogReport, type FoldReport } from './cross-catalog';

/** What a worker is told: the sets by name with their digests, and how to configure the folds. */
export interface PoolWorkerData {
  corpus: Array<{ name: string; digest: string }>;
  tuning: Array<{ name: string; digest: string }>;
  config: ConfigChoice;
}

export type ToWorker = { fold: number } | { stop: true };
export type FromWorker = { fold: number; report: FoldReport } | { error: string };

/** A digest of a set's lines, catalog and name: the worker's reload must match the caller's set exactly. */
export function setDigest(s: LabelledSet): string {
  return createHash('sha256').update(JSON.stringify(s)).digest('hex');
}

// The worker is TypeScript: a line of JavaScript registers tsx's loader in the worker, then imports the worker module,
// whatever started this process (node --import tsx, vitest). Neither a .ts entry nor --import tsx in the worker's
// execArgv works (Node 20: "Unknown file extension").
const WORKER_BOOT = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./cross-catalog-worker.ts', import.meta.url).href)}); });`;

export interface PoolOptions {
  config?: ConfigChoice;
  log?: (line: string) => void;
  only?: ReadonlySet<string>;
  /** Workers in the pool (default os.availableParallelism()); never more than the folds to run. */
  workers?: number;
}

export async function runCrossCatalogPooled(corpus: readonly LabelledSet[], tuning: readonly LabelledSet[], options: PoolOptions = {}): Promise<CrossCatalogReport> {
  const choice = options.config ?? 'inner-cv';
  const todo = foldIndices(corpus, options.only);
  const size = Math.max(1, Math.min(options.workers ?? availableParallelism(), todo.length));
  const workerData: PoolWorkerData = {
    corpus: corpus.map((s) => ({ name: s.name, digest: setDigest(s) })),
    tuning: tuning.map((s) => ({ name: s.name, digest: setDigest(s) })),
    config: choice,
  };
  const reports = new Map<number, FoldReport>();
  let next = 0;
  const runWorker = (): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      const w = new Worker(WORKER_BOOT, { eval: true, workerData, execArgv: [] });
      let settled = false;
      let current = -1;
      const fail = (e: Error): void => {
        if (settled) return;
        settled = true;
        void w.terminate();
        reject(e);
      };
      const handOut = (): void => {
        if (next >= todo.length) {
          current = -1;
          w.postMessage({ stop: true } satisfies ToWorker);
          return;
        }
        current = todo[next++]!;
        w.postMessage({ fold: current } satisfies ToWorker);
      };
      w.on('message', (m: FromWorker) => {
        if ('error' in m) return fail(new Error(`cross-catalog worker: ${m.error}`));
        reports.set(m.fold, m.report);
        options.log?.(formatFold(m.report));
        handOut();
      });
      w.on('error', (e) => fail(e));
      w.on('exit', (code) => {
        if (current >= 0 || code !== 0) fail(new Error(`cross-catalog worker exited (code ${code}) ${current >= 0 ? `during fold ${corpus[current]?.name}` : ''}`));
        else if (!settled) {
          settled = true;
          resolve();
        }
      });
      handOut();
    });
  await Promise.all(Array.from({ length: size }, runWorker));
  return crossCatalogReport(
    corpus,
    todo.map((h) => reports.get(h)!),
    choice,
  );
}
