// The live incident timeline: stream health and comment volume by intent per minute as a strip,
// then every item of the show so far on the show clock (GO, segments, cues, offer pauses and resumes
// with reason and who, rule firings, alerts raised and cleared, acks, stream drops, END), newest
// first, with a minute picker to zoom in and the audit row each came from.
import { useState } from 'react';
import type { Timeline } from '../../../../shared/contract/index';
import { Panel } from '../../ui/Panel';
import { KIND_LABEL, minutesWithItems, showClock, visibleItems } from './timeline.logic';
import { TimelineStrip } from './TimelineStrip';

export function IncidentTimelinePanel(props: { timeline: Timeline | null }) {
  const [minute, setMinute] = useState<number | null>(null);
  const t = props.timeline;
  if (!t) {
    return (
      <Panel title="Incident timeline" testId="incident-timeline">
        <p className="muted">The timeline starts at GO.</p>
      </Panel>
    );
  }
  const items = visibleItems(t.items, t.from, minute);
  const picker = (
    <label className="small">
      Minute{' '}
      <select data-testid="timeline-minute" value={minute === null ? '' : String(minute)} onChange={(e) => setMinute(e.target.value === '' ? null : Number(e.target.value))}>
        <option value="">whole show</option>
        {minutesWithItems(t.items, t.from, minute).map((m) => (
          <option key={m} value={m}>
            {showClock(t.from + m * 60_000, t.from)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <Panel title="Incident timeline" testId="incident-timeline" actions={picker}>
      <TimelineStrip timeline={t} onMinute={setMinute} />
      <ol className="timeline-list" data-testid="timeline-items" data-count={t.items.length}>
        {items.map((i, n) => (
          <li key={`${i.at}-${i.kind}-${n}`} className={`timeline-item timeline-${i.kind}`} data-kind={i.kind} title={i.auditSeq !== null ? `audit row #${i.auditSeq}` : undefined}>
            <span className="timeline-clock">{showClock(i.at, t.from)}</span>
            <span className="timeline-kind">{KIND_LABEL[i.kind]}</span>
            <span className="timeline-label">{i.label}</span>
            {i.detail ? <span className="muted small timeline-detail">{i.detail}</span> : null}
            {i.by ? <span className="muted small">· {i.by}</span> : null}
            {i.auditSeq !== null ? <span className="muted small">#{i.auditSeq}</span> : null}
          </li>
        ))}
      </ol>
    </Panel>
  );
}
