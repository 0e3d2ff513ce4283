// Show day as recorded decisions: GO (the preflight's verdict signed, with overrides and their
// reasons), END (the show's figures frozen) and the history of finished shows to compare against.
import { z } from 'zod';
import { PRODUCER, command } from './command';
import type { PreflightCheck } from './preflight.contract';
import type { OfferPhase } from './offers.contract';
import type { HealthLevel } from './obs.contract';
import { KPI_WINDOWS, type KpiWindowName } from './constants';

export { KPI_WINDOWS, type KpiWindowName };

export interface GoOverride {
  checkId: string;
  reason: string;
}

/** Everything the producer saw when they declared GO: one row in the audit chain, one file in the package. */
export interface GoRecord {
  showId: string;
  title: string;
  rehearsal: boolean;
  at: number;
  by: string;
  /** `go` when every check passed or warned; `go-overridden` when someone overrode a failing or pending check. */
  verdict: 'go' | 'go-overridden';
  checks: PreflightCheck[];
  overrides: GoOverride[];
  script: { versionId: string; number: number; hash: string; approvedHash: string; approver: string } | null;
  offers: { id: string; name: string; code: string; state: OfferPhase; storeKind: string; rehearsal: boolean }[];
  /** Who was connected, per role, and who ticked the manual items. */
  roster: { views: Record<string, number>; tickedBy: string[] };
  /** The preflight's test orders (code, amount, times, cancelled or not), when the checklist has one. */
  testOrders?: TestOrderResult[];
}

/** One finished show's figures: frozen at END, kept for comparison with the next shows. */
export interface ShowFigures {
  showId: string;
  title: string;
  rehearsal: boolean;
  goAt: number;
  endAt: number;
  durationSeconds: number;
  currency: string;
  views: number;
  addToCart: number;
  checkouts: number;
  orders: number;
  revenue: number;
  viewToCart: number | null;
  cartToCheckout: number | null;
  aov: number | null;
  paymentErrors: number;
  comments: number;
  answered: number;
  medianResponseSeconds: number | null;
  pauses: number;
  alerts: number;
  overrides: number;
}

export interface EndRecord {
  at: number;
  by: string;
  /** Why the producer ended the show while an offer's pause or resume was unfinished. */
  overrideReason: string | null;
  unfinished: string[];
  figures: ShowFigures;
}

/** A segment that became current while live, with the running commerce totals at that moment. */
export interface SegmentMark {
  at: number;
  segmentId: string;
  title: string;
  totals: { views: number; addToCart: number; checkouts: number; orders: number; revenue: number; paymentErrors: number };
}

export type ShowDayPhase = 'preflight' | 'live' | 'ended';

export interface ShowDayState {
  phase: ShowDayPhase;
  go: GoRecord | null;
  end: EndRecord | null;
  /** Segments of the live (or last ended) show, in order. */
  segments: SegmentMark[];
  /** Rolling windows since GO, per offer and in total; null before GO. */
  kpis: KpiWindowsView | null;
  /** The total per minute since GO, for the charts. */
  series: MinutePoint[];
  /** The latest events refused by the KPI maths, with the reason. */
  refusals: { at: number; reason: string }[];
  /** Active preflight probes the station ran (`ingest.backup`), read by the preflight checks. */
  probes: Record<string, ShowProbe>;
  /** Comment response times per queue and the script approval SLA over the same windows; null before GO. */
  service?: ServiceWindowsView | null;
}

/** Answered comments in a window: response time percentiles (seconds) and how many met the SLA. */
export interface ResponseWindow {
  answered: number;
  withinSla: number;
  p50: number | null;
  p90: number | null;
}
/** Sign-off requests whose outcome fell in the window: decided by their due time, or overdue. */
export interface ApprovalWindow {
  /** Requests decided (approved or returned) or past due in the window: the denominator. */
  due: number;
  onTime: number;
  /** Requests still open and not yet due at the window's end. */
  open: number;
}
export interface ServiceWindowsView {
  at: number;
  slaSeconds: number;
  responses: { total: Record<KpiWindowName, ResponseWindow>; queues: Record<string, Record<KpiWindowName, ResponseWindow>> };
  approvals: Record<KpiWindowName, ApprovalWindow>;
  /** Per minute since GO: comments answered and their p90, for the chart. */
  series: { at: number; answered: number; p90: number | null }[];
  refused: number;
}

/** One active probe's answer; `testOrders` carries the evidence of the test-order check. */
export interface ShowProbe {
  status: 'pass' | 'warn' | 'fail';
  detail: string;
  at: number;
  testOrders?: TestOrderResult[];
}

