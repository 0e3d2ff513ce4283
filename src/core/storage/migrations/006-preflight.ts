// Tables of the preflight module: who ticked which manual checklist item, and when.
import type { Migration } from './migration';

export const m006Preflight: Migration = {
  version: 6,
  name: 'preflight',
  up(db) {
    db.exec(`
      CREATE TABLE preflight_ticks (
        show_id  TEXT    NOT NULL,
        item_id  TEXT    NOT NULL,
        done     INTEGER NOT NULL,
        by       TEXT    NOT NULL,
        at       INTEGER NOT NULL,
        PRIMARY KEY (show_id, item_id)
      );
    `);
  },
};
