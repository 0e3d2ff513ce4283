// Tables of the scripts module: immutable script versions, their sign-offs and review rounds, and
// the live deck's position (so a restarted station puts the host back on the same cue).
import type { Migration } from './migration';

export const m004Scripts: Migration = {
  version: 4,
  name: 'scripts',
  up(db) {
    db.exec(`
      CREATE TABLE script_versions (
        id          TEXT    PRIMARY KEY,
        show_id     TEXT    NOT NULL,
        number      INTEGER NOT NULL,
        hash        TEXT    NOT NULL,
        content     TEXT    NOT NULL,
        source      TEXT    NOT NULL,
        format      TEXT    NOT NULL CHECK (format IN ('markdown', 'json')),
        origin      TEXT    NOT NULL CHECK (origin IN ('show-file', 'editor')),
        warnings    TEXT    NOT NULL,
        created_at  INTEGER NOT NULL,
        created_by  TEXT    NOT NULL,
        parent_id   TEXT,
        UNIQUE (show_id, number),
        UNIQUE (show_id, hash)
      );
      -- A version is what someone signed: it is never changed or removed.
      CREATE TRIGGER script_versions_immutable BEFORE UPDATE ON script_versions
        BEGIN SELECT RAISE(ABORT, 'script versions are immutable: save a new version'); END;
      CREATE TRIGGER script_versions_no_delete BEFORE DELETE ON script_versions
        BEGIN SELECT RAISE(ABORT, 'script versions are immutable'); END;

      CREATE TABLE script_approvals (
        version_id    TEXT    PRIMARY KEY REFERENCES script_versions(id),
        hash          TEXT    NOT NULL,
        approver      TEXT    NOT NULL,
        approver_role TEXT    NOT NULL,
        at            INTEGER NOT NULL,
        note          TEXT    NOT NULL,
        recorded_by   TEXT    NOT NULL,
        source        TEXT    NOT NULL CHECK (source IN ('station', 'show-file'))
      );
      CREATE TRIGGER script_approvals_immutable BEFORE UPDATE ON script_approvals
        BEGIN SELECT RAISE(ABORT, 'approvals are immutable'); END;

      -- Review rounds: a request for sign-off (with its due time) or a return with comments per cue.
      CREATE TABLE script_reviews (
        seq        INTEGER PRIMARY KEY,
        version_id TEXT    NOT NULL REFERENCES script_versions(id),
        kind       TEXT    NOT NULL CHECK (kind IN ('request', 'return')),
        actor      TEXT    NOT NULL,
        at         INTEGER NOT NULL,
        due_at     INTEGER,
        comments   TEXT    NOT NULL
      );
      CREATE INDEX script_reviews_version ON script_reviews (version_id, seq);

      CREATE TABLE cue_deck (
        id                 INTEGER PRIMARY KEY CHECK (id = 1),
        version_id         TEXT    NOT NULL REFERENCES script_versions(id),
        cue_id             TEXT,
        armed_id           TEXT,
        show_started_at    INTEGER,
        segment_started_at INTEGER,
        changed_at         INTEGER,
        loaded_at          INTEGER NOT NULL,
        loaded_by          TEXT    NOT NULL
      );
    `);
  },
};
