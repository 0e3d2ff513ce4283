// Baton reads no archive it did not write (there is no package import); what it writes must stay in
// <data>/packages whatever the show says: the folder is named by the show's id and a stamp, the zip's
// entries by the package itself. A show title never reaches a path.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestCore, producer, DEMO_SHOW } from '../../../test/support/test-core';
import { parseShow } from './show.loader';
import { buildZip } from './package.zip';

const demo = () => JSON.parse(readFileSync(DEMO_SHOW, 'utf8')) as Record<string, unknown>;

describe('the post-show package’s paths', () => {
  it('takes no show id that names another folder', () => {
    for (const id of ['..', '../x', '../../etc', '/abs', 'a/b', 'a\\b', '.hidden', 'x\u0000y', '', 'C:x', 'a'.repeat(65)]) {
      expect(parseShow({ ...demo(), id }).ok, JSON.stringify(id)).toBe(false);
    }
  });

  it('writes the package of the most awkward id and title the schema allows inside <data>/packages', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-pkgpath-'));
    const core = createTestCore({ dataDir: dir });
    try {
      const imported = await core.dispatch('show.import', { show: { ...demo(), id: 'a..-_.b', title: '../../../../tmp/evil/" <x> %2e%2e' } }, producer);
      expect(imported.ok).toBe(true);
      const r = await core.dispatch('show.package', {}, producer);
      expect(r.ok).toBe(true);
      const out = r.ok ? (r.result as { dir: string; zip: string }) : { dir: '', zip: '' };
      expect(dirname(out.dir)).toBe(join(dir, 'packages'));
      expect(dirname(out.zip)).toBe(join(dir, 'packages'));
      expect(readdirSync(dir).sort()).toEqual(expect.arrayContaining(['packages']));
      expect(existsSync(join(dir, '..', 'tmp'))).toBe(false);
    } finally {
      await core.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes only plain, distinct entry names into its zip', () => {
    const data = Buffer.from('x');
    for (const name of ['../x', '/abs', 'a/../../b', 'C:\\x', 'a\\b', '', '.', '..', 'x\u0000y']) {
      expect(() => buildZip([{ name, data }], new Date(0)), JSON.stringify(name)).toThrow(/entry name/);
    }
    expect(() => buildZip([{ name: 'a.txt', data }, { name: 'a.txt', data }], new Date(0))).toThrow(/twice/);
    expect(buildZip([{ name: 'summary.json', data }], new Date(0)).length).toBeGreaterThan(0);
  });
});
