// The cross-catalog folds on worker threads must give the same figures as on the main thread (training is seeded):
// three small corpus categories, a cheap fixed configuration, the reports compared whole (trainSeconds, a timing, aside).
import { describe, expect, it } from 'vitest';
import { loadCorpusCategory, loadTuningSets } from '../../bench/triage/datasets';
import { runCrossCatalog, type CrossCatalogReport } from '../../bench/triage/cross-catalog';
import { runCrossCatalogPooled } from '../../bench/triage/cross-catalog-pool';
import type { ModelConfig } from '../../bench/triage/model-select';

const CHEAP: ModelConfig = { epochs: 2, dropout: 0.15, perClassStack: true };
const untimed = (r: CrossCatalogReport): CrossCatalogReport => ({ ...r, folds: r.folds.map((f) => ({ ...f, trainSeconds: 0 })) });

describe('runCrossCatalogPooled', () => {
  const corpus = ['personal-care', 'stationery-art', 'meal-kits'].map((c) => loadCorpusCategory(c));
  const tuning = loadTuningSets();

  it('gives the main thread’s report, fold for fold and in corpus order', async () => {
    const here = runCrossCatalog(corpus, tuning, { config: CHEAP });
    const pooled = await runCrossCatalogPooled(corpus, tuning, { config: CHEAP, workers: 2 });
    expect(pooled.folds.map((f) => f.name)).toEqual(['corpus/personal-care', 'corpus/stationery-art', 'corpus/meal-kits']);
    expect(untimed(pooled)).toEqual(untimed(here));
    expect(pooled.configChoice).toBe('fixed');
  }, 180_000);

  it('refuses a set the worker cannot load as given', async () => {
    const changed = [{ ...corpus[0]!, rows: corpus[0]!.rows.slice(1) }, ...corpus.slice(1)];
    await expect(runCrossCatalogPooled(changed, tuning, { config: CHEAP, workers: 1, only: new Set(['stationery-art']) })).rejects.toThrow(/corpus\/personal-care: the worker's copy differs/);
  }, 60_000);
});
