// What the host card shows instead of the current cue when an offer changes under it: the approved
// pause announcement once the store has CONFIRMED the pause (never while it is only `pausing`),
// and the approved post-bonus CTA once the order cap is reached.
import type { CueOverride, DeckCue, OfferView, ScriptContent } from '../../shared/contract/index';
import { cueKindsOf, segmentOf } from './cue.deck';

export type OverrideChoice = Omit<CueOverride, 'since'>;

/** CTA and urgency cues name the bonus and the scarcity; after the cap, neither is true. */
const BONUS_KINDS = new Set(['cta', 'urgency']);

export function chooseOverride(
  content: ScriptContent,
  current: DeckCue | null,
  offers: readonly OfferView[],
  /** Offers whose cap was reached since the deck last moved: announce it whatever the cue. */
  capJustReached: ReadonlySet<string>,
): OverrideChoice | null {
  if (!current) return null;
  const segOffer = segmentOf(content, current.segmentId)?.offerId ?? null;
  const concerns = (o: OfferView) => segOffer === null || segOffer === o.id;

  const paused = offers.find((o) => o.state === 'paused' && concerns(o));
  if (paused) {
    const cue = cueKindsOf(content, 'pause', paused.id)[0] ?? null;
    if (cue && cue.id === current.id) return null;
    return { reason: 'offer_paused', offerId: paused.id, offerName: paused.name, cueId: cue?.id ?? null, text: cue?.text ?? null };
  }
  const capped = offers.find(
    (o) => o.cap?.reached === true && o.state !== 'paused' && concerns(o) && (BONUS_KINDS.has(current.kind) || capJustReached.has(o.id)),
  );
  if (capped) {
    const cue = cueKindsOf(content, 'post-bonus', capped.id)[0] ?? null;
    if (cue && cue.id === current.id) return null;
    return { reason: 'cap_reached', offerId: capped.id, offerName: capped.name, cueId: cue?.id ?? null, text: cue?.text ?? null };
  }
  return null;
}

export function sameOverride(a: OverrideChoice | null, b: OverrideChoice | null): boolean {
  if (a === null || b === null) return a === b;
  return a.reason === b.reason && a.offerId === b.offerId && a.cueId === b.cueId;
}
