// The moderator view's rules, as plain functions (unit-tested without a browser): the client's
// collection of comments, filters, queue order, SLA timer levels, who holds what, and j/k moves.
import type { CommentRecord, CommentStatus, DeskFilter, Intent, QueueSummary } from '../../../../shared/contract/index';
import type { QueueName } from '../../../../shared/show/show.schema';

export const OPEN: readonly CommentStatus[] = ['new', 'claimed', 'escalated'];
export const isOpenStatus = (s: CommentStatus) => OPEN.includes(s);

export const QUEUE_LABELS: Record<QueueName, string> = {
  commerce: 'Commerce',
  moderators: 'Questions',
  'customer-service': 'Customer service',
  unsure: 'Unsure',
  spam: 'Spam (hidden)',
  other: 'Chatter',
};
/** Work queues first, the review lanes last. */
export const QUEUE_ORDER: readonly QueueName[] = ['commerce', 'moderators', 'customer-service', 'unsure', 'other', 'spam'];

/**
 * The view's copy of the comments it has seen: every open one, plus the most recent done ones
 * (older done comments are dropped so a four-hour show does not grow the tab without bound).
 */
export interface CommentCollection {
  byId: Map<string, CommentRecord>;
  version: number;
  /**
   * Every SKU, language and platform seen, kept as comments arrive: rescanning 100,000 comments
   * for the filter drop-downs on each update cost more than the list itself.
   */
  facets: Record<FacetKey, Set<string>>;
}

export type FacetKey = 'sku' | 'lang' | 'platform';
const FACET_KEYS: readonly FacetKey[] = ['sku', 'lang', 'platform'];

export const DONE_KEPT = 5_000;

export function emptyCollection(): CommentCollection {
  return { byId: new Map(), version: 0, facets: { sku: new Set(), lang: new Set(), platform: new Set() } };
}

/**
 * Applies records (from a list page or a `comments.changed` event); the later call wins, so the
 * feed applies the events that arrived during a page load after that page.
 */
export function mergeComments(col: CommentCollection, records: readonly CommentRecord[]): CommentCollection {
  for (const r of records) {
    col.byId.set(r.id, r);
    for (const k of FACET_KEYS) {
      const v = r[k];
      if (v) col.facets[k].add(v);
    }
  }
  col.version += 1;
  if (col.byId.size > DONE_KEPT * 2) pruneDone(col);
  return col;
}

function pruneDone(col: CommentCollection): void {
  const done = [...col.byId.values()].filter((c) => !isOpenStatus(c.status)).sort((a, b) => b.seq - a.seq);
  for (const c of done.slice(DONE_KEPT)) col.byId.delete(c.id);
}

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

export function matches(c: CommentRecord, f: Filters): boolean {
  // Spam stays hidden unless its lane is opened on purpose.
  if (f.queue === 'all' ? c.queue === 'spam' : c.queue !== f.queue) return false;
  if (f.intent !== 'all' && c.intent !== f.intent) return false;
  if (f.sku !== 'all' && c.sku !== f.sku) return false;
  if (f.lang !== 'all' && c.lang !== f.lang) return false;
  if (f.platform !== 'all' && c.platform !== f.platform) return false;
  return f.done ? !isOpenStatus(c.status) : isOpenStatus(c.status);
}

/** What matters first in open work: complaints, then questions, then the rest. */
const URGENCY: Record<Intent, number> = { complaint: 0, question: 1, order: 2, other: 3, spam: 4 };

/** Open work by what matters (complaints, questions), then oldest first; done work newest first. */
export function visibleComments(col: CommentCollection, f: Filters): CommentRecord[] {
  const out: CommentRecord[] = [];
  for (const c of col.byId.values()) if (matches(c, f)) out.push(c);
  return out.sort(f.done ? (a, b) => b.seq - a.seq : (a, b) => URGENCY[a.intent] - URGENCY[b.intent] || a.seq - b.seq);
}

/** The values seen for a filter's drop-down, sorted. */
export function facet(col: CommentCollection, key: FacetKey): string[] {
  return [...col.facets[key]].sort();
}

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

/** What the row says about its holder: "You are replying", "Ana Reyes is replying", or nothing. */
export function holderLabel(c: Pick<CommentRecord, 'status' | 'claimedBy'>, me: string): string | null {
  if (c.status !== 'claimed' || !c.claimedBy) return null;
  return c.claimedBy === me ? 'You are replying' : `${c.claimedBy} is replying`;
}

/** Someone else holds it: this view must not offer to claim, answer or dismiss it. */
export function heldByOther(c: Pick<CommentRecord, 'status' | 'claimedBy'>, me: string): boolean {
  return c.status === 'claimed' && c.claimedBy !== null && c.claimedBy !== me;
}

/** j/k: the next selection, staying inside the list. */
export function moveSelection(list: readonly Pick<CommentRecord, 'id'>[], selectedId: string | null, delta: number): string | null {
  if (list.length === 0) return null;
  const i = selectedId === null ? -1 : list.findIndex((c) => c.id === selectedId);
  if (i === -1) return (delta >= 0 ? list[0] : list[list.length - 1])?.id ?? null;
  return list[Math.max(0, Math.min(list.length - 1, i + delta))]?.id ?? null;
}

/** The selection after the list changed: keep it if still there, else the item now in its place. */
export function keepSelection(list: readonly Pick<CommentRecord, 'id'>[], selectedId: string | null, previousIndex: number): string | null {
  if (selectedId !== null && list.some((c) => c.id === selectedId)) return selectedId;
  if (list.length === 0) return null;
  return list[Math.max(0, Math.min(list.length - 1, previousIndex))]?.id ?? null;
}

export function queueLevel(q: Pick<QueueSummary, 'overflow' | 'open' | 'watched'>): Level | 'idle' {
  if (q.overflow) return 'red';
  if (!q.watched || q.open === 0) return 'idle';
  return 'amber';
}

export function confidenceText(confidence: number): string {
  return `${Math.round(confidence * 100)}%`;
}

/** What makes two comments "the same question": case, accents, emoji, punctuation and spacing aside. */
export function clusterKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[\p{Extended_Pictographic}\u{FE0F}\u{200D}]/gu, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Open comments that say the same thing, by comment id: every member maps to the whole group
 * (oldest first). Only groups of two or more, so a lone comment has no entry.
 */
export function clustersOf(list: readonly CommentRecord[], keys: Map<string, string> = new Map()): Map<string, string[]> {
  const byKey = new Map<string, CommentRecord[]>();
  for (const c of list) {
    if (!isOpenStatus(c.status)) continue;
    // `keys` caches text → key across calls: the desk recomputes on every change of a long list.
    let k = keys.get(c.text);
    if (k === undefined) {
      k = clusterKey(c.text);
      if (keys.size > 200_000) keys.clear();
      keys.set(c.text, k);
    }
    if (k === '') continue;
    const g = byKey.get(k);
    if (g) g.push(c);
    else byKey.set(k, [c]);
  }
  const out = new Map<string, string[]>();
  for (const g of byKey.values()) {
    if (g.length < 2) continue;
    const ids = [...g].sort((a, b) => a.seq - b.seq).map((c) => c.id);
    for (const id of ids) out.set(id, ids);
  }
  return out;
}
