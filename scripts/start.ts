// `npm start`: Baton in Electron when its binary is there (fetched first when missing and the
// network allows), otherwise — or with --headless — the headless station serving the UI on
// localhost. Either way it builds first when the sources changed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfStale } from './build-if-stale';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const wantHeadless = argv.includes('--headless');

function electronBinary(): string | null {
  const dir = join(root, 'node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const bin = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(bin) ? bin : null;
}

function tryFetchElectron(): boolean {
  const installer = join(root, 'node_modules', 'electron', 'install.js');
  if (!existsSync(installer)) return false;
  console.log('Electron’s binary is not installed; trying to fetch it (needs internet)…');
  const r = spawnSync(process.execPath, [installer], { cwd: join(root, 'node_modules', 'electron'), stdio: 'ignore', timeout: 120_000 });
  return r.status === 0 && electronBinary() !== null;
}

// Electron runs a different Node ABI: the app carries its own better-sqlite3 build for it in
// .electron-native/, made once (never by postinstall: that would break the headless station).
function electronNativeReady(): boolean {
  const target = join(root, '.electron-native', 'better_sqlite3.node');
  if (existsSync(target)) return true;
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'electron-native.ts')], { cwd: root, stdio: 'inherit', timeout: 600_000 });
  return r.status === 0 && existsSync(target);
}

function run(cmd: string, args: string[], env: Record<string, string> = {}): void {
  const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const forward = (sig: NodeJS.Signals) => () => child.kill(sig);
  process.on('SIGINT', forward('SIGINT'));
  process.on('SIGTERM', forward('SIGTERM'));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

try {
  buildIfStale(root);
} catch (error) {
  console.error(`Baton could not be built: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

let reason: string | null = null;
const electron = wantHeadless ? null : (electronBinary() ?? (tryFetchElectron() ? electronBinary() : null));
if (wantHeadless) reason = null;
else if (!electron) reason = 'Electron’s binary is not installed and could not be fetched (offline?)';
else if (!electronNativeReady()) reason = 'the Electron build of better-sqlite3 could not be prepared (offline?)';

if (electron && !reason) {
  run(electron, [join(root, 'out', 'main', 'index.js'), ...argv], {
    BATON_NATIVE_BINDING: join(root, '.electron-native', 'better_sqlite3.node'),
  });
} else {
  if (reason) console.log(`Starting the headless station: ${reason}. Open the printed link in a browser.`);
  run(process.execPath, [join(root, 'out', 'main', 'headless.js'), '--headless', ...argv.filter((a) => a !== '--headless')]);
}
