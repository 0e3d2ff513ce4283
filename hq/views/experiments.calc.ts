// Experiments across shows: every segment each show put on air (an offer presentation with its
// CTA) with what sold while it ran — the same rows as the station's experiment log — and each
// variant's totals over all the shows that ran it, in integer cents.
import { experimentRows, type ExperimentRow } from '../../src/core/showday/post-mortem';
import type { ShowRecord } from './hq.queries';

export interface ExperimentRun {
  variant: string;
  show: ShowRecord;
  row: ExperimentRow;
  currency: string;
  /** Null while the segment is still on air. */
  revenueCents: number | null;
}

export interface VariantSummary {
  variant: string;
  currency: string;
  runs: number;
  rehearsalRuns: number;
  shows: number;
  minutes: number;
  views: number;
  carts: number;
  checkouts: number;
  orders: number;
  revenueCents: number;
  cartToCheckout: number | null;
  revenueCentsPerMinute: number | null;
}

export function experimentRuns(shows: readonly ShowRecord[]): ExperimentRun[] {
  const runs: ExperimentRun[] = [];
  for (const show of shows) {
    const e = show.experiment;
    if (!e) continue;
    const currency = show.kpis?.currency || 'USD';
    for (const row of experimentRows(e.segments, e.endAt === null ? null : { at: e.endAt, totals: e.final })) {
      runs.push({ variant: row.title, show, row, currency, revenueCents: row.revenue === null ? null : Math.round(row.revenue * 100) });
    }
  }
  return runs.sort((a, b) => a.variant.localeCompare(b.variant) || a.row.at - b.row.at);
}

/** Totals per variant (per currency); a segment still on air counts once it has finished. */
export function summariseVariants(runs: readonly ExperimentRun[]): VariantSummary[] {
  const acc = new Map<string, VariantSummary & { showKeys: Set<string> }>();
  for (const r of runs) {
    const id = `${r.variant}\u0000${r.currency}`;
    let v = acc.get(id);
    if (!v) {
      v = { variant: r.variant, currency: r.currency, runs: 0, rehearsalRuns: 0, shows: 0, minutes: 0, views: 0, carts: 0, checkouts: 0, orders: 0, revenueCents: 0, cartToCheckout: null, revenueCentsPerMinute: null, showKeys: new Set() };
      acc.set(id, v);
    }
    if (r.row.minutes === null) continue;
    v.runs += 1;
    if (r.show.rehearsal) v.rehearsalRuns += 1;
    v.showKeys.add(`${r.show.stationId}/${r.show.showId}`);
    v.minutes += r.row.minutes;
    v.views += r.row.views ?? 0;
    v.carts += r.row.carts ?? 0;
    v.checkouts += r.row.checkouts ?? 0;
    v.orders += r.row.orders ?? 0;
    v.revenueCents += r.revenueCents ?? 0;
  }
  return [...acc.values()]
    .map(({ showKeys, ...v }) => ({
      ...v,
      shows: showKeys.size,
      cartToCheckout: v.carts > 0 ? v.checkouts / v.carts : null,
      revenueCentsPerMinute: v.minutes > 0 ? Math.round(v.revenueCents / v.minutes) : null,
    }))
    .sort((a, b) => b.revenueCents - a.revenueCents || a.variant.localeCompare(b.variant));
}
