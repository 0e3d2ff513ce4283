#!/usr/bin/env node
// Installs test/vendure's own dependencies (Vendure + better-sqlite3) only when they are missing or
// when package.json / package-lock.json / the Node version changed.
//
//   node test/vendure/install.mjs            # no-op (~50 ms) when up to date
//   BATON_VENDURE_CACHE_DIR=/some/dir ...    # where installs are kept (default ~/.cache/baton/vendure-deps)
//   BATON_VENDURE_CACHE_DIR=off ...          # plain `npm ci --prefix test/vendure`, nothing outside the tree
//
// A fresh clone (CI) has no test/vendure/node_modules, and `npm ci` compiles better-sqlite3 (~1 min).
// So the install is done once per lock hash into a machine-level cache folder and
// test/vendure/node_modules is a symlink to it; a fresh clone on the same machine only relinks.
// If the cache folder is unusable the script falls back to an in-place `npm ci`.
// Only the npm registry is used (through npm's own client and cache).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
  copyFileSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const nodeModules = join(here, 'node_modules');
const STAMP = '.baton-install-stamp';
const KEEP_CACHE_ENTRIES = 3;
const t0 = Date.now();

const log = (msg) => process.stdout.write(`[vendure-install] ${msg}\n`);

function installKey() {
  const h = createHash('sha256');
  for (const f of ['package.json', 'package-lock.json']) h.update(readFileSync(join(here, f)));
  h.update(`${process.version} ${process.platform} ${process.arch} ${process.versions.modules}`);
  return h.digest('hex').slice(0, 20);
}

function readStamp(dir) {
  try {
    return readFileSync(join(dir, STAMP), 'utf8').trim();
  } catch {
    return undefined;
  }
}

function npmCi(prefix) {
  log(`npm ci in ${prefix} ...`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error', '--prefix', prefix], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: process.env,
  });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`npm ci failed in ${prefix} (exit ${r.status})`);
}

/** Sanity check: the native module must load under this Node. */
function verify(dir) {
  const r = spawnSync(
    process.execPath,
    [
      '-e',
      "const D=require('better-sqlite3');new D(':memory:').prepare('select 1').get();require('@vendure/core/package.json')",
    ],
    { cwd: dirname(dir), stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`installed modules in ${dir} do not load: ${r.stderr}`);
}

function removeLinkOrDir(p) {
  let st;
  try {
    st = lstatSync(p);
  } catch {
    return;
  }
  if (st.isSymbolicLink() || !st.isDirectory()) unlinkSync(p);
  else rmSync(p, { recursive: true, force: true });
}

function pruneCache(cacheRoot, keep) {
  try {
    const entries = readdirSync(cacheRoot)
      .filter((n) => !n.includes('.tmp-'))
      .map((n) => ({ n, m: statSync(join(cacheRoot, n)).mtimeMs }))
      .sort((a, b) => b.m - a.m);
    for (const { n } of entries.slice(KEEP_CACHE_ENTRIES)) {
      if (n !== keep) rmSync(join(cacheRoot, n), { recursive: true, force: true });
    }
  } catch {
    /* best effort */
  }
}

function viaCache(cacheRoot, key) {
  const entry = join(cacheRoot, key);
  const cachedModules = join(entry, 'node_modules');
  if (readStamp(cachedModules) !== key) {
    mkdirSync(cacheRoot, { recursive: true });
    const tmp = join(cacheRoot, `${key}.tmp-${process.pid}`);
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp, { recursive: true });
    copyFileSync(join(here, 'package.json'), join(tmp, 'package.json'));
    copyFileSync(join(here, 'package-lock.json'), join(tmp, 'package-lock.json'));
    try {
      npmCi(tmp);
      verify(join(tmp, 'node_modules'));
      writeFileSync(join(tmp, 'node_modules', STAMP), `${key}\n`);
      rmSync(entry, { recursive: true, force: true });
      try {
        renameSync(tmp, entry);
      } catch (e) {
        // Another install won the race; use its result if complete.
        if (readStamp(cachedModules) !== key) throw e;
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
    pruneCache(cacheRoot, key);
  } else {
    log(`cache hit ${entry}`);
  }
  removeLinkOrDir(nodeModules);
  symlinkSync(cachedModules, nodeModules, 'dir');
  // The linked tree must be what we expect (and load).
  if (readStamp(nodeModules) !== key) throw new Error('symlinked node_modules has a wrong stamp');
}

function inPlace(key) {
  removeLinkOrDir(nodeModules);
  npmCi(here);
  verify(nodeModules);
  writeFileSync(join(nodeModules, STAMP), `${key}\n`);
}

function main() {
  const key = installKey();
  if (readStamp(nodeModules) === key && existsSync(join(nodeModules, '@vendure', 'core'))) {
    log(`up to date (${key}), ${Date.now() - t0} ms`);
    return;
  }
  const setting = process.env.BATON_VENDURE_CACHE_DIR;
  const cacheRoot =
    setting === 'off'
      ? undefined
      : setting ||
        join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'baton', 'vendure-deps');
  if (cacheRoot) {
    try {
      viaCache(cacheRoot, key);
      log(`linked ${nodeModules} -> ${join(cacheRoot, key)}, ${Date.now() - t0} ms`);
      return;
    } catch (e) {
      log(`cache install failed (${e instanceof Error ? e.message : String(e)}); installing in place`);
    }
  }
  inPlace(key);
  log(`installed in place, ${Date.now() - t0} ms`);
}

try {
  main();
} catch (e) {
  process.stderr.write(`[vendure-install] FAILED: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
}
