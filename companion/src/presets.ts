// Ready-made keys: drag one onto a Stream Deck and it already runs the right command and shows the
// right state (every preset carries the station-link feedback, so a lost station is never missed).
import type { CompanionPresetDefinitions } from '@companion-module/base';
import { COLOURS } from './feedbacks';

/** `action` null: a status key that shows state and does nothing when pressed. */
const key = (category: string, name: string, text: string, action: string | null, options: Record<string, string>, feedback: string) => ({
  type: 'button' as const,
  category,
  name,
  style: { text, size: 'auto' as const, color: COLOURS.white, bgcolor: COLOURS.black },
  feedbacks: [
    { feedbackId: feedback, options: {} },
    { feedbackId: 'station_link', options: {} },
  ],
  steps: [{ down: action ? [{ actionId: action, options }] : [], up: [] }],
});

export function presetDefinitions(): CompanionPresetDefinitions {
  return {
    cue_next: key('Cues', 'Next cue', 'NEXT\\n$(baton:cue_position)', 'cue_next', {}, 'current_segment'),
    cue_prev: key('Cues', 'Previous cue', 'PREV', 'cue_prev', {}, 'current_segment'),
    cue_go: key('Cues', 'Go', 'GO', 'cue_go', {}, 'current_segment'),
    take: key('OBS', 'Take', 'TAKE', 'take', {}, 'on_air'),
    on_air: key('OBS', 'On air', 'ON AIR\\n$(baton:show_clock)', null, {}, 'on_air'),
    health: key('OBS', 'Stream health', 'HEALTH\\n$(baton:stream_health)', null, {}, 'stream_health'),
    offer_pause: key('Offer', 'Pause offer', 'PAUSE\\n$(baton:orders)', 'offer_pause', { offerId: '', reason: 'stock', custom: '' }, 'offer_state'),
    offer_resume: key('Offer', 'Resume offer', 'RESUME', 'offer_resume', { offerId: '' }, 'offer_state'),
    window_open: key('Offer', 'Open a 10-minute window', 'WINDOW\\n$(baton:window_left)', 'window_open', { offerId: '', minutes: '10' }, 'offer_window'),
    window_close: key('Offer', 'Close the window now', 'CLOSE\\nWINDOW', 'window_close', { offerId: '', reason: 'stock', custom: '' }, 'offer_window'),
    talk_wrap: key('Talkback', 'Wrap up 30 s', 'WRAP\\n30 s', 'talkback', { preset: 'wrap_30s' }, 'talkback_unread'),
    talk_stretch: key('Talkback', 'Stretch 1 min', 'STRETCH\\n1 min', 'talkback', { preset: 'stretch_1m' }, 'talkback_unread'),
    talk_offer: key('Talkback', 'Go to the offer', 'GO TO\\nOFFER', 'talkback', { preset: 'go_offer' }, 'talkback_unread'),
    talk_question: key('Talkback', 'Read the pinned question', 'READ\\nQUESTION', 'talkback', { preset: 'read_question' }, 'talkback_unread'),
    talk_camera: key('Talkback', 'Check the camera', 'CHECK\\nCAMERA', 'talkback', { preset: 'check_camera' }, 'talkback_unread'),
    queue: key('Comments', 'Queue overflow', 'QUEUE\\n$(baton:queue_overflowing)', null, {}, 'queue_overflow'),
  };
}
