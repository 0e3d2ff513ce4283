// Groups a comment's classifier reasons for the moderator's "Why" spot: the rule hits, the learned model's strongest
// features, the product match, and the SKUs that fit when the match was ambiguous.
import type { CommentRecord } from '../../../../shared/contract/index';

export interface ReasonGroups {
  rules: string[];
  model: string[];
  product: string[];
  other: string[];
  candidates: string[];
}

export function groupReasons(c: Pick<CommentRecord, 'reasons' | 'candidates' | 'sku'>): ReasonGroups {
  const g: ReasonGroups = { rules: [], model: [], product: [], other: [], candidates: [] };
  for (const r of c.reasons) {
    if (r.startsWith('model: ')) g.model.push(r.slice('model: '.length));
    else if (r.startsWith('sku: ') || r.startsWith('offer: ')) g.product.push(r);
    else if (/^(order|question|complaint|spam|other|also \w+): /.test(r) || r.includes(' kind: ')) g.rules.push(r);
    else g.other.push(r);
  }
  if (c.sku === null && Array.isArray(c.candidates) && c.candidates.length > 1) g.candidates = c.candidates.slice(0, 8);
  return g;
}
