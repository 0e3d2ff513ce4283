// Test oracle: the queue index exactly as it was at 65ae888 (a Map entry and an object per open
// comment). The compact index must answer every question the same; see comments.open-index.property.test.ts.
// The open work, in memory: which comments are waiting in which queue, who holds which, and the
// oldest wait per queue. Compact entries only (the records themselves live in SQLite), so 100,000
// open comments cost a few megabytes. Rebuilt from SQLite at start.
import { OPEN_STATUSES, type CommentRecord, type CommentStatus, type QueueSummary } from '../../shared/contract/index';
import { queueNames, type QueueName } from '../../shared/show/show.schema';

export interface OpenEntry {
  queue: QueueName;
  status: CommentStatus;
  receivedAt: number;
  claimedBy: string | null;
}

interface Lane {
  entries: Map<string, OpenEntry>;
  claimed: number;
  /** Entries were appended in receipt order; a comment moved in from another queue breaks that. */
  ordered: boolean;
  lastReceivedAt: number;
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
  const byId = new Map<string, OpenEntry>();
  const lanes = new Map<QueueName, Lane>();
  const lane = (q: QueueName): Lane => {
    let l = lanes.get(q);
    if (!l) {
      l = { entries: new Map(), claimed: 0, ordered: true, lastReceivedAt: 0 };
      lanes.set(q, l);
    }
    return l;
  };

  const remove = (id: string) => {
    const old = byId.get(id);
    if (!old) return;
    byId.delete(id);
    const l = lane(old.queue);
    l.entries.delete(id);
    if (old.status === 'claimed') l.claimed -= 1;
    if (l.entries.size === 0) {
      l.ordered = true;
      l.lastReceivedAt = 0;
    }
  };

  const add = (id: string, e: OpenEntry) => {
    byId.set(id, e);
    const l = lane(e.queue);
    if (e.receivedAt < l.lastReceivedAt) l.ordered = false;
    l.lastReceivedAt = Math.max(l.lastReceivedAt, e.receivedAt);
    l.entries.set(id, e);
    if (e.status === 'claimed') l.claimed += 1;
  };

  const oldestOf = (l: Lane): number | null => {
    if (l.entries.size === 0) return null;
    if (l.ordered) return l.entries.values().next().value?.receivedAt ?? null;
    let min = Number.POSITIVE_INFINITY;
    for (const e of l.entries.values()) if (e.receivedAt < min) min = e.receivedAt;
    return min;
  };

  return {
    reset(records) {
      byId.clear();
      lanes.clear();
      for (const r of [...records].sort((a, b) => a.receivedAt - b.receivedAt)) this.apply(r);
    },
    apply(r) {
      const old = byId.get(r.id);
      if (!isOpen(r.status)) {
        remove(r.id);
        return;
      }
      const next: OpenEntry = { queue: r.queue, status: r.status, receivedAt: r.receivedAt, claimedBy: r.claimedBy };
      if (old && old.queue === r.queue) {
        // Same lane: update in place and keep its position (and the lane's order).
        const l = lane(r.queue);
        if (old.status === 'claimed') l.claimed -= 1;
        if (next.status === 'claimed') l.claimed += 1;
        l.entries.set(r.id, next);
        byId.set(r.id, next);
        return;
      }
      remove(r.id);
      add(r.id, next);
    },
    get: (id) => byId.get(id) ?? null,
    size: () => byId.size,
    summaries(now, limits, watched, itemsOf) {
      return queueNames.map((name) => {
        const l = lane(name);
        const oldest = oldestOf(l);
        const open = l.entries.size;
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
