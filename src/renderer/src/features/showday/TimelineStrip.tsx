// The live timeline's strip on the show clock: stream health as coloured bands (bitrate and dropped
// frames on hover) above the comment volume per minute stacked by intent, with the event markers.
// Clicking a minute zooms the list to it (the minute picker does the same from the keyboard).
import { memo, useMemo } from 'react';
import type { Timeline } from '../../../../shared/contract/index';
import { useElementWidth } from '../../ui/use-element-width';
import { clockLabel, timeTicks } from '../kpis/kpi-plot.logic';
import { INTENT_COLOR, LEVEL_COLOR, healthBands, intentTotals, stripScale, volumeColumns, volumeWords } from './timeline-strip.logic';

const H = 132;
const HEALTH_Y = 18;
const HEALTH_H = 12;
const BASE = H - 20;
const ROOM = BASE - HEALTH_Y - HEALTH_H - 24;
const MARKED = new Set(['go', 'end', 'offer', 'alert', 'stream', 'trigger']);
const MARK_COLOR: Record<string, string> = { go: 'var(--ok)', end: 'var(--muted)', offer: 'var(--warn)', alert: 'var(--bad)', stream: 'var(--bad)', trigger: 'var(--bad)' };

export const TimelineStrip = memo(function TimelineStrip(props: { timeline: Timeline; onMinute(minute: number): void }) {
  const t = props.timeline;
  const [ref, width] = useElementWidth<HTMLDivElement>(600);
  const box = useMemo(() => ({ left: 8, width: Math.max(100, width - 16), base: BASE, room: ROOM }), [width]);
  const vol = useMemo(() => volumeColumns(t.comments, t.from, t.to, box), [t.comments, t.from, t.to, box]);
  const bands = useMemo(() => healthBands(t.health, t.from, t.to, box), [t.health, t.from, t.to, box]);
  const totals = useMemo(() => intentTotals(t.comments), [t.comments]);
  const { x } = stripScale(t.from, t.to, box);
  const spanMin = Math.max(1, Math.ceil((t.to - t.from) / 60_000));
  const ticks = timeTicks(spanMin).filter((m) => m * 60_000 <= t.to - t.from);
  const all = totals.reduce((a, b) => a + b.n, 0);
  const red = t.health.filter((h) => h.level === 'red').length;
  const summary = `Comments per minute by intent since GO: ${all} in all${totals.length ? ` (${totals.map((i) => `${i.n} ${i.intent}`).join(', ')})` : ''}; busiest minute ${vol.max}. Stream health: ${t.health.length ? `${red} minute${red === 1 ? '' : 's'} red of ${t.health.length}` : 'no samples'}.`;
  return (
    <div className="timeline-strip" data-testid="timeline-strip">
      <ul className="kpi-legend" aria-label="Comment volume legend" data-testid="timeline-intents">
        {totals.map((i) => (
          <li key={i.intent} data-intent={i.intent}>
            <span className="kpi-swatch" style={{ background: INTENT_COLOR[i.intent] ?? 'var(--muted)' }} /> {i.intent} <span className="num">{i.n}</span>
          </li>
        ))}
        {totals.length === 0 ? <li className="muted">no comments since GO</li> : null}
        <li className="muted">{t.health.length ? 'stream health: a band per minute, green / amber / red' : 'stream health: no samples yet'}</li>
      </ul>
      <div ref={ref}>
        <svg width={width} height={H} role="img" aria-label={summary} className="kpi-svg">
          <text x={box.left} y={12} className="strip-label">
            stream health
          </text>
          <g data-part="health">
            {bands.map((b) => (
              <rect key={b.x} x={b.x} y={HEALTH_Y} width={b.w} height={HEALTH_H} fill={LEVEL_COLOR[b.level]} fillOpacity={0.8}>
                <title>{b.words}</title>
              </rect>
            ))}
          </g>
          <text x={box.left} y={HEALTH_Y + HEALTH_H + 15} className="strip-label">
            comments / min (max {vol.max})
          </text>
          <g data-part="comments">
            {vol.columns.map((c) => (
              <g key={c.minute} className="strip-column" onClick={() => props.onMinute(c.minute)} data-minute={c.minute} data-total={c.total}>
                <title>{volumeWords(c)}</title>
                {c.stack.map((s) => (
                  <rect key={s.intent} x={c.x} y={s.y} width={c.w} height={Math.max(0.5, s.h)} fill={INTENT_COLOR[s.intent] ?? 'var(--muted)'} data-intent={s.intent} />
                ))}
              </g>
            ))}
          </g>
          <g data-part="markers">
            {t.items
              .filter((i) => MARKED.has(i.kind))
              .map((i, n) => (
                <line key={`${i.at}-${n}`} x1={x(i.at)} x2={x(i.at)} y1={HEALTH_Y - 4} y2={BASE} stroke={MARK_COLOR[i.kind]} strokeWidth={1} strokeOpacity={0.8}>
                  <title>{`${i.label} ${i.detail}`}</title>
                </line>
              ))}
          </g>
          <line x1={box.left} x2={box.left + box.width} y1={BASE} y2={BASE} stroke="var(--muted)" />
          <g className="kpi-axes">
            {ticks.map((m) => (
              <text key={m} x={x(t.from + m * 60_000)} y={H - 4} textAnchor={m === 0 ? 'start' : 'middle'}>
                {clockLabel(m)}
              </text>
            ))}
          </g>
        </svg>
      </div>
    </div>
  );
});
