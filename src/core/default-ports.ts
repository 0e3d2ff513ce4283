// The real adapters, as the station runs them.
import type { CorePorts } from './ports';
import { defaultObsPorts } from './obs/obs.ports';
import { defaultOffersPorts } from './offers/offers.ports';
import { createDefaultCommentsPorts } from './comments/comments.default-ports';

export function createDefaultPorts(): CorePorts {
  return {
    obs: defaultObsPorts(),
    comments: createDefaultCommentsPorts(),
    cues: {},
    offers: defaultOffersPorts(),
    preflight: {},
  };
}
