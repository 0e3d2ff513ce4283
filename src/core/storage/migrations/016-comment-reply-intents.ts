// The reply ledger's second shape (reply.ledger.ts).
//
// 1. A post's intent before it goes out (`comment_reply_sending`): the ledger noted a post only once
//    the chat had taken it, so a station that died between the chat accepting it and that commit
//    left no trace, and the moderator's retry after the restart posted it again. Now the intent is
//    committed first and cleared with the note (or when the chat refuses); one left over from a
//    stopped station is a post whose outcome is unknown, and a person decides (it is there / post again).
// 2. Askers keyed by the post's id, not its key, and posts forgotten through `comment_reply_dropped`:
//    a forgotten post's row goes at once (its askers stop counting with it, all together) and its
//    asker rows are deleted a bounded chunk at a time afterwards, so forgetting a 20,000-asker post no
//    longer holds the station in one statement. A post noted again keeps its id and moves to the
//    newest end by `seq`.
import type { Migration } from './migration';

export const m016CommentReplyIntents: Migration = {
  version: 16,
  name: 'comment-reply-intents',
  up(db) {
    db.exec(`
      CREATE TABLE comment_reply_posts_v2 (
        id       INTEGER PRIMARY KEY AUTOINCREMENT,
        -- source | room | text: where the reply went and what it said
        post_key TEXT    NOT NULL UNIQUE,
        askers   INTEGER NOT NULL,
        -- the order noted: a post noted again moves to the newest end; the lowest is forgotten first
        seq      INTEGER NOT NULL
      );
      CREATE INDEX comment_reply_posts_seq ON comment_reply_posts_v2 (seq);
      CREATE TABLE comment_reply_askers_v2 (
        post_id  INTEGER NOT NULL,
        asker_id TEXT    NOT NULL,
        PRIMARY KEY (post_id, asker_id)
      ) WITHOUT ROWID;
      INSERT INTO comment_reply_posts_v2 (id, post_key, askers, seq) SELECT id, post_key, askers, id FROM comment_reply_posts;
      INSERT INTO comment_reply_askers_v2 (post_id, asker_id)
        SELECT p.id, a.asker_id FROM comment_reply_askers a JOIN comment_reply_posts p ON p.post_key = a.post_key;
      DROP TABLE comment_reply_askers;
      DROP TABLE comment_reply_posts;
      ALTER TABLE comment_reply_posts_v2 RENAME TO comment_reply_posts;
      ALTER TABLE comment_reply_askers_v2 RENAME TO comment_reply_askers;
      -- posts forgotten whose asker rows are still being deleted, a chunk at a time
      CREATE TABLE comment_reply_dropped (post_id INTEGER PRIMARY KEY);
      CREATE TABLE comment_reply_sending (
        id       INTEGER PRIMARY KEY AUTOINCREMENT,
        post_key TEXT    NOT NULL,
        platform TEXT    NOT NULL,
        room     TEXT,
        text     TEXT    NOT NULL,
        -- JSON array of the comment ids the post answers
        askers   TEXT    NOT NULL,
        -- the person whose click it was, and when
        by       TEXT    NOT NULL,
        at       INTEGER NOT NULL
      );
      CREATE INDEX comment_reply_sending_key ON comment_reply_sending (post_key);
    `);
  },
};
