import { describe, expect, it } from 'vitest';
import { T0, freshState, offerView } from '../../../test/support/state-fixtures';
import type { OfferView, StationState } from '../../shared/contract/index';
import { FALLBACK_PAUSED_TEXT, approvedPrice, formatPrice, offerText, overlayContent, plain } from './overlay.content';

function state(offer: Partial<OfferView>, shown: Partial<StationState['overlays']['shown']> = { offer: true }): StationState {
  const s = freshState();
  s.offers = { items: [offerView({ id: 'kit', name: 'Glow <b>Kit</b>', skus: ['K'], storeLabel: 's', ...offer })], firings: [] };
  s.scripts = {
    ...s.scripts,
    deck: {
      versionId: 'v1',
      content: {
        title: 't',
        segments: [
          {
            id: 'deal',
            title: 'The deal',
            plannedSeconds: 60,
            offerId: 'kit',
            cues: [{ id: 'deal.1', kind: 'pause', text: 'The deal is paused — back in a moment' }],
          },
        ],
      },
    },
  };
  s.overlays = { ...s.overlays, shown: { ...s.overlays.shown, ...shown } };
  return s;
}

describe('overlay content', () => {
  it('shows the show’s offer as text: name, approved price, code, bonus and cap', () => {
    const c = overlayContent(state({}));
    expect(c.offer).toMatchObject({
      name: 'Glow <b>Kit</b>',
      price: '$39.00',
      code: 'LIVEGLOW',
      bonus: 'free pouch',
      cap: 'first 200 orders',
      paused: false,
      pausedText: null,
    });
    expect(offerText(c)).toBe('Glow <b>Kit</b> — $39.00\nCode LIVEGLOW\nfree pouch: first 200 orders');
  });

  it('keeps the price while the pause is only pending, and switches to the approved pause text once confirmed', () => {
    for (const pending of ['pausing', 'error', 'resuming'] as const) {
      const c = overlayContent(state({ state: pending, intent: 'paused', pending: true }));
      expect(c.offer?.paused).toBe(false);
      expect(offerText(c)).toContain('$39.00');
    }
    const paused = overlayContent(state({ state: 'paused', intent: 'paused' }));
    expect(paused.offer).toMatchObject({ paused: true, pausedText: 'The deal is paused — back in a moment' });
    expect(offerText(paused)).toBe('The deal is paused — back in a moment');
  });

  it('falls back to the show’s paused line when the script has no pause announcement', () => {
    const s = state({ state: 'paused' });
    s.scripts = { ...s.scripts, deck: null };
    expect(offerText(overlayContent(s))).toBe(FALLBACK_PAUSED_TEXT);
  });

  it('shows nothing that is hidden, and only the question the producer put on air', () => {
    const s = state({}, { offer: false, question: true });
    expect(overlayContent(s)).toEqual({ offer: null, countdown: null, question: null, lowerThird: null });
    s.overlays = { ...s.overlays, question: { author: 'ana', text: 'Is it vegan?' } };
    expect(overlayContent(s).question).toEqual({ author: 'ana', text: 'Is it vegan?' });
  });

  it('counts down to the segment’s planned end', () => {
    const s = state({}, { countdown: true });
    s.cues = {
      ...s.cues,
      segmentStartedAt: T0,
      segmentPlannedSeconds: 90,
      current: { id: 'deal.1', kind: 'cta', text: 'x', segmentId: 'deal', segmentTitle: 'The deal' },
    };
    expect(overlayContent(s).countdown).toEqual({ label: 'The deal', kind: 'segment', endsAt: T0 + 90_000 });
  });

  it('folds text to one bounded line and formats prices', () => {
    expect(plain('a\u0000b\n\n c', 10)).toBe('a b c');
    expect(plain('x'.repeat(20), 5)).toBe('xxxx…');
    // The cut lands on a code point: half an emoji is a � on the stream.
    expect(plain('xxx😀yy', 5)).toBe('xxx…');
    expect(plain('xxx😀yy', 5).isWellFormed()).toBe(true);
    expect(formatPrice({ amount: 14, currency: 'EUR' })).toBe('€14.00');
  });

  it('counts down to an open offer window’s end rather than the segment’s', () => {
    const s = state({}, { countdown: true });
    s.cues = { ...s.cues, segmentStartedAt: T0, segmentPlannedSeconds: 90, current: { id: 'deal.1', kind: 'cta', text: 'x', segmentId: 'deal', segmentTitle: 'The deal' } };
    const w = { offerId: 'kit', offerName: 'Glow Kit', openedAt: T0, openedBy: 'Ana', endsAt: T0 + 60_000, phase: 'open' as const, endReason: null, endedAt: null, problem: null, cta: null, marks: [], changes: [] };
    s.onair = { ...s.onair, windows: [w] };
    expect(overlayContent(s).countdown).toEqual({ label: 'Glow Kit ends in', kind: 'window', endsAt: T0 + 60_000 });
  });

  it('once the window is over, says the offer ended, and shows no time for the segment it ended in', () => {
    const s = state({}, { countdown: true });
    s.cues = { ...s.cues, segmentStartedAt: T0, segmentPlannedSeconds: 600, current: { id: 'deal.1', kind: 'cta', text: 'x', segmentId: 'deal', segmentTitle: 'Glow Kit offer' } };
    const w = { offerId: 'kit', offerName: 'Glow Kit', openedAt: T0, openedBy: 'Ana', endsAt: T0 + 60_000, phase: 'open' as const, endReason: null, endedAt: null, problem: null, cta: null, marks: [], changes: [] };
    // The time is up; the store has not confirmed the pause yet (ending), then it has (ended).
    for (const phase of ['ending', 'ended'] as const) {
      s.onair = { ...s.onair, windows: [{ ...w, phase, endReason: 'time', endedAt: phase === 'ended' ? T0 + 60_400 : null }] };
      expect(overlayContent(s).countdown, phase).toEqual({ label: 'Glow Kit', kind: 'ended', endsAt: T0 + 60_000, then: null });
    }
    // The host moves on: the next segment, begun after the window ended, counts down once "Ended" was held.
    s.cues = { ...s.cues, segmentStartedAt: T0 + 65_000, segmentPlannedSeconds: 300, current: { id: 'qa.1', kind: 'cta', text: 'x', segmentId: 'qa', segmentTitle: 'Q&A' } };
    expect(overlayContent(s).countdown).toEqual({ label: 'Glow Kit', kind: 'ended', endsAt: T0 + 60_000, then: { label: 'Q&A', endsAt: T0 + 365_000 } });
    // The last window to end is the one told; an open window wins over any that ended.
    const other = { ...w, offerId: 'lip', offerName: 'Lip Tint', openedAt: T0 + 1000, endsAt: T0 + 50_000, phase: 'ended' as const };
    s.onair = { ...s.onair, windows: [other, { ...w, phase: 'ended' }] };
    expect(overlayContent(s).countdown?.label).toBe('Glow Kit');
    s.onair = { ...s.onair, windows: [{ ...other, phase: 'open', endsAt: T0 + 400_000 }, { ...w, phase: 'ended' }] };
    expect(overlayContent(s).countdown).toMatchObject({ label: 'Lip Tint ends in', kind: 'window' });
  });

  it('after a window with no show clock running, says the offer ended, then nothing', () => {
    const s = state({}, { countdown: true });
    const w = { offerId: 'kit', offerName: 'Glow Kit', openedAt: T0, openedBy: 'Ana', endsAt: T0 + 60_000, phase: 'ended' as const, endReason: 'cut' as const, endedAt: T0 + 60_000, problem: null, cta: null, marks: [], changes: [] };
    s.onair = { ...s.onair, windows: [w] };
    expect(overlayContent(s).countdown).toEqual({ label: 'Glow Kit', kind: 'ended', endsAt: T0 + 60_000, then: null });
    s.overlays = { ...s.overlays, shown: { ...s.overlays.shown, countdown: false } };
    expect(overlayContent(s).countdown).toBeNull();
  });

  it('keeps the approved price when the show’s price changed after approval', () => {
    const s = state({ price: { amount: 45, currency: 'USD' } });
    const deck = s.scripts.deck;
    if (!deck) throw new Error('deck');
    s.scripts = {
      ...s.scripts,
      deck: {
        ...deck,
        content: {
          ...deck.content,
          segments: [{ id: 'deal', title: 'The deal', plannedSeconds: 60, offerId: 'kit', cues: [
            { id: 'deal.1', kind: 'cta', text: 'Only $39 instead of $59 with LIVEGLOW' },
            { id: 'deal.2', kind: 'urgency', text: '$39 ends soon' },
          ] }],
        },
      },
    };
    expect(overlayContent(s).offer?.price).toBe('$39.00');
    expect(approvedPrice(s.scripts.deck!.content, 'kit', 39)).toBeNull();
    expect(approvedPrice(s.scripts.deck!.content, 'kit', 45)).toEqual({ amount: 39 });
  });

  it('shows stock left only when the producer turned it on (a bundle: its scarcest part)', () => {
    const s = state({ skus: ['K', 'P'], stock: { K: 12, P: 7 } });
    expect(overlayContent(s).offer?.stockLeft).toBeNull();
    s.overlays = { ...s.overlays, stock: true };
    expect(overlayContent(s).offer?.stockLeft).toBe('7 left');
    expect(offerText(overlayContent(s))).toContain('7 left');
  });
});
