// SQLite storage of big work items handled in steps (comment_group_jobs): written with the first
// step, moved on with each, deleted with the last; what is left at start-up was cut short by a stop.
import type { Role } from '../../shared/contract/index';
import type { Db } from '../storage/database';

export type GroupAction = 'answer' | 'dismiss' | 'escalate';

/** One big work item's handling, as much as its remaining steps need (the posts are long gone). */
export interface GroupJob {
  id: string;
  showId: string;
  clusterKey: string;
  action: GroupAction;
  /** The reply (answer) or the note (escalate); null for a dismissal. */
  text: string | null;
  macroId: string | null;
  /** One audit row per member (a bulk action), or none (cluster.answer: the command's row names the item). */
  audited: boolean;
  /** The person whose click it is, and the role they acted in (a producer may take over a claim). */
  actor: string;
  role: Role;
  /** The newest comment when the work began: members that joined later are not this job's. */
  upToSeq: number;
  /** The member whose reply it is (answered 'reply'; the rest 'cluster'). */
  representativeId: string | null;
  /** When the person acted: every member's answer carries this time. */
  at: number;
  done: number;
  total: number;
}

interface Row {
  id: string;
  show_id: string;
  cluster_key: string;
  action: string;
  text: string | null;
  macro_id: string | null;
  audited: number;
  actor: string;
  role: string;
  up_to_seq: number;
  representative_id: string | null;
  at: number;
  done: number;
  total: number;
}

export interface GroupJobsRepo {
  insert(job: GroupJob): void;
  progress(id: string, done: number): void;
  finish(id: string): void;
  /** Jobs a stop cut short, oldest first. */
  unfinished(showId: string): GroupJob[];
  /** The newest comment's seq (0 with none): where a job's members end. */
  newestSeq(): number;
}

export function createGroupJobsRepo(db: Db): GroupJobsRepo {
  const insert = db.prepare(
    `INSERT INTO comment_group_jobs (id, show_id, cluster_key, action, text, macro_id, audited, actor, role, up_to_seq, representative_id, at, done, total)
     VALUES (@id, @showId, @clusterKey, @action, @text, @macroId, @audited, @actor, @role, @upToSeq, @representativeId, @at, @done, @total)`,
  );
  const progress = db.prepare('UPDATE comment_group_jobs SET done = ? WHERE id = ?');
  const finish = db.prepare('DELETE FROM comment_group_jobs WHERE id = ?');
  const unfinished = db.prepare<[string], Row>('SELECT * FROM comment_group_jobs WHERE show_id = ? ORDER BY at, id');
  const newest = db.prepare<[], { seq: number | null }>('SELECT MAX(seq) AS seq FROM comments');
  return {
    insert: (j) => void insert.run({ ...j, audited: j.audited ? 1 : 0 }),
    progress: (id, done) => void progress.run(done, id),
    finish: (id) => void finish.run(id),
    unfinished: (showId) =>
      unfinished.all(showId).map((r) => ({
        id: r.id,
        showId: r.show_id,
        clusterKey: r.cluster_key,
        action: r.action as GroupAction,
        text: r.text,
        macroId: r.macro_id,
        audited: r.audited === 1,
        actor: r.actor,
        role: r.role as Role,
        upToSeq: r.up_to_seq,
        representativeId: r.representative_id,
        at: r.at,
        done: r.done,
        total: r.total,
      })),
    newestSeq: () => newest.get()?.seq ?? 0,
  };
}
