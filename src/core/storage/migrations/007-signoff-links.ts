// One-time sign-off links: an approver (legal, brand) reads the exact version and approves or
// returns it in person. Only the SHA-256 of each link's token is kept: the database never holds
// a usable link.
import type { Migration } from './migration';

export const m007SignoffLinks: Migration = {
  version: 7,
  name: 'signoff-links',
  up(db) {
    db.exec(`
      CREATE TABLE script_signoff_links (
        token_hash    TEXT    PRIMARY KEY,
        version_id    TEXT    NOT NULL REFERENCES script_versions (id),
        approver      TEXT    NOT NULL,
        approver_role TEXT    NOT NULL,
        created_by    TEXT    NOT NULL,
        created_at    INTEGER NOT NULL,
        expires_at    INTEGER NOT NULL,
        used_at       INTEGER,
        used_for      TEXT    CHECK (used_for IN ('approve', 'return'))
      );
      CREATE INDEX script_signoff_links_by_version ON script_signoff_links (version_id);
    `);
  },
};
