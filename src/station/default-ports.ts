// The real adapters, as the station runs them.
import type { CorePorts } from '../core/ports';
import { defaultObsPorts } from '../core/obs/obs.ports';
import { defaultOffersPorts } from '../core/offers/offers.ports';
import { createDefaultCommentsPorts } from '../core/comments/comments.default-ports';

export function createDefaultPorts(opts: { allowInsecureStore?: boolean } = {}): CorePorts {
  return {
    obs: defaultObsPorts(),
    comments: createDefaultCommentsPorts(),
    cues: {},
    offers: defaultOffersPorts(opts),
    preflight: {},
  };
}
