// A time-boxed offer window as a pure state machine: open (resume first when the offer is not live),
// count down, surface the script's "ends in …" CTA at its marks, end on time, on the cap or on the
// producer's cut by asking for a pause, and stay `ending` until the store confirms it. No timers here.
import type { OfferPhase, OfferWindowView, WindowChange, WindowEndReason } from '../../shared/contract/index';

/** An approved urgency cue and the mark (seconds before the end) it belongs to. */
export interface UrgencyCue {
  cueId: string;
  text: string;
  markSeconds: number;
}

/** What the offers slice says about the window's offer. */
export interface OfferFacts {
  state: OfferPhase;
  intent: 'live' | 'paused';
  capReached: boolean;
  storeReachable: boolean | null;
}

export type WindowEffect =
  | { type: 'resume' }
  | { type: 'pause'; reason: string }
  | { type: 'audit'; command: string; args: Record<string, unknown> }
  /** Call `tick` again at this station time (the next mark or the end). */
  | { type: 'wake'; at: number };

export interface WindowMachine {
  view: OfferWindowView;
  urgency: UrgencyCue[];
  capCta: { cueId: string | null; text: string } | null;
}

export type WindowInput =
  | { type: 'tick'; now: number }
  | { type: 'offer'; now: number; facts: OfferFacts }
  | { type: 'adjust'; now: number; action: WindowChange['action']; minutes: number; by: string; reason: string };

export interface Step {
  machine: WindowMachine;
  effects: WindowEffect[];
}

/** Marks when a cue names none ("ending soon!"): one minute before the end. */
export const DEFAULT_MARK_SECONDS = 60;
const MARK_PATTERN = /(\d{1,4})\s*(minutes?|mins?|m\b|seconds?|secs?|s\b)/i;

/** The mark an urgency cue's words name ("ends in 5 minutes" → 300), or the default. */
export function markOf(text: string): number {
  const m = MARK_PATTERN.exec(text);
  if (!m) return DEFAULT_MARK_SECONDS;
  const n = Number(m[1]);
  return /^m/i.test(m[2] ?? '') ? n * 60 : n;
}

export function openWindow(input: {
  offerId: string;
  offerName: string;
  now: number;
  endsAt: number;
  by: string;
  facts: OfferFacts;
  urgency: UrgencyCue[];
  capCta: WindowMachine['capCta'];
}): Step {
  const leftSeconds = (input.endsAt - input.now) / 1000;
  const live = input.facts.state === 'live' && input.facts.intent === 'live';
  const view: OfferWindowView = {
    offerId: input.offerId,
    offerName: input.offerName,
    openedAt: input.now,
    openedBy: input.by,
    endsAt: input.endsAt,
    phase: live ? 'open' : 'opening',
    endReason: null,
    endedAt: null,
    problem: null,
    cta: null,
    marks: marksWithin(input.urgency, leftSeconds),
    changes: [],
  };
  const machine: WindowMachine = { view, urgency: input.urgency, capCta: input.capCta };
  const effects: WindowEffect[] = live ? [] : [{ type: 'resume' }];
  // A window opened on an offer whose cap is already reached ends at once, with the cap's CTA.
  if (input.facts.capReached) return withEffects(end(machine, input.now, 'cap'), effects);
  const first = surface(machine, input.now);
  return withEffects({ machine: first, effects: [wake(first)] }, effects);
}

