// The KPI chart, hand-drawn in SVG: orders (area) and carts per minute, the funnel rates over their
// windows on a % axis with the show file's thresholds, GO, segment and offer pause/resume markers,
// on the show clock. Each layer is memoised: an update re-formats only the path chunk that changed.
import { memo, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { MinutePoint } from '../../../../shared/contract/index';
import { useElementWidth } from '../../ui/use-element-width';
import { chartPlan, chartSummary, minuteWords, type ChartMarker, type KpiTarget, type RateLine, type ThresholdLine } from './kpi-chart.logic';
import {
  areaPath,
  clockLabel,
  countTicks,
  createPathBuilder,
  downsample,
  frameKey,
  minuteAt,
  nearestIndex,
  plotData,
  plotFrame,
  rollingRate,
  timeTicks,
  xOf,
  yCount,
  yRate,
  type PlotFrame,
  type RateSeries,
} from './kpi-plot.logic';

export type { ChartMarker } from './kpi-chart.logic';

const NO_TARGETS: readonly KpiTarget[] = [];
const RATE_TICKS = [0, 0.25, 0.5, 0.75, 1];
const MARKER_STROKE: Record<ChartMarker['kind'], string> = { segment: 'var(--muted)', pause: 'var(--bad)', resume: 'var(--ok)' };
type PathBuilder = ReturnType<typeof createPathBuilder>;

const Axes = memo(function Axes(props: { frame: PlotFrame }) {
  const f = props.frame;
  const bottom = f.height - f.bottom;
  return (
    <g className="kpi-axes" aria-hidden="true">
      {countTicks(f.countMax).map((v) => (
        <g key={`c${v}`}>
          <line x1={f.left} x2={f.width - f.right} y1={yCount(f, v)} y2={yCount(f, v)} stroke="var(--border)" />
          <text x={f.left - 6} y={yCount(f, v) + 4} textAnchor="end">
            {v}
          </text>
        </g>
      ))}
      {RATE_TICKS.map((r) => (
        <text key={`r${r}`} x={f.width - f.right + 6} y={yRate(f, r) + 4} textAnchor="start">
          {r * 100}%
        </text>
      ))}
      {timeTicks(f.span).map((m) => (
        <text key={`t${m}`} x={xOf(f, m)} y={bottom + 15} textAnchor={m === 0 ? 'start' : m === f.span ? 'end' : 'middle'}>
          {clockLabel(m)}
        </text>
      ))}
      <line x1={f.left} x2={f.width - f.right} y1={bottom} y2={bottom} stroke="var(--muted)" />
    </g>
  );
});

const Thresholds = memo(function Thresholds(props: { frame: PlotFrame; lines: readonly ThresholdLine[] }) {
  const f = props.frame;
  return (
    <g className="kpi-thresholds" aria-hidden="true">
      {props.lines.map((t) => (
        <line key={t.id} x1={f.left} x2={f.width - f.right} y1={yRate(f, t.bound)} y2={yRate(f, t.bound)} stroke={t.color} strokeDasharray="6 4" strokeWidth={1.5} data-threshold={t.id}>
          <title>{t.label}</title>
        </line>
      ))}
    </g>
  );
});

/** A pause (two bars) or resume (a triangle) mark, 8 px high, drawn as a path: fonts may lack ⏸. */
const glyph = (kind: 'pause' | 'resume', x: number, y: number) =>
  kind === 'pause' ? `M${x - 4} ${y}h3v8h-3zM${x + 1} ${y}h3v8h-3z` : `M${x - 3} ${y}l7 4l-7 4z`;

const Markers = memo(function Markers(props: { frame: PlotFrame; markers: readonly ChartMarker[] }) {
  const f = props.frame;
  const top = f.top;
  const bottom = f.height - f.bottom;
  return (
    <g className="kpi-markers" aria-hidden="true">
      <line x1={xOf(f, 0)} x2={xOf(f, 0)} y1={top - 4} y2={bottom} stroke="var(--ok)" strokeWidth={2} />
      <text x={xOf(f, 0) + 3} y={top - 5} className="kpi-marker-label" fill="var(--ok)">
        GO
      </text>
      {props.markers.map((m, i) => (
        <g key={`${m.kind}-${m.t}-${i}`} className={`kpi-marker kpi-marker-${m.kind}`}>
          <line x1={xOf(f, m.t)} x2={xOf(f, m.t)} y1={top} y2={bottom} stroke={MARKER_STROKE[m.kind]} strokeDasharray={m.kind === 'segment' ? '3 3' : undefined} strokeWidth={m.kind === 'segment' ? 1 : 1.5}>
            <title>{`${clockLabel(m.t)} ${m.kind === 'segment' ? 'segment' : m.kind}: ${m.label}`}</title>
          </line>
          {m.kind === 'segment' ? null : <path d={glyph(m.kind, xOf(f, m.t), top - 12)} fill={MARKER_STROKE[m.kind]} />}
        </g>
      ))}
    </g>
  );
});

const Series = memo(function Series(props: { d: string; stroke: string; fill?: string; name: string }) {
  return <path d={props.d} stroke={props.fill ? 'none' : props.stroke} fill={props.fill ?? 'none'} fillOpacity={props.fill ? 0.22 : undefined} strokeWidth={2} strokeLinejoin="round" data-series={props.name} />;
});

interface Builders {
  orders: PathBuilder;
  carts: PathBuilder;
  rates: Map<string, PathBuilder>;
}

export const KpiChart = memo(function KpiChart(props: { series: readonly MinutePoint[]; goAt: number; markers: readonly ChartMarker[]; targets?: readonly KpiTarget[]; height?: number }) {
  const height = props.height ?? 190;
  const [boxRef, width] = useElementWidth<HTMLDivElement>(640);
  const data = useMemo(() => plotData(props.series, props.goAt), [props.series, props.goAt]);
  const plan = useMemo(() => chartPlan(props.targets ?? NO_TARGETS), [props.targets]);
  const rates = useMemo(() => plan.rates.map((line) => ({ line, series: rollingRate(data, line.kpi, line.window) })), [plan, data]);
  const last = data.minutes.length ? data.minutes[data.minutes.length - 1]! : 0;
  const proposed = plotFrame(width, height, last, data.peak);
  // The frame object only changes when a scale does, so the axes, markers and thresholds keep theirs.
  const key = frameKey(proposed);
  const frame = useMemo(() => proposed, [key]); // eslint-disable-line react-hooks/exhaustive-deps
  const builders = useRef<Builders | null>(null);
  builders.current ??= { orders: createPathBuilder(), carts: createPathBuilder(), rates: new Map() };
  const paths = useMemo(() => {
    const b = builders.current!;
    const xs = data.minutes.map((m) => xOf(frame, m));
    const ov = downsample(xs, data.orders.map((v) => yCount(frame, v)));
    const cv = downsample(xs, data.carts.map((v) => yCount(frame, v)));
    const ordersLine = b.orders.line(ov);
    const rateLines = rates.map(({ line, series }) => {
      const id = `${line.kpi}-${line.window}`;
      let rb = b.rates.get(id);
      if (!rb) b.rates.set(id, (rb = createPathBuilder()));
      return { id, line, d: rb.line(downsample(xs, series.value.map((v) => (v === null ? null : yRate(frame, v))))) };
    });
    return { ordersLine, ordersArea: areaPath(ordersLine, ov, yCount(frame, 0)), carts: b.carts.line(cv), rates: rateLines };
  }, [data, rates, frame]);

  const [hover, setHover] = useState<number | null>(null);
  const svgRef = useRef<SVGSVGElement | null>(null);
  const n = data.minutes.length;
  const at = hover !== null && hover < n ? hover : null;
  const onPointer = (e: PointerEvent<SVGSVGElement>) => {
    const r = svgRef.current?.getBoundingClientRect();
    if (!r || n === 0) return;
    const i = nearestIndex(data.minutes, minuteAt(frame, e.clientX - r.left));
    if (i !== at) setHover(i);
  };
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (n === 0) return;
    const next = e.key === 'ArrowLeft' ? Math.max(0, (at ?? n) - 1) : e.key === 'ArrowRight' ? Math.min(n - 1, (at ?? -1) + 1) : e.key === 'Home' ? 0 : e.key === 'End' ? n - 1 : e.key === 'Escape' ? null : undefined;
    if (next === undefined) return;
    e.preventDefault();
    setHover(next);
  };
  const words = at !== null ? minuteWords(data, at, rates, props.markers) : null;
  const cx = at !== null ? xOf(frame, data.minutes[at]!) : 0;

  return (
    <div className="kpi-chart-box">
      <ChartLegend data={data} rates={rates} thresholds={plan.thresholds} notDrawn={plan.notDrawn} />
      <div ref={boxRef} className="kpi-chart-plot" tabIndex={0} role="group" aria-label="KPI chart: arrow keys read each minute" onKeyDown={onKey} onBlur={() => setHover(null)}>
        <svg ref={svgRef} width={frame.width} height={frame.height} role="img" aria-label={chartSummary(data, rates)} onPointerMove={onPointer} onPointerLeave={() => setHover(null)} className="kpi-svg">
          <Axes frame={frame} />
          <Thresholds frame={frame} lines={plan.thresholds} />
          <Series name="orders-area" d={paths.ordersArea} stroke="var(--ok)" fill="var(--ok)" />
          <Series name="orders" d={paths.ordersLine} stroke="var(--ok)" />
          <Series name="carts" d={paths.carts} stroke="var(--accent)" />
          {paths.rates.map((r) => (
            <Series key={r.id} name={r.id} d={r.d} stroke={r.line.color} />
          ))}
          <Markers frame={frame} markers={props.markers} />
          {at !== null ? <line className="kpi-cursor" x1={cx} x2={cx} y1={frame.top} y2={frame.height - frame.bottom} stroke="var(--text)" strokeOpacity={0.5} /> : null}
        </svg>
        {words ? (
          <div className="kpi-tooltip" role="status" style={cx > frame.width - 300 ? { right: frame.width - cx + 10 } : { left: cx + 10 }} data-testid="kpi-tooltip">
            <strong>{words.title}</strong>
            {words.lines.map((l) => (
              <div key={l}>{l}</div>
            ))}
          </div>
        ) : null}
      </div>
    </div>
  );
});

