// Proves the per-folder import rules of eslint.config.js bite: for each folder, the rule ESLint
// computes for a file there rejects the imports that break the layers and accepts the allowed ones.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ESLint, Linter } from 'eslint';
import tseslint from 'typescript-eslint';

const root = join(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: root });

async function refused(file: string, source: string): Promise<boolean> {
  const config = (await eslint.calculateConfigForFile(file)) as { rules?: Record<string, Linter.RuleEntry> };
  const rule = config.rules?.['no-restricted-imports'];
  if (rule === undefined) return false;
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    `import x from '${source}';\nexport default x;\n`,
    [{ files: ['**/*.{ts,tsx}'], languageOptions: { parser: tseslint.parser as Linter.Parser }, rules: { 'no-restricted-imports': rule } }],
    join(root, file),
  );
  return messages.some((m) => m.ruleId === 'no-restricted-imports');
}

const cases: [file: string, source: string, refused: boolean][] = [
  ['src/shared/contract/x.ts', 'zod', false],
  ['src/shared/contract/x.ts', 'node:fs', true],
  ['src/shared/contract/x.ts', '../../core/core', true],
  ['src/core/offers/x.ts', '../../shared/contract/index', false],
  ['src/core/offers/x.ts', '../../station/station', true],
  ['src/core/offers/x.ts', 'electron', true],
  ['src/station/transport/x.ts', '../../core/core', false],
  ['src/station/transport/x.ts', '../../main/windows', true],
  ['src/main/x.ts', 'electron', false],
  ['src/main/x.ts', '../station/station', false],
  ['src/main/x.ts', '../renderer/src/App', true],
  ['src/preload/x.ts', 'electron', false],
  ['src/preload/x.ts', 'node:child_process', true],
  ['src/preload/x.ts', '../core/core', true],
  ['src/renderer/src/views/x.tsx', '../features/station/StationHeader', false],
  ['src/renderer/src/views/x.tsx', '../../../shared/contract/index', false],
  ['src/renderer/src/views/x.tsx', '../../../core/core', true],
  ['src/renderer/src/views/x.tsx', 'events', true],
  ['src/renderer/src/views/x.tsx', 'electron', true],
  ['bench/x.ts', '../test/peers/obs-rig', false],
  ['bench/x.ts', '../test/support/test-core', true],
  ['bench/x.ts', '../test/integration/obs/x', true],
  ['test/peers/x.ts', '../support/until', true],
  ['scripts/x.ts', '../src/core/core', true],
  ['scripts/x.ts', 'node:child_process', false],
];

describe('ESLint import rules per folder', () => {
  it.each(cases)('%s importing %s: refused=%s', async (file, source, expected) => {
    expect(await refused(file, source)).toBe(expected);
  });
});
