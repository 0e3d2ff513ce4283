// The KPI chart as it was drawn with recharts (up to bdcd746): kept only as the render bench's
// baseline, measured in the same run as the hand-drawn chart. Not shipped.
import { memo } from 'react';
import { Area, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { MinutePoint } from '../../shared/contract/index';
import type { ChartMarker } from '../src/features/kpis/kpi-chart.logic';

export interface ChartRow {
  /** Minutes since GO. */
  t: number;
  orders: number;
  carts: number;
  viewToCart: number | null;
  cartToCheckout: number | null;
}

function chartRows(series: readonly MinutePoint[], goAt: number): ChartRow[] {
  return series.map((p) => ({
    t: Math.round(((p.at - goAt) / 60_000) * 10) / 10,
    orders: p.counts.orders,
    carts: p.counts.addToCart,
    viewToCart: p.counts.views > 0 ? p.counts.addToCart / p.counts.views : null,
    cartToCheckout: p.counts.addToCart > 0 ? p.counts.checkouts / p.counts.addToCart : null,
  }));
}

/** The series merged into whole-minute steps so at most `max` points are drawn (counts summed). */
export function decimatedRows(series: readonly MinutePoint[], goAt: number, max = 90): ChartRow[] {
  if (series.length <= max) return chartRows(series, goAt);
  const k = Math.ceil(series.length / max);
  const out: ChartRow[] = [];
  for (let i = 0; i < series.length; i += k) {
    const group = series.slice(i, i + k);
    const c = { views: 0, addToCart: 0, checkouts: 0, orders: 0 };
    for (const p of group) {
      c.views += p.counts.views;
      c.addToCart += p.counts.addToCart;
      c.checkouts += p.counts.checkouts;
      c.orders += p.counts.orders;
    }
    const n = group.length;
    out.push({
      t: Math.round(((group[0]!.at - goAt) / 60_000) * 10) / 10,
      orders: Math.round((c.orders / n) * 10) / 10,
      carts: Math.round((c.addToCart / n) * 10) / 10,
      viewToCart: c.views > 0 ? c.addToCart / c.views : null,
      cartToCheckout: c.addToCart > 0 ? c.checkouts / c.addToCart : null,
    });
  }
  return out;
}

const STROKE: Record<ChartMarker['kind'], string> = { segment: 'var(--muted)', pause: 'var(--bad, #cf222e)', resume: 'var(--ok)' };

export const RechartsKpiChart = memo(function RechartsKpiChart(props: { rows: readonly ChartRow[]; markers: readonly ChartMarker[]; height?: number }) {
  return (
    <ResponsiveContainer width="100%" height={props.height ?? 160}>
      <ComposedChart data={props.rows as ChartRow[]} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
        <XAxis dataKey="t" type="number" domain={[0, 'dataMax']} unit=" min" />
        <YAxis yAxisId="n" allowDecimals={false} width={40} />
        <YAxis yAxisId="r" orientation="right" domain={[0, 1]} hide />
        <Tooltip isAnimationActive={false} />
        <Area yAxisId="n" dataKey="orders" stroke="var(--ok)" fill="var(--ok)" fillOpacity={0.2} isAnimationActive={false} dot={false} activeDot={false} />
        <Line yAxisId="n" dataKey="carts" stroke="var(--accent)" dot={false} activeDot={false} isAnimationActive={false} />
        <Line yAxisId="r" dataKey="cartToCheckout" stroke="var(--warn)" dot={false} activeDot={false} isAnimationActive={false} connectNulls={false} />
        <ReferenceLine yAxisId="n" x={0} stroke="var(--ok)" label="GO" />
        {props.markers.map((m, i) => (
          <ReferenceLine
            key={`${m.kind}-${m.t}-${i}`}
            yAxisId="n"
            x={m.t}
            stroke={STROKE[m.kind]}
            strokeDasharray={m.kind === 'segment' ? '3 3' : undefined}
            label={m.kind === 'segment' ? undefined : { value: m.kind === 'pause' ? '⏸' : '▶', position: 'insideTop', fontSize: 11 }}
            className={`kpi-marker kpi-marker-${m.kind}`}
          />
        ))}
      </ComposedChart>
    </ResponsiveContainer>
  );
});
