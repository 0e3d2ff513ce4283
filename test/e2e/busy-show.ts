// A busy demo show for layout tests and screenshots: the demo show with three offers instead of
// one (same sandbox store), written next to copies of its script and comment replay.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const DEMO = resolve(import.meta.dirname, '../../resources/demo-show');

type Offer = Record<string, unknown> & { triggers: Array<{ kind: string; threshold: number }> };

/** The two extra offers, each selling its own products of the demo catalogue: a comment about the
 * serum duo must never be tagged with the glow kit's SKU. */
const MORE = [
  {
    id: 'lip-tint-trio',
    name: 'Lip Tint trio',
    skus: ['LIP-TINT-RED', 'LIP-TINT-NUDE', 'LIP-TINT-BERRY'],
    price: { amount: 35, currency: 'USD' },
    compareAt: { amount: 42, currency: 'USD' },
    code: 'TINT3',
    aliases: ['trio', 'tint trio'],
    cap: { orders: 120, bonus: 'mini mirror' },
  },
  {
    id: 'serum-duo',
    name: 'Serum duo',
    skus: ['GLW-SER-30', 'GLW-SER-50'],
    price: { amount: 59, currency: 'USD' },
    compareAt: { amount: 71, currency: 'USD' },
    code: 'DUO20',
    aliases: ['duo', 'serum duo'],
    cap: null,
  },
] as const;

export function writeBusyShow(patch: (show: Record<string, unknown>) => Record<string, unknown> = (s) => s): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'baton-busy-show-'));
  const demo = JSON.parse(readFileSync(join(DEMO, 'show.json'), 'utf8')) as Record<string, unknown> & { offers: Offer[]; products: Array<{ sku: string }> };
  for (const f of ['script.md', 'comments.jsonl']) copyFileSync(join(DEMO, f), join(dir, f));
  const first = demo.offers[0]!;
  const catalogue = new Set(demo.products.map((p) => p.sku));
  const more = MORE.map(({ cap, ...own }) => {
    const missing = own.skus.filter((s) => !catalogue.has(s));
    if (missing.length > 0) throw new Error(`busy show: the demo catalogue lost ${missing.join(', ')}`);
    // Same store and rules as the first offer; the cap rule follows this offer's own cap, or goes.
    const triggers = first.triggers
      .filter((t) => cap !== null || t.kind !== 'order_cap_reached')
      .map((t) => (cap !== null && t.kind === 'order_cap_reached' ? { ...t, threshold: cap.orders } : t));
    return { ...first, ...own, skus: [...own.skus], aliases: [...own.aliases], triggers, ...(cap ? { cap } : { cap: undefined }) };
  });
  const show = patch({ ...demo, offers: [first, ...more] });
  const file = join(dir, 'show.json');
  writeFileSync(file, JSON.stringify(show));
  return { dir, file };
}

/** The busy show with its second and third offers renamed long (60 characters) and Arabic with emoji. */
export function writeBusyShowWithLongOfferNames(): { dir: string; file: string } {
  return writeBusyShow((show) => {
    const offers = show.offers as Array<Record<string, unknown>>;
    offers[1]!.name = 'Lip Tint trio — Red, Nude and Berry, with a mirror and a pouch';
    offers[2]!.name = '✨ ثنائي السيروم — Serum duo 💧🔥';
    return show;
  });
}
