// The test-order check's verdict from each offer's test order: pass only when every order was
// placed, seen by the store's admin, refunded and cancelled; the evidence rides along for the GO record.
import type { ShowProbe, TestOrderResult } from '../../shared/contract/index';

const clock = (at: number | null) => (at === null ? '—' : new Date(at).toISOString().slice(11, 19));

export function describeTestOrder(r: TestOrderResult): string {
  if (!r.ok) return `${r.store}: ${r.reason ?? `failed at ${r.step}`}${r.orderCode && !r.cancelled ? ` (order ${r.orderCode} left open)` : ''}`;
  return `order ${r.orderCode} ${r.amount?.toFixed(2)} ${r.currency} placed ${clock(r.placedAt)}, seen by the admin ${clock(r.confirmedAt)}, refunded ${clock(r.refundedAt)}, cancelled ${clock(r.cancelledAt)} (${Math.max(0, (r.cancelledAt ?? r.startedAt) - r.startedAt)} ms)`;
}

/** `notes`: offers whose store could not even try (a sandbox store, an unknown offer): a warning. */
export function testOrderProbe(results: readonly TestOrderResult[], notes: readonly string[], at: number): ShowProbe {
  const failed = results.filter((r) => !r.ok);
  const parts = [...results.map(describeTestOrder), ...notes];
  const status: ShowProbe['status'] = failed.length ? 'fail' : results.length === 0 ? 'warn' : notes.length ? 'warn' : 'pass';
  return { status, detail: parts.join('; ') || 'no offers to test', at, testOrders: [...results] };
}
