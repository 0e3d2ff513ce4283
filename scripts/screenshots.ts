// `npm run screenshots`: rewrites the README's screenshots (docs/screenshots/{producer,host,moderator}-
// {1920x1080,1366x768}.png) from a headless station on a busy rehearsal, in Debian's Chromium.
// Builds first when the sources changed; the scene itself is test/e2e/screenshots.spec.ts.
import { spawnSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfStale } from './build-if-stale';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
buildIfStale(root);
// The spec skips itself unless BATON_SCREENSHOTS=1, so `npm test` never rewrites committed files.
const r = spawnSync(
  process.execPath,
  [join(root, 'node_modules/@playwright/test/cli.js'), 'test', 'test/e2e/screenshots.spec.ts', ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, BATON_SCREENSHOTS: '1' },
  },
);
process.exit(r.status ?? 1);
