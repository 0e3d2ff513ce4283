// The HQ outbox: facts waiting to be reported to HQ, in the station's own database so that a crash
// or a long outage loses nothing, and the collector's read positions in the tables it tails.
import type { Migration } from './migration';

export const m009HqOutbox: Migration = {
  version: 9,
  name: 'hq-outbox',
  up(db) {
    db.exec(`
      -- AUTOINCREMENT: a seq is never reused after acknowledged rows are deleted, so HQ's
      -- (station, show, seq) key stays unique for the life of the station.
      CREATE TABLE hq_outbox (
        seq     INTEGER PRIMARY KEY AUTOINCREMENT,
        show_id TEXT    NOT NULL,
        kind    TEXT    NOT NULL,
        at      INTEGER NOT NULL,
        body    TEXT    NOT NULL
      );
      CREATE TABLE hq_cursors (
        name  TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `);
  },
};
