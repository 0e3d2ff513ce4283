// Which public replies already went out, and to which askers, so a retry posts nothing twice —
// across a restart too (SQLite: comment_reply_posts and comment_reply_askers, migrations 015–016).
//
// A work item can be asked in several rooms (two Twitch channels, TikTok and Twitch): its reply is
// posted once per room. When one room's post fails the item stays open (it is answered whole or
// not at all), and the moderator retries — which, without this, posted again in every room that
// had already got it. The ledger remembers each post that went out by its room and text together
// with the askers it answered; a later post of the same text to the same room is skipped while any
// of those askers is still waiting (they saw it, and so did the room). Once they are answered they
// are no longer members of any work item, so a new asker of the same question gets a new post.
//
// Intent first (comment_reply_sending). The station can die between the chat taking a post and the
// commit that notes it (kill -9, power, a crash mid-way through a flood's posts; the note of a
// 20,000-asker post takes ~20 ms). So before a post goes out its intent is committed — room, text,
// askers, whose click — and the note that follows clears it in the same transaction; a chat that
// refuses the post clears it too. An intent still there that no post of this run is carrying is a
// post whose outcome is unknown: it may be in the room. It is never re-sent silently: a post for any
// of its askers is held back (`unsure`) until a person who checked the room settles it — it is
// there (noted as sent), or post it again — and that choice is audited in their name.
//
// Bounded: the oldest posts are forgotten first. A forgotten post's row goes in the note's
// transaction, so its askers stop counting all together (`covers` joins the post row: never a
// half-forgotten post); its asker rows (20,000 for a flood) are then deleted EVICT_CHUNK at a time,
// one turn of the event loop each, so no step holds the station for a whole post. A stop mid-way
// leaves the rest in comment_reply_dropped, finished on the next start.
import type { UnsurePost } from '../../shared/contract/index';
import type { Db } from '../storage/database';

export interface ReplyLedger {
  /** Whether `text` already went out in this room (`postKey`) to any of these askers. */
  covers(postKey: string, askerIds: readonly string[]): boolean;
  /** Notes a post that went out, and the askers it answered (committed before it returns). */
  note(postKey: string, askerIds: readonly string[]): void;
  /**
   * Commits the intent to post (before the post goes out) and returns its id; until `sent` or
   * `refused` it is this run's post in flight, not an unknown one.
   */
  sending(postKey: string, askerIds: readonly string[], about: Omit<UnsurePost, 'id'>): number;
  /** The chat took the post: noted, and its intent cleared, in one transaction. */
  sent(intentId: number, postKey: string, askerIds: readonly string[]): void;
  /** The chat refused the post (it is not in the room): its intent is cleared. */
  refused(intentId: number): void;
  /** A post of this text to this room for any of these askers whose outcome is unknown, if any. */
  unsure(postKey: string, askerIds: readonly string[]): UnsurePost | null;
  /** A post of this text to this room for any of these askers that this run is posting right now, if any. */
  posting(postKey: string, askerIds: readonly string[]): UnsurePost | null;
  /** Every post whose outcome is unknown, oldest first (at most `limit`). */
  unsurePosts(limit?: number): UnsurePost[];
  /** One post whose outcome is unknown, by its id (null: settled, in flight here, or none). */
  unsurePost(intentId: number): UnsurePost | null;
  /** A person settled an unknown post: `inRoom` notes it as sent, `postAgain` clears it. Null when there is none by this id. */
  settle(intentId: number, choice: 'inRoom' | 'postAgain'): UnsurePost | null;
  /** Forgotten posts whose asker rows are still to delete (0 when caught up). */
  evicting(): number;
  /** No further eviction chunk starts (the station is stopping; the rest waits for the next start). */
  stop(): void;
}

/** Askers remembered in all, across posts: a flood answered in one room is one post of thousands of askers. */
export const LEDGER_MAX_ASKERS = 50_000;

/**
 * Asker rows deleted per turn when a post is forgotten. Deleting a 20,000-asker post in one statement
 * held the station ~141 ms; see docs/architecture.md for the per-chunk figure.
 */
export const EVICT_CHUNK = 1_000;

export interface ReplyLedgerOptions {
  maxAskers?: number;
  chunk?: number;
  /** Runs the next eviction chunk in a later turn (setImmediate; tests may count turns). */
  defer?: (fn: () => void) => void;
}

