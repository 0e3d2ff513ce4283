// The moderator desk at volume: each comment's work-item key (comments asking the same thing are
// answered once), how it was answered (own reply, its cluster's reply, or a pinned answer), and the
// answers left pinned so later identical questions are attached to them across a restart.
import type { Migration } from './migration';

export const m011DeskClusters: Migration = {
  version: 11,
  name: 'desk-clusters',
  up(db) {
    db.exec(`
      ALTER TABLE comments ADD COLUMN cluster_key TEXT;
      ALTER TABLE comments ADD COLUMN answered_via TEXT CHECK (answered_via IN ('reply', 'cluster', 'pin'));
      CREATE TABLE comment_answer_pins (
        show_id     TEXT    NOT NULL,
        cluster_key TEXT    NOT NULL,
        cluster_id  TEXT    NOT NULL,
        text        TEXT    NOT NULL,
        lang        TEXT    NOT NULL,
        intent      TEXT    NOT NULL,
        macro_id    TEXT    NOT NULL,
        by_name     TEXT    NOT NULL,
        at          INTEGER NOT NULL,
        PRIMARY KEY (show_id, cluster_key)
      );
    `);
  },
};
