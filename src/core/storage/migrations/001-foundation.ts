// The foundation: the append-only audit log and the station's small key/value settings.
import type { Migration } from './index';

export const m001Foundation: Migration = {
  version: 1,
  name: 'foundation',
  up(db) {
    db.exec(`
      CREATE TABLE audit_log (
        seq         INTEGER PRIMARY KEY,
        at          INTEGER NOT NULL,
        actor       TEXT    NOT NULL,
        role        TEXT    NOT NULL,
        via         TEXT    NOT NULL,
        command     TEXT    NOT NULL,
        args        TEXT    NOT NULL,
        outcome     TEXT    NOT NULL,
        detail      TEXT,
        duration_ms REAL    NOT NULL,
        prev_hash   TEXT    NOT NULL,
        hash        TEXT    NOT NULL
      );
      -- Append-only: the station itself never updates or deletes audit rows. Someone with the file
      -- can still drop these triggers; the hash chain is what catches that.
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

      -- The chain's head, moved in the same transaction as each append: deleting the newest rows
      -- leaves the head pointing past the end, which the verifier reports.
      CREATE TABLE audit_head (
        id   INTEGER PRIMARY KEY CHECK (id = 1),
        seq  INTEGER NOT NULL,
        hash TEXT    NOT NULL
      );

      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `);
  },
};
