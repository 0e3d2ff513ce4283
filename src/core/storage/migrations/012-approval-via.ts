// How an approval reached Baton: signed by the approver herself through her sign-off link, or
// given elsewhere (email, paper, phone, in person) and recorded by someone else. Rows from before
// this migration keep NULL: Baton did not know, and the console says so.
import type { Migration } from './migration';

export const m012ApprovalVia: Migration = {
  version: 12,
  name: 'approval-via',
  up(db) {
    db.exec(`
      ALTER TABLE script_approvals ADD COLUMN via TEXT
        CHECK (via IS NULL OR via IN ('signoff-link', 'email', 'paper', 'phone', 'in-person'));
    `);
  },
};
