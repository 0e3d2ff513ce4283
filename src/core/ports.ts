// Everything the core reaches outside itself, per module. The station passes the real ones
// (default-ports.ts); tests pass fakes or point the real ones at local test servers.
import type { ObsPorts } from './obs/obs.ports';
import type { CommentsPorts } from './comments/comments.ports';
import type { CuesPorts } from './cues/cues.ports';
import type { OffersPorts } from './offers/offers.ports';
import type { PreflightPorts } from './preflight/preflight.ports';

export interface CorePorts {
  obs: ObsPorts;
  comments: CommentsPorts;
  cues: CuesPorts;
  offers: OffersPorts;
  preflight: PreflightPorts;
}
