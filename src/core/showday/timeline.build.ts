// One incident timeline for a show: stream health and comment volume per minute, and every event
// that mattered (GO, segments, cue moves, offer pauses and resumes with reason and who, trigger
// firings, alerts and their acknowledgements, END), each pointing back at its audit row.
import type { Alert, AuditEntry, CommentBucket, EndRecord, GoRecord, HealthLevel, HealthSample, SegmentMark, Timeline, TimelineItem, TriggerFiring } from '../../shared/contract/index';

export type { CommentBucket, HealthBand, Timeline, TimelineItem, TimelineKind } from '../../shared/contract/index';

const MINUTE = 60_000;
const LEVELS: HealthLevel[] = ['unknown', 'green', 'amber', 'red'];
const worse = (a: HealthLevel, b: HealthLevel) => (LEVELS.indexOf(b) > LEVELS.indexOf(a) ? b : a);
const reasonOf = (args: unknown) =>
  args && typeof args === 'object' && 'reason' in args && typeof (args as { reason: unknown }).reason === 'string' ? (args as { reason: string }).reason : '';
const offerOf = (args: unknown) =>
  args && typeof args === 'object' && 'offerId' in args ? String((args as { offerId: unknown }).offerId) : '?';

export function buildTimeline(input: {
  go: GoRecord;
  end: EndRecord | null;
  to: number;
  segments: readonly SegmentMark[];
  audit: readonly AuditEntry[];
  health: readonly HealthSample[];
  /** Comment volume by intent per minute (comment.volume.ts), already within the show. */
  comments: readonly CommentBucket[];
  alerts: readonly Alert[];
  firings: readonly TriggerFiring[];
}): Timeline {
  const from = input.go.at;
  const to = input.end?.at ?? input.to;
  const inShow = (at: number) => at >= from && at <= to;
  const items: TimelineItem[] = [];
  const goRow = input.audit.find((a) => a.command === 'show.go.record' && a.at === from);
  items.push({ at: from, kind: 'go', label: input.go.verdict === 'go' ? 'GO' : 'GO (overridden)', detail: input.go.overrides.map((o) => `${o.checkId}: ${o.reason}`).join('; '), by: input.go.by, auditSeq: goRow?.seq ?? null });
  for (const s of input.segments) if (inShow(s.at)) items.push({ at: s.at, kind: 'segment', label: s.title, detail: `segment ${s.segmentId}`, by: null, auditSeq: null });
  for (const a of input.audit) {
    if (!inShow(a.at)) continue;
    if (a.command === 'offer.pause' || a.command === 'offer.resume') {
      const verb = a.command === 'offer.pause' ? 'paused' : 'resumed';
      items.push({ at: a.at, kind: 'offer', label: `${offerOf(a.args)} ${a.outcome === 'ok' ? verb : `${verb}: ${a.outcome}`}`, detail: reasonOf(a.args) || (a.detail ?? ''), by: a.actor, auditSeq: a.seq });
    } else if (a.command.startsWith('cue.') && a.outcome === 'ok') {
      items.push({ at: a.at, kind: 'cue', label: a.command, detail: a.detail ?? '', by: a.actor, auditSeq: a.seq });
    } else if (a.command === 'alert.ack' && a.outcome === 'ok') {
      items.push({ at: a.at, kind: 'ack', label: 'alert acknowledged', detail: a.detail ?? '', by: a.actor, auditSeq: a.seq });
    }
  }
  for (const f of input.firings) {
    if (inShow(f.at)) items.push({ at: f.at, kind: 'trigger', label: `${f.kind} → ${f.action} ${f.offerId}`, detail: `${f.evidence} (${f.outcome})`, by: 'station', auditSeq: null });
  }
  for (const al of input.alerts) {
    if (inShow(al.raisedAt)) items.push({ at: al.raisedAt, kind: 'alert', label: `${al.level} · ${al.source}`, detail: al.message, by: null, auditSeq: null });
    if (al.clearedAt !== null && inShow(al.clearedAt)) {
      items.push({ at: al.clearedAt, kind: 'cleared', label: `cleared · ${al.source}`, detail: al.message, by: al.clearedBy, auditSeq: null });
    }
  }
  items.push(...streamItems(input.health, inShow));
  if (input.end) {
    const endRow = input.audit.find((a) => a.command === 'show.end' && a.at === input.end!.at);
    items.push({ at: input.end.at, kind: 'end', label: 'END', detail: input.end.overrideReason ?? '', by: input.end.by, auditSeq: endRow?.seq ?? null });
  }
  items.sort((a, b) => a.at - b.at || (a.auditSeq ?? 0) - (b.auditSeq ?? 0));

  const health = new Map<number, { sum: number; n: number; dropped: number | null; level: HealthLevel }>();
  // The first streaming sample after GO knows how long the stream had been up: that is its start.
  let streamStartAt = from;
  let sawStream = false;
  for (const h of input.health) {
    if (!inShow(h.at)) continue;
    if (h.streaming && !sawStream) {
      sawStream = true;
      streamStartAt = h.at - Math.max(0, h.uptimeMs);
    }
    const m = Math.floor(h.at / MINUTE) * MINUTE;
    const b = health.get(m) ?? { sum: 0, n: 0, dropped: null, level: 'unknown' as HealthLevel };
    if (h.bitrateKbps !== null) {
      b.sum += h.bitrateKbps;
      b.n += 1;
    }
    if (h.droppedFramesPct !== null) b.dropped = Math.max(b.dropped ?? 0, h.droppedFramesPct);
    b.level = worse(b.level, h.level);
    health.set(m, b);
  }
  return {
    showId: input.go.showId,
    title: input.go.title,
    rehearsal: input.go.rehearsal,
    from,
    to,
    streamStartAt,
    items,
    health: [...health.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([at, b]) => ({ at, bitrateKbps: b.n ? Math.round(b.sum / b.n) : null, droppedPct: b.dropped, level: b.level })),
    comments: input.comments.filter((c) => c.at + MINUTE > from && c.at <= to).map((c) => ({ at: c.at, total: c.total, byIntent: { ...c.byIntent } })),
  };
}

/** Stream drops and recoveries, and turns to red and back, from the stored health samples. */
function streamItems(samples: readonly HealthSample[], inShow: (at: number) => boolean): TimelineItem[] {
  const out: TimelineItem[] = [];
  let prev: HealthSample | null = null;
  for (const h of samples) {
    if (!inShow(h.at)) continue;
    if (prev) {
      if (prev.streaming && !h.streaming) out.push({ at: h.at, kind: 'stream', label: 'stream dropped', detail: 'the stream output stopped', by: null, auditSeq: null });
      else if (!prev.streaming && h.streaming) out.push({ at: h.at, kind: 'stream', label: 'stream back', detail: 'the stream output is live again', by: null, auditSeq: null });
      if (h.streaming && h.level === 'red' && prev.level !== 'red') {
        const why = [h.bitrateKbps !== null ? `${Math.round(h.bitrateKbps)} kbps` : null, h.droppedFramesPct !== null ? `${h.droppedFramesPct.toFixed(1)} % frames dropped` : null].filter(Boolean).join(', ');
        out.push({ at: h.at, kind: 'stream', label: 'stream health red', detail: why, by: null, auditSeq: null });
      } else if (h.streaming && prev.level === 'red' && h.level !== 'red') out.push({ at: h.at, kind: 'stream', label: `stream health ${h.level}`, detail: 'out of red', by: null, auditSeq: null });
    }
    prev = h;
  }
  return out;
}
