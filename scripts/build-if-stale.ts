// Builds (electron-vite) when out/ is missing or older than any source, so `npm start`,
// `npm test` and `npm run bench` always run what the tree says, without rebuilding needlessly.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const STAMP = 'out/.build-stamp';
const INPUTS = ['src', 'resources', 'electron.vite.config.ts', 'package.json'];

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const e of readdirSync(path)) {
    if (e === 'node_modules' || e.endsWith('.test.ts')) continue;
    max = Math.max(max, newest(join(path, e)));
  }
  return max;
}

export function buildIfStale(root: string, { quiet = false }: { quiet?: boolean } = {}): boolean {
  const stamp = join(root, STAMP);
  const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  const src = Math.max(...INPUTS.map((p) => newest(join(root, p))));
  if (built >= src && existsSync(join(root, 'out/main/headless.js')) && existsSync(join(root, 'out/renderer/index.html'))) return false;
  if (!quiet) console.log('Building Baton (electron-vite build)…');
  const r = spawnSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: root,
    stdio: quiet ? 'pipe' : ['ignore', 'ignore', 'inherit'],
  });
  if (r.status !== 0) {
    if (quiet) process.stderr.write(r.stderr ?? '');
    throw new Error('the build failed (see above)');
  }
  writeFileSync(stamp, new Date().toISOString());
  return true;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  buildIfStale(process.cwd());
}
