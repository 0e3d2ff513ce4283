// The rules editor's rows as text fields, and their conversion back to rules the station will
// accept. Problems are returned per row in words; nothing is sent until every row is valid.
import type { TriggerRule } from '../../../../shared/show/show.schema';

export const RULE_KINDS: readonly { kind: TriggerRule['kind']; label: string; unit: string }[] = [
  { kind: 'payment_error_rate', label: 'Payment error rate', unit: 'share 0–1' },
  { kind: 'store_5xx', label: 'Store 5xx answers', unit: 'count' },
  { kind: 'chargeback_surge', label: 'Chargebacks', unit: 'count' },
  { kind: 'stock_below', label: 'Stock below', unit: 'units' },
  { kind: 'order_cap_reached', label: 'Order cap reached', unit: 'orders' },
  { kind: 'fulfilment_latency', label: 'Fulfilment beyond SLA', unit: 'seconds' },
];

export interface RuleDraft {
  id: string;
  kind: TriggerRule['kind'];
  threshold: string;
  windowSeconds: string;
  minEvents: string;
  action: TriggerRule['action'];
  cooldownSeconds: string;
}

export function toDraft(r: TriggerRule): RuleDraft {
  return {
    id: r.id,
    kind: r.kind,
    threshold: String(r.threshold),
    windowSeconds: String(r.windowSeconds),
    minEvents: String(r.minEvents),
    action: r.action,
    cooldownSeconds: String(r.cooldownSeconds),
  };
}

export function newDraft(existing: readonly RuleDraft[]): RuleDraft {
  let n = existing.length + 1;
  while (existing.some((d) => d.id === `rule-${n}`)) n += 1;
  return { id: `rule-${n}`, kind: 'payment_error_rate', threshold: '0.2', windowSeconds: '60', minEvents: '10', action: 'alarm', cooldownSeconds: '120' };
}

export type DraftResult = { ok: true; rules: TriggerRule[] } | { ok: false; problems: string[] };

export function fromDrafts(drafts: readonly RuleDraft[]): DraftResult {
  const problems: string[] = [];
  const ids = new Set<string>();
  const rules: TriggerRule[] = [];
  drafts.forEach((d, i) => {
    const where = `Rule ${i + 1} (${d.id || 'no id'})`;
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(d.id)) problems.push(`${where}: the id takes letters, digits, dot, dash or underscore`);
    if (ids.has(d.id)) problems.push(`${where}: another rule has this id`);
    ids.add(d.id);
    const num = (label: string, text: string, integer: boolean, min: number): number => {
      const v = Number(text.trim());
      if (text.trim() === '' || !Number.isFinite(v) || v < min || (integer && !Number.isInteger(v))) {
        problems.push(`${where}: ${label} must be ${integer ? 'a whole number' : 'a number'} of at least ${min}`);
        return min;
      }
      return v;
    };
    const threshold = num('the threshold', d.threshold, false, 0);
    if (d.kind === 'payment_error_rate' && threshold > 1) problems.push(`${where}: a payment error rate is a share from 0 to 1 (0.2 = 20%)`);
    rules.push({
      id: d.id,
      kind: d.kind,
      threshold,
      windowSeconds: num('the window', d.windowSeconds, true, 1),
      minEvents: num('the minimum events', d.minEvents, true, 0),
      action: d.action,
      cooldownSeconds: num('the cool-down', d.cooldownSeconds, true, 0),
    });
  });
  return problems.length ? { ok: false, problems } : { ok: true, rules };
}
