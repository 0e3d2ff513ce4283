// The licences Baton ships: package.json's dependencies, every package its app code imports (src,
// tests excluded), and their own dependencies, walked through node_modules the way Node resolves them, each with its SPDX licence.
// Test-only packages (Playwright, axe-core, vitest…) are not shipped and are not listed.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';

export interface ShippedPackage {
  name: string;
  version: string;
  licence: string;
  /** Why it ships: imported by app code, or a dependency of another shipped package. */
  via: string;
}

// Licences whose obligations are notices only: no file- or project-level copyleft.
const PERMISSIVE = new Set(['MIT', 'ISC', 'Apache-2.0', 'BSD-2-Clause', 'BSD-3-Clause', '0BSD', 'CC0-1.0', 'Unlicense', 'BlueOak-1.0.0', 'Python-2.0', 'WTFPL', 'Zlib', 'CC-BY-4.0']);

/** An SPDX expression is permissive when every AND branch has a permissive OR alternative. */
export function isPermissive(expression: string): boolean {
  const e = expression.trim().replace(/^\((.*)\)$/, '$1').trim();
  if (!e) return false;
  if (/\sAND\s/i.test(e)) return e.split(/\s+AND\s+/i).every(isPermissive);
  if (/\sOR\s/i.test(e)) return e.split(/\s+OR\s+/i).some(isPermissive);
  return PERMISSIVE.has(e.replace(/[()]/g, '').trim());
}

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`; relative, built-in and virtual ids → null. */
export function packageOf(specifier: string): string | null {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:') || specifier.includes('?')) return null;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? '');
  if (!name || builtinModules.includes(name)) return null;
  return name;
}

// Static imports and re-exports (`import type` is erased at build time: it ships nothing), bare
// imports for side effects, and dynamic imports.
const STATIC = /^\s*(?:import|export)\s+(type\s+)?[^'";]*?\bfrom\s*['"]([^'"]+)['"]/gms;
const BARE = /^\s*import\s*['"]([^'"]+)['"]/gm;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;
// The Electron package is a downloader for the binary that ships; its own dependencies do not ship.
const NOT_WALKED = new Set(['electron']);

/** Bare packages imported by the app's own source files (not tests, type tests or fixtures). */
export function importedPackages(srcDir: string): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) {
        if (entry !== 'node_modules' && entry !== 'fixtures') walk(path);
      } else if (/\.(ts|tsx)$/.test(entry) && !/\.(test|type-test|bench)\.tsx?$/.test(entry)) {
        const text = readFileSync(path, 'utf8');
        const specifiers = [
          ...[...text.matchAll(STATIC)].filter((m) => !m[1]).map((m) => m[2] ?? ''),
          ...[...text.matchAll(BARE)].map((m) => m[1] ?? ''),
          ...[...text.matchAll(DYNAMIC)].map((m) => m[1] ?? ''),
        ];
        for (const specifier of specifiers) {
          const name = packageOf(specifier);
          if (name && !found.has(name)) found.set(name, relative(srcDir, path).split(sep).join('/'));
        }
      }
    }
  };
  walk(srcDir);
  return found;
}

interface Manifest {
  name?: string;
  version?: string;
  license?: unknown;
  licenses?: unknown;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

function licenceOf(m: Manifest): string {
  if (typeof m.license === 'string') return m.license;
  if (m.license && typeof m.license === 'object' && 'type' in m.license) return String((m.license as { type: unknown }).type);
  if (Array.isArray(m.licenses)) return `(${m.licenses.map((l: { type?: unknown }) => String(l?.type)).join(' OR ')})`;
  return 'UNKNOWN';
}

/** Node's lookup: the nearest node_modules/<name> from `fromDir` up to the root. */
function resolveDir(name: string, fromDir: string, root: string): string | null {
  let dir = fromDir;
  for (;;) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === root || dirname(dir) === dir) return null;
    dir = dirname(dir);
  }
}

/** Every shipped package, by name and version, sorted by name. Unresolvable imports are reported as missing. */
export function shippedPackages(root: string): { packages: ShippedPackage[]; missing: string[] } {
  const seen = new Map<string, ShippedPackage>();
  const missing: string[] = [];
  const visit = (name: string, fromDir: string, via: string, optional: boolean) => {
    const dir = resolveDir(name, fromDir, root);
    if (!dir) {
      if (!optional) missing.push(`${name} (${via})`);
      return;
    }
    const m = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
    const key = `${name}@${m.version ?? '?'}`;
    if (seen.has(key)) return;
    seen.set(key, { name, version: m.version ?? '?', licence: licenceOf(m), via });
    if (NOT_WALKED.has(name)) return;
    for (const dep of Object.keys(m.dependencies ?? {})) visit(dep, dir, name, false);
    for (const dep of Object.keys(m.optionalDependencies ?? {})) visit(dep, dir, name, true);
  };
  // package.json's dependencies ship in the packaged app's node_modules whether imported or not.
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;
  for (const name of Object.keys(manifest.dependencies ?? {})) visit(name, root, 'package.json dependencies', false);
  for (const [name, file] of importedPackages(join(root, 'src'))) visit(name, root, `imported by src/${file}`, false);
  const packages = [...seen.values()].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
  return { packages, missing };
}
