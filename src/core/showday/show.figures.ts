// A finished show's figures, computed once at END from what the station counted: the funnel and
// revenue, comment handling, pauses, alerts and overrides. Pure, so the history stays reproducible.
import type { Alert, AuditEntry, GoRecord, KpiState, ShowFigures } from '../../shared/contract/index';

export function computeFigures(input: {
  go: GoRecord;
  endAt: number;
  kpis: KpiState;
  commentsTotal: number;
  responseSeconds: readonly number[];
  pauses: readonly AuditEntry[];
  alerts: readonly Alert[];
}): ShowFigures {
  const { go, endAt, kpis } = input;
  const sorted = [...input.responseSeconds].sort((a, b) => a - b);
  const mid = sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)]! : null;
  return {
    showId: go.showId,
    title: go.title,
    rehearsal: go.rehearsal || kpis.rehearsal,
    goAt: go.at,
    endAt,
    durationSeconds: Math.max(0, Math.round((endAt - go.at) / 1000)),
    currency: kpis.currency,
    views: kpis.views,
    addToCart: kpis.addToCart,
    checkouts: kpis.checkouts,
    orders: kpis.orders,
    revenue: kpis.revenue,
    viewToCart: kpis.viewToCart,
    cartToCheckout: kpis.cartToCheckout,
    aov: kpis.aov,
    paymentErrors: kpis.paymentErrors,
    comments: input.commentsTotal,
    answered: sorted.length,
    medianResponseSeconds: mid,
    pauses: input.pauses.filter((p) => p.at >= go.at && p.at <= endAt && p.outcome === 'ok').length,
    alerts: input.alerts.filter((a) => a.raisedAt >= go.at && a.raisedAt <= endAt).length,
    overrides: go.overrides.length,
  };
}
