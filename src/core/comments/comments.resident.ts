// Which open comments the station keeps in memory: per queue, the oldest `cap` (the ones the desk
// reads first); later arrivals in a full queue stay in SQLite only, counted here, and are read back
// in receipt order as the kept ones are answered, so memory stays bounded through a whole show.
import { INTENTS, type Intent } from '../../shared/contract/index';
import type { QueueName } from '../../shared/show/show.schema';

/**
 * Open comments kept per queue by default: the desk reads a few hundred at most, and at ~300 bytes
 * each (queue and cluster entries) six full queues stay under 20 MB however long the show runs.
 */
export const DEFAULT_RESIDENT_PER_QUEUE = 10_000;

/** Intents whose comments a person must handle (the desk's work tiers: complaints, questions, orders). */
const WORK: ReadonlySet<Intent> = new Set<Intent>(['complaint', 'question', 'order']);

export interface Spilled {
  /** Open comments of this queue kept in SQLite only (all after the queue's cut). */
  comments: number;
  /** Of those, the ones a person must handle. */
  work: number;
}

interface Lane extends Spilled {
  /** Open comments with seq above this are not kept in memory (unless a person touched them). */
  cut: number;
}

export interface ResidentRow {
  id: string;
  seq: number;
  queue: QueueName;
  intent: Intent;
}

export interface ResidentWindow {
  readonly cap: number;
  /**
   * An arriving open comment: true to keep it in memory, false when its queue is full (or already
   * spilling, so what is kept stays the oldest prefix in receipt order).
   */
  admit(r: ResidentRow, keptInQueue: number): boolean;
  /** A comment that was open but not kept changed (closed, moved, claimed): it leaves its queue's spilled count. */
  left(prev: Pick<ResidentRow, 'queue' | 'intent'>): void;
  /** Where to read more from SQLite for a queue with room again, or null (nothing spilled, or still full). */
  refillFrom(queue: QueueName, keptInQueue: number): { afterSeq: number; limit: number } | null;
  /**
   * Rows read back (open, seq > the cut, in seq order, at most `limit`): `isKept` tells which a
   * person already brought into memory; the rest are kept now. Fewer than asked: nothing is left.
   */
  refilled<T extends ResidentRow>(queue: QueueName, rows: readonly T[], limit: number, isKept: (id: string) => boolean): T[];
  spilled(queue: QueueName): Spilled;
  spilledWork(): number;
  /**
   * Counts every change to what is spilled (an arrival kept out, one leaving, a read back, a restart): the
   * desk's version adds it, because a comment that never enters memory must still tell open desks their total moved.
   */
  changes(): number;
  /** Starts from SQLite: per queue, the kept rows (the oldest `cap`) and how many are open in all. */
  reset(lanes: readonly { queue: QueueName; kept: readonly ResidentRow[]; open: number; openWork: number }[]): void;
}

export function createResidentWindow(options: { cap: number; refillBatch?: number }): ResidentWindow {
  const cap = Math.max(1, Math.floor(options.cap));
  // Read back once a queue has this much room, in reads of this size: few queries, no thrashing.
  const batch = Math.max(1, Math.min(cap, Math.floor(options.refillBatch ?? Math.ceil(cap / 4))));
  const lanes = new Map<QueueName, Lane>();
  let work = 0;
  let changes = 0;

  const drop = (q: QueueName, l: Lane) => {
    work -= l.work;
    lanes.delete(q);
  };

  return {
    cap,
    admit(r, keptInQueue) {
      let l = lanes.get(r.queue);
      if (!l && keptInQueue < cap) return true;
      if (!l) {
        l = { cut: r.seq - 1, comments: 0, work: 0 };
        lanes.set(r.queue, l);
      }
      l.comments += 1;
      changes += 1;
      if (WORK.has(r.intent)) {
        l.work += 1;
        work += 1;
      }
      return false;
    },
    left(prev) {
      const l = lanes.get(prev.queue);
      if (!l) return;
      changes += 1;
      l.comments = Math.max(0, l.comments - 1);
      if (WORK.has(prev.intent) && l.work > 0) {
        l.work -= 1;
        work -= 1;
      }
    },
    refillFrom(queue, kept) {
      const l = lanes.get(queue);
      if (!l || cap - kept < batch) return null;
      return { afterSeq: l.cut, limit: batch };
    },
    refilled(queue, rows, limit, isKept) {
      const l = lanes.get(queue);
      if (!l) return [];
      changes += 1;
      const taken: typeof rows[number][] = [];
      for (const r of rows) {
        l.cut = Math.max(l.cut, r.seq);
        if (isKept(r.id)) continue;
        taken.push(r);
        l.comments = Math.max(0, l.comments - 1);
        if (WORK.has(r.intent) && l.work > 0) {
          l.work -= 1;
          work -= 1;
        }
      }
      // SQLite is the truth: fewer rows than asked means everything open is in memory now.
      if (rows.length < limit) drop(queue, l);
      return taken;
    },
    spilled(queue) {
      const l = lanes.get(queue);
      return l ? { comments: l.comments, work: l.work } : { comments: 0, work: 0 };
    },
    spilledWork: () => work,
    changes: () => changes,
    reset(all) {
      changes += 1;
      lanes.clear();
      work = 0;
      for (const { queue, kept, open, openWork } of all) {
        const rest = open - kept.length;
        if (rest <= 0) continue;
        const keptWork = kept.filter((r) => WORK.has(r.intent)).length;
        const l: Lane = { cut: kept.reduce((m, r) => Math.max(m, r.seq), -1), comments: rest, work: Math.max(0, openWork - keptWork) };
        lanes.set(queue, l);
        work += l.work;
      }
    },
  };
}

/** Counts per intent as the work count (for `reset`). */
export const workOf = (byIntent: Partial<Record<Intent, number>>): number => INTENTS.filter((i) => WORK.has(i)).reduce((n, i) => n + (byIntent[i] ?? 0), 0);
