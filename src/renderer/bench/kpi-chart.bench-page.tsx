// The KPI chart as the console draws it, driven by the bench: each update is a new per-minute
// series, as a station patch brings it. `variant` picks the hand-drawn chart the console ships or
// the recharts one it replaced (the baseline, measured in the same run). Times each update from the
// state change to the DOM committed and laid out, and exposes the samples to the bench runner.
import { useLayoutEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import type { MinutePoint, SegmentMark } from '../../shared/contract/index';
import { markers, type ChartMarker, type KpiTarget } from '../src/features/kpis/kpi-chart.logic';
import { KpiChart } from '../src/features/kpis/KpiChart';
import { RechartsKpiChart, decimatedRows } from './recharts-kpi-chart';
import '../src/features/kpis/kpis.css';

interface BenchInput {
  variant: 'svg' | 'recharts';
  goAt: number;
  series: MinutePoint[];
  segments: SegmentMark[];
  pauses: { t: number; kind: 'pause' | 'resume'; label: string }[];
  targets: KpiTarget[];
}
declare global {
  interface Window {
    benchLoad(input: BenchInput): void;
    benchUpdate(series: MinutePoint[]): number;
    benchReady: boolean;
  }
}

let setSeries: (s: MinutePoint[]) => void = () => undefined;
let committedAt = 0;

function Recharts(props: { series: MinutePoint[]; goAt: number; markers: ChartMarker[] }) {
  const rows = useMemo(() => decimatedRows(props.series, props.goAt), [props.series, props.goAt]);
  return <RechartsKpiChart rows={rows} markers={props.markers} />;
}

function Bench(props: { input: BenchInput }) {
  const [series, set] = useState(props.input.series);
  setSeries = set;
  const { goAt, segments, pauses, variant, targets } = props.input;
  const all = useMemo<ChartMarker[]>(() => [...markers(segments, goAt).map((m) => ({ ...m, kind: 'segment' as const })), ...pauses], [segments, pauses, goAt]);
  useLayoutEffect(() => {
    committedAt = performance.now();
  });
  return (
    <div style={{ width: 900 }} data-points={series.length}>
      {variant === 'svg' ? <KpiChart series={series} goAt={goAt} markers={all} targets={targets} /> : <Recharts series={series} goAt={goAt} markers={all} />}
    </div>
  );
}

window.benchLoad = (input) => {
  const root = createRoot(document.getElementById('root')!);
  flushSync(() => root.render(<Bench input={input} />));
  window.benchReady = true;
};
/** One update: render + commit (React), then style and layout (forced), in ms. */
window.benchUpdate = (series) => {
  const t0 = performance.now();
  flushSync(() => setSeries(series));
  void document.body.getBoundingClientRect().height;
  const t1 = performance.now();
  return committedAt >= t0 ? t1 - t0 : Number.NaN;
};
