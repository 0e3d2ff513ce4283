// The KPI panel: per-minute orders and carts and the funnel rates on the show clock, with a marker
// per segment and per offer pause/resume and the show file's thresholds, each rolling window with
// its denominators ("38 carts / 1,099 views") in total or for one offer, and the service windows.
import { useMemo, useState } from 'react';
import type { MinutePoint, TimelineItem } from '../../../../shared/contract/index';
import { KPI_WINDOWS } from '../../../../shared/contract/constants';
import { useSlice } from '../../state/station.store';
import { Panel } from '../../ui/Panel';
import { markers, RATIO_LABEL } from './kpi-chart.logic';
import type { KpiRatioKey } from './kpi-chart.types';
import { KpiChart, type ChartMarker } from './KpiChart';
import './kpis.css';
import { ServiceWindowsTable } from './ServiceWindowsTable';
import { pauseMarkers } from '../showday/timeline.logic';

const NO_SERIES: MinutePoint[] = [];
const RATIOS: KpiRatioKey[] = ['viewToCart', 'cartToCheckout', 'aov', 'paymentErrorRate'];
const fmt = (k: KpiRatioKey, v: number | null) => (v === null ? '—' : k === 'aov' ? v.toFixed(2) : `${(v * 100).toFixed(1)} %`);

export function KpiWindowsChart(props: { timelineItems?: readonly TimelineItem[] | null }) {
  const day = useSlice('showday');
  const goAt = day?.go?.at ?? 0;
  const series = day?.series;
  const segments = day?.segments;
  const items = props.timelineItems;
  const targets = useSlice('show')?.current?.kpiTargets;
  const offerNames = useSlice('show')?.current?.offers;
  const [scope, setScope] = useState('');
  const pauses = useMemo(() => pauseMarkers(items ?? [], goAt), [items, goAt]);
  const allMarkers = useMemo<ChartMarker[]>(
    () => [...markers(segments ?? [], goAt).map((m) => ({ ...m, kind: 'segment' as const })), ...pauses.map((p) => ({ t: p.t, label: p.label, kind: p.kind }))],
    [segments, pauses, goAt],
  );
  if (!day?.go || !day.kpis) return <Panel title="KPIs over time" testId="kpi-windows"><p className="muted">The charts start at GO.</p></Panel>;
  const k = day.kpis;
  const offerIds = Object.keys(k.offers).sort();
  const windows = (scope && k.offers[scope]) || k.total;
  const nameOf = (id: string) => offerNames?.find((o) => o.id === id)?.name ?? id;
  return (
    <Panel title="KPIs over time" testId="kpi-windows">
      <div data-testid="kpi-chart" data-points={series?.length ?? 0} data-orders={k.total.show.counts.orders} data-pauses={pauses.filter((p) => p.kind === 'pause').length} data-resumes={pauses.filter((p) => p.kind === 'resume').length}>
        <KpiChart series={series ?? NO_SERIES} goAt={goAt} markers={allMarkers} targets={targets} />
      </div>
      <table className="kpi-windows" data-testid="kpi-windows-table">
        <thead>
          <tr>
            <th>
              <select aria-label="KPIs of" data-testid="kpi-scope" value={windows === k.total ? '' : scope} onChange={(e) => setScope(e.target.value)}>
                <option value="">all offers</option>
                {offerIds.map((id) => (
                  <option key={id} value={id}>
                    {nameOf(id)}
                  </option>
                ))}
              </select>
            </th>
            {KPI_WINDOWS.map((w) => (
              <th key={w}>{w}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {RATIOS.map((r) => (
            <tr key={r}>
              <th>{RATIO_LABEL[r]}</th>
              {KPI_WINDOWS.map((w) => {
                const x = windows[w][r];
                return (
                  <td key={w} title={`${x.num} / ${x.den}`}>
                    {fmt(r, x.value)} <span className="muted small">{r === 'aov' ? `${x.num} / ${x.den} orders` : `${x.num} / ${x.den}`}</span>
                  </td>
                );
              })}
            </tr>
          ))}
          <tr data-testid="kpi-orders-row">
            <th>orders</th>
            {KPI_WINDOWS.map((w) => (
              <td key={w}>
                {windows[w].counts.orders}{' '}
                <span className="muted small">
                  {windows[w].counts.revenue.toFixed(2)} {k.currency}
                </span>
              </td>
            ))}
          </tr>
        </tbody>
      </table>
      {day.service ? <ServiceWindowsTable view={day.service} /> : null}
      {day.refusals.length ? (
        <p className="warn small" data-testid="kpi-refusals">
          Not counted: {day.refusals[0]!.reason}
          {day.refusals.length > 1 ? ` (+${day.refusals.length - 1} more)` : ''}
        </p>
      ) : null}
    </Panel>
  );
}
