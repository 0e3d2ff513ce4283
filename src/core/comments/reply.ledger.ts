// Which public replies already went out, and to which askers, so a retry posts nothing twice —
// across a restart too (SQLite: comment_reply_posts and comment_reply_askers, migration 015).
//
// A work item can be asked in several rooms (two Twitch channels, TikTok and Twitch): its reply is
// posted once per room. When one room's post fails the item stays open (it is answered whole or
// not at all), and the moderator retries — which, without this, posted again in every room that
// had already got it. The ledger remembers each post that went out by its room and text together
// with the askers it answered; a later post of the same text to the same room is skipped while any
// of those askers is still waiting (they saw it, and so did the room). Once they are answered they
// are no longer members of any work item, so a new asker of the same question gets a new post.
//
// Durable, because the station can die between a post and the commit that marks its askers
// answered (kill -9, power, a crash mid-way through a flood's posts): nothing is marked, and the
// moderator's retry after the restart would post again in the room that had it. `note` commits on
// its own, the moment the chat has taken the post, before anything else of the command can fail.
// Bounded: the oldest posts are forgotten first.
import type { Db } from '../storage/database';

export interface ReplyLedger {
  /** Whether `text` already went out in this room (`postKey`) to any of these askers. */
  covers(postKey: string, askerIds: readonly string[]): boolean;
  /** Notes a post that went out, and the askers it answered (committed before it returns). */
  note(postKey: string, askerIds: readonly string[]): void;
}

/** Askers remembered in all, across posts: a flood answered in one room is one post of thousands of askers. */
export const LEDGER_MAX_ASKERS = 50_000;

export function createReplyLedger(db: Db, maxAskers = LEDGER_MAX_ASKERS): ReplyLedger {
  // The askers go in as one JSON array: a flood's post answers thousands, past SQLite's bound-parameter limit.
  const covers = db.prepare<[string, string], { hit: number }>(
    'SELECT 1 AS hit FROM comment_reply_askers WHERE post_key = ? AND asker_id IN (SELECT value FROM json_each(?)) LIMIT 1',
  );
  const addAskers = db.prepare<[string, string]>('INSERT OR IGNORE INTO comment_reply_askers (post_key, asker_id) SELECT ?, value FROM json_each(?)');
  const countAskers = db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM comment_reply_askers WHERE post_key = ?');
  const dropPost = db.prepare<[string]>('DELETE FROM comment_reply_posts WHERE post_key = ?');
  const dropAskers = db.prepare<[string]>('DELETE FROM comment_reply_askers WHERE post_key = ?');
  const addPost = db.prepare<[string, number]>('INSERT INTO comment_reply_posts (post_key, askers) VALUES (?, ?)');
  const total = db.prepare<[], { n: number | null }>('SELECT SUM(askers) AS n FROM comment_reply_posts');
  const oldest = db.prepare<[string], { post_key: string; askers: number }>('SELECT post_key, askers FROM comment_reply_posts WHERE post_key <> ? ORDER BY id LIMIT 1');

  const note = db.transaction((postKey: string, askerIds: readonly string[]) => {
    addAskers.run(postKey, JSON.stringify(askerIds));
    const n = countAskers.get(postKey)?.n ?? 0;
    // Noted again: it moves to the newest end (a new id), as a Map entry deleted and set again did.
    dropPost.run(postKey);
    addPost.run(postKey, n);
    let held = total.get()?.n ?? 0;
    while (held > maxAskers) {
      const old = oldest.get(postKey);
      if (!old) break;
      dropPost.run(old.post_key);
      dropAskers.run(old.post_key);
      held -= old.askers;
    }
  });

  return {
    covers: (postKey, askerIds) => askerIds.length > 0 && covers.get(postKey, JSON.stringify(askerIds)) !== undefined,
    note: (postKey, askerIds) => void note(postKey, askerIds),
  };
}
