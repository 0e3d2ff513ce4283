// What the renderer's entry file holds, from a real build of it (vite, the bundler the app ships
// with): everything in it is fetched, parsed and run before any view paints, so the moderator's
// cold open (100,000 comments listed in under a second) pays for all of it. It must not build the
// contract's zod schemas (~45 ms of the bundle's start, measured on a cold desk open: the renderer
// parses no command, it only needs the contract's plain constants, from shared/contract/constants),
// and it must not carry recharts, which the charts load on first use.
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, type Rolldown } from 'vite';

const root = resolve(import.meta.dirname, '..', '..');
const rel = (id: string) => id.replace(/\\/g, '/').replace(/^.*?\/(node_modules|src)\//, '$1/');

let entry: string[] = [];
let lazy: string[] = [];

beforeAll(async () => {
  const out = await build({
    configFile: false,
    root: resolve(root, 'src/renderer'),
    logLevel: 'silent',
    build: { write: false, minify: false, rolldownOptions: { input: { index: resolve(root, 'src/renderer/index.html') } } },
  });
  const chunks = (Array.isArray(out) ? out : [out]).flatMap((o) => (o as Rolldown.RolldownOutput).output).filter((c) => c.type === 'chunk');
  // The entry and every chunk it imports statically (the page loads them all before it runs).
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const first = chunks.find((c) => c.isEntry);
  if (!first) throw new Error('the build has no entry chunk');
  const seen = new Set<string>();
  const walk = (name: string) => {
    const c = byName.get(name);
    if (!c || seen.has(name)) return;
    seen.add(name);
    c.imports.forEach(walk);
  };
  walk(first.fileName);
  entry = [...seen].flatMap((n) => byName.get(n)?.moduleIds ?? []).map(rel);
  lazy = chunks.filter((c) => !seen.has(c.fileName)).flatMap((c) => c.moduleIds).map(rel);
}, 120_000);

describe('the renderer entry a cold desk open loads', () => {
  it('builds no zod schema: no zod, no *.contract module, no show file schema', () => {
    expect(entry.filter((m) => m.startsWith('node_modules/zod/'))).toEqual([]);
    expect(entry.filter((m) => /^src\/shared\/.*(\.contract|show\.schema|contract\/index)\.ts$/.test(m))).toEqual([]);
  });

  it('leaves recharts to the chunk the charts load on first use', () => {
    expect(entry).toContain('src/renderer/src/features/comments/ModeratorView.tsx');
    expect(entry.filter((m) => m.startsWith('node_modules/recharts/'))).toEqual([]);
    expect(lazy.some((m) => m.startsWith('node_modules/recharts/'))).toBe(true);
  });
});
