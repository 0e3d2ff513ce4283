// `npm test`: everything, against real servers. Installs what the tests need first (Debian
// packages via setup-system, the Vendure test store's own modules), builds when stale, then runs
// vitest (unit + integration), Playwright (Debian Chromium) and then, alone, the five-minute busy-desk
// rehearsal, and closes with one line "N passed, N failed". A missing server is an install step, never
// a skipped test.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfStale } from './build-if-stale';
import { addTally, closingLine, emptyTally, missingRun, playwrightTally, vitestTally } from './test-tally';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tmp = join(root, '.tmp');
mkdirSync(tmp, { recursive: true });
const only = process.argv.slice(2); // e.g. `npm test -- unit` or `-- e2e`
const want = (part: string): boolean => only.length === 0 || only.includes(part);

function step(title: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): number {
  console.log(`\n▶ ${title}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env });
  return r.status ?? 1;
}
/** The environment without the busy desk's switches: the suite never runs it, its own step runs it whole. */
const { BATON_BUSY_DESK: _desk, BATON_BUSY_MINUTES: _minutes, BATON_PLAYWRIGHT_JSON: _json, ...plainEnv } = process.env;

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
  const code = step('Playwright (Debian Chromium)', node, ['node_modules/@playwright/test/cli.js', 'test'], { ...plainEnv, BATON_PLAYWRIGHT_JSON: out });
  if (existsSync(out)) {
    tally = addTally(tally, playwrightTally(readJson(out)));
  }
  if (code !== 0) failures += 1;
}

// Issue 13's busy desk: 2,000 comments a minute for five minutes and three moderators at human speed.
// Alone, after the other suites (its moderators share the machine with whatever else runs), at its
// full length (a BATON_BUSY_MINUTES left in the environment does not shorten it), and it must run:
// a report that is missing or shows it skipped or filtered out fails `npm test`.
if (want('e2e') || want('busy-desk')) {
  const out = join(tmp, 'busy-desk-results.json');
  rmSync(out, { force: true });
  const code = step('Busy desk (Playwright, five minutes, on its own)', node, ['node_modules/@playwright/test/cli.js', 'test', 'test/e2e/busy-desk.spec.ts'], {
    ...plainEnv,
    BATON_BUSY_DESK: '1',
    BATON_PLAYWRIGHT_JSON: out,
  });
  const t = existsSync(out) ? playwrightTally(readJson(out)) : null;
  if (t) tally = addTally(tally, t);
  const missing = missingRun(t, 1);
  if (missing) console.error(`The busy-desk test did not run: ${missing}.`);
  if (code !== 0 || missing) failures += 1;
}

console.log(`\n${closingLine(tally)}`);
process.exit(failures > 0 || tally.failed > 0 || tally.passed === 0 ? 1 : 0);
