// Proves the layer rules of .dependency-cruiser.cjs bite: a fixture tree breaking each rule once
// (and keeping one allowed edge of each kind) gives exactly the expected violations; the real tree is
// checked by `npm run lint:deps`.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cruise, type ICruiseResult, type IConfiguration } from 'dependency-cruiser';

const root = join(import.meta.dirname, '..', '..');
const fixture = join(import.meta.dirname, 'fixtures', 'layers');
const config = createRequire(import.meta.url)(join(root, '.dependency-cruiser.cjs')) as IConfiguration;

async function violationsOf(dir: string): Promise<string[]> {
  const { exclude: _exclude, tsConfig: _tsConfig, ...options } = config.options ?? {};
  const out = await cruise(['src'], { ...options, baseDir: dir, validate: true, ruleSet: { forbidden: config.forbidden ?? [] } });
  const result = out.output as ICruiseResult;
  return result.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`).sort();
}

describe('dependency rules', () => {
  it('reject upward imports, domain-to-domain imports outside ports, and type-only cycles', async () => {
    expect(await violationsOf(fixture)).toEqual([
      'core-domain-to-domain-only-through-ports: src/core/cues/deck.ts -> src/core/offers/offer.price.ts',
      'core-stays-below-the-host: src/core/host.ts -> src/station/name.ts',
      'no-cycles: src/core/storage/row.ts -> src/core/storage/table.ts',
      'renderer-imports-only-the-contract: src/renderer/view.ts -> src/core/storage/row.ts',
      'shared-imports-nothing-of-ours: src/shared/contract.ts -> src/core/cues/deck.ts',
    ]);
  }, 30_000);

});