function ChartLegend(props: { data: ReturnType<typeof plotData>; rates: readonly { line: RateLine; series: RateSeries }[]; thresholds: readonly ThresholdLine[]; notDrawn: readonly string[] }) {
  const d = props.data;
  const i = d.minutes.length - 1;
  const now = (v: number | undefined) => (i < 0 || v === undefined ? '—' : String(v));
  return (
    <ul className="kpi-legend" aria-label="Chart legend, last minute">
      <li>
        <span className="kpi-swatch" style={{ background: 'var(--ok)' }} /> orders / min <span className="num">{now(d.orders[i])}</span>
      </li>
      <li>
        <span className="kpi-swatch" style={{ background: 'var(--accent)' }} /> carts / min <span className="num">{now(d.carts[i])}</span>
      </li>
      {props.rates.map(({ line, series }) => {
        const v = i < 0 ? null : series.value[i]!;
        return (
          <li key={`${line.kpi}-${line.window}`}>
            <span className="kpi-swatch" style={{ background: line.color }} /> {line.label}{' '}
            <span className="num">{v === null ? '—' : `${(v * 100).toFixed(1)} %`}</span> <span className="muted num">{i < 0 ? '' : `${series.num[i]} / ${series.den[i]}`}</span>
          </li>
        );
      })}
      {props.thresholds.map((t) => (
        <li key={t.id} className="kpi-legend-threshold">
          <span className="kpi-swatch kpi-swatch-dashed" style={{ borderColor: t.color }} /> {t.label}
        </li>
      ))}
      {props.notDrawn.length ? <li className="muted">also watched: {props.notDrawn.join('; ')}</li> : null}
    </ul>
  );
}
