// Tables of show day: each show's GO and END, with the figures frozen at END (the history the
// next shows are compared against). One row per GO; END fills the same row.
import type { Migration } from './migration';

export const m008Showday: Migration = {
  version: 8,
  name: 'showday',
  up(db) {
    db.exec(`
      CREATE TABLE show_days (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        show_id    TEXT    NOT NULL,
        go_at      INTEGER NOT NULL,
        go_record  TEXT    NOT NULL,
        end_at     INTEGER,
        end_record TEXT,
        figures    TEXT
      );
      CREATE INDEX show_days_end ON show_days (end_at);
      CREATE INDEX show_days_show ON show_days (show_id, go_at);
      -- Each segment that became current while the show was live, with the running totals then:
      -- the chapters and the experiment log (what ran when, and what it sold) are built from it.
      CREATE TABLE show_day_segments (
        day_id     INTEGER NOT NULL REFERENCES show_days (id),
        at         INTEGER NOT NULL,
        segment_id TEXT    NOT NULL,
        title      TEXT    NOT NULL,
        totals     TEXT    NOT NULL
      );
      CREATE INDEX show_day_segments_day ON show_day_segments (day_id, at);
    `);
  },
};
