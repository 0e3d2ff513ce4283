import { describe, expect, it } from 'vitest';
import type { ShowFigures } from '../../../../shared/contract/index';
import { KPI_COLUMNS, historyCsv, sparkline, trend } from './history.logic';

const show = (id: string, orders: number, cartToCheckout: number | null, title = id): ShowFigures => ({
  showId: id, title, rehearsal: false, goAt: Date.UTC(2026, 0, 1), endAt: Date.UTC(2026, 0, 1, 1), durationSeconds: 3600, currency: 'USD',
  views: 1000, addToCart: 100, checkouts: 30, orders, revenue: orders * 39, viewToCart: 0.1, cartToCheckout, aov: 39, paymentErrors: 0,
  comments: 10, answered: 8, medianResponseSeconds: 12, pauses: 1, alerts: 0, overrides: 0,
});
const col = (k: string) => KPI_COLUMNS.find((c) => c.key === k)!;

describe('history', () => {
  // Newest first, as show.history returns them.
  const shows = [show('s3', 30, 0.36), show('s2', 20, 0.3), show('s1', 10, null)];

  it('draws each KPI oldest to newest', () => {
    expect(sparkline(shows, col('orders'))).toEqual([{ i: 0, v: 10 }, { i: 1, v: 20 }, { i: 2, v: 30 }]);
  });

  it('compares the newest show with the mean of the earlier ones, skipping missing values', () => {
    expect(trend(shows, col('orders'))).toBe(15);
    expect(trend(shows, col('cartToCheckout'))).toBeCloseTo(0.06);
    expect(trend([shows[0]!], col('orders'))).toBeNull();
  });

  it('exports CSV with formulas defused and separators quoted', () => {
    const csv = historyCsv([show('s1', 1, 0.5, '=cmd|"x", y')]);
    const [head, row] = csv.trim().split('\n');
    expect(head).toContain('showId,title,rehearsal');
    expect(row).toContain(`"'=cmd|""x"", y"`);
  });

  it('defuses a title that hides its formula behind a tab or a full-width sign (shared csvCell)', () => {
    const rows = historyCsv([show('s1', 1, 0.5, '\t=cmd'), show('s2', 1, 0.5, '＝cmd')]).trim().split('\n');
    expect(rows[1]).toContain(`,'\t=cmd,`);
    expect(rows[2]).toContain(`,'＝cmd,`);
  });
});
