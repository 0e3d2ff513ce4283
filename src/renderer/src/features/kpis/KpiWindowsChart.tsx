// The KPI panel: per-minute orders and carts and the funnel rates on the show clock, with a marker
// per segment, and each rolling window with its denominators ("38 carts / 1,099 views").
import { Area, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { KPI_WINDOWS } from '../../../../shared/contract/index';
import { useSlice } from '../../state/station.store';
import { Panel } from '../../ui/Panel';
import { chartRows, markers, RATIO_LABEL } from './kpi-chart.logic';
import type { KpiRatioKey } from './kpi-chart.types';

const RATIOS: KpiRatioKey[] = ['viewToCart', 'cartToCheckout', 'aov', 'paymentErrorRate'];
const fmt = (k: KpiRatioKey, v: number | null) => (v === null ? '—' : k === 'aov' ? v.toFixed(2) : `${(v * 100).toFixed(1)} %`);

export function KpiWindowsChart() {
  const day = useSlice('showday');
  if (!day?.go || !day.kpis) return <Panel title="KPIs over time" testId="kpi-windows"><p className="muted">The charts start at GO.</p></Panel>;
  const rows = chartRows(day.series, day.go.at);
  const k = day.kpis;
  return (
    <Panel title="KPIs over time" testId="kpi-windows">
      <div data-testid="kpi-chart" data-points={rows.length}>
        <ResponsiveContainer width="100%" height={160}>
          <ComposedChart data={rows} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
            <XAxis dataKey="t" type="number" domain={[0, 'dataMax']} unit=" min" />
            <YAxis yAxisId="n" allowDecimals={false} width={32} />
            <YAxis yAxisId="r" orientation="right" domain={[0, 1]} hide />
            <Tooltip isAnimationActive={false} />
            <Area yAxisId="n" dataKey="orders" stroke="var(--ok)" fill="var(--ok)" fillOpacity={0.2} isAnimationActive={false} />
            <Line yAxisId="n" dataKey="carts" stroke="var(--accent)" dot={false} isAnimationActive={false} />
            <Line yAxisId="r" dataKey="cartToCheckout" stroke="var(--warn)" dot={false} isAnimationActive={false} connectNulls={false} />
            <ReferenceLine yAxisId="n" x={0} stroke="var(--ok)" label="GO" />
            {markers(day.segments, day.go.at).map((m) => (
              <ReferenceLine key={`${m.t}-${m.label}`} yAxisId="n" x={m.t} stroke="var(--muted)" strokeDasharray="3 3" />
            ))}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <table className="kpi-windows" data-testid="kpi-windows-table">
        <thead>
          <tr>
            <th />
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
                const x = k.total[w][r];
                return (
                  <td key={w} title={`${x.num} / ${x.den}`}>
                    {fmt(r, x.value)} <span className="muted small">{r === 'aov' ? `${x.num} / ${x.den} orders` : `${x.num} / ${x.den}`}</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {day.refusals.length ? (
        <p className="warn small" data-testid="kpi-refusals">
          Not counted: {day.refusals[0]!.reason}
          {day.refusals.length > 1 ? ` (+${day.refusals.length - 1} more)` : ''}
        </p>
      ) : null}
    </Panel>
  );
}
