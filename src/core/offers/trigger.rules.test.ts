import { describe, expect, it } from 'vitest';
import { triggerRuleSchema, type TriggerRule } from '../../shared/show/show.schema';
import { evaluateRule, median, type OfferFacts, type WindowEvent } from './trigger.rules';

const NOW = 1_000_000;
const rule = (r: Partial<TriggerRule> & Pick<TriggerRule, 'kind' | 'threshold'>): TriggerRule =>
  triggerRuleSchema.parse({ id: 'r', action: 'pause', ...r });
const ev = (type: WindowEvent['type'], secondsAgo: number, count = 1, latencySeconds: number | null = null): WindowEvent => ({
  type,
  at: NOW - secondsAgo * 1000,
  count,
  latencySeconds,
});
const facts: OfferFacts = { orders: 0, stock: null, skus: ['BNDL-GLOW-KIT'] };

describe('rollback rules', () => {
  it('payment error rate: fires at the threshold, not before minEvents, not outside the window', () => {
    const r = rule({ kind: 'payment_error_rate', threshold: 0.2, windowSeconds: 60, minEvents: 10 });
    const few = [ev('payment_error', 5, 3), ev('payment_ok', 5, 1)];
    expect(evaluateRule(r, few, facts, NOW).breached).toBe(false); // 75% but only 4 payments
    const enough = [ev('payment_error', 5, 2), ev('payment_ok', 5, 8)];
    const v = evaluateRule(r, enough, facts, NOW);
    expect(v.breached).toBe(true);
    expect(v.evidence).toBe('2 failed of 10 payments (20%) in the last 60 s; limit 20% over at least 10 payments');
    expect(evaluateRule(r, [ev('payment_error', 5, 1), ev('payment_ok', 5, 9)], facts, NOW).breached).toBe(false);
    const old = [ev('payment_error', 61, 5), ev('payment_ok', 5, 10)];
    expect(evaluateRule(r, old, facts, NOW).breached).toBe(false);
  });

  it('store 5xx and chargebacks count within the window', () => {
    const r5 = rule({ kind: 'store_5xx', threshold: 3, windowSeconds: 30 });
    expect(evaluateRule(r5, [ev('store_5xx', 1), ev('store_5xx', 2)], facts, NOW).breached).toBe(false);
    expect(evaluateRule(r5, [ev('store_5xx', 1), ev('store_5xx', 2), ev('store_5xx', 29)], facts, NOW).breached).toBe(true);
    const cb = rule({ kind: 'chargeback_surge', threshold: 2, windowSeconds: 600 });
    const v = evaluateRule(cb, [ev('chargeback', 100), ev('chargeback', 500)], facts, NOW);
    expect(v).toEqual({ breached: true, evidence: '2 chargebacks in the last 600 s; limit 2' });
  });

  it('stock below names the SKU that is short', () => {
    const r = rule({ kind: 'stock_below', threshold: 5 });
    expect(evaluateRule(r, [], facts, NOW).breached).toBe(false); // unknown stock never fires
    expect(evaluateRule(r, [], { ...facts, stock: { 'BNDL-GLOW-KIT': 5 } }, NOW).breached).toBe(false);
    const v = evaluateRule(r, [], { ...facts, stock: { 'BNDL-GLOW-KIT': 4, OTHER: 0 } }, NOW);
    expect(v).toEqual({ breached: true, evidence: 'BNDL-GLOW-KIT: 4 left; oversell guard below 5' });
  });

  it('order cap and fulfilment latency', () => {
    const cap = rule({ kind: 'order_cap_reached', threshold: 200 });
    expect(evaluateRule(cap, [], { ...facts, orders: 199 }, NOW).breached).toBe(false);
    expect(evaluateRule(cap, [], { ...facts, orders: 200 }, NOW).breached).toBe(true);
    const sla = rule({ kind: 'fulfilment_latency', threshold: 3600, windowSeconds: 7200, minEvents: 3 });
    const slow = [ev('fulfilled', 10, 1, 4000), ev('fulfilled', 10, 1, 3700), ev('fulfilled', 10, 1, 100)];
    const v = evaluateRule(sla, slow, facts, NOW);
    expect(v.breached).toBe(true);
    expect(v.evidence).toContain('median time to fulfil 61.7 min over 3 orders');
    expect(evaluateRule(sla, slow.slice(0, 2), facts, NOW).breached).toBe(false);
  });

  it('median', () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
