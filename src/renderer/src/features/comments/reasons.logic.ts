// Groups a comment's classifier reasons for the moderator's "Why" spot: the rule hits, the learned model's strongest
// features, the product match, the SKUs that fit when the match was ambiguous, and the product only assumed (pinned).
import type { CommentRecord } from '../../../../shared/contract/index';

export interface ReasonGroups {
  rules: string[];
  model: string[];
  product: string[];
  other: string[];
  candidates: string[];
  /** No single product named, counted for the product pinned when it arrived: an assumption, not a match. */
  assumed: string | null;
}

/** Triage's reason for an assumed product starts so (sku.context); the renderer does not import core. */
const ASSUMPTION_REASON = 'sku: none named; counted for the pinned product';

export function groupReasons(c: Pick<CommentRecord, 'reasons' | 'candidates' | 'sku' | 'contextSku'>): ReasonGroups {
  const g: ReasonGroups = { rules: [], model: [], product: [], other: [], candidates: [], assumed: null };
  if (c.sku === null && typeof c.contextSku === 'string' && c.contextSku) g.assumed = c.contextSku;
  for (const r of c.reasons) {
    if (r.startsWith('model: ')) g.model.push(r.slice('model: '.length));
    else if (g.assumed && r.startsWith(ASSUMPTION_REASON)) continue; // shown as the assumption itself
    else if (r.startsWith('sku: ') || r.startsWith('offer: ')) g.product.push(r);
    else if (/^(order|question|complaint|spam|other|also \w+): /.test(r) || r.includes(' kind: ')) g.rules.push(r);
    else g.other.push(r);
  }
  if (c.sku === null && Array.isArray(c.candidates) && c.candidates.length > 1) g.candidates = c.candidates.slice(0, 8);
  return g;
}
