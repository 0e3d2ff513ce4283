// Service KPIs over the rolling windows (1, 5, 15 min and the whole show): comment response time
// p50/p90 per queue and in total, from answered comments bucketed by the minute they were answered
// in, and the script approval SLA from the sign-off requests. Adding an answer is O(1) amortised.
import type { ApprovalWindow, KpiWindowName, ResponseWindow, ServiceWindowsView } from '../../shared/contract/index';
import type { AddResult } from './kpi.windows';

export interface AnsweredComment {
  id: string;
  queue: string;
  receivedAt: number;
  answeredAt: number;
}
/** A sign-off request: `decidedAt` when approved or returned, null while open. */
export interface SignoffRequest {
  requestedAt: number;
  dueAt: number;
  decidedAt: number | null;
}

const MINUTE = 60_000;
const FUTURE_SKEW_MS = 5_000;
/** Response times are kept to the second, and anything past two hours counts as two hours. */
const MAX_SECONDS = 7200;
const SPANS: Record<Exclude<KpiWindowName, 'show'>, number> = { '1m': 1, '5m': 5, '15m': 15 };
const TOTAL = '*';

/** Seconds → count: percentiles of any number of answers from at most MAX_SECONDS bins. */
type Histogram = Map<number, number>;
interface Bucket {
  hist: Histogram;
  answered: number;
  withinSla: number;
}
const bucket = (): Bucket => ({ hist: new Map(), answered: 0, withinSla: 0 });

function percentile(hists: readonly Histogram[], total: number, q: number): number | null {
  if (total === 0) return null;
  const merged = new Map<number, number>();
  for (const h of hists) for (const [k, v] of h) merged.set(k, (merged.get(k) ?? 0) + v);
  // Nearest rank: the smallest value with at least q of the answers at or below it.
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (const k of [...merged.keys()].sort((a, b) => a - b)) {
    seen += merged.get(k)!;
    if (seen >= rank) return k;
  }
  return null;
}

function windowOf(buckets: readonly Bucket[]): ResponseWindow {
  const answered = buckets.reduce((n, b) => n + b.answered, 0);
  const hists = buckets.map((b) => b.hist);
  return {
    answered,
    withinSla: buckets.reduce((n, b) => n + b.withinSla, 0),
    p50: percentile(hists, answered, 0.5),
    p90: percentile(hists, answered, 0.9),
  };
}

export function approvalWindows(requests: readonly SignoffRequest[], now: number, startAt: number): Record<KpiWindowName, ApprovalWindow> {
  const out = {} as Record<KpiWindowName, ApprovalWindow>;
  const nowMinute = Math.floor(now / MINUTE);
  const spans: [KpiWindowName, number][] = [...(Object.entries(SPANS) as [KpiWindowName, number][]), ['show', Infinity]];
  for (const [name, span] of spans) {
    const from = span === Infinity ? startAt : (nowMinute - span + 1) * MINUTE;
    const w: ApprovalWindow = { due: 0, onTime: 0, open: 0 };
    for (const r of requests) {
      // The outcome's moment: the decision, or the due time once it has passed undecided.
      const outcomeAt = r.decidedAt ?? (now > r.dueAt ? r.dueAt : null);
      if (outcomeAt === null) {
        if (r.requestedAt <= now) w.open++;
        continue;
      }
      if (outcomeAt < from || outcomeAt < startAt || outcomeAt > now) continue;
      w.due++;
      if (r.decidedAt !== null && r.decidedAt <= r.dueAt) w.onTime++;
    }
    out[name] = w;
  }
  return out;
}

export function createServiceWindows(opts: { startAt: number; slaSeconds: number }) {
  const seen = new Set<string>();
  const series = new Map<string, { minutes: Map<number, Bucket>; whole: Bucket }>();
  let refused = 0;
  const get = (key: string) => {
    let s = series.get(key);
    if (!s) series.set(key, (s = { minutes: new Map(), whole: bucket() }));
    return s;
  };
  get(TOTAL);
  const put = (b: Bucket, secs: number) => {
    b.hist.set(secs, (b.hist.get(secs) ?? 0) + 1);
    b.answered++;
    if (secs <= opts.slaSeconds) b.withinSla++;
  };

  const check = (c: AnsweredComment, now: number): string | null => {
    if (seen.has(c.id)) return `comment ${c.id} already counted`;
    if (!Number.isFinite(c.receivedAt) || !Number.isFinite(c.answeredAt)) return 'no valid time';
    if (c.answeredAt < c.receivedAt) return 'answered before it was received';
    if (c.answeredAt > now + FUTURE_SKEW_MS) return 'answered in the future';
    if (c.answeredAt < opts.startAt) return 'answered before the show went live';
    return null;
  };

  return {
    add(c: AnsweredComment, now: number): AddResult {
      const why = check(c, now);
      if (why) {
        refused++;
        return { ok: false, reason: why };
      }
      seen.add(c.id);
      // Whole seconds, rounded up: 0.2 s is "within 1 s", never "0 s".
      const secs = Math.min(MAX_SECONDS, Math.ceil((c.answeredAt - c.receivedAt) / 1000));
      const minute = Math.floor(c.answeredAt / MINUTE);
      for (const key of [TOTAL, c.queue]) {
        const s = get(key);
        let b = s.minutes.get(minute);
        if (!b) s.minutes.set(minute, (b = bucket()));
        put(b, secs);
        put(s.whole, secs);
      }
      return { ok: true };
    },
    view(now: number, requests: readonly SignoffRequest[]): ServiceWindowsView {
      const nowMinute = Math.floor(now / MINUTE);
      const windows = (s: { minutes: Map<number, Bucket>; whole: Bucket }): Record<KpiWindowName, ResponseWindow> => {
        const out = {} as Record<KpiWindowName, ResponseWindow>;
        for (const [name, span] of Object.entries(SPANS) as [Exclude<KpiWindowName, 'show'>, number][]) {
          const bs: Bucket[] = [];
          for (let m = nowMinute - span + 1; m <= nowMinute; m++) {
            const b = s.minutes.get(m);
            if (b) bs.push(b);
          }
          out[name] = windowOf(bs);
        }
        out.show = windowOf([s.whole]);
        return out;
      };
      const queues: ServiceWindowsView['responses']['queues'] = {};
      for (const [key, s] of series) if (key !== TOTAL) queues[key] = windows(s);
      const total = series.get(TOTAL)!;
      return {
        at: now,
        slaSeconds: opts.slaSeconds,
        responses: { total: windows(total), queues },
        approvals: approvalWindows(requests, now, opts.startAt),
        series: [...total.minutes.entries()]
          .sort((a, b) => a[0] - b[0])
          .map(([m, b]) => ({ at: m * MINUTE, answered: b.answered, p90: percentile([b.hist], b.answered, 0.9) })),
        refused,
      };
    },
  };
}
