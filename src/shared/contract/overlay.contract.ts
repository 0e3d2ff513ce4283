// On-air overlays: what viewers see on the stream, built only from the approved script and the
// show's offer (name, price, code, bonus, cap, countdown). The producer shows and hides each one; a
// paused offer switches to the approved pause text only once the store's read-back confirmed it.
import { z } from 'zod';
import { PRODUCER, command } from './command';
import { OVERLAY_NAMES, type OverlayName } from './constants';

export { OVERLAY_NAMES, type OverlayName };

/** Plain text fields only: overlay pages and OBS text sources never interpret markup. */
export interface OfferOverlay {
  offerId: string;
  name: string;
  /** The show's approved price, formatted ("$39.00"). */
  price: string;
  code: string;
  bonus: string | null;
  /** "first 200 orders", or null when the offer has no cap. */
  cap: string | null;
  /** True only once the store confirmed the pause (offer state `paused`). */
  paused: boolean;
  /** The approved pause announcement (or the show's fallback) while paused; null otherwise. */
  pausedText: string | null;
  /** "12 left": the store's units left, only while the producer shows stock on the overlay. */
  stockLeft: string | null;
}
export interface CountdownOverlay {
  /** `window`: "<offer> ends in"; `segment`: the segment's title; `ended`: the offer's name. */
  label: string;
  /**
   * `window`: an offer window's end (it wins over the segment timer); `segment`: the planned segment end;
   * `ended`: the latest offer window is over (its time is up or the producer ended it), and no window is
   * open. Viewers read "<offer> / Ended" for a few seconds from `endsAt`, then `then`, or nothing.
   */
  kind: 'window' | 'segment' | 'ended';
  /** Station clock (ms) when it reaches zero; for `ended`, when the window ended. */
  endsAt: number;
  /**
   * `ended` only: the segment countdown to show once "Ended" has been held — only for a segment that
   * began after the window ended. Null (or absent) while the segment the window ended in runs: its
   * time under its title, right after the offer's countdown, reads as the offer running on.
   */
  then?: { label: string; endsAt: number } | null;
}
export interface QuestionOverlay {
  author: string;
  text: string;
}
export interface LowerThirdOverlay {
  title: string;
  subtitle: string | null;
}
/** What the overlay pages and the OBS sources draw; a hidden overlay is null. */
export interface OverlayContent {
  offer: OfferOverlay | null;
  countdown: CountdownOverlay | null;
  question: QuestionOverlay | null;
  lowerThird: LowerThirdOverlay | null;
}

export type NativeOverlayStatus = 'off' | 'connecting' | 'ready' | 'error';
export interface OverlaysState {
  shown: Record<OverlayName, boolean>;
  /** The offer the offer overlay is about; null: the current segment's offer, else the first. */
  offerId: string | null;
  /** The pinned question the producer put on air (copied at the click: later pins do not leak). */
  question: QuestionOverlay | null;
  /** Stock left on the offer overlay (off until the producer turns it on). */
  stock: boolean;
  /** Native OBS sources (a text and an image source in a scene Baton creates). */
  native: { enabled: boolean; scene: string; status: NativeOverlayStatus; error: string | null; updatedAt: number | null };
}

export const overlayCommands = {
  'overlay.show': command<{ shown: Record<OverlayName, boolean> }>()({
    summary: 'Show or hide one on-air overlay (the question overlay takes the question pinned at this moment).',
    roles: PRODUCER,
    kind: 'write',
    args: z
      .object({ overlay: z.enum(OVERLAY_NAMES), visible: z.boolean(), offerId: z.string().min(1).max(64).optional() })
      .strict(),
  }),
  'overlay.stock': command<{ stock: boolean }>()({
    summary: 'Show or hide the stock left on the offer overlay.',
    roles: PRODUCER,
    kind: 'write',
    args: z.object({ visible: z.boolean() }).strict(),
  }),
  'overlay.native': command<{ native: OverlaysState['native'] }>()({
    summary: 'Drive native OBS sources (text + image in a scene Baton creates) for setups without the browser source.',
    roles: PRODUCER,
    kind: 'write',
    args: z.object({ enabled: z.boolean(), scene: z.string().trim().min(1).max(100).optional() }).strict(),
  }),
};
