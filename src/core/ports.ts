// Everything the core reaches outside itself, per module. The station passes the real ones
// (default-ports.ts); tests pass fakes or point the real ones at local test servers.
import type { ObsPorts } from './obs/obs.ports';
import type { CommentsPorts } from './comments/comments.ports';
import type { CuesPorts } from './cues/cues.ports';
import type { OffersPorts } from './offers/offers.ports';
import type { PreflightPorts } from './preflight/preflight.ports';
import type { HqPorts } from './hq-outbox/hq.module';

export interface CorePorts {
  obs: ObsPorts;
  comments: CommentsPorts;
  cues: CuesPorts;
  offers: OffersPorts;
  preflight: PreflightPorts;
  /** Optional: without it the station reports over HTTP, and only once the producer sets an HQ. */
  hq?: HqPorts;
}
