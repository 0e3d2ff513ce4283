import { describe, expect, it } from 'vitest';
import type { OfferView, TriggerFiring } from '../../../../shared/contract/index';
import { capProgress, mainAction, openAlarms, phaseLabel, phaseLevel, reasonOrDefault, retryText, storeLine, DEFAULT_REASON } from './offers.logic';
import { fromDrafts, newDraft, toDraft } from './rules.logic';

const base = { state: 'live', intent: 'live', pending: false } as const;

describe('offer card logic', () => {
  it('says PAUSED only for a confirmed pause, and names an unconfirmed one', () => {
    expect(phaseLabel({ state: 'paused', intent: 'paused' })).toBe('PAUSED');
    expect(phaseLabel({ state: 'pausing', intent: 'paused' })).toBe('PAUSING…');
    expect(phaseLabel({ state: 'error', intent: 'paused' })).toBe('PAUSE NOT CONFIRMED');
    expect(phaseLabel({ state: 'unknown', intent: 'live' })).toBe('CHECKING STORE');
    expect(phaseLevel('live')).toBe('green');
    expect(phaseLevel('pausing')).toBe('amber');
    expect(phaseLevel('paused')).toBe('red');
    expect(phaseLevel('unknown')).toBe('unknown');
  });

  it('offers pause when live or unsure, a confirmed resume when paused, a retry on error', () => {
    expect(mainAction(base).kind).toBe('pause');
    expect(mainAction({ ...base, state: 'unknown' }).kind).toBe('pause');
    expect(mainAction({ state: 'error', intent: 'live', pending: false }).kind).toBe('pause'); // half-applied store state
    expect(mainAction({ state: 'paused', intent: 'paused', pending: false })).toMatchObject({ kind: 'resume', confirm: 'Confirm resume' });
    expect(mainAction({ state: 'pausing', intent: 'paused', pending: true }).kind).toBe('wait');
    expect(mainAction({ state: 'error', intent: 'paused', pending: true })).toEqual({ kind: 'retry', target: 'paused', label: 'Retry pause' });
    expect(mainAction({ state: 'error', intent: 'live', pending: true })).toMatchObject({ kind: 'retry', target: 'live' });
  });

  it('uses a default reason so one click is enough', () => {
    expect(reasonOrDefault('  ')).toBe(DEFAULT_REASON);
    expect(reasonOrDefault(' Wrong price ')).toBe('Wrong price');
    expect(reasonOrDefault('x'.repeat(400))).toHaveLength(300);
  });

  it('shows the cap and the bonus removal', () => {
    expect(capProgress({ orders: 5, cap: null })).toBeNull();
    const cap = { orders: 200, bonus: 'free pouch', reached: false, reachedAt: null, bonusRemoval: null };
    expect(capProgress({ orders: 50, cap })).toEqual({ text: '50 / 200 orders get free pouch', ratio: 0.25, level: 'green' });
    expect(capProgress({ orders: 190, cap })?.level).toBe('amber');
    expect(capProgress({ orders: 201, cap: { ...cap, reached: true, reachedAt: 1, bonusRemoval: 'manual' } })).toMatchObject({ level: 'red', ratio: 1 });
    expect(capProgress({ orders: 201, cap: { ...cap, reached: true, reachedAt: 1, bonusRemoval: 'removed' } })?.text).toContain('bonus ended in the store');
  });

  it('counts down to the next retry and ages the read-back', () => {
    expect(retryText({ attempts: 0, nextRetryAt: null, pending: true }, 0)).toBeNull();
    expect(retryText({ attempts: 4, nextRetryAt: 5400, pending: true }, 1000)).toBe('attempt 4, next try in 5 s');
    expect(storeLine({ storeLabel: 'Vendure x', storeReachable: false, lastReadAt: 1 }, 2)).toEqual({ text: 'Vendure x — NOT REACHABLE', level: 'red' });
    expect(storeLine({ storeLabel: 'Vendure x', storeReachable: true, lastReadAt: 1000 }, 4000).text).toBe('Vendure x — read back 3 s ago');
  });

  it('keeps the one-click pause on alarms while their offer still sells', () => {
    const f = (id: string, offerId: string, action: 'pause' | 'alarm'): TriggerFiring => ({ id, offerId, ruleId: 'r', kind: 'k', action, at: 0, evidence: '', outcome: '' });
    const offers = [{ id: 'a', intent: 'live' }, { id: 'b', intent: 'paused' }] as OfferView[];
    expect([...openAlarms([f('1', 'a', 'alarm'), f('2', 'b', 'alarm'), f('3', 'a', 'pause')], offers)]).toEqual(['1']);
  });
});

describe('rules editor logic', () => {
  const rule = { id: 'pay', kind: 'payment_error_rate', threshold: 0.2, windowSeconds: 60, minEvents: 10, action: 'pause', cooldownSeconds: 120 } as const;

  it('round-trips rules through drafts', () => {
    expect(fromDrafts([toDraft(rule)])).toEqual({ ok: true, rules: [rule] });
  });

  it('names each problem and sends nothing', () => {
    const bad = { ...toDraft(rule), threshold: '20', windowSeconds: '1.5' };
    const dup = toDraft(rule);
    const r = fromDrafts([bad, dup, { ...toDraft(rule), id: 'has space' }]);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems).toEqual([
      'Rule 1 (pay): a payment error rate is a share from 0 to 1 (0.2 = 20%)',
      'Rule 1 (pay): the window must be a whole number of at least 1',
      'Rule 2 (pay): another rule has this id',
      'Rule 3 (has space): the id takes letters, digits, dot, dash or underscore',
    ]);
  });

  it('adds rules with fresh ids', () => {
    const a = newDraft([]);
    expect(a.id).toBe('rule-1');
    expect(newDraft([a, { ...a, id: 'rule-2' }]).id).toBe('rule-3');
  });
});