/** A real order placed through the store during preflight, then cancelled and refunded. */
export interface TestOrderResult {
  ok: boolean;
  store: string;
  /** The step reached: `done`, or the one that failed ("apply coupon LIVEGLOW", "refund"). */
  step: string;
  /** Why it failed, in the store's words; null when ok. */
  reason: string | null;
  orderCode: string | null;
  amount: number | null;
  currency: string | null;
  startedAt: number;
  placedAt: number | null;
  /** When the store's admin side listed the order with the same total. */
  confirmedAt: number | null;
  refundedAt: number | null;
  cancelledAt: number | null;
  /** False when an order was paid but not cancelled: someone must finish it in the store. */
  cancelled: boolean;
}

/** Counts over a window; revenue in the show's currency. */
export interface KpiCounts {
  views: number;
  addToCart: number;
  checkouts: number;
  orders: number;
  revenue: number;
  paymentErrors: number;
  refunds: number;
}
/** A ratio with its parts shown ("38 carts / 1,099 views"); `value` is null while `den` is 0. */
export interface Ratio {
  num: number;
  den: number;
  value: number | null;
}
export interface KpiWindow {
  counts: KpiCounts;
  viewToCart: Ratio;
  cartToCheckout: Ratio;
  /** Revenue per order. */
  aov: Ratio;
  /** Payment errors per payment attempt (orders + errors). */
  paymentErrorRate: Ratio;
}
export interface KpiWindowsView {
  at: number;
  currency: string;
  total: Record<KpiWindowName, KpiWindow>;
  offers: Record<string, Record<KpiWindowName, KpiWindow>>;
  accepted: number;
  refused: number;
}
export interface MinutePoint {
  /** Start of the minute (ms). */
  at: number;
  counts: KpiCounts;
}

// The incident timeline: one time axis for the show, live in the console and in the package.
export type TimelineKind = 'go' | 'end' | 'segment' | 'cue' | 'offer' | 'trigger' | 'alert' | 'ack' | 'cleared' | 'stream';
export interface TimelineItem {
  at: number;
  kind: TimelineKind;
  label: string;
  detail: string;
  by: string | null;
  /** The audit row this item comes from, when it has one. */
  auditSeq: number | null;
}
export interface HealthBand {
  at: number;
  bitrateKbps: number | null;
  droppedPct: number | null;
  level: HealthLevel;
}
export interface CommentBucket {
  at: number;
  total: number;
  byIntent: Record<string, number>;
}
export interface Timeline {
  showId: string;
  title: string;
  rehearsal: boolean;
  from: number;
  to: number;
  /** When the stream went live, the origin of the chapter markers; GO when it never did. */
  streamStartAt: number;
  items: TimelineItem[];
  health: HealthBand[];
  comments: CommentBucket[];
}

const reason = z.string().trim().min(8, 'write the reason in a sentence (at least 8 characters)').max(1000);

export const showdayCommands = {
  'show.go': command<{ go: GoRecord }>()({
    summary:
      'Declare GO. Refused while a check fails or is pending, unless each such check is overridden with a written reason. The GO record lands in the audit chain.',
    roles: PRODUCER,
    kind: 'write',
    args: z
      .object({ overrides: z.array(z.object({ checkId: z.string().min(1).max(100), reason }).strict()).max(50).optional() })
      .strict(),
  }),
  'show.end': command<{ end: EndRecord }>()({
    summary:
      'End the show: freezes its figures into the history. Refused while an offer is still pausing or resuming, unless overridden with a reason.',
    roles: PRODUCER,
    kind: 'write',
    args: z.object({ overrideReason: reason.optional() }).strict(),
  }),
  'show.probe': command<{ probes: ShowDayState['probes'] }>()({
    summary: 'Run the active show-day probes now (the backup ingest answers the RTMP handshake). Part of preflight.run.',
    roles: PRODUCER,
    kind: 'write',
    args: z.object({}).strict(),
  }),
  // Handled by the offers module (it holds the store adapters); declared here with the show-day check that uses it.
  'offer.testOrder': command<{ offerId: string; result: TestOrderResult }>()({
    summary:
      'Place a real test order through the offer’s store with its code (checkout, payment), confirm it on the admin side, then refund and cancel it. The result is an answer, also when the store fails.',
    roles: PRODUCER,
    kind: 'write',
    args: z.object({ offerId: z.string().min(1).max(200) }).strict(),
  }),
  'show.timeline': command<{ timeline: Timeline | null }>()({
    summary:
      'The incident timeline of the live (or last ended) show so far: GO, segments, cues, offer pauses and resumes with reason and who, trigger firings, alerts raised and cleared, acknowledgements, stream drops, END; stream health and comment volume by intent per minute. Null before GO.',
    roles: PRODUCER,
    kind: 'read',
    args: z.object({}).strict(),
  }),
  'show.history': command<{ shows: ShowFigures[] }>()({
    summary: 'Finished shows with their frozen figures, newest first.',
    roles: PRODUCER,
    kind: 'read',
    args: z.object({ limit: z.number().int().min(1).max(500).default(50) }).strict(),
  }),
};
