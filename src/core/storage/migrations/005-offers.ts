// Tables of the offers module.
import type { Migration } from './index';

export const m005Offers: Migration = {
  version: 5,
  name: 'offers',
  up(db) {
    db.exec(``);
  },
};
