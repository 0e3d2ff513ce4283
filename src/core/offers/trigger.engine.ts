// Fires rollback rules: after new signals, each rule of the affected offers is evaluated; a broken
// rule outside its cool-down either pauses the offer (through `offer.pause`, as
// `system:trigger:<ruleId>`, the same chain a person's click takes) or raises a one-click alarm.
// Every firing is stored with its evidence and audited.
import type { TriggerFiring } from '../../shared/contract/index';
import type { Offer, TriggerRule } from '../../shared/show/show.schema';
import type { DispatchResult } from '../dispatch/dispatcher';
import type { Caller } from '../dispatch/handler';
import type { OffersRepo } from './offers.repo';
import { evaluateRule, type OfferFacts, type WindowEvent } from './trigger.rules';

export interface TriggerTarget {
  offer: Offer;
  rules: TriggerRule[];
  window: readonly WindowEvent[];
  facts(): OfferFacts;
  /** An offer already paused (or pausing) is not paused again by a rule. */
  intent(): 'live' | 'paused';
}

export interface TriggerEngineDeps {
  showId: string;
  repo: OffersRepo;
  /** Wall clock: when a firing happened (stored, shown) and where the rule's window ends. */
  now(): number;
  /** Monotonic clock: how long since this run's last firing of a rule (its cool-down). */
  monotonic(): number;
  dispatchPause(offerId: string, reason: string, caller: Caller): Promise<DispatchResult>;
  audit(entry: { actor: string; command: string; args: unknown; outcome: string; detail: string | null }): void;
  alarm(key: string, message: string): void;
  /** The firings list changed (new firing, or an outcome came in). */
  changed(firings: TriggerFiring[]): void;
}

export interface TriggerEngine {
  evaluate(targets: readonly TriggerTarget[]): void;
  firings(): TriggerFiring[];
}

const KEEP = 50;

export function createTriggerEngine(deps: TriggerEngineDeps): TriggerEngine {
  const { repo, showId } = deps;
  let firings = repo.firings(showId, KEEP);
  let seq = 0;
  // A rule's last firing: its wall time (the only one a firing stored by an earlier run has), and,
  // fired in this run, its monotonic time — the cool-down is measured on that one, so a wall clock
  // stepped forward cannot end it early, nor one stepped back hold the next firing off for the step.
  const lastFired = new Map<string, { wall: number; mono: number | null } | null>();
  const sinceLast = (last: { wall: number; mono: number | null }, now: number) => (last.mono !== null ? deps.monotonic() - last.mono : now - last.wall);

  const setOutcome = (id: string, outcome: string) => {
    repo.setFiringOutcome(id, outcome);
    firings = firings.map((f) => (f.id === id ? { ...f, outcome } : f));
    deps.changed(firings);
  };

  const fire = (t: TriggerTarget, rule: TriggerRule, evidence: string, now: number) => {
    seq += 1;
    const actor = `system:trigger:${rule.id}`;
    const firing: TriggerFiring = {
      id: `${now.toString(36)}-${t.offer.id}-${rule.id}-${seq}`,
      offerId: t.offer.id,
      ruleId: rule.id,
      kind: rule.kind,
      action: rule.action,
      at: now,
      evidence,
      outcome: rule.action === 'pause' ? 'pausing' : 'alarm raised',
    };
    repo.addFiring(showId, firing);
    firings = [firing, ...firings].slice(0, KEEP);
    lastFired.set(`${t.offer.id}/${rule.id}`, { wall: now, mono: deps.monotonic() });
    deps.audit({
      actor,
      command: 'offer.trigger.fired',
      args: { offerId: t.offer.id, ruleId: rule.id, kind: rule.kind, action: rule.action, threshold: rule.threshold, windowSeconds: rule.windowSeconds },
      outcome: rule.action,
      detail: evidence,
    });
    deps.changed(firings);
    if (rule.action === 'alarm') {
      deps.alarm(
        `offers.trigger.${t.offer.id}.${rule.id}`,
        `${t.offer.name}: rule "${rule.id}" (${rule.kind.replace(/_/g, ' ')}) fired — ${evidence}. Pause the offer from the offers panel if it needs it.`,
      );
      return;
    }
    const reason = `Rule ${rule.id} (${rule.kind.replace(/_/g, ' ')}): ${evidence}`.slice(0, 300);
    // A pause nobody clicked is an alert the producer reads (and acknowledges), with how it ended.
    const settled = (outcome: string) => {
      setOutcome(firing.id, outcome);
      deps.alarm(
        `offers.trigger.${t.offer.id}.${rule.id}`,
        `${t.offer.name}: pause by rule "${rule.id}" (${rule.kind.replace(/_/g, ' ')}) — ${outcome}. ${evidence}. Resume from the offers panel once it is safe.`,
      );
    };
    deps
      .dispatchPause(t.offer.id, reason, { actor, role: 'producer', via: 'system' })
      .then((r) => settled(r.ok ? 'paused (store confirmed)' : `pause not confirmed: ${r.error.message}`.slice(0, 300)))
      .catch((e: unknown) => settled(`pause failed: ${String(e)}`.slice(0, 300)));
  };

  return {
    firings: () => firings,
    evaluate(targets) {
      const now = deps.now();
      for (const t of targets) {
        for (const rule of t.rules) {
          const key = `${t.offer.id}/${rule.id}`;
          if (!lastFired.has(key)) {
            const stored = repo.lastFiringAt(showId, t.offer.id, rule.id);
            lastFired.set(key, stored === null ? null : { wall: stored, mono: null });
          }
          const last = lastFired.get(key) ?? null;
          if (last !== null && sinceLast(last, now) < rule.cooldownSeconds * 1000) continue;
          if (rule.action === 'pause' && t.intent() === 'paused') continue;
          const verdict = evaluateRule(rule, t.window, t.facts(), now);
          if (verdict.breached) fire(t, rule, verdict.evidence, now);
        }
      }
    },
  };
}
