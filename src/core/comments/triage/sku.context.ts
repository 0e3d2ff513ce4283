// The product a comment is about once its intent is known: spam names no product the team acts on, an order naming
// only a size is for the product in that size, and an order that names nothing (no product, family, number or deal)
// is for the product pinned on screen.
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
  // an order naming only a size ("small pls", "mediana una", "single satu"): the product that comes in that size,
  // or several → none with them as candidates
  if (intent === 'order' && match.sku === null && match.sizeOnly.length > 0) {
    if (match.sizeOnly.length === 1) return { sku: match.sizeOnly[0] ?? null, candidates: [], reason: `sku: an order naming only a size → ${match.sizeOnly[0]}` };
    return { sku: null, candidates: match.sizeOnly.slice(0, 8), reason: `sku: an order naming only a size fits ${match.sizeOnly.length} SKUs → none` };
  }
  if (intent === 'order' && match.sku === null && pinnedSku && !match.mentioned && !match.offerCode && match.candidates.length === 0) {
    return { sku: pinnedSku, candidates: [], reason: `sku: an order naming no product → pinned ${pinnedSku}` };
  }
  return { sku: match.sku, candidates, reason: null };
}
