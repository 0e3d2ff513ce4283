// What a Baton key does: each action is one station command over the device feed. A refused or
// failed command throws with the station's reason, so Companion logs it against the key.
import type { CompanionActionDefinitions } from '@companion-module/base';
import type { StationLink } from './station-link';
import { pickOffer } from './feedbacks';

/** The producer's usual reasons; "custom" uses the key's own words. */
export const PAUSE_REASONS = [
  { id: 'stock', label: 'Stock problem' },
  { id: 'price', label: 'Wrong price on screen' },
  { id: 'checkout', label: 'Checkout failing' },
  { id: 'legal', label: 'Compliance hold' },
  { id: 'custom', label: 'Custom…' },
] as const;

export function pauseReason(preset: unknown, custom: unknown): string {
  if (preset === 'custom') {
    const own = typeof custom === 'string' ? custom.trim() : '';
    if (!own) throw new Error('Give the pause a reason (the custom text is empty).');
    return own.slice(0, 300);
  }
  const found = PAUSE_REASONS.find((r) => r.id === preset);
  return `${(found ?? PAUSE_REASONS[0]).label} (Stream Deck)`;
}

/** The station's talkback presets (the contract's ids), as a key can pick them. */
export const TALKBACK_PRESETS = [
  { id: 'wrap_30s', label: 'Wrap up — 30 s' },
  { id: 'stretch_1m', label: 'Stretch — 1 min' },
  { id: 'go_offer', label: 'Go to the offer' },
  { id: 'read_question', label: 'Read the pinned question' },
  { id: 'check_camera', label: 'Check the camera' },
] as const;

/** Minutes from a key's option: a positive number up to a day, else the key's error. */
export function windowMinutes(value: unknown): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : NaN;
  if (!Number.isFinite(n) || n <= 0 || n > 24 * 60) throw new Error('Give the window a length in minutes (more than 0, at most 1440).');
  return n;
}

export function actionDefinitions(link: StationLink): CompanionActionDefinitions {
  const offerOf = (option: unknown) => {
    const id = pickOffer(link.values(), option);
    if (!id) throw new Error('The show has no offer.');
    return id;
  };
  return {
    cue_next: { name: 'Next cue', options: [], callback: () => link.command('cue.next', {}) },
    cue_prev: { name: 'Previous cue', options: [], callback: () => link.command('cue.prev', {}) },
    cue_go: { name: 'Go (fire the armed cue)', options: [], callback: () => link.command('cue.go', {}) },
    scene_cut: {
      name: 'Scene cut',
      options: [{ type: 'textinput', id: 'scene', label: 'OBS scene', default: '' }],
      callback: (a) => {
        const scene = typeof a.options.scene === 'string' ? a.options.scene.trim() : '';
        if (!scene) throw new Error('Name the scene to cut to.');
        return link.command('obs.switchScene', { scene });
      },
    },
    take: { name: 'Take (studio mode: preview to program)', options: [], callback: () => link.command('obs.take', {}) },
    offer_pause: {
      name: 'Pause offer',
      options: [
        { type: 'textinput', id: 'offerId', label: 'Offer id (empty: the show’s first offer)', default: '' },
        { type: 'dropdown', id: 'reason', label: 'Reason', default: 'stock', choices: PAUSE_REASONS.map((r) => ({ id: r.id, label: r.label })) },
        { type: 'textinput', id: 'custom', label: 'Custom reason', default: '', isVisible: (o) => o.reason === 'custom' },
      ],
      callback: (a) => link.command('offer.pause', { offerId: offerOf(a.options.offerId), reason: pauseReason(a.options.reason, a.options.custom) }),
    },
    offer_resume: {
      name: 'Resume offer',
      options: [{ type: 'textinput', id: 'offerId', label: 'Offer id (empty: the show’s first offer)', default: '' }],
      callback: (a) => link.command('offer.resume', { offerId: offerOf(a.options.offerId) }),
    },
    window_open: {
      name: 'Open a time-boxed offer window',
      options: [
        { type: 'textinput', id: 'offerId', label: 'Offer id (empty: the show’s first offer)', default: '' },
        { type: 'number', id: 'minutes', label: 'Minutes', default: 10, min: 0.5, max: 1440 },
      ],
      callback: (a) => link.command('offer.window', { offerId: offerOf(a.options.offerId), minutes: windowMinutes(a.options.minutes) }),
    },
    window_close: {
      name: 'Close the offer window now (pauses the offer, confirmed)',
      options: [
        { type: 'textinput', id: 'offerId', label: 'Offer id (empty: the show’s first offer)', default: '' },
        { type: 'dropdown', id: 'reason', label: 'Reason', default: 'stock', choices: PAUSE_REASONS.map((r) => ({ id: r.id, label: r.label })) },
        { type: 'textinput', id: 'custom', label: 'Custom reason', default: '', isVisible: (o) => o.reason === 'custom' },
      ],
      callback: (a) => link.command('offer.windowAdjust', { offerId: offerOf(a.options.offerId), action: 'end', reason: pauseReason(a.options.reason, a.options.custom) }),
    },
    talkback: {
      name: 'Talkback to the host (preset)',
      options: [{ type: 'dropdown', id: 'preset', label: 'Message', default: 'wrap_30s', choices: TALKBACK_PRESETS.map((p) => ({ id: p.id, label: p.label })) }],
      callback: (a) => {
        const preset = TALKBACK_PRESETS.find((p) => p.id === a.options.preset);
        if (!preset) throw new Error('Pick a talkback message.');
        return link.command('talkback.send', { preset: preset.id });
      },
    },
  };
}
