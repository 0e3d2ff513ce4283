// The reply ledger (reply.ledger.ts) on disk: which public replies went out, in which room, to
// which askers. In memory it was forgotten by a restart, so a moderator's retry after a crash
// between a post and its commit posted again in a room that already had the reply. Each post is
// written in its own transaction the moment the chat has taken it.
import type { Migration } from './migration';

export const m015CommentReplyLedger: Migration = {
  version: 15,
  name: 'comment-reply-ledger',
  up(db) {
    db.exec(`
      CREATE TABLE comment_reply_posts (
        -- the order noted: a post noted again gets a new id, and the oldest id is forgotten first
        id       INTEGER PRIMARY KEY AUTOINCREMENT,
        -- source | room | text: where the reply went and what it said
        post_key TEXT    NOT NULL UNIQUE,
        askers   INTEGER NOT NULL
      );
      CREATE TABLE comment_reply_askers (
        post_key TEXT NOT NULL,
        asker_id TEXT NOT NULL,
        PRIMARY KEY (post_key, asker_id)
      ) WITHOUT ROWID;
    `);
  },
};
