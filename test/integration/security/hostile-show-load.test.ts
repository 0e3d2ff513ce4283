// show.load on a real station process: the show folders are the data folder's shows/, the demo's
// folder and the folder of the show the station started with; any other path is refused (403)
// without its text in the answer, whoever holds the producer token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, startHostileStation, type HostileStation } from './hostile-station';

const DEMO = join(ROOT, 'resources/demo-show/show.json');
let s: HostileStation;
let root = '';
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'baton-showload-'));
  mkdirSync(join(root, 'start'));
  mkdirSync(join(root, 'data', 'shows'), { recursive: true });
  mkdirSync(join(root, 'elsewhere'));
  copyFileSync(DEMO, join(root, 'start', 'show.json'));
  copyFileSync(DEMO, join(root, 'start', 'other.json'));
  copyFileSync(DEMO, join(root, 'data', 'shows', 'next.json'));
  const show = JSON.parse(readFileSync(DEMO, 'utf8')) as { offers: { skus: string[] }[] };
  show.offers[0]!.skus = ['PRIVATE-VALUE-93c1'];
  writeFileSync(join(root, 'elsewhere', 'show.json'), JSON.stringify(show));
  s = await startHostileStation({ dataDir: join(root, 'data'), args: ['--show', join(root, 'start', 'show.json')] });
});
afterAll(async () => {
  await s.stop();
  rmSync(root, { recursive: true, force: true });
});

describe('show.load on a station', () => {
  it('loads from the start show’s folder, the data folder’s shows/ and the demo’s folder', async () => {
    for (const path of [join(root, 'start', 'other.json'), join(root, 'data', 'shows', 'next.json'), DEMO]) {
      const r = await s.api('show.load', { path });
      expect(r.status, `${path}: ${JSON.stringify(r.body)}`).toBe(200);
    }
  });

  it('refuses any other file, quoting nothing of it', async () => {
    for (const path of [join(root, 'elsewhere', 'show.json'), join(root, 'data', 'secrets.json'), join(root, 'data', 'shows', '..', 'secrets.json')]) {
      const r = await s.api('show.load', { path });
      expect(r.status, path).toBe(403);
      expect(JSON.stringify(r.body), path).not.toContain('PRIVATE-VALUE');
      expect(JSON.stringify(r.body), path).not.toContain(s.tokens.producer);
    }
    expect(s.alive()).toBe(true);
  });
});
