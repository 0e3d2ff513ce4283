// Prepares better-sqlite3 for Electron's ABI in .electron-native/ (used by `npm start` with
// Electron and by `npm run dist`), leaving node_modules' own build for plain Node untouched.
// Needs the network once: it fetches the prebuilt binary for this Electron version, or the
// Electron headers to compile it.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, copyFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const electronVersion = (JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
const work = mkdtempSync(join(tmpdir(), 'baton-native-'));
try {
  const pkg = join(work, 'better-sqlite3');
  cpSync(join(root, 'node_modules/better-sqlite3'), pkg, { recursive: true });
  rmSync(join(pkg, 'build'), { recursive: true, force: true });
  const prebuild = join(root, 'node_modules/prebuild-install/bin.js');
  let r = existsSync(prebuild)
    ? spawnSync(process.execPath, [prebuild, '--runtime', 'electron', '--target', electronVersion, '--arch', process.arch], { cwd: pkg, stdio: 'inherit', timeout: 180_000 })
    : { status: 1 };
  if (r.status !== 0) {
    const gyp = join(root, 'node_modules/node-gyp/bin/node-gyp.js');
    r = spawnSync(process.execPath, [gyp, 'rebuild', '--release', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers', '--runtime=electron'], {
      cwd: pkg,
      stdio: 'inherit',
      timeout: 600_000,
    });
  }
  const built = join(pkg, 'build/Release/better_sqlite3.node');
  if (r.status !== 0 || !existsSync(built)) {
    console.error(`Could not prepare better-sqlite3 for Electron ${electronVersion}.`);
    process.exit(1);
  }
  mkdirSync(join(root, '.electron-native'), { recursive: true });
  copyFileSync(built, join(root, '.electron-native/better_sqlite3.node'));
  console.log(`better-sqlite3 ready for Electron ${electronVersion} in .electron-native/`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
