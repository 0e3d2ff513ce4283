// The KPI chart alone: orders and carts per minute and cart→checkout on the show clock, with GO,
// segment and offer pause/resume markers. Memoised and never animated, so a KPI update redraws
// only when its rows change (the render bench holds it under 16 ms p95 for a 3-hour show).
import { memo } from 'react';
import { Area, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartRow } from './kpi-chart.logic';

export interface ChartMarker {
  t: number;
  label: string;
  kind: 'segment' | 'pause' | 'resume';
}

const STROKE: Record<ChartMarker['kind'], string> = { segment: 'var(--muted)', pause: 'var(--bad, #cf222e)', resume: 'var(--ok)' };

export const KpiChart = memo(function KpiChart(props: { rows: readonly ChartRow[]; markers: readonly ChartMarker[]; height?: number }) {
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
