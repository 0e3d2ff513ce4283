// Five minutes of bitrate and dropped frames. The x axis is "seconds ago" (fixed −300…0) so the
// chart slides without rescaling; gaps where the link was down stay gaps.
import { lazy, Suspense } from 'react';
import type { HealthPoint } from '../../../../shared/contract/index';
import { sparkSeries } from './obs.logic';

// Loaded on first use (a chunk of its own), so views without a chart never fetch or run recharts.
const SparkChart = lazy(() => import('./SparkChart'));

export function HealthSparklines(props: { history: HealthPoint[]; now: number; baselineKbps: number | null }) {
  const points = sparkSeries(props.history, props.now);
  return (
    <div className="obs-sparks">
      <Spark
        title="Bitrate (kbps), 5 min"
        testId="obs-spark-bitrate"
        points={points}
        dataKey="bitrate"
        colour="var(--accent)"
        reference={props.baselineKbps}
      />
      <Spark
        title="Dropped frames (%), 5 min"
        testId="obs-spark-dropped"
        points={points}
        dataKey="dropped"
        colour="var(--warn)"
        reference={null}
      />
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
      <Suspense fallback={<div style={{ height: 64 }} />}>
        <SparkChart points={props.points} dataKey={props.dataKey} colour={props.colour} reference={props.reference} />
      </Suspense>
    </figure>
  );
}
