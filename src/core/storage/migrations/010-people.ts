// People's access: one row per person, holding only the SHA-256 of their current personal token
// (never the token), its expiry, revocation and last use. Revoked hashes stay in `people_spent`
// so a re-issue can prove it never hands out a token that was used before.
import type { Migration } from './migration';

export const m010People: Migration = {
  version: 10,
  name: 'people',
  up(db) {
    db.exec(`
      CREATE TABLE people_access (
        person_id      TEXT    PRIMARY KEY,
        name           TEXT    NOT NULL,
        roles          TEXT    NOT NULL,
        source         TEXT    NOT NULL CHECK (source IN ('show', 'producer')),
        token_hash     TEXT    UNIQUE,
        standing       INTEGER NOT NULL DEFAULT 0,
        issued_at      INTEGER,
        issued_by      TEXT,
        expires_at     INTEGER,
        revoked_at     INTEGER,
        revoked_by     TEXT,
        last_used_at   INTEGER,
        last_used_from TEXT
      );
      CREATE TABLE people_spent (
        token_hash TEXT    PRIMARY KEY,
        person_id  TEXT    NOT NULL,
        spent_at   INTEGER NOT NULL
      );
    `);
  },
};
