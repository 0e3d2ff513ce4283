import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseShow, readShowFile } from './show.loader';
import { showJsonSchemaText } from './show.json-schema';
import { createTestCore, producer, DEMO_SHOW } from '../../../test/support/test-core';

const demo = () => JSON.parse(readFileSync(DEMO_SHOW, 'utf8')) as Record<string, unknown>;

describe('show files', () => {
  it('loads the demo show', () => {
    const r = readShowFile(DEMO_SHOW);
    expect(r.ok).toBe(true);
  });

  it('names the path of every bad field', () => {
    const bad = demo();
    (bad.offers as { price: { currency: string } }[])[0]!.price.currency = 'DOLLARS';
    (bad.products as { sku: string }[])[1]!.sku = 'has spaces';
    const r = parseShow(bad);
    expect(r.ok).toBe(false);
    const paths = r.ok ? [] : r.issues.map((i) => i.path);
    expect(paths).toContain('offers.0.price.currency');
    expect(paths).toContain('products.1.sku');
  });

  it('catches references that do not resolve', () => {
    const bad = demo();
    (bad.offers as { skus: string[] }[])[0]!.skus = ['NOPE-1'];
    const r = parseShow(bad);
    expect(r.ok ? [] : r.issues).toEqual([{ path: 'offers.0.skus.0', message: 'unknown SKU NOPE-1 (not in products)' }]);
  });

  it('says what is wrong with a file that is not JSON or not there', () => {
    expect(readShowFile('/nonexistent/show.json')).toMatchObject({ ok: false, issues: [{ message: expect.stringContaining('ENOENT') }] });
  });

  it('keeps the current show when a bad one is loaded', async () => {
    const core = createTestCore();
    try {
      expect((await core.dispatch('show.load', { path: DEMO_SHOW }, producer)).ok).toBe(true);
      const r = await core.dispatch('show.import', { show: { ...demo(), title: '' } }, producer);
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid_args', issues: [{ path: 'title' }] } });
      const s = core.snapshot().state.show;
      expect(s.current?.title).toBe('Glow Kit Launch — Live Shopping');
      expect(s.lastError?.issues[0]?.path).toBe('title');
    } finally {
      await core.close();
    }
  });

  it('publishes a JSON Schema that matches the code (npm run schema rewrites it)', () => {
    expect(readFileSync('resources/show.schema.json', 'utf8')).toBe(showJsonSchemaText());
  });
});
