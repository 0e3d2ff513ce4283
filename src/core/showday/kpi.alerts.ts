// KPI thresholds from the show file: a KPI over its window crossing its bound alerts the KPI's
// owner; the alert clears when the KPI is back, and is not raised again within the cool-down.
import type { KpiWindowsView } from '../../shared/contract/index';
import type { Show } from '../../shared/show/show.schema';
import type { Role } from '../../shared/contract/roles';
import { kpiAudience } from '../../shared/contract/role-policy';

export type KpiTarget = Show['kpiTargets'][number];
export interface Crossing {
  target: KpiTarget;
  value: number;
  num: number;
  den: number;
}

/** Which targets are crossed now (pure). A KPI with too small a denominator is not judged. */
export function crossings(view: KpiWindowsView, targets: readonly KpiTarget[]): { crossed: Crossing[]; fine: KpiTarget[] } {
  const crossed: Crossing[] = [];
  const fine: KpiTarget[] = [];
  for (const t of targets) {
    const w = (t.offerId ? view.offers[t.offerId] : view.total)?.[t.window];
    const r = w?.[t.kpi];
    if (!r || r.value === null || r.den < t.minDenominator) continue;
    if ((t.below !== undefined && r.value < t.below) || (t.above !== undefined && r.value > t.above)) crossed.push({ target: t, value: r.value, num: r.num, den: r.den });
    else fine.push(t);
  }
  return { crossed, fine };
}

const LABEL: Record<KpiTarget['kpi'], string> = { viewToCart: 'view→cart', cartToCheckout: 'cart→checkout', aov: 'AOV', paymentErrorRate: 'payment errors' };
const show = (kpi: KpiTarget['kpi'], v: number) => (kpi === 'aov' ? v.toFixed(2) : `${(v * 100).toFixed(1)} %`);

export function describeCrossing(c: Crossing): string {
  const t = c.target;
  const bound = t.below !== undefined && c.value < t.below ? `below ${show(t.kpi, t.below)}` : `above ${show(t.kpi, t.above ?? 0)}`;
  return `@${t.owner}: ${LABEL[t.kpi]}${t.offerId ? ` (${t.offerId})` : ''} is ${show(t.kpi, c.value)} over ${t.window} (${c.num} / ${c.den}), ${bound}`;
}

export function createKpiAlerts(deps: {
  alerts: { raise(a: { source: string; key: string; level: 'warn'; message: string; audience?: readonly Role[] }): void; clear(key: string): void };
  targets: () => readonly KpiTarget[];
  /** The clock the cool-down is timed on: monotonic, so a wall-clock step neither stretches nor skips it. */
  monotonic: () => number;
}) {
  /** When each KPI's alert was last raised, on `monotonic`. */
  const raisedAt = new Map<string, number>();
  const active = new Set<string>();
  return {
    /** The cool-down is timed on `deps.monotonic`; the view carries the windows' own (wall-clock) time. */
    evaluate(view: KpiWindowsView) {
      const now = deps.monotonic();
      const { crossed, fine } = crossings(view, deps.targets());
      for (const c of crossed) {
        const key = `kpi:${c.target.id}`;
        const last = raisedAt.get(key);
        if (!active.has(key) && last !== undefined && now - last < c.target.cooldownSeconds * 1000) continue;
        if (!active.has(key)) raisedAt.set(key, now);
        active.add(key);
        // The KPI's owner role reads it in their own view (the role policy's KPI_OWNER).
        deps.alerts.raise({ source: 'kpi', key, level: 'warn', message: describeCrossing(c), audience: kpiAudience(c.target.kpi) });
      }
      for (const t of fine) {
        const key = `kpi:${t.id}`;
        if (active.delete(key)) deps.alerts.clear(key);
      }
    },
  };
}
