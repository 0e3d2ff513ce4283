// A big work item handled in steps (a flood of one question answered, dismissed or escalated at
// once) is a job: its row is written in the first step's transaction and follows every step, so a
// station stopped mid-way finishes the rest on its next start — without posting the reply again
// (the posts went out before the first step) and without touching a member twice. Deleted in the
// last step's transaction.
import type { Migration } from './migration';

export const m014CommentGroupJobs: Migration = {
  version: 14,
  name: 'comment-group-jobs',
  up(db) {
    db.exec(`
      CREATE TABLE comment_group_jobs (
        id          TEXT PRIMARY KEY,
        show_id     TEXT    NOT NULL,
        cluster_key TEXT    NOT NULL,
        action      TEXT    NOT NULL,
        -- the reply (answer) or the note (escalate); NULL for a dismissal
        text        TEXT,
        macro_id    TEXT,
        -- 1: one audit row per member (a bulk action); 0: the command's row names the item (cluster.answer)
        audited     INTEGER NOT NULL,
        actor       TEXT    NOT NULL,
        role        TEXT    NOT NULL,
        -- members that joined after the replies went out are not this job's
        up_to_seq   INTEGER NOT NULL,
        representative_id TEXT,
        at          INTEGER NOT NULL,
        done        INTEGER NOT NULL,
        total       INTEGER NOT NULL
      );
      CREATE INDEX comment_group_jobs_show ON comment_group_jobs (show_id);
    `);
  },
};
