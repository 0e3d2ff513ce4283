// The product a comment is about once its intent is known: spam names no product the team acts on, and an order
// that names nothing (no product, family, number or deal) is for the product pinned on screen.
import type { Intent } from './triage.types';
import type { SkuMatch } from './sku.matcher';

export interface SkuInContext {
  sku: string | null;
  candidates: string[];
  /** Why the match was changed, for the moderator; null when it stands as matched. */
  reason: string | null;
}

/** `pinnedSku` must already be a product of the catalog (or null). */
export function skuInContext(match: SkuMatch, intent: Intent, pinnedSku: string | null): SkuInContext {
  const candidates = match.sku === null && match.candidates.length > 1 ? match.candidates.slice(0, 8) : [];
  if (intent === 'spam') {
    return { sku: null, candidates: [], reason: match.sku || candidates.length > 0 ? 'sku: spam names no product → none' : null };
  }
  if (intent === 'order' && match.sku === null && pinnedSku && !match.mentioned && !match.offerCode && match.candidates.length === 0) {
    return { sku: pinnedSku, candidates: [], reason: `sku: an order naming no product → pinned ${pinnedSku}` };
  }
  return { sku: match.sku, candidates, reason: null };
}
