// The moderator view's rules, as plain functions (unit-tested without a browser): filters and the
// station's desk filter they become, queue order, SLA timer levels and who holds what. The rows
// themselves, their order and their groups come from the station (`comments.desk`).
import type { CommentRecord, CommentStatus, DeskFilter, Intent, QueueSummary } from '../../../../shared/contract/index';
import type { QueueName } from '../../../../shared/show/show.schema';

export const OPEN: readonly CommentStatus[] = ['new', 'claimed', 'escalated'];
export const isOpenStatus = (s: CommentStatus) => OPEN.includes(s);

export { QUEUE_LABELS, QUEUE_ORDER } from '../../../../shared/show/queue-labels';

export interface Filters {
  queue: QueueName | 'all';
  intent: Intent | 'all';
  /** A SKU, language or platform; `all` for no filter. */
  sku: string;
  lang: string;
  platform: string;
  /** Show answered and dismissed comments too (newest first). */
  done: boolean;
}

/** The station's desk filter for the view's filters ("all" means no filter). */
export function deskFilterOf(f: Filters): DeskFilter {
  return {
    queue: f.queue,
    done: f.done,
    ...(f.intent !== 'all' ? { intent: f.intent } : {}),
    ...(f.sku !== 'all' ? { sku: f.sku } : {}),
    ...(f.lang !== 'all' ? { lang: f.lang } : {}),
    ...(f.platform !== 'all' ? { platform: f.platform } : {}),
  };
}

/** Intents that need a person: only these carry an SLA clock on the desk. */
export const needsPerson = (intent: Intent) => intent === 'complaint' || intent === 'question' || intent === 'order';

export const NO_FILTERS: Filters = { queue: 'commerce', intent: 'all', sku: 'all', lang: 'all', platform: 'all', done: false };

export type Level = 'green' | 'amber' | 'red';

/** Response-time level against the SLA: amber from three quarters of it, red past it. */
export function slaLevel(c: Pick<CommentRecord, 'receivedAt' | 'answeredAt'>, now: number, slaSeconds: number): Level {
  const waited = ((c.answeredAt ?? now) - c.receivedAt) / 1000;
  if (waited > slaSeconds) return 'red';
  if (waited > slaSeconds * 0.75) return 'amber';
  return 'green';
}

export function waitedSeconds(c: Pick<CommentRecord, 'receivedAt' | 'answeredAt'>, now: number): number {
  return Math.max(0, Math.floor(((c.answeredAt ?? now) - c.receivedAt) / 1000));
}

/**
 * Whether a row's clock reads the current time: an open row that waits on a person, or a closed one
 * with no answer time. The others (no clock, or counted to their answer) need no re-render per tick.
 */
export function readsClock(c: Pick<CommentRecord, 'status' | 'intent' | 'answeredAt'>): boolean {
  return isOpenStatus(c.status) ? needsPerson(c.intent) : c.answeredAt === null;
}

/** What the row says about its holder: "You are replying", "Ana Reyes is replying", or nothing. */
export function holderLabel(c: Pick<CommentRecord, 'status' | 'claimedBy'>, me: string): string | null {
  if (c.status !== 'claimed' || !c.claimedBy) return null;
  return c.claimedBy === me ? 'You are replying' : `${c.claimedBy} is replying`;
}

/** Someone else holds it: this view must not offer to claim, answer or dismiss it. */
export function heldByOther(c: Pick<CommentRecord, 'status' | 'claimedBy'>, me: string): boolean {
  return c.status === 'claimed' && c.claimedBy !== null && c.claimedBy !== me;
}

export function queueLevel(q: Pick<QueueSummary, 'overflow' | 'open' | 'watched'>): Level | 'idle' {
  if (q.overflow) return 'red';
  if (!q.watched || q.open === 0) return 'idle';
  return 'amber';
}

export function confidenceText(confidence: number): string {
  return `${Math.round(confidence * 100)}%`;
}
