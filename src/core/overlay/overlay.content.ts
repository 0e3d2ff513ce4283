// What the on-air overlays may show, as a pure function of the snapshot: only the show's offer
// (name, approved price, code, bonus, cap), the approved script (pause text, segment titles) and a
// question the producer put on air. The pause text appears only once the offer is `paused`, which the
// offers domain sets after the store's read-back, never while it is `pausing`.
import type { OfferView, OverlayContent, ScriptContent, StationState } from '../../shared/contract/index';

/** Said when the approved script has no pause announcement for the offer. */
export const FALLBACK_PAUSED_TEXT = 'PAUSED — back soon';
const TEXT_MAX = 240;

export function formatPrice(price: { amount: number; currency: string }): string {
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency: price.currency }).format(price.amount);
  } catch {
    return `${price.amount.toFixed(2)} ${price.currency}`;
  }
}

/** One line of plain text: control characters out, whitespace folded, length bounded. */
export function plain(text: string, max = TEXT_MAX): string {
  const one = text
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

export function overlayOffer(state: StationState): OfferView | null {
  const items = state.offers.items;
  const chosen = state.overlays.offerId;
  if (chosen) return items.find((o) => o.id === chosen) ?? null;
  const segId = state.cues.current?.segmentId ?? null;
  const segOffer = segId ? (state.scripts.deck?.content.segments.find((s) => s.id === segId)?.offerId ?? null) : null;
  return items.find((o) => o.id === segOffer) ?? items[0] ?? null;
}

export function overlayContent(state: StationState): OverlayContent {
  const shown = state.overlays.shown;
  const deck = state.scripts.deck?.content ?? null;
  let offer: OverlayContent['offer'] = null;
  const o = shown.offer ? overlayOffer(state) : null;
  if (o) {
    const paused = o.state === 'paused';
    const announce = paused && deck ? pauseAnnouncement(deck, o.id) : null;
    offer = {
      offerId: o.id,
      name: plain(o.name),
      price: formatPrice(o.price),
      code: plain(o.code, 40),
      bonus: o.cap ? plain(o.cap.bonus) : null,
      cap: o.cap ? `first ${o.cap.orders} orders` : null,
      paused,
      pausedText: paused ? plain(announce ?? FALLBACK_PAUSED_TEXT) : null,
    };
  }
  const cues = state.cues;
  const countdown =
    shown.countdown && cues.segmentStartedAt !== null && cues.segmentPlannedSeconds !== null
      ? {
          label: plain(cues.current?.segmentTitle ?? 'Segment', 80),
          endsAt: cues.segmentStartedAt + cues.segmentPlannedSeconds * 1000,
        }
      : null;
  const q = state.overlays.question;
  const question = shown.question && q ? { author: plain(q.author, 60), text: plain(q.text) } : null;
  const title = state.show.current?.title ?? null;
  const lowerThird =
    shown['lower-third'] && title
      ? { title: plain(title, 100), subtitle: cues.current ? plain(cues.current.segmentTitle, 100) : null }
      : null;
  return { offer, countdown, question, lowerThird };
}

/** The approved pause announcement for an offer: a `pause` cue of its segment, or of a segment for every offer. */
export function pauseAnnouncement(content: ScriptContent, offerId: string): string | null {
  for (const seg of content.segments) {
    if (seg.offerId !== offerId && seg.offerId !== null) continue;
    const cue = seg.cues.find((c) => c.kind === 'pause');
    if (cue) return cue.text;
  }
  return null;
}

/** The text an OBS text source shows for the offer overlay ('' when hidden). */
export function offerText(content: OverlayContent): string {
  const o = content.offer;
  if (!o) return '';
  if (o.paused) return o.pausedText ?? FALLBACK_PAUSED_TEXT;
  const lines = [`${o.name} — ${o.price}`, `Code ${o.code}`];
  if (o.bonus && o.cap) lines.push(`${o.bonus}: ${o.cap}`);
  return lines.join('\n');
}
