// Tables of the obs module.
import type { Migration } from './index';

export const m002Obs: Migration = {
  version: 2,
  name: 'obs',
  up(db) {
    db.exec(``);
  },
};
