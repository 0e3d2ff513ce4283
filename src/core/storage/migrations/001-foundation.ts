// The foundation: the append-only audit log and the station's small key/value settings.
import type { Migration } from './migration';

export const m001Foundation: Migration = {
  version: 1,
  name: 'foundation',
  up(db) {
    db.exec(`
      CREATE TABLE audit_log (
        -- AUTOINCREMENT: SQLite keeps the highest seq ever used in sqlite_sequence, in the same
        -- transaction as the insert, so deleting the newest rows is detectable at no extra write.
        seq         INTEGER PRIMARY KEY AUTOINCREMENT,
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

      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `);
  },
};
