// Tables of the comments module.
import type { Migration } from './index';

export const m003Comments: Migration = {
  version: 3,
  name: 'comments',
  up(db) {
    db.exec(``);
  },
};
