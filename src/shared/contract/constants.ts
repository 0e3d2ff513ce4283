// The contract's plain values that views need as values (lists to render, limits, a close code),
// kept free of zod: importing a *.contract module runs its schema builders (~45 ms of the
// renderer's start measured on a cold desk open), and a view that only lists intents or KPI
// windows must not pay for schemas it never parses with. The contract modules re-export these,
// so the station and core keep importing them from where they always did.

/** What a comment asks for, as the triage names it. */
export const INTENTS = ['order', 'question', 'complaint', 'spam', 'other'] as const;
export type Intent = (typeof INTENTS)[number];

/** The rolling windows the KPIs are counted over. */
export const KPI_WINDOWS = ['1m', '5m', '15m', 'show'] as const;
export type KpiWindowName = (typeof KPI_WINDOWS)[number];

/** The on-air overlays viewers can see. */
export const OVERLAY_NAMES = ['offer', 'countdown', 'question', 'lower-third'] as const;
export type OverlayName = (typeof OVERLAY_NAMES)[number];

/** Talkback lines the producer sends the host with one click. */
export const TALKBACK_PRESETS = [
  { id: 'wrap_30s', text: 'WRAP UP — 30 SECONDS' },
  { id: 'stretch_1m', text: 'STRETCH — 1 MORE MINUTE' },
  { id: 'go_offer', text: 'GO TO THE OFFER' },
  { id: 'read_question', text: 'READ THE PINNED QUESTION' },
  { id: 'check_camera', text: 'CHECK THE CAMERA' },
] as const;
export type TalkbackPresetId = (typeof TALKBACK_PRESETS)[number]['id'];
/** Short enough to read in one glance on the host card. */
export const TALKBACK_TEXT_MAX = 80;

/** Where an approval recorded by someone else came from; `signoff-link` is the approver's own act. */
export const APPROVAL_CHANNELS = ['email', 'paper', 'phone', 'in-person'] as const;
export type ApprovalChannel = (typeof APPROVAL_CHANNELS)[number];

/** The WebSocket close code when a person's access ends (revoked or re-issued): the view stops reconnecting. */
export const ACCESS_ENDED_CLOSE_CODE = 4401;
