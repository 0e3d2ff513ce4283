// Tables of the scripts module.
import type { Migration } from './index';

export const m004Scripts: Migration = {
  version: 4,
  name: 'scripts',
  up(db) {
    db.exec(``);
  },
};
