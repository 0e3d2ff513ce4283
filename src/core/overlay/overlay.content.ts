// What the on-air overlays may show, as a pure function of the snapshot: only the show's offer
// (name, approved price, code, bonus, cap), the approved script (pause text, segment titles) and a
// question the producer put on air. The pause text appears only once the offer is `paused`, which the
// offers domain sets after the store's read-back, never while it is `pausing`.
import type { OfferView, OverlayContent, ScriptContent, StationState } from '../../shared/contract/index';
import { oneLine } from '../../shared/text/one-line';
import { clip } from '../../shared/text/clip';

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
  const one = oneLine(text);
  return one.length > max ? `${clip(one, max - 1)}…` : one;
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
    const approved = deck ? approvedPrice(deck, o.id, o.price.amount) : null;
    offer = {
      offerId: o.id,
      name: plain(o.name),
      // Never a price the script's approval did not cover (the module raises the alert).
      price: formatPrice({ amount: approved?.amount ?? o.price.amount, currency: o.price.currency }),
      code: plain(o.code, 40),
      bonus: o.cap ? plain(o.cap.bonus) : null,
      cap: o.cap ? `first ${o.cap.orders} orders` : null,
      paused,
      pausedText: paused ? plain(announce ?? FALLBACK_PAUSED_TEXT) : null,
      stockLeft: state.overlays.stock ? stockText(o) : null,
    };
  }
  const cues = state.cues;
  // An offer window's end wins over the segment timer: it is what viewers act on. Once it is over,
  // viewers are told so (the page holds "Ended" a few seconds, overlay-countdown.ts) and the segment it
  // ended in shows no time: under the segment's title, straight after "ends in 00:00", it read as the
  // offer running on. A segment begun after the window ended counts down once "Ended" was held.
  const win = shown.countdown ? countdownWindow(state) : null;
  const over = shown.countdown && !win ? lastEndedWindow(state) : null;
  const segment =
    shown.countdown && cues.segmentStartedAt !== null && cues.segmentPlannedSeconds !== null
      ? {
          label: plain(cues.current?.segmentTitle ?? 'Segment', 80),
          startedAt: cues.segmentStartedAt,
          endsAt: cues.segmentStartedAt + cues.segmentPlannedSeconds * 1000,
        }
      : null;
  const countdown: OverlayContent['countdown'] = win
    ? { label: plain(`${win.offerName} ends in`, 80), kind: 'window', endsAt: win.endsAt }
    : over
      ? {
          label: plain(over.offerName, 80),
          kind: 'ended',
          endsAt: over.endsAt,
          then: segment && segment.startedAt > over.endsAt ? { label: segment.label, endsAt: segment.endsAt } : null,
        }
      : segment
        ? { label: segment.label, kind: 'segment', endsAt: segment.endsAt }
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

/** The open window of the overlay's offer, else any open window. */
function countdownWindow(state: StationState) {
  const open = state.onair.windows.filter((w) => w.phase === 'open' || w.phase === 'opening');
  const o = overlayOffer(state);
  return open.find((w) => w.offerId === o?.id) ?? open[0] ?? null;
}

/** The window that ended last (its time up, its cap reached or ended by the producer), if any. */
function lastEndedWindow(state: StationState) {
  let last: StationState['onair']['windows'][number] | null = null;
  for (const w of state.onair.windows) if ((w.phase === 'ending' || w.phase === 'ended') && (!last || w.endsAt > last.endsAt)) last = w;
  return last;
}

function stockText(o: OfferView): string | null {
  if (!o.stock) return null;
  const units = o.skus.map((sku) => o.stock?.[sku]).filter((n): n is number => typeof n === 'number');
  if (units.length === 0) return null;
  // A bundle sells as many as its scarcest part.
  return `${Math.max(0, Math.min(...units))} left`;
}

const PRICE_TOKEN = /(?:[$€£¥₹]|R\$|[A-Z]{3}\s?)\s?(\d{1,3}(?:,\d{3})*(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?)/g;

/**
 * The price the approved script states for an offer, when it differs from the show's price now.
 * The script's placeholders were filled at approval, so its prices are the approved ones; the one
 * said most often in the offer's segments is the price (ties: the lower, as a compare-at price is
 * higher). Null when the script names no price or names the current one.
 */
export function approvedPrice(content: ScriptContent, offerId: string, current: number): { amount: number } | null {
  const counts = new Map<number, number>();
  for (const seg of content.segments) {
    if (seg.offerId !== offerId && seg.offerId !== null) continue;
    for (const cue of seg.cues) {
      for (const m of cue.text.matchAll(PRICE_TOKEN)) {
        const amount = Number((m[1] ?? '').replace(/,/g, ''));
        if (Number.isFinite(amount)) counts.set(amount, (counts.get(amount) ?? 0) + 1);
      }
    }
  }
  if (counts.size === 0 || counts.has(current)) return null;
  const [best] = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  return best ? { amount: best[0] } : null;
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
  if (o.stockLeft) lines.push(o.stockLeft);
  return lines.join('\n');
}
