import { describe, expect, it } from 'vitest';
import { markOf, openWindow, stepWindow, type OfferFacts, type UrgencyCue, type WindowMachine } from './offer-window.machine';

const LIVE: OfferFacts = { state: 'live', intent: 'live', capReached: false, storeReachable: true };
const PAUSED: OfferFacts = { state: 'paused', intent: 'paused', capReached: false, storeReachable: true };
const URGENCY: UrgencyCue[] = [
  { cueId: 'offer.3', text: 'Ends in 5 minutes — code GLOW', markSeconds: 300 },
  { cueId: 'offer.4', text: 'Last minute! Code GLOW', markSeconds: 60 },
];
const T0 = 1_000_000;
const open = (facts: OfferFacts, minutes = 10, urgency = URGENCY) =>
  openWindow({ offerId: 'glow', offerName: 'Glow Kit', now: T0, endsAt: T0 + minutes * 60_000, by: 'Ana', facts, urgency, capCta: { cueId: 'offer.9', text: 'Bonus gone — still $39' } });

describe('offer window machine', () => {
  it('reads the mark from the cue’s words, one minute when it names none', () => {
    expect(markOf('Ends in 10 minutes!')).toBe(600);
    expect(markOf('only 30 seconds left')).toBe(30);
    expect(markOf('Ending soon')).toBe(60);
  });

  it('resumes a paused offer at the start and is open only once the store confirms live', () => {
    const s = open(PAUSED);
    expect(s.effects[0]).toEqual({ type: 'resume' });
    expect(s.machine.view.phase).toBe('opening');
    const err = stepWindow(s.machine, { type: 'offer', now: T0 + 500, facts: { ...PAUSED, state: 'error', intent: 'live', storeReachable: false } });
    expect(err.machine.view.problem).toBe('opening — store unreachable');
    const live = stepWindow(err.machine, { type: 'offer', now: T0 + 900, facts: LIVE });
    expect(live.machine.view.phase).toBe('open');
    expect(live.machine.view.problem).toBeNull();
  });

  it('does not resume an offer that is already live, and wakes at the first mark', () => {
    const s = open(LIVE);
    expect(s.effects).toEqual([{ type: 'wake', at: T0 + 5 * 60_000 }]);
    expect(s.machine.view.phase).toBe('open');
    expect(s.machine.view.marks).toEqual([300, 60]);
  });

  it('surfaces each approved CTA at its mark, then asks for the pause at the end', () => {
    let m: WindowMachine = open(LIVE).machine;
    m = stepWindow(m, { type: 'tick', now: T0 + 4 * 60_000 }).machine;
    expect(m.view.cta).toBeNull();
    const at5 = stepWindow(m, { type: 'tick', now: T0 + 5 * 60_000 });
    expect(at5.machine.view.cta?.cueId).toBe('offer.3');
    expect(at5.effects).toEqual([{ type: 'wake', at: T0 + 9 * 60_000 }]);
    const at9 = stepWindow(at5.machine, { type: 'tick', now: T0 + 9 * 60_000 + 10 });
    expect(at9.machine.view.cta?.cueId).toBe('offer.4');
    expect(at9.effects).toEqual([{ type: 'wake', at: T0 + 10 * 60_000 }]);
    const before = stepWindow(at9.machine, { type: 'tick', now: T0 + 10 * 60_000 - 1 });
    expect(before.machine.view.phase).toBe('open');
    const end = stepWindow(before.machine, { type: 'tick', now: T0 + 10 * 60_000 });
    expect(end.machine.view.phase).toBe('ending');
    expect(end.machine.view.endReason).toBe('time');
    expect(end.effects.map((e) => e.type)).toEqual(['audit', 'pause']);
  });

  it('is ended only when the store confirms the pause; an unreachable store is said while it waits', () => {
    const ending = stepWindow(open(LIVE, 1).machine, { type: 'tick', now: T0 + 60_000 }).machine;
    const down = stepWindow(ending, { type: 'offer', now: T0 + 61_000, facts: { state: 'error', intent: 'paused', capReached: false, storeReachable: false } });
    expect(down.machine.view.phase).toBe('ending');
    expect(down.machine.view.problem).toBe('ending — store unreachable');
    const pausing = stepWindow(down.machine, { type: 'offer', now: T0 + 62_000, facts: { state: 'pausing', intent: 'paused', capReached: false, storeReachable: true } });
    expect(pausing.machine.view.phase).toBe('ending');
    const done = stepWindow(pausing.machine, { type: 'offer', now: T0 + 70_000, facts: PAUSED });
    expect(done.machine.view.phase).toBe('ended');
    expect(done.machine.view.endedAt).toBe(T0 + 70_000);
    expect(done.machine.view.problem).toBeNull();
    expect(done.effects[0]).toMatchObject({ type: 'audit', command: 'offer.windowEnded' });
    // Ended is final: a late tick asks for nothing.
    expect(stepWindow(done.machine, { type: 'tick', now: T0 + 99_000 }).effects).toEqual([]);
  });

  it('ends early with the cap’s approved CTA when the cap is reached first', () => {
    const s = stepWindow(open(LIVE).machine, { type: 'offer', now: T0 + 30_000, facts: { ...LIVE, capReached: true } });
    expect(s.machine.view.phase).toBe('ending');
    expect(s.machine.view.endReason).toBe('cap');
    expect(s.machine.view.cta?.text).toBe('Bonus gone — still $39');
    expect(s.effects.some((e) => e.type === 'pause')).toBe(true);
  });

  it('extends and cuts with a reason on record; cutting past now ends it', () => {
    const m = open(LIVE).machine;
    const ext = stepWindow(m, { type: 'adjust', now: T0 + 1000, action: 'extend', minutes: 2, by: 'Ana', reason: 'chat is buying' });
    expect(ext.machine.view.endsAt).toBe(T0 + 12 * 60_000);
    expect(ext.machine.view.changes[0]).toMatchObject({ action: 'extend', minutes: 2, reason: 'chat is buying' });
    const cut = stepWindow(ext.machine, { type: 'adjust', now: T0 + 2000, action: 'cut', minutes: 20, by: 'Ana', reason: 'stock' });
    expect(cut.machine.view.phase).toBe('ending');
    expect(cut.machine.view.endReason).toBe('cut');
    const end = stepWindow(m, { type: 'adjust', now: T0 + 3000, action: 'end', minutes: 0, by: 'Ana', reason: 'legal' });
    expect(end.machine.view.phase).toBe('ending');
    expect(end.effects.some((e) => e.type === 'pause')).toBe(true);
  });
});
