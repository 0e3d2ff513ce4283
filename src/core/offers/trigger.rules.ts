// Rollback rules, evaluated: given an offer's recent signals and facts (orders, stock), does a
// rule's condition hold, and what are the numbers? The evidence sentence is what the firing
// records and what the producer reads, so it carries the figures and the rule's limit.
import type { CommerceEventType } from '../../shared/contract/index';
import type { TriggerRule } from '../../shared/show/show.schema';

export interface WindowEvent {
  /** Station receipt time (ms): windows use the station's clock, not the sender's. */
  at: number;
  type: CommerceEventType;
  count: number;
  latencySeconds: number | null;
}

export interface OfferFacts {
  orders: number;
  stock: Record<string, number> | null;
  skus: readonly string[];
}

export interface RuleVerdict {
  breached: boolean;
  evidence: string;
}

export function evaluateRule(rule: TriggerRule, events: readonly WindowEvent[], facts: OfferFacts, now: number): RuleVerdict {
  const since = now - rule.windowSeconds * 1000;
  const recent = events.filter((e) => e.at > since);
  const sum = (type: CommerceEventType) => recent.reduce((n, e) => (e.type === type ? n + e.count : n), 0);
  const w = `${rule.windowSeconds} s`;
  switch (rule.kind) {
    case 'payment_error_rate': {
      const errors = sum('payment_error');
      const total = errors + sum('payment_ok');
      const rate = total > 0 ? errors / total : 0;
      const enough = total >= Math.max(1, rule.minEvents);
      return {
        breached: enough && rate >= rule.threshold,
        evidence: `${errors} failed of ${total} payments (${pct(rate)}) in the last ${w}; limit ${pct(rule.threshold)} over at least ${rule.minEvents} payments`,
      };
    }
    case 'store_5xx': {
      const n = sum('store_5xx');
      return {
        breached: n >= Math.max(1, rule.threshold),
        evidence: `${n} store 5xx answers in the last ${w}; limit ${rule.threshold}`,
      };
    }
    case 'chargeback_surge': {
      const n = sum('chargeback');
      return {
        breached: n >= Math.max(1, rule.threshold),
        evidence: `${n} chargebacks in the last ${w}; limit ${rule.threshold}`,
      };
    }
    case 'stock_below': {
      const low = facts.skus
        .map((sku) => ({ sku, left: facts.stock?.[sku] }))
        .filter((s): s is { sku: string; left: number } => s.left !== undefined && s.left < rule.threshold);
      return {
        breached: low.length > 0,
        evidence: low.length
          ? `${low.map((s) => `${s.sku}: ${s.left} left`).join(', ')}; oversell guard below ${rule.threshold}`
          : `stock at or above ${rule.threshold}`,
      };
    }
    case 'order_cap_reached':
      return {
        breached: rule.threshold > 0 && facts.orders >= rule.threshold,
        evidence: `${facts.orders} orders; cap ${rule.threshold}`,
      };
    case 'fulfilment_latency': {
      const samples = recent.filter((e) => e.type === 'fulfilled' && e.latencySeconds !== null).map((e) => e.latencySeconds as number);
      const m = median(samples);
      const enough = samples.length >= Math.max(1, rule.minEvents);
      return {
        breached: enough && m !== null && m >= rule.threshold,
        evidence: `median time to fulfil ${m === null ? '–' : duration(m)} over ${samples.length} orders in the last ${w}; SLA ${duration(rule.threshold)} over at least ${rule.minEvents}`,
      };
    }
  }
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

function pct(x: number): string {
  return `${(x * 100).toFixed(x < 0.1 && x > 0 ? 1 : 0)}%`;
}

function duration(seconds: number): string {
  if (seconds >= 7200) return `${(seconds / 3600).toFixed(1)} h`;
  if (seconds >= 120) return `${(seconds / 60).toFixed(1)} min`;
  return `${seconds.toFixed(0)} s`;
}
