// Feeds the rolling KPI windows from the commerce ledger while a show is live: reads the rows
// added since the last read (by sequence number), so each event is read once, and reports the
// windows, the per-minute series and the refusals.
import type { KpiWindowsView, MinutePoint } from '../../shared/contract/index';
import type { WindowEvent } from './kpi.windows';
import { createKpiWindows } from './kpi.windows';

export interface LedgerRow extends WindowEvent {
  seq: number;
}
export interface KpiFeedOutput {
  kpis: KpiWindowsView;
  series: MinutePoint[];
  refusals: { at: number; reason: string }[];
}

const KEEP_REFUSALS = 5;

export function createKpiFeed(opts: {
  offers: readonly { id: string; currency: string }[];
  currency: string;
  startAt: number;
  /** Ledger rows with seq > `after`, oldest first, at most `limit`. */
  readSince(after: number, limit: number): LedgerRow[];
}) {
  const windows = createKpiWindows({ offers: opts.offers, startAt: opts.startAt, currency: opts.currency });
  let after = 0;
  let refusals: { at: number; reason: string }[] = [];
  return {
    /** Reads what is new and returns the windows as of `now`. */
    poll(now: number): KpiFeedOutput {
      for (;;) {
        const rows = opts.readSince(after, 5000);
        for (const r of rows) {
          after = r.seq;
          const res = windows.add(r, now);
          if (!res.ok) refusals = [{ at: now, reason: `event ${r.id ?? `#${r.seq}`} (${r.type}): ${res.reason}` }, ...refusals].slice(0, KEEP_REFUSALS);
        }
        if (rows.length < 5000) break;
      }
      return { kpis: windows.view(now), series: windows.series(), refusals };
    },
  };
}
