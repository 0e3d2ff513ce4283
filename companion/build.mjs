#!/usr/bin/env node
// Installs the Companion module's own dependencies when missing or when its lock file changed, then
// builds the module package (tsc, then @companion-module/tools' companion-module-build → pkg/).
//   node companion/build.mjs          # what `npm test` runs before the module's integration test
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const stamp = join(here, 'node_modules', '.baton-install-stamp');
const lock = createHash('sha256').update(readFileSync(join(here, 'package-lock.json'))).digest('hex');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = (args) => {
  const r = spawnSync(npm, args, { cwd: here, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== lock) {
  run(['ci', '--no-audit', '--no-fund']);
  writeFileSync(stamp, lock);
}
run(['run', 'package']);
