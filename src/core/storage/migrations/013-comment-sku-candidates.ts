// What the SKU matcher left for the moderator beside the SKU: the SKUs that fit when several did (a JSON array), and
// the product only assumed for an order naming none (the one pinned when it arrived). Older rows keep NULL.
import type { Migration } from './migration';

export const m013CommentSkuCandidates: Migration = {
  version: 13,
  name: 'comment-sku-candidates',
  up(db) {
    db.exec(`
      ALTER TABLE comments ADD COLUMN sku_candidates TEXT;
      ALTER TABLE comments ADD COLUMN context_sku TEXT;
    `);
  },
};
