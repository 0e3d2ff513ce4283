// On air, between producer and host: time-boxed offer windows (resume at the start, countdown,
// the script's "ends in …" CTA at marks, a confirmed pause at the end), talkback, the live numbers
// the producer shares with the host, and the rundown's actual segment times.
import { z } from 'zod';
import { PRODUCER, command } from './command';
import { oneLine } from '../text/one-line';
import { TALKBACK_PRESETS, TALKBACK_TEXT_MAX, type TalkbackPresetId } from './constants';

/**
 * `opening` until the store confirms the resume; `open` while it counts down; `ending` from the
 * end until the store confirms the pause (the station keeps trying while the store is down);
 * `ended` once confirmed.
 */
export type WindowPhase = 'opening' | 'open' | 'ending' | 'ended';
export type WindowEndReason = 'time' | 'cap' | 'cut';

export interface WindowChange {
  at: number;
  by: string;
  action: 'extend' | 'cut' | 'end';
  /** Minutes added (extend) or taken off (cut); 0 for end. */
  minutes: number;
  reason: string;
}

export interface OfferWindowView {
  offerId: string;
  offerName: string;
  openedAt: number;
  openedBy: string;
  /** Station clock (ms) when the window closes; moved by extend/cut. */
  endsAt: number;
  phase: WindowPhase;
  endReason: WindowEndReason | null;
  endedAt: number | null;
  /** Words for the producer while the store does not answer ("ending — store unreachable"). */
  problem: string | null;
  /** The approved line the host reads now: an "ends in …" urgency cue at its mark, or the cap's CTA. */
  cta: { text: string; cueId: string | null; markSeconds: number | null; since: number } | null;
  /** Marks (seconds before the end) still to come, and those already surfaced. */
  marks: number[];
  changes: WindowChange[];
}

export { TALKBACK_PRESETS, TALKBACK_TEXT_MAX, type TalkbackPresetId };
export const TALKBACK_PRESET_IDS = TALKBACK_PRESETS.map((p) => p.id) as [TalkbackPresetId, ...TalkbackPresetId[]];

export interface TalkbackMessage {
  id: string;
  preset: TalkbackPresetId | null;
  text: string;
  sentAt: number;
  sentBy: string;
  ackAt: number | null;
  ackBy: string | null;
}

/** What the producer chooses to show on the host card besides the cue. */
export interface HostShare {
  orders: boolean;
  stock: boolean;
  window: boolean;
}

export interface RundownEntry {
  segmentId: string;
  title: string;
  startedAt: number;
  /** Null while it is the current segment. */
  endedAt: number | null;
}

export interface OnAirState {
  /** One per offer that had a window since the show was loaded; the newest first. */
  windows: OfferWindowView[];
  talkback: { current: TalkbackMessage | null; history: TalkbackMessage[] };
  share: HostShare;
  /** Segments as they actually ran while the show clock ran, in order. */
  rundown: RundownEntry[];
}

const reason = z.string().trim().min(1, 'give a reason').max(300);

export const onAirCommands = {
  'offer.window': command<{ window: OfferWindowView }>()({
    summary: 'Open a time-boxed window for an offer: resume it (confirmed) if paused, count down, surface the “ends in …” CTA at its marks, pause it (confirmed) at the end.',
    roles: PRODUCER,
    kind: 'write',
    args: z
      .object({
        offerId: z.string().min(1).max(64),
        minutes: z.number().positive().max(24 * 60).optional(),
        /** Station clock time (ms since the epoch) when the window ends. */
        until: z.number().int().positive().optional(),
      })
      .strict()
      .refine((a) => (a.minutes === undefined) !== (a.until === undefined), { message: 'give minutes or until (one of them)', path: ['minutes'] }),
  }),
  'offer.windowAdjust': command<{ window: OfferWindowView }>()({
    summary: 'Extend or cut an open window by some minutes, or end it now (the offer pauses, confirmed). Needs a reason.',
    roles: PRODUCER,
    kind: 'write',
    args: z
      .object({ offerId: z.string().min(1).max(64), action: z.enum(['extend', 'cut', 'end']), minutes: z.number().positive().max(24 * 60).optional(), reason })
      .strict()
      .refine((a) => a.action === 'end' || a.minutes !== undefined, { message: 'extend and cut need minutes', path: ['minutes'] }),
  }),
  'talkback.send': command<{ message: TalkbackMessage }>()({
    summary: 'Tell the host something: a preset (wrap up, stretch, go to the offer, read the question, check the camera) or a short text. Refused when no host view is open.',
    roles: PRODUCER,
    kind: 'write',
    args: z
      .object({
        preset: z.enum(TALKBACK_PRESET_IDS).optional(),
        // Judged as the host will see it: control characters fold away (talkback.rules), and a text of nothing else is no message.
        text: z.string().trim().min(1).max(TALKBACK_TEXT_MAX).refine((t) => oneLine(t) !== '', 'no visible text').optional(),
      })
      .strict()
      .refine((a) => (a.preset === undefined) !== (a.text === undefined), { message: 'give a preset or a text (one of them)', path: ['preset'] }),
  }),
  'talkback.ack': command<{ message: TalkbackMessage }>()({
    summary: 'The host read the talkback message (one key or tap).',
    roles: ['host'],
    kind: 'write',
    args: z.object({ id: z.string().min(1).max(64).optional() }).strict(),
  }),
  'onair.share': command<{ share: HostShare }>()({
    summary: 'Choose the live numbers on the host card: orders vs cap, stock left, window time left.',
    roles: PRODUCER,
    kind: 'write',
    args: z.object({ orders: z.boolean().optional(), stock: z.boolean().optional(), window: z.boolean().optional() }).strict(),
  }),
};
