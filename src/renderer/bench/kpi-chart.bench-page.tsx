// The KPI chart as the console draws it (chartRows → KpiChart), driven by the bench: each update is
// a new per-minute series, as a station patch brings it. Times each update from the state change to
// the DOM committed and laid out, and exposes the samples to the bench runner.
import { useLayoutEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import type { MinutePoint, SegmentMark } from '../../shared/contract/index';
import { decimatedRows, markers } from '../src/features/kpis/kpi-chart.logic';
import { KpiChart, type ChartMarker } from '../src/features/kpis/KpiChart';

interface BenchInput {
  goAt: number;
  series: MinutePoint[];
  segments: SegmentMark[];
  pauses: { t: number; kind: 'pause' | 'resume'; label: string }[];
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

function Bench(props: { input: BenchInput }) {
  const [series, set] = useState(props.input.series);
  setSeries = set;
  const { goAt, segments, pauses } = props.input;
  const rows = useMemo(() => decimatedRows(series, goAt), [series, goAt]);
  const all = useMemo<ChartMarker[]>(() => [...markers(segments, goAt).map((m) => ({ ...m, kind: 'segment' as const })), ...pauses], [segments, pauses, goAt]);
  useLayoutEffect(() => {
    committedAt = performance.now();
  });
  return (
    <div style={{ width: 900 }} data-points={rows.length}>
      <KpiChart rows={rows} markers={all} />
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
