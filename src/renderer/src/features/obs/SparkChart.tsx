// The recharts half of the OBS sparklines, in its own chunk: the chart library is loaded by the
// views that draw a chart (the producer's OBS panel), never by the desk or the host's card.
import { Line, LineChart, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { SPARK_WINDOW_S, type sparkSeries } from './obs.logic';

export default function SparkChart(props: {
  points: ReturnType<typeof sparkSeries>;
  dataKey: 'bitrate' | 'dropped';
  colour: string;
  reference: number | null;
}) {
  return (
    <ResponsiveContainer width="100%" height={64}>
      <LineChart data={props.points} margin={{ top: 4, right: 4, bottom: 2, left: 4 }}>
        <XAxis dataKey="t" type="number" domain={[-SPARK_WINDOW_S, 0]} hide />
        <YAxis domain={[0, 'auto']} hide />
        {props.reference !== null ? <ReferenceLine y={props.reference} stroke="var(--muted)" strokeDasharray="4 4" /> : null}
        <Line
          dataKey={props.dataKey}
          stroke={props.colour}
          strokeWidth={2}
          dot={false}
          isAnimationActive={false}
          connectNulls={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}
