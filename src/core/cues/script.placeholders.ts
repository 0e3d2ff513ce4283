// Offer placeholders (`[Product Name]`, `[Price]`, `[Compare Price]`, `[Code]`, `[Bonus]`,
// `[Cap]`) are filled from the show's offers before a version is hashed, so the approved text is
// the final text: a price change in the show makes a different version that needs its own sign-off.
import type { Offer, Show } from '../../shared/show/show.schema';

export const PLACEHOLDERS = ['Product Name', 'Price', 'Compare Price', 'Code', 'Bonus', 'Cap'] as const;
const BY_KEY = new Map(PLACEHOLDERS.map((p) => [key(p), p]));
const PATTERN = /\[([^\]\n]{1,60})\]/g;

export type FillResult = { ok: true; text: string } | { ok: false; errors: string[] };

export function formatMoney(money: { amount: number; currency: string }): string {
  const whole = Number.isInteger(money.amount);
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: money.currency,
    currencyDisplay: 'narrowSymbol',
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(money.amount);
}

/** The value of one placeholder for an offer, or the reason it has none. */
export function placeholderValue(name: (typeof PLACEHOLDERS)[number], offer: Offer, show: Show): string | { error: string } {
  switch (name) {
    case 'Product Name': {
      // A one-SKU offer reads as the product ("Glow Kit"); a bundle of several reads as the offer.
      const only = offer.skus.length === 1 ? show.products.find((p) => p.sku === offer.skus[0]) : undefined;
      return only?.name ?? offer.name;
    }
    case 'Price':
      return formatMoney(offer.price);
    case 'Compare Price':
      return offer.compareAt ? formatMoney(offer.compareAt) : { error: `offer ${offer.id} has no compareAt price for [Compare Price]` };
    case 'Code':
      return offer.code;
    case 'Bonus':
      return offer.cap ? offer.cap.bonus : { error: `offer ${offer.id} has no cap, so there is no [Bonus] to name` };
    case 'Cap':
      return offer.cap ? String(offer.cap.orders) : { error: `offer ${offer.id} has no cap for [Cap]` };
  }
}

/**
 * Fills every placeholder in `text` from `offer`. Unknown brackets are errors, not left in place:
 * nothing unfilled may reach approval or the host.
 */
export function fillPlaceholders(text: string, offer: Offer | null, show: Show | null, offerHint: string): FillResult {
  const errors: string[] = [];
  const out = text.replace(PATTERN, (whole, inner: string) => {
    const name = BY_KEY.get(key(inner));
    if (!name) {
      errors.push(`unknown placeholder ${whole} (known: ${PLACEHOLDERS.map((p) => `[${p}]`).join(' ')})`);
      return whole;
    }
    if (!show) {
      errors.push(`${whole} needs a loaded show to fill it from`);
      return whole;
    }
    if (!offer) {
      errors.push(`${whole} needs an offer: ${offerHint}`);
      return whole;
    }
    const value = placeholderValue(name, offer, show);
    if (typeof value !== 'string') {
      errors.push(value.error);
      return whole;
    }
    return value;
  });
  return errors.length ? { ok: false, errors } : { ok: true, text: out };
}

function key(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ');
}