export function createReplyLedger(db: Db, options: ReplyLedgerOptions = {}): ReplyLedger {
  const maxAskers = options.maxAskers ?? LEDGER_MAX_ASKERS;
  const chunk = options.chunk ?? EVICT_CHUNK;
  const defer = options.defer ?? ((fn: () => void) => void setImmediate(fn));
  // The askers go in as one JSON array: a flood's post answers thousands, past SQLite's bound-parameter limit.
  const covers = db.prepare<[string, string], { hit: number }>(
    `SELECT 1 AS hit FROM comment_reply_posts p JOIN comment_reply_askers a ON a.post_id = p.id
     WHERE p.post_key = ? AND a.asker_id IN (SELECT value FROM json_each(?)) LIMIT 1`,
  );
  const postOf = db.prepare<[string], { id: number }>('SELECT id FROM comment_reply_posts WHERE post_key = ?');
  const nextSeq = db.prepare<[], { n: number }>('SELECT COALESCE(MAX(seq), 0) + 1 AS n FROM comment_reply_posts');
  const addPost = db.prepare<[string, number]>('INSERT INTO comment_reply_posts (post_key, askers, seq) VALUES (?, 0, ?)');
  const addAskers = db.prepare<[number, string]>('INSERT OR IGNORE INTO comment_reply_askers (post_id, asker_id) SELECT ?, value FROM json_each(?)');
  const countAskers = db.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM comment_reply_askers WHERE post_id = ?');
  const touchPost = db.prepare<[number, number, number]>('UPDATE comment_reply_posts SET askers = ?, seq = ? WHERE id = ?');
  const total = db.prepare<[], { n: number | null }>('SELECT SUM(askers) AS n FROM comment_reply_posts');
  const oldest = db.prepare<[number], { id: number; askers: number }>('SELECT id, askers FROM comment_reply_posts WHERE id <> ? ORDER BY seq LIMIT 1');
  const dropPost = db.prepare<[number]>('DELETE FROM comment_reply_posts WHERE id = ?');
  const markDropped = db.prepare<[number]>('INSERT OR IGNORE INTO comment_reply_dropped (post_id) VALUES (?)');
  const nextDropped = db.prepare<[], { post_id: number }>('SELECT post_id FROM comment_reply_dropped ORDER BY post_id LIMIT 1');
  const countDropped = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM comment_reply_dropped');
  const dropChunk = db.prepare<[number, number, number]>(
    'DELETE FROM comment_reply_askers WHERE post_id = ? AND asker_id IN (SELECT asker_id FROM comment_reply_askers WHERE post_id = ? LIMIT ?)',
  );
  const doneDropped = db.prepare<[number]>('DELETE FROM comment_reply_dropped WHERE post_id = ?');

  const addIntent = db.prepare<[string, string, string | null, string, string, string, number]>(
    'INSERT INTO comment_reply_sending (post_key, platform, room, text, askers, by, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const dropIntent = db.prepare<[number]>('DELETE FROM comment_reply_sending WHERE id = ?');
  type IntentRow = { id: number; post_key: string; platform: string; room: string | null; text: string; by: string; at: number };
  const cols = 'id, post_key, platform, room, text, by, at';
  const hasIntent = db.prepare<[string], { id: number }>('SELECT id FROM comment_reply_sending WHERE post_key = ? LIMIT 1');
  const overlapping = db.prepare<[string, string], IntentRow>(
    `SELECT ${cols} FROM comment_reply_sending s WHERE post_key = ?
     AND EXISTS (SELECT 1 FROM json_each(s.askers) a WHERE a.value IN (SELECT value FROM json_each(?))) ORDER BY id`,
  );
  const intents = db.prepare<[number], IntentRow>(`SELECT ${cols} FROM comment_reply_sending ORDER BY id LIMIT ?`);
  const intent = db.prepare<[number], IntentRow & { askers: string }>(`SELECT ${cols}, askers FROM comment_reply_sending WHERE id = ?`);

  /** This run's posts between their intent and their outcome: not unknown, only not back yet. */
  const inFlight = new Set<number>();
  const asUnsure = (r: IntentRow): UnsurePost => ({ id: r.id, platform: r.platform, room: r.room, text: r.text, by: r.by, at: r.at });

  /** An intent for this post and any of these askers: one in flight here, or one whose outcome is unknown. */
  const intentFor = (postKey: string, askerIds: readonly string[], flying: boolean): UnsurePost | null => {
    if (askerIds.length === 0 || hasIntent.get(postKey) === undefined) return null;
    const r = overlapping.all(postKey, JSON.stringify(askerIds)).find((x) => inFlight.has(x.id) === flying);
    return r ? asUnsure(r) : null;
  };

  let draining = false;
  let stopped = false;
  /** Deletes one chunk of a forgotten post's askers, then yields the loop before the next. */
  const drain = () => {
    draining = false;
    if (stopped || !db.open) return;
    const d = nextDropped.get();
    if (!d) return;
    const gone = dropChunk.run(d.post_id, d.post_id, chunk).changes;
    if (gone < chunk) doneDropped.run(d.post_id);
    schedule();
  };
  const schedule = () => {
    if (draining || stopped) return;
    draining = true;
    defer(drain);
  };

  const noteTx = db.transaction((postKey: string, askerIds: readonly string[]) => {
    const seq = nextSeq.get()?.n ?? 1;
    let id = postOf.get(postKey)?.id;
    if (id === undefined) id = Number(addPost.run(postKey, seq).lastInsertRowid);
    addAskers.run(id, JSON.stringify(askerIds));
    // Noted again: it moves to the newest end, as a Map entry deleted and set again did.
    touchPost.run(countAskers.get(id)?.n ?? 0, seq, id);
    let held = total.get()?.n ?? 0;
    let dropped = false;
    while (held > maxAskers) {
      const old = oldest.get(id);
      if (!old) break;
      // The post row goes now, whole; its asker rows follow a chunk per turn (drain).
      dropPost.run(old.id);
      markDropped.run(old.id);
      held -= old.askers;
      dropped = true;
    }
    return dropped;
  });
  const note = (postKey: string, askerIds: readonly string[]) => {
    if (noteTx(postKey, askerIds)) schedule();
  };
  const sentTx = db.transaction((intentId: number, postKey: string, askerIds: readonly string[]) => {
    dropIntent.run(intentId);
    return noteTx(postKey, askerIds);
  });
  const settleTx = db.transaction((r: IntentRow & { askers: string }, choice: 'inRoom' | 'postAgain') => {
    dropIntent.run(r.id);
    return choice === 'inRoom' ? noteTx(r.post_key, JSON.parse(r.askers) as string[]) : false;
  });

  // A stop mid-eviction left asker rows of forgotten posts: finish them, in chunks, from now.
  if (countDropped.get()?.n) schedule();

  return {
    covers: (postKey, askerIds) => askerIds.length > 0 && covers.get(postKey, JSON.stringify(askerIds)) !== undefined,
    note,
    sending(postKey, askerIds, about) {
      const id = Number(addIntent.run(postKey, about.platform, about.room, about.text, JSON.stringify(askerIds), about.by, about.at).lastInsertRowid);
      inFlight.add(id);
      return id;
    },
    sent(intentId, postKey, askerIds) {
      // Out of flight either way: when this commit fails, the intent stays and the post is unknown.
      inFlight.delete(intentId);
      if (sentTx(intentId, postKey, askerIds)) schedule();
    },
    refused(intentId) {
      inFlight.delete(intentId);
      dropIntent.run(intentId);
    },
    unsure: (postKey, askerIds) => intentFor(postKey, askerIds, false),
    posting: (postKey, askerIds) => intentFor(postKey, askerIds, true),
    unsurePosts: (limit = 50) => intents.all(limit + inFlight.size).filter((r) => !inFlight.has(r.id)).slice(0, limit).map(asUnsure),
    unsurePost(intentId) {
      const r = inFlight.has(intentId) ? undefined : intent.get(intentId);
      return r ? asUnsure(r) : null;
    },
    settle(intentId, choice) {
      if (inFlight.has(intentId)) return null;
      const r = intent.get(intentId);
      if (!r) return null;
      if (settleTx(r, choice)) schedule();
      return asUnsure(r);
    },
    evicting: () => countDropped.get()?.n ?? 0,
    stop() {
      stopped = true;
    },
  };
}
