// `show.load` names a file on the station's disk, sent by whoever holds a producer token (stolen, or
// a confused script): it may read only show files in the station's show folders, never anything else
// on the machine, and its answer never reads a file out.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore, DEMO_SHOW, producer } from '../../../test/support/test-core';
import type { Core } from '../core';

const SECRET = 'TOPSECRET-4f7a9';
let dirs: string[] = [];
let cores: Core[] = [];
afterEach(async () => {
  for (const c of cores) await c.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  cores = [];
  dirs = [];
});

/** A station with one show folder, and a JSON file outside it whose text must never come back. */
function setup() {
  const root = mkdtempSync(join(tmpdir(), 'baton-showpath-'));
  dirs.push(root);
  const shows = join(root, 'shows');
  const outside = join(root, 'private');
  mkdirSync(shows);
  mkdirSync(outside);
  const show = JSON.parse(readFileSync(DEMO_SHOW, 'utf8')) as { offers: { skus: string[] }[] };
  writeFileSync(join(shows, 'show.json'), JSON.stringify(show));
  // A valid-looking show whose error would echo a value: "unknown SKU TOPSECRET-… (not in products)".
  show.offers[0]!.skus = [SECRET];
  writeFileSync(join(outside, 'keys.json'), JSON.stringify(show));
  const core = createTestCore({ showFolders: [shows, resolve('resources/demo-show')] });
  cores.push(core);
  return { root, shows, outside, core };
}

describe('show.load reads only the station’s show folders', () => {
  it('loads a show in a show folder, and the demo show', async () => {
    const { shows, core } = setup();
    expect((await core.dispatch('show.load', { path: join(shows, 'show.json') }, producer)).ok).toBe(true);
    expect((await core.dispatch('show.load', { path: DEMO_SHOW }, producer)).ok).toBe(true);
  });

  it('refuses a file outside them without reading it or quoting it', async () => {
    const { outside, shows, core } = setup();
    for (const path of [join(outside, 'keys.json'), join(shows, '..', 'private', 'keys.json'), '/etc/passwd']) {
      const r = await core.dispatch('show.load', { path }, producer);
      expect(r.ok, path).toBe(false);
      expect(r.ok ? null : r.error.code, path).toBe('forbidden');
      expect(JSON.stringify(r), path).not.toContain(SECRET);
      expect(JSON.stringify(r), path).not.toContain('root:');
      expect(JSON.stringify(core.snapshot()), path).not.toContain(SECRET);
    }
  });

  it('follows no link out of a show folder', async () => {
    const { outside, shows, core } = setup();
    symlinkSync(join(outside, 'keys.json'), join(shows, 'linked.json'));
    symlinkSync(outside, join(shows, 'sub'));
    for (const path of [join(shows, 'linked.json'), join(shows, 'sub', 'keys.json')]) {
      const r = await core.dispatch('show.load', { path }, producer);
      expect(r.ok ? null : r.error.code, path).toBe('forbidden');
      expect(JSON.stringify(r), path).not.toContain(SECRET);
    }
  });

  it('reads only .json files, and only regular ones (a FIFO or device never blocks the station)', async () => {
    const { shows, core } = setup();
    writeFileSync(join(shows, 'notes.txt'), '{}');
    execFileSync('mkfifo', [join(shows, 'pipe.json')]);
    symlinkSync('/dev/zero', join(shows, 'zero.json'));
    const refused = await core.dispatch('show.load', { path: join(shows, 'notes.txt') }, producer);
    expect(refused.ok ? null : refused.error.code).toBe('forbidden');
    for (const path of [join(shows, 'pipe.json'), join(shows, 'zero.json')]) {
      const r = await core.dispatch('show.load', { path }, producer);
      expect(r.ok, path).toBe(false);
    }
  });

  it('refuses a show file too large to be one', async () => {
    const { shows, core } = setup();
    writeFileSync(join(shows, 'huge.json'), `{"pad":"${'x'.repeat(5 * 1024 * 1024)}"}`);
    const r = await core.dispatch('show.load', { path: join(shows, 'huge.json') }, producer);
    expect(r.ok ? '' : r.error.message).toMatch(/larger than/);
  });
});
