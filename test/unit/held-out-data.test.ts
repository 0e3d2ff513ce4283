// The held-out triage categories stay exactly as their authors froze them: each category on disk has its two files
// recorded in HELD_OUT_FROZEN with the same content hash, and its labels are well-formed (every SKU is in its own
// catalog). No classifier runs here: held-out figures are computed only when judging (TRIAGE_HELDOUT=1).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readJsonl, sha256File } from '../../bench/triage/datasets';
import { HELD_OUT_DIR, HELD_OUT_FROZEN, heldOutCategories } from '../../bench/triage/held-out';

describe('held-out triage data', () => {
  it('every held-out file on disk is frozen by its hash, and every frozen file is on disk', () => {
    const onDisk = heldOutCategories().flatMap((c) => [`heldout/${c}/comments.jsonl`, `heldout/${c}/catalog.json`]);
    expect(Object.keys(HELD_OUT_FROZEN).sort()).toEqual(onDisk.sort());
    for (const [file, hash] of Object.entries(HELD_OUT_FROZEN)) {
      expect(`${file} ${sha256File(`${HELD_OUT_DIR}../${file}`)}`).toBe(`${file} ${hash}`);
    }
  });

  it('labels are well-formed: known intents, unique ids, SKUs from the category’s own catalog', () => {
    for (const c of heldOutCategories()) {
      const catalog = JSON.parse(readFileSync(`${HELD_OUT_DIR}${c}/catalog.json`, 'utf8')) as { products: Array<{ sku: string }>; offers: Array<{ code: string; sku?: string }> };
      // A line may name the bundle by its own SKU; the loader reads it as the offer (corpus convention).
      const skus = new Set([...catalog.products.map((p) => p.sku), ...catalog.offers.flatMap((o) => (o.sku ? [o.sku] : []))]);
      const offers = new Set(catalog.offers.map((o) => o.code));
      const rows = readJsonl(`${HELD_OUT_DIR}${c}/comments.jsonl`);
      expect(new Set(rows.map((r) => r.id)).size, c).toBe(rows.length);
      for (const r of rows) {
        expect(['order', 'question', 'complaint', 'spam', 'other'], r.id).toContain(r.intent);
        if (r.sku) expect(skus.has(r.sku), `${r.id} sku ${r.sku}`).toBe(true);
        if (r.pinnedSku) expect(skus.has(r.pinnedSku), `${r.id} pinned ${r.pinnedSku}`).toBe(true);
        if (r.offer) expect(offers.has(r.offer), `${r.id} offer ${r.offer}`).toBe(true);
      }
    }
  });
});