export function stepWindow(m: WindowMachine, input: WindowInput): Step {
  const v = m.view;
  if (v.phase === 'ended') return { machine: m, effects: [] };
  switch (input.type) {
    case 'tick': {
      if (v.phase === 'ending') return { machine: m, effects: [] };
      if (input.now >= v.endsAt) return end(m, input.now, 'time');
      const next = surface(m, input.now);
      return { machine: next, effects: [wake(next)] };
    }
    case 'offer': {
      const f = input.facts;
      if (v.phase === 'ending') {
        if (f.state === 'paused') {
          const view = { ...v, phase: 'ended' as const, endedAt: input.now, problem: null };
          return {
            machine: { ...m, view },
            effects: [{ type: 'audit', command: 'offer.windowEnded', args: { offerId: v.offerId, reason: v.endReason, confirmedAt: input.now, endsAt: v.endsAt } }],
          };
        }
        return { machine: withProblem(m, storeTrouble(f) ? 'ending — store unreachable' : null), effects: [] };
      }
      if (f.capReached) return end(m, input.now, 'cap');
      if (v.phase === 'opening' && f.state === 'live') return { machine: withProblem({ ...m, view: { ...v, phase: 'open' } }, null), effects: [] };
      if (v.phase === 'opening') return { machine: withProblem(m, storeTrouble(f) ? 'opening — store unreachable' : null), effects: [] };
      return { machine: m, effects: [] };
    }
    case 'adjust': {
      if (v.phase === 'ending') return { machine: m, effects: [] };
      const change: WindowChange = { at: input.now, by: input.by, action: input.action, minutes: input.action === 'end' ? 0 : input.minutes, reason: input.reason };
      const changed: WindowMachine = { ...m, view: { ...v, changes: [...v.changes, change] } };
      if (input.action === 'end') return end(changed, input.now, 'cut');
      const delta = input.minutes * 60_000 * (input.action === 'extend' ? 1 : -1);
      const endsAt = Math.max(input.now, v.endsAt + delta);
      const leftSeconds = (endsAt - input.now) / 1000;
      // Extending brings back the marks that are again ahead; cutting keeps the ones not yet read.
      const marks = input.action === 'extend' ? marksWithin(m.urgency, leftSeconds) : v.marks;
      const moved: WindowMachine = { ...changed, view: { ...changed.view, endsAt, marks } };
      if (input.now >= endsAt) return end(moved, input.now, 'cut');
      const next = surface(moved, input.now);
      return { machine: next, effects: [wake(next)] };
    }
  }
}

/** Seconds left (negative past the end); what every countdown shows. */
export function windowLeftMs(v: OfferWindowView, now: number): number {
  return v.endsAt - now;
}

function end(m: WindowMachine, now: number, reason: WindowEndReason): Step {
  const v = m.view;
  const cta = reason === 'cap' && m.capCta ? { text: m.capCta.text, cueId: m.capCta.cueId, markSeconds: null, since: now } : v.cta;
  const view: OfferWindowView = { ...v, phase: 'ending', endReason: reason, endsAt: Math.min(v.endsAt, Math.max(now, v.openedAt)), marks: [], cta };
  const words = reason === 'time' ? 'its time ran out' : reason === 'cap' ? 'the cap was reached first' : 'the producer ended it';
  return {
    machine: { ...m, view },
    effects: [
      { type: 'audit', command: 'offer.windowEnding', args: { offerId: v.offerId, reason, at: now, plannedEnd: v.endsAt } },
      { type: 'pause', reason: `Offer window ended: ${words}` },
    ],
  };
}

/** Surfaces the most recent mark already reached; earlier reached marks are dropped unread. */
function surface(m: WindowMachine, now: number): WindowMachine {
  const leftSeconds = (m.view.endsAt - now) / 1000;
  const reached = m.view.marks.filter((s) => s >= leftSeconds);
  if (reached.length === 0) return m;
  const mark = Math.min(...reached);
  const cue = m.urgency.find((u) => u.markSeconds === mark);
  const marks = m.view.marks.filter((s) => s < leftSeconds);
  return { ...m, view: { ...m.view, marks, cta: cue ? { text: cue.text, cueId: cue.cueId, markSeconds: mark, since: now } : m.view.cta } };
}

function wake(m: WindowMachine): WindowEffect {
  const next = m.view.marks.length ? Math.max(...m.view.marks) : null;
  const at = next === null ? m.view.endsAt : Math.min(m.view.endsAt, m.view.endsAt - next * 1000);
  return { type: 'wake', at };
}

function marksWithin(urgency: readonly UrgencyCue[], leftSeconds: number): number[] {
  return [...new Set(urgency.map((u) => u.markSeconds).filter((s) => s <= leftSeconds))].sort((a, b) => b - a);
}

function withProblem(m: WindowMachine, problem: string | null): WindowMachine {
  return m.view.problem === problem ? m : { ...m, view: { ...m.view, problem } };
}

function storeTrouble(f: OfferFacts): boolean {
  return f.state === 'error' || f.storeReachable === false;
}

function withEffects(step: Step, first: WindowEffect[]): Step {
  return { machine: step.machine, effects: [...first, ...step.effects] };
}
