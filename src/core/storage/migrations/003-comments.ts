// Tables of the comments module: every comment with its triage decision and its handling, the
// moderators' corrections (which re-teach the classifier after a restart), and the pinned state.
import type { Migration } from './migration';

export const m003Comments: Migration = {
  version: 3,
  name: 'comments',
  up(db) {
    db.exec(`
      CREATE TABLE comments (
        seq              INTEGER PRIMARY KEY,
        id               TEXT    NOT NULL UNIQUE,   -- <platform>:<message id>, the de-duplication key
        show_id          TEXT    NOT NULL,
        source           TEXT    NOT NULL,
        rehearsal        INTEGER NOT NULL,
        platform         TEXT    NOT NULL,
        room             TEXT,
        message_id       TEXT    NOT NULL,
        author           TEXT    NOT NULL,
        text             TEXT    NOT NULL,
        lang             TEXT    NOT NULL,
        at               INTEGER NOT NULL,
        received_at      INTEGER NOT NULL,
        -- The classifier's decision as made at ingest (kept even after a correction).
        triage_intent    TEXT    NOT NULL,
        confidence       REAL    NOT NULL,
        sku              TEXT,
        offer_code       TEXT,
        reasons          TEXT    NOT NULL,         -- JSON array of strings
        -- The current handling.
        intent           TEXT    NOT NULL,
        queue            TEXT    NOT NULL,
        status           TEXT    NOT NULL,
        claimed_by       TEXT,
        claimed_at       INTEGER,
        answered_at      INTEGER,
        reply            TEXT,
        note             TEXT,
        corrected_from   TEXT,
        raw              TEXT                       -- the platform's payload, JSON, when there is one
      );
      CREATE INDEX comments_open ON comments (show_id, seq) WHERE status IN ('new', 'claimed', 'escalated');
      CREATE INDEX comments_show_queue ON comments (show_id, queue, seq);
      CREATE INDEX comments_show_intent ON comments (show_id, intent, seq);

      CREATE TABLE comment_corrections (
        seq         INTEGER PRIMARY KEY,
        comment_id  TEXT    NOT NULL,
        show_id     TEXT    NOT NULL,
        text        TEXT    NOT NULL,
        lang        TEXT    NOT NULL,
        from_intent TEXT    NOT NULL,
        to_intent   TEXT    NOT NULL,
        actor       TEXT    NOT NULL,
        at          INTEGER NOT NULL
      );
      CREATE INDEX comment_corrections_show ON comment_corrections (show_id, seq);

      -- One row per show: the comment pinned to the host's card and the product pinned in the live.
      CREATE TABLE comment_pins (
        show_id         TEXT PRIMARY KEY,
        comment_id      TEXT,
        product_sku     TEXT,
        product_label   TEXT,
        product_source  TEXT,
        product_at      INTEGER
      );
    `);
  },
};
