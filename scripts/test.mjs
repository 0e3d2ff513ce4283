// `npm test`: everything, against real servers. Installs what the tests need first (Debian
// packages via setup-system, the Vendure test store's own modules), builds when stale, then runs
// vitest (unit + integration) and Playwright (Debian Chromium), and closes with one line
// "N passed, N failed". A missing server is an install step, never a skipped test.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfStale } from './build-if-stale.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tmp = join(root, '.tmp');
mkdirSync(tmp, { recursive: true });
const only = process.argv.slice(2); // e.g. `npm test -- unit` or `-- e2e`
const want = (part) => only.length === 0 || only.includes(part);

function step(title, cmd, args, options = {}) {
  console.log(`\n▶ ${title}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...options });
  return r.status ?? 1;
}

const node = process.execPath;
if (step('system packages (setup-system)', node, ['scripts/setup-system.mjs']) !== 0) {
  console.error('The Debian packages the tests need are missing; see the command above.');
  process.exit(1);
}
if (want('integration') && step('Vendure test store modules', node, ['test/vendure/install.mjs']) !== 0) process.exit(1);
if (want('integration') && step('Companion module (install + companion-module-build)', node, ['companion/build.mjs']) !== 0) process.exit(1);
console.log('\n▶ build');
buildIfStale(root);

let passed = 0;
let failed = 0;
let skipped = 0;
let failures = 0;

const projects = ['unit', 'integration'].filter(want);
if (projects.length) {
  const out = join(tmp, 'vitest.json');
  rmSync(out, { force: true });
  const args = ['node_modules/vitest/vitest.mjs', 'run', ...projects.flatMap((p) => ['--project', p]), '--reporter=default', '--reporter=json', `--outputFile.json=${out}`];
  const code = step(`vitest (${projects.join(' + ')})`, node, args);
  if (existsSync(out)) {
    const r = JSON.parse(readFileSync(out, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  }
  if (code !== 0) failures += 1;
}

if (want('e2e')) {
  const out = join(tmp, 'playwright-results.json');
  rmSync(out, { force: true });
  const code = step('Playwright (Debian Chromium)', node, ['node_modules/@playwright/test/cli.js', 'test']);
  if (existsSync(out)) {
    const s = JSON.parse(readFileSync(out, 'utf8')).stats;
    passed += s.expected + s.flaky;
    failed += s.unexpected;
    skipped += s.skipped;
  }
  if (code !== 0) failures += 1;
}

console.log(`\ntests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failures > 0 || failed > 0 || passed === 0 ? 1 : 0);
