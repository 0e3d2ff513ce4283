// What each Baton key looks like: pure functions from the station's flat map (and whether the link
// is up) to a button style. Every feedback answers "STATION LOST" while the station cannot be reached,
// so no key keeps showing a state Baton can no longer vouch for.
import { combineRgb, type CompanionAdvancedFeedbackResult, type CompanionFeedbackDefinitions } from '@companion-module/base';
import type { FeedMap, StationLink } from './station-link';
import { offerKey } from './variables';

export const COLOURS = {
  live: combineRgb(0, 140, 60),
  amber: combineRgb(230, 150, 0),
  red: combineRgb(200, 0, 0),
  error: combineRgb(140, 0, 170),
  grey: combineRgb(70, 70, 70),
  lost: combineRgb(30, 30, 30),
  white: combineRgb(255, 255, 255),
  black: combineRgb(0, 0, 0),
} as const;

export const LOST_STYLE: CompanionAdvancedFeedbackResult = { text: 'STATION LOST', bgcolor: COLOURS.lost, color: COLOURS.amber };

/** The offer a key is about: its own option, else the first offer of the show. */
export function pickOffer(values: FeedMap, option: unknown): string | null {
  const own = typeof option === 'string' ? option.trim() : '';
  if (own) return own;
  const list = typeof values['offers'] === 'string' ? values['offers'] : '';
  return list.split(',').find((x) => x.length > 0) ?? null;
}

export function offerStyle(values: FeedMap, offerId: string | null): CompanionAdvancedFeedbackResult {
  const state = offerId ? values[`${offerKey(offerId)}.state`] : undefined;
  switch (state) {
    case 'live':
      return { bgcolor: COLOURS.live, color: COLOURS.white };
    case 'pausing':
    case 'resuming':
      return { bgcolor: COLOURS.amber, color: COLOURS.black };
    case 'paused':
      return { bgcolor: COLOURS.red, color: COLOURS.white };
    case 'error':
      return { bgcolor: COLOURS.error, color: COLOURS.white };
    case undefined:
      return { bgcolor: COLOURS.grey, color: COLOURS.white, text: 'no offer' };
    default:
      return { bgcolor: COLOURS.grey, color: COLOURS.white };
  }
}

export function healthStyle(values: FeedMap): CompanionAdvancedFeedbackResult {
  switch (values['stream.health']) {
    case 'green':
      return { bgcolor: COLOURS.live, color: COLOURS.white };
    case 'amber':
      return { bgcolor: COLOURS.amber, color: COLOURS.black };
    case 'red':
      return { bgcolor: COLOURS.red, color: COLOURS.white };
    default:
      return { bgcolor: COLOURS.grey, color: COLOURS.white };
  }
}

export function onAirStyle(values: FeedMap): CompanionAdvancedFeedbackResult {
  return values['onair'] === true ? { bgcolor: COLOURS.red, color: COLOURS.white } : {};
}

export function segmentStyle(values: FeedMap, title: unknown): CompanionAdvancedFeedbackResult {
  const want = typeof title === 'string' ? title.trim().toLowerCase() : '';
  const current = typeof values['segment.title'] === 'string' ? values['segment.title'].toLowerCase() : '';
  if (!want || want !== current) return {};
  return values['segment.over'] === true ? { bgcolor: COLOURS.red, color: COLOURS.white } : { bgcolor: COLOURS.live, color: COLOURS.white };
}

/** An offer window: green while open, amber in its last minute, red while ending or unconfirmed. */
export function windowStyle(values: FeedMap, offerId: string | null): CompanionAdvancedFeedbackResult {
  const phase = offerId ? values[`${offerKey(offerId)}.window`] : undefined;
  const left = typeof values['window.leftSeconds'] === 'number' && values['window.offer'] === offerId ? values['window.leftSeconds'] : null;
  switch (phase) {
    case 'opening':
      return { bgcolor: COLOURS.amber, color: COLOURS.black };
    case 'open':
      return left !== null && left <= 60 ? { bgcolor: COLOURS.amber, color: COLOURS.black } : { bgcolor: COLOURS.live, color: COLOURS.white };
    case 'ending':
      return { bgcolor: COLOURS.red, color: COLOURS.white };
    default:
      return {};
  }
}

/** A talkback key: amber until the host has read the last message. */
export function talkbackStyle(values: FeedMap): CompanionAdvancedFeedbackResult {
  if (values['talkback.text'] === null || values['talkback.text'] === undefined) return {};
  return values['talkback.read'] === true ? {} : { bgcolor: COLOURS.amber, color: COLOURS.black };
}

export function overflowStyle(values: FeedMap): CompanionAdvancedFeedbackResult {
  return values['queue.overflow'] === true ? { bgcolor: COLOURS.amber, color: COLOURS.black } : {};
}

export function feedbackDefinitions(link: StationLink): CompanionFeedbackDefinitions {
  const guarded =
    (fn: (values: FeedMap, options: Record<string, unknown>) => CompanionAdvancedFeedbackResult) =>
    (fb: { options: Record<string, unknown> }): CompanionAdvancedFeedbackResult =>
      link.phase() === 'up' ? fn(link.values(), fb.options) : LOST_STYLE;
  return {
    offer_state: {
      type: 'advanced',
      name: 'Offer state (live green, pausing amber, paused red, error purple)',
      options: [{ type: 'textinput', id: 'offerId', label: 'Offer id (empty: the show’s first offer)', default: '' }],
      callback: guarded((v, o) => offerStyle(v, pickOffer(v, o.offerId))),
    },
    stream_health: {
      type: 'advanced',
      name: 'Stream health level',
      options: [],
      callback: guarded((v) => healthStyle(v)),
    },
    on_air: {
      type: 'advanced',
      name: 'On air (red while the stream is live)',
      options: [],
      callback: guarded((v) => onAirStyle(v)),
    },
    current_segment: {
      type: 'advanced',
      name: 'Current segment (green; red once over its planned time)',
      options: [{ type: 'textinput', id: 'segment', label: 'Segment title', default: '' }],
      callback: guarded((v, o) => segmentStyle(v, o.segment)),
    },
    offer_window: {
      type: 'advanced',
      name: 'Offer window (open green, last minute amber, ending red)',
      options: [{ type: 'textinput', id: 'offerId', label: 'Offer id (empty: the show’s first offer)', default: '' }],
      callback: guarded((v, o) => windowStyle(v, pickOffer(v, o.offerId))),
    },
    talkback_unread: {
      type: 'advanced',
      name: 'Talkback not yet read by the host (amber)',
      options: [],
      callback: guarded((v) => talkbackStyle(v)),
    },
    queue_overflow: {
      type: 'advanced',
      name: 'Comment queue overflow',
      options: [],
      callback: guarded((v) => overflowStyle(v)),
    },
    station_link: {
      type: 'advanced',
      name: 'Station link (shows STATION LOST while down)',
      options: [],
      callback: guarded(() => ({})),
    },
  };
}
