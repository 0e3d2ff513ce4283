// The open work, in memory: which comments are waiting in which queue, who holds which, and the
// oldest wait per queue. Rebuilt from SQLite at start (the records themselves live there).
//
// It is kept for every open comment for the whole show, so it is kept small: one Map entry per
// comment, in its queue's lane, whose value is the receipt time as an offset from the index's epoch
// (a small integer V8 stores in the entry itself, no object and no boxed number). What only some
// comments have — a claim, an escalation — sits in a side Map for those alone.
import { OPEN_STATUSES, type CommentRecord, type CommentStatus, type QueueSummary } from '../../shared/contract/index';
import { queueNames, type QueueName } from '../../shared/show/show.schema';

export interface OpenEntry {
  queue: QueueName;
  status: CommentStatus;
  receivedAt: number;
  claimedBy: string | null;
}

interface Lane {
  /** Comment id → receivedAt − epoch, in the order the comments entered the lane. */
  at: Map<string, number>;
  claimed: number;
  /** Entries were appended in receipt order; a comment moved in from another queue breaks that. */
  ordered: boolean;
  lastReceivedAt: number;
}

/** Status and holder of an open comment that is not plain 'new' (claimed or escalated). */
interface Handling {
  status: CommentStatus;
  claimedBy: string | null;
}

export interface OverflowLimits {
  backlog: number;
  oldestSeconds: number;
}

export interface QueueIndex {
  reset(records: readonly CommentRecord[]): void;
  /** Records the comment's current handling: kept if open, dropped if done. */
  apply(record: Pick<CommentRecord, 'id' | 'queue' | 'status' | 'receivedAt' | 'claimedBy'>): void;
  get(id: string): OpenEntry | null;
  size(): number;
  /**
   * Per queue: open comments, the oldest wait, and the overflow verdict. `itemsOf` gives the open
   * work items (people asking the same thing count once): the backlog limit is about them, since
   * one answer clears a whole item; without it every comment is an item.
   */
  summaries(now: number, limits: OverflowLimits, watched: ReadonlySet<QueueName>, itemsOf?: (queue: QueueName) => number): QueueSummary[];
}

export const isOpen = (status: CommentStatus) => OPEN_STATUSES.includes(status);

export function createQueueIndex(): QueueIndex {
  const lanes = new Map<QueueName, Lane>(queueNames.map((q) => [q, { at: new Map(), claimed: 0, ordered: true, lastReceivedAt: 0 }]));
  const handling = new Map<string, Handling>();
  let size = 0;
  // Receipt times are stored relative to the first one seen, so a show's offsets stay small
  // integers for weeks; one further out is still exact, only boxed.
  let epoch: number | null = null;
  const offsetOf = (receivedAt: number) => {
    epoch ??= receivedAt;
    return receivedAt - epoch;
  };
  const timeOf = (offset: number) => offset + (epoch ?? 0);
  const lane = (q: QueueName): Lane => {
    let l = lanes.get(q);
    if (!l) {
      // A queue name the show schema does not list (an old row): counted, never summarised.
      l = { at: new Map(), claimed: 0, ordered: true, lastReceivedAt: 0 };
      lanes.set(q, l);
    }
    return l;
  };
  /** The lane holding `id`: a handful of lookups, instead of a second Map entry per comment. */
  const laneOf = (id: string): [QueueName, Lane] | null => {
    for (const entry of lanes) if (entry[1].at.has(id)) return entry;
    return null;
  };

  const remove = (id: string, l: Lane) => {
    l.at.delete(id);
    size -= 1;
    if (handling.get(id)?.status === 'claimed') l.claimed -= 1;
    handling.delete(id);
    if (l.at.size === 0) {
      l.ordered = true;
      l.lastReceivedAt = 0;
    }
  };

  const setHandling = (id: string, l: Lane, status: CommentStatus, claimedBy: string | null) => {
    if (status === 'claimed') l.claimed += 1;
    if (status === 'new' && claimedBy === null) handling.delete(id);
    else handling.set(id, { status, claimedBy });
  };

  const oldestOf = (l: Lane): number | null => {
    if (l.at.size === 0) return null;
    if (l.ordered) return timeOf(l.at.values().next().value as number);
    let min = Number.POSITIVE_INFINITY;
    for (const v of l.at.values()) if (v < min) min = v;
    return timeOf(min);
  };

  return {
    reset(records) {
      for (const l of lanes.values()) {
        l.at.clear();
        l.claimed = 0;
        l.ordered = true;
        l.lastReceivedAt = 0;
      }
      handling.clear();
      size = 0;
      epoch = null;
      for (const r of [...records].sort((a, b) => a.receivedAt - b.receivedAt)) this.apply(r);
    },
    apply(r) {
      const found = laneOf(r.id);
      if (!isOpen(r.status)) {
        if (found) remove(r.id, found[1]);
        return;
      }
      if (found && found[0] === r.queue) {
        // Same lane: update in place and keep its position (and the lane's order).
        const l = found[1];
        if (handling.get(r.id)?.status === 'claimed') l.claimed -= 1;
        l.at.set(r.id, offsetOf(r.receivedAt));
        setHandling(r.id, l, r.status, r.claimedBy);
        return;
      }
      if (found) remove(r.id, found[1]);
      const l = lane(r.queue);
      if (r.receivedAt < l.lastReceivedAt) l.ordered = false;
      l.lastReceivedAt = Math.max(l.lastReceivedAt, r.receivedAt);
      l.at.set(r.id, offsetOf(r.receivedAt));
      size += 1;
      setHandling(r.id, l, r.status, r.claimedBy);
    },
    get(id) {
      const found = laneOf(id);
      if (!found) return null;
      const h = handling.get(id);
      return { queue: found[0], status: h?.status ?? 'new', receivedAt: timeOf(found[1].at.get(id) as number), claimedBy: h?.claimedBy ?? null };
    },
    size: () => size,
    summaries(now, limits, watched, itemsOf) {
      return queueNames.map((name) => {
        const l = lane(name);
        const oldest = oldestOf(l);
        const open = l.at.size;
        const items = itemsOf ? itemsOf(name) : open;
        const isWatched = watched.has(name);
        const reasons: string[] = [];
        if (isWatched && items > limits.backlog) reasons.push(items === open ? `${open} waiting (limit ${limits.backlog})` : `${items} items waiting (limit ${limits.backlog}; ${open} comments)`);
        const age = oldest === null ? 0 : Math.floor((now - oldest) / 1000);
        if (isWatched && oldest !== null && age > limits.oldestSeconds) reasons.push(`oldest ${age} s (limit ${limits.oldestSeconds} s)`);
        return {
          name,
          open,
          items,
          claimed: l.claimed,
          oldestReceivedAt: oldest,
          watched: isWatched,
          overflow: reasons.length > 0,
          overflowReason: reasons.length ? reasons.join(', ') : null,
        };
      });
    },
  };
}
