// Five minutes of bitrate and dropped frames. The x axis is "seconds ago" (fixed −300…0) so the
// chart slides without rescaling; gaps where the link was down stay gaps.
import { Line, LineChart, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { HealthPoint } from '../../../../shared/contract/index';
import { SPARK_WINDOW_S, sparkSeries } from './obs.logic';

export function HealthSparklines(props: { history: HealthPoint[]; now: number; baselineKbps: number | null }) {
  const points = sparkSeries(props.history, props.now);
  return (
    <div className="obs-sparks">
      <Spark title="Bitrate (kbps), 5 min" testId="obs-spark-bitrate" points={points} dataKey="bitrate" colour="var(--accent)" reference={props.baselineKbps} />
      <Spark title="Dropped frames (%), 5 min" testId="obs-spark-dropped" points={points} dataKey="dropped" colour="var(--warn)" reference={null} />
    </div>
  );
}

function Spark(props: {
  title: string;
  testId: string;
  points: ReturnType<typeof sparkSeries>;
  dataKey: 'bitrate' | 'dropped';
  colour: string;
  reference: number | null;
}) {
  return (
    <figure className="obs-spark" data-testid={props.testId} data-points={props.points.length}>
      <figcaption className="muted small">{props.title}</figcaption>
      <ResponsiveContainer width="100%" height={64}>
        <LineChart data={props.points} margin={{ top: 4, right: 4, bottom: 2, left: 4 }}>
          <XAxis dataKey="t" type="number" domain={[-SPARK_WINDOW_S, 0]} hide />
          <YAxis domain={[0, 'auto']} hide />
          {props.reference !== null ? <ReferenceLine y={props.reference} stroke="var(--muted)" strokeDasharray="4 4" /> : null}
          <Line dataKey={props.dataKey} stroke={props.colour} strokeWidth={2} dot={false} isAnimationActive={false} connectNulls={false} />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
