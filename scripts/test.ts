// `npm test`: everything, against real servers. Installs what the tests need first (Debian
// packages via setup-system, the Vendure test store's own modules), builds when stale, then runs
// vitest (unit + integration) and Playwright (Debian Chromium), and closes with one line
// "N passed, N failed". A missing server is an install step, never a skipped test.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfStale } from './build-if-stale';
import { addTally, closingLine, emptyTally, playwrightTally, vitestTally } from './test-tally';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tmp = join(root, '.tmp');
mkdirSync(tmp, { recursive: true });
const only = process.argv.slice(2); // e.g. `npm test -- unit` or `-- e2e`
const want = (part: string): boolean => only.length === 0 || only.includes(part);

function step(title: string, cmd: string, args: string[]): number {
  console.log(`\n▶ ${title}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  return r.status ?? 1;
}

const node = process.execPath;
if (step('system packages (setup-system)', node, ['--import', 'tsx', 'scripts/setup-system.ts']) !== 0) {
  console.error('The Debian packages the tests need are missing; see the command above.');
  process.exit(1);
}
if (want('integration') && step('Vendure test store modules', node, ['test/vendure/install.mjs']) !== 0) process.exit(1);
if (want('integration') && step('Companion module (install + companion-module-build)', node, ['companion/build.mjs']) !== 0) process.exit(1);
if (want('deps') && step('dependency rules (npm run lint:deps)', 'npm', ['run', '--silent', 'lint:deps']) !== 0) {
  console.error('An import breaks the layer rules (see above and .dependency-cruiser.cjs).');
  process.exit(1);
}
console.log('\n▶ build');
buildIfStale(root);

let tally = emptyTally();
let failures = 0;
const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

const projects = ['unit', 'integration'].filter(want);
if (projects.length) {
  const out = join(tmp, 'vitest.json');
  rmSync(out, { force: true });
  const args = ['node_modules/vitest/vitest.mjs', 'run', ...projects.flatMap((p) => ['--project', p]), '--reporter=default', '--reporter=json', `--outputFile.json=${out}`];
  const code = step(`vitest (${projects.join(' + ')})`, node, args);
  if (existsSync(out)) {
    tally = addTally(tally, vitestTally(readJson(out)));
  }
  if (code !== 0) failures += 1;
}

if (want('e2e')) {
  const out = join(tmp, 'playwright-results.json');
  rmSync(out, { force: true });
  const code = step('Playwright (Debian Chromium)', node, ['node_modules/@playwright/test/cli.js', 'test']);
  if (existsSync(out)) {
    tally = addTally(tally, playwrightTally(readJson(out)));
  }
  if (code !== 0) failures += 1;
}

console.log(`\n${closingLine(tally)}`);
process.exit(failures > 0 || tally.failed > 0 || tally.passed === 0 ? 1 : 0);
