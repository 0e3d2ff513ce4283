import { describe, expect, it } from 'vitest';
import type { OfferView, ScriptContent } from '../../shared/contract/index';
import { chooseOverride } from './offer.override';
import { flatten } from './cue.deck';

const content: ScriptContent = {
  title: 'T',
  segments: [
    { id: 'demo', title: 'Demo', plannedSeconds: null, offerId: 'a', cues: [{ id: 'demo.1', kind: 'demo', text: 'demo' }] },
    { id: 'cta', title: 'CTA', plannedSeconds: null, offerId: 'a', cues: [{ id: 'cta.1', kind: 'cta', text: 'buy A' }, { id: 'cta.2', kind: 'urgency', text: 'hurry' }] },
    { id: 'other', title: 'Other', plannedSeconds: null, offerId: 'b', cues: [{ id: 'other.1', kind: 'cta', text: 'buy B' }] },
    { id: 'pause', title: 'Pause', plannedSeconds: null, offerId: 'a', cues: [{ id: 'pause.1', kind: 'pause', text: 'A paused' }] },
    { id: 'pause-b', title: 'Pause B', plannedSeconds: null, offerId: 'b', cues: [{ id: 'pause-b.1', kind: 'pause', text: 'B paused' }] },
    { id: 'cap', title: 'Cap', plannedSeconds: null, offerId: 'a', cues: [{ id: 'cap.1', kind: 'post-bonus', text: 'bonus gone' }] },
  ],
};
const cues = flatten(content);
const at = (id: string) => cues.find((c) => c.id === id) ?? null;
const offer = (id: string, state: OfferView['state'], reached = false) =>
  ({ id, name: `Offer ${id}`, state, cap: { orders: 10, bonus: 'pouch', reached, reachedAt: null, bonusRemoval: null } }) as OfferView;

describe('host card override', () => {
  it('never switches while the pause is only requested or failing', () => {
    for (const s of ['pausing', 'error', 'unknown', 'resuming', 'live'] as const) {
      expect(chooseOverride(content, at('cta.1'), [offer('a', s)], new Set())).toBeNull();
    }
  });

  it('shows the paused offer’s own announcement, on any cue of its segments', () => {
    expect(chooseOverride(content, at('demo.1'), [offer('a', 'paused')], new Set())).toMatchObject({ reason: 'offer_paused', cueId: 'pause.1', text: 'A paused' });
    expect(chooseOverride(content, at('other.1'), [offer('a', 'live'), offer('b', 'paused')], new Set())).toMatchObject({ cueId: 'pause-b.1' });
  });

  it('leaves a segment of another, live offer alone', () => {
    expect(chooseOverride(content, at('other.1'), [offer('a', 'paused'), offer('b', 'live')], new Set())).toBeNull();
  });

  it('is not needed when the host is already on the announcement', () => {
    expect(chooseOverride(content, at('pause.1'), [offer('a', 'paused')], new Set())).toBeNull();
  });

  it('with no approved announcement, overrides with no text (the card shows only the banner)', () => {
    const bare: ScriptContent = { title: 'T', segments: [content.segments[1]!] };
    expect(chooseOverride(bare, flatten(bare)[0]!, [offer('a', 'paused')], new Set())).toMatchObject({ cueId: null, text: null });
  });

  it('after the cap: post-bonus CTA over CTA and urgency cues, and over anything right when it is reached', () => {
    const capped = [offer('a', 'live', true)];
    expect(chooseOverride(content, at('cta.1'), capped, new Set())).toMatchObject({ reason: 'cap_reached', cueId: 'cap.1' });
    expect(chooseOverride(content, at('cta.2'), capped, new Set())).toMatchObject({ reason: 'cap_reached' });
    expect(chooseOverride(content, at('demo.1'), capped, new Set())).toBeNull();
    expect(chooseOverride(content, at('demo.1'), capped, new Set(['a']))).toMatchObject({ reason: 'cap_reached' });
  });

  it('a confirmed pause wins over a reached cap', () => {
    expect(chooseOverride(content, at('cta.1'), [offer('a', 'paused', true)], new Set(['a']))?.reason).toBe('offer_paused');
  });
});
