// The classifier's view of the loaded show: products with every word a viewer might use for them
// (aliases, family, colour, size) and the offers with their codes. Rebuilt whenever a show loads.
import type { Show } from '../../shared/show/show.schema';
import type { TriageCatalog } from './triage/triage.types';

export function catalogOf(show: Show): TriageCatalog {
  return {
    products: show.products.map((p) => ({
      sku: p.sku,
      name: p.name,
      aliases: unique([...p.aliases]),
      onScreen: p.onScreen ?? null,
      // the matcher knows the colour and size words of all four languages for these
      family: p.family ?? null,
      colour: p.colour ?? null,
      size: p.size ?? null,
    })),
    offers: show.offers.map((o) => ({ code: o.code, skus: [...o.skus], aliases: unique([...o.aliases]) })),
  };
}

/** Finds the show's product a platform's pinned-product title names (TikTok gives a title, not our SKU). */
export function skuForTitle(show: Show, title: string): string | null {
  const t = fold(title);
  if (!t) return null;
  let best: { sku: string; score: number } | null = null;
  for (const p of show.products) {
    for (const word of [p.sku, p.name, ...p.aliases]) {
      const w = fold(word);
      if (w.length < 3) continue;
      const score = t === w ? 1000 : t.includes(w) ? w.length : 0;
      if (score > 0 && (!best || score > best.score)) best = { sku: p.sku, score };
    }
  }
  return best?.sku ?? null;
}

function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter((v) => v.trim().length > 0))];
}
