// Finds the app's own folders (resources/, out/renderer) from wherever this code runs: the
// TypeScript sources under tsx, the bundle in out/main, or an Electron package's app.asar.
import { existsSync, readFileSync } from 'node:fs';
import { homedir, platform } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function appRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'resources'))) return dir;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  throw new Error(`cannot find Baton's folder (package.json + resources/) above ${from}`);
}

export function appVersion(root: string): string {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}

/** The same folder Electron's app.getPath('userData') uses for the product name "Baton". */
export function defaultDataDir(): string {
  const home = homedir();
  switch (platform()) {
    case 'darwin':
      return join(home, 'Library', 'Application Support', 'Baton');
    case 'win32':
      return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Baton');
    default:
      return join(process.env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Baton');
  }
}
