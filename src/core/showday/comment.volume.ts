// Comment volume by intent per minute of a show, for the incident timeline: bucketed from a list
// once (the package), or kept current from comment changes (the live console), counting each
// comment once and moving it when a moderator corrects its intent.
import { INTENTS, type CommentBucket, type CommentRecord } from '../../shared/contract/index';

const MINUTE = 60_000;
type Counted = Pick<CommentRecord, 'seq' | 'receivedAt' | 'intent'>;

const minuteOf = (at: number) => Math.floor(at / MINUTE) * MINUTE;

/** Buckets of the comments received in [from, to], one per minute that has any, oldest first. */
export function bucketComments(comments: readonly Counted[], from: number, to: number): CommentBucket[] {
  const v = createCommentVolume(from);
  for (const c of comments) v.add(c);
  return v.buckets(to);
}

export interface CommentVolume {
  readonly from: number;
  /** A new comment, or a new version of one already counted (same station seq). */
  add(c: Counted): void;
  /** The minutes up to `to` (inclusive), oldest first; copies the caller may keep. */
  buckets(to: number): CommentBucket[];
}

/**
 * The intent each counted comment is under, by its station sequence number, in about a byte a
 * comment (a busy show's millions of comments would cost ~48 bytes each in a Map): pages of 64 K
 * sequence numbers hold the intent's code (0: not counted). Unknown intents keep a small map.
 */
function createCountedIntents() {
  const PAGE = 65_536;
  const pages = new Map<number, Uint8Array>();
  const others = new Map<number, string>();
  const paged = (seq: number) => Number.isSafeInteger(seq) && seq >= 0;
  return {
    get(seq: number): string | undefined {
      const n = paged(seq) ? (pages.get(Math.floor(seq / PAGE))?.[seq % PAGE] ?? 0) : 0;
      return n > 0 ? INTENTS[n - 1] : others.get(seq);
    },
    set(seq: number, intent: string): void {
      const n = (INTENTS as readonly string[]).indexOf(intent) + 1;
      if (!paged(seq)) {
        others.set(seq, intent);
        return;
      }
      const key = Math.floor(seq / PAGE);
      let page = pages.get(key);
      if (!page) pages.set(key, (page = new Uint8Array(PAGE)));
      page[seq % PAGE] = n;
      if (n === 0) others.set(seq, intent);
      else others.delete(seq);
    },
  };
}

export function createCommentVolume(from: number): CommentVolume {
  const counted = createCountedIntents();
  const minutes = new Map<number, CommentBucket>();
  return {
    from,
    add(c) {
      if (!(c.receivedAt >= from) || !Number.isFinite(c.receivedAt)) return;
      const was = counted.get(c.seq);
      if (was === c.intent) return;
      const m = minuteOf(c.receivedAt);
      let b = minutes.get(m);
      if (!b) minutes.set(m, (b = { at: m, total: 0, byIntent: {} }));
      if (was === undefined) b.total += 1;
      else {
        const left = (b.byIntent[was] ?? 1) - 1;
        if (left > 0) b.byIntent[was] = left;
        else delete b.byIntent[was];
      }
      b.byIntent[c.intent] = (b.byIntent[c.intent] ?? 0) + 1;
      counted.set(c.seq, c.intent);
    },
    buckets(to) {
      return [...minutes.values()]
        .filter((b) => b.at <= to)
        .sort((a, b) => a.at - b.at)
        .map((b) => ({ at: b.at, total: b.total, byIntent: { ...b.byIntent } }));
    },
  };
}
