// Past shows side by side: the KPI columns, a sparkline series per KPI across shows (oldest to
// newest) and the CSV export. Pure, so the view only renders.
import type { ShowFigures } from '../../../../shared/contract/index';
import { csvCell } from '../../../../shared/text/csv-cell';

export interface KpiColumn {
  key: string;
  label: string;
  value: (f: ShowFigures) => number | null;
  format: (v: number | null, f: ShowFigures) => string;
}

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)} %`);
const num = (v: number | null) => (v === null ? '—' : v.toLocaleString('en-US'));
const money = (v: number | null, f: ShowFigures) => (v === null ? '—' : `${v.toFixed(2)} ${f.currency}`);

export const KPI_COLUMNS: KpiColumn[] = [
  { key: 'views', label: 'Views', value: (f) => f.views, format: num },
  { key: 'viewToCart', label: 'View→cart', value: (f) => f.viewToCart, format: pct },
  { key: 'cartToCheckout', label: 'Cart→checkout', value: (f) => f.cartToCheckout, format: pct },
  { key: 'orders', label: 'Orders', value: (f) => f.orders, format: num },
  { key: 'revenue', label: 'Revenue', value: (f) => f.revenue, format: money },
  { key: 'aov', label: 'AOV', value: (f) => f.aov, format: money },
  { key: 'paymentErrors', label: 'Payment errors', value: (f) => f.paymentErrors, format: num },
  { key: 'medianResponseSeconds', label: 'Reply p50 (s)', value: (f) => f.medianResponseSeconds, format: num },
  { key: 'pauses', label: 'Pauses', value: (f) => f.pauses, format: num },
];

/** One KPI across shows, oldest first (the history arrives newest first). */
export function sparkline(shows: readonly ShowFigures[], col: KpiColumn): { i: number; v: number | null }[] {
  return [...shows].reverse().map((f, i) => ({ i, v: col.value(f) }));
}

/** Change of the newest show against the mean of the ones before it, in the KPI's unit. */
export function trend(shows: readonly ShowFigures[], col: KpiColumn): number | null {
  const [latest, ...before] = shows;
  if (!latest) return null;
  const v = col.value(latest);
  const prev = before.map(col.value).filter((x): x is number => x !== null);
  if (v === null || prev.length === 0) return null;
  return v - prev.reduce((a, b) => a + b, 0) / prev.length;
}

export function historyCsv(shows: readonly ShowFigures[]): string {
  const head = ['showId', 'title', 'rehearsal', 'goAt', 'endAt', 'durationSeconds', 'currency', ...KPI_COLUMNS.map((c) => c.key), 'addToCart', 'checkouts', 'comments', 'answered', 'alerts', 'overrides'];
  const rows = shows.map((f) =>
    [f.showId, f.title, f.rehearsal, new Date(f.goAt).toISOString(), new Date(f.endAt).toISOString(), f.durationSeconds, f.currency, ...KPI_COLUMNS.map((c) => c.value(f)), f.addToCart, f.checkouts, f.comments, f.answered, f.alerts, f.overrides]
      .map(csvCell)
      .join(','),
  );
  return [head.join(','), ...rows].join('\n') + '\n';
}
