// One KPI's sparkline across shows, drawn with recharts in a chunk of its own: the chart library is
// loaded by the history tab when it draws, never by the desk or the host's card.
import { Line, LineChart, ResponsiveContainer, YAxis } from 'recharts';
import type { sparkline } from './history.logic';

export default function HistorySpark(props: { points: ReturnType<typeof sparkline> }) {
  return (
    <ResponsiveContainer width="100%" height={28}>
      <LineChart data={props.points} margin={{ top: 2, right: 2, bottom: 2, left: 2 }}>
        <YAxis hide domain={['auto', 'auto']} />
        <Line dataKey="v" stroke="var(--accent)" dot={false} isAnimationActive={false} connectNulls={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}
