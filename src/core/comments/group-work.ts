// A big work item handled in steps. A flood of one question is a group of thousands; answering it
// in one synchronous pass held the station ~1 s per 20,000 (every other click, frame and heartbeat
// waited). Here each step takes GROUP_STEP members: it reads them, keeps the ones still the job's
// (open, not held by someone else, still in the item, there when the work began), queues their
// change and audit rows, and commits them in one transaction with the job's row; then the event
// loop is handed back before the next step. The last step is left to the command's own commit, so
// an item of one step is exactly the one pass it was. A station stopped mid-way finishes the job
// from its row on the next start (resume), without posting anything: the posts went out before the
// first step. While a job runs, its item refuses a second hand (reserve), and every desk sees how
// far it is (progress).
import type { CommentRecord, GroupWorkProgress } from '../../shared/contract/index';
import type { Auditor, AuditInput } from '../storage/audit-writer';
import type { HandlerContext } from '../dispatch/handler';
import { conflict, unavailable } from '../dispatch/command-failure';
import type { Logger } from '../platform/logger';
import { isOpen } from './comments.queues';
import { clusterIdOf } from './cluster.key';
import type { GroupAction, GroupJob, GroupJobsRepo } from './group-jobs.repo';
import type { HandlingChange } from './comment.model';

/**
 * Members per step. A member costs ~40–70 µs (read, change, write, views), so a step's own work is
 * ~10–20 ms and a producer's PAUSE waits about one step, not the whole group. Measured with
 * bench/group-answer.bench.ts on the shared 2-core machine (load 5–7): the widest event-loop gap
 * during a 20,000 answer was 35–65 ms (before: the whole 0.8–2.2 s). 100 a step did not lower that
 * reliably in interleaved runs (fixed costs per step and turn remain) and cost total time.
 */
export const GROUP_STEP = 250;

export interface GroupWorkDeps {
  getMany(ids: readonly string[]): CommentRecord[];
  jobs: GroupJobsRepo;
  saveAll(ctx: HandlerContext, changes: readonly HandlingChange[]): void;
  /** The open members of an item now, by its key (a resumed job's members). */
  memberIds(clusterKey: string): string[];
  /** The show loaded now: a job of another show waits for it. */
  showId(): string;
  /** Where an escalation sends its members now. */
  escalateTo(): CommentRecord['queue'];
  /** The summary every desk reads is out of date (an item no longer held). */
  stale(): void;
  /** The module's auditor: a resumed job's steps are written in the person's name through it. */
  audit: Auditor;
  now(): number;
  log: Logger;
}

/** A job as a command starts it: the item, what to do, and who does it. */
export type GroupJobStart = Omit<GroupJob, 'id' | 'done' | 'total' | 'upToSeq'>;

/** A job and the members it holds. */
export interface BegunJob {
  job: GroupJob;
  ids: readonly string[];
}

export interface GroupWork {
  /** Items being handled now, and how far each is (committed). */
  progress(): GroupWorkProgress[];
  /** Who is handling this item now, or null. */
  busy(clusterKey: string): GroupWorkProgress | null;
  /**
   * Holds the item for `by` from now (before its replies are posted), so a second answer, dismissal
   * or escalation is refused instead of posting again; throws a conflict when someone holds it.
   * Returns the release (idempotent).
   */
  reserve(clusterKey: string, by: string, action: GroupAction): () => void;
  /** The job for an item's members as they are now (after its posts): later arrivals are not its. */
  begin(start: GroupJobStart, ids: readonly string[]): BegunJob;
  /**
   * Queues the job's row on `ctx` (to commit before its first step): a selection of items posted
   * together keeps every item's job from the start, so a stop before an item's first step does not
   * leave its reply posted and its members open.
   */
  store(ctx: HandlerContext, begun: BegunJob): void;
  /**
   * Handles the job's members that are still its own, in steps; the last step is queued on `ctx`
   * (the command commits it with its own row). `stored`: the job's row is committed already.
   * Resolves with how many were changed and how many were not (someone else's, closed, moved) — or
   * fails as unavailable when the station stops between two steps (the job's row keeps the rest
   * for the next start).
   */
  run(ctx: HandlerContext, begun: BegunJob, stored?: boolean): Promise<{ done: number; skipped: number }>;
  /** Finishes the jobs a stop cut short for this show, one after the other, in the station's name. */
  resume(): Promise<void>;
  /** The station is stopping: no further step starts. */
  stop(): void;
}

/** The detail of a row a resumed job writes: the person's click, finished by the station after a restart. */
const RESUMED = 'resumed after a restart';

const words: Record<GroupAction, string> = { answer: 'answering', dismiss: 'dismissing', escalate: 'escalating' };
const count = (n: number) => n.toLocaleString('en-US');

/** Who holds an item and how far they are, in words: "Ana is answering this question (8,000 of 20,000 done)". */
export const holderText = (p: GroupWorkProgress) => `${p.by} is ${words[p.action]} this question (${count(p.done)} of ${count(p.total)} done)`;

/** The record a member becomes: the same shapes the one-comment commands write. */
export function memberChange(job: Pick<GroupJob, 'action' | 'text' | 'actor' | 'at' | 'representativeId'>, m: CommentRecord, to: CommentRecord['queue']): CommentRecord {
  const claim = { claimedBy: m.claimedBy ?? job.actor, claimedAt: m.claimedAt ?? job.at };
  if (job.action === 'answer') {
    const via = m.id === job.representativeId ? 'reply' : 'cluster';
    return { ...m, ...claim, status: 'answered', answeredAt: job.at, responseSeconds: Math.round((job.at - m.receivedAt) / 100) / 10, reply: job.text, answeredVia: via };
  }
  if (job.action === 'dismiss') return { ...m, ...claim, status: 'dismissed', answeredAt: job.at };
  return { ...m, status: 'escalated', queue: to, claimedBy: null, claimedAt: null, note: job.text };
}

export function createGroupWork(deps: GroupWorkDeps): GroupWork {
  const active = new Map<string, GroupWorkProgress>();
  let stopped = false;
  let nextId = 0;

  /** Whether the job may take this member now: still its own and open, not held by someone else (a producer may take over). */
  const takes = (job: GroupJob, m: CommentRecord) =>
    m.clusterKey === job.clusterKey &&
    m.seq <= job.upToSeq &&
    isOpen(m.status) &&
    !(m.status === 'claimed' && m.claimedBy !== job.actor && job.role !== 'producer');

  const auditRow = (job: GroupJob, m: CommentRecord): AuditInput => ({
    command: `comments.bulk.${job.action}`,
    args: { id: m.id, clusterId: clusterIdOf(job.clusterKey), ...(job.macroId ? { macroId: job.macroId } : {}) },
    actor: job.actor,
  });

  /** The steps of one job; `stored`: its row is in the database already (a resumed job). */
  const steps = async (ctx: HandlerContext, job: GroupJob, ids: readonly string[], stored: boolean) => {
    const shown = active.get(job.clusterKey);
    let done = 0;
    let skipped = 0;
    const to = deps.escalateTo();
    // Nothing left to take (answered one by one meanwhile): a kept row still goes with the command.
    if (ids.length === 0 && stored) ctx.write(() => deps.jobs.finish(job.id));
    for (let from = 0; from < ids.length; from += GROUP_STEP) {
      if (from > 0) {
        // The loop is handed back: other commands, frames and heartbeats go between two steps.
        await new Promise((resolve) => setImmediate(resolve));
        if (stopped || deps.showId() !== job.showId) {
          throw unavailable(
            `The station stopped while ${words[job.action]} this question: ${count(job.done + done)} of ${count(job.total)} done. The rest is done when the show is loaded again; nothing is posted twice.`,
          );
        }
      }
      const changes: HandlingChange[] = [];
      for (const m of deps.getMany(ids.slice(from, from + GROUP_STEP))) {
        if (!takes(job, m)) {
          skipped += 1;
          continue;
        }
        changes.push({ prev: m, next: memberChange(job, m, to) });
        if (job.audited) ctx.audit(auditRow(job, m));
      }
      deps.saveAll(ctx, changes);
      done += changes.length;
      const last = from + GROUP_STEP >= ids.length;
      const reached = job.done + done;
      if (last) {
        if (stored) ctx.write(() => deps.jobs.finish(job.id));
        break;
      }
      const known = stored;
      ctx.write(() => {
        if (known) deps.jobs.progress(job.id, reached);
        else deps.jobs.insert({ ...job, done: reached });
        // The progress every desk reads follows the write, in the step's own summary change.
        if (shown) shown.done = reached;
      });
      ctx.commit();
      stored = true;
    }
    return { done, skipped };
  };

  const reserve: GroupWork['reserve'] = (clusterKey, by, action) => {
    const holder = active.get(clusterKey);
    if (holder) throw conflict(`${holderText(holder)}; wait for it to finish.`);
    const entry: GroupWorkProgress = { clusterId: clusterIdOf(clusterKey), action, by, done: 0, total: 0 };
    active.set(clusterKey, entry);
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      if (active.get(clusterKey) === entry) active.delete(clusterKey);
      deps.stale();
    };
  };

  const resumeOne = async (job: GroupJob) => {
    const release = reserve(job.clusterKey, job.actor, job.action);
    const entry = active.get(job.clusterKey);
    if (entry) Object.assign(entry, { done: job.done, total: job.total });
    // The station's own context for the person's job: each step goes through the one audit writer,
    // every row in the person's name and the role they clicked in (via the station), saying it was resumed.
    const writes: (() => void)[] = [];
    const rows: AuditInput[] = [];
    const ctx: HandlerContext = {
      caller: { actor: job.actor, role: job.role, via: 'system' },
      now: deps.now(),
      write: (fn) => void writes.push(fn),
      audit: (row) => void rows.push({ ...row, actor: row.actor ?? job.actor, role: job.role, detail: row.detail ?? RESUMED }),
      commit: () => deps.audit.events(rows.splice(0), writes.splice(0)),
    };
    try {
      const r = await steps(ctx, job, deps.memberIds(job.clusterKey), true);
      ctx.audit({
        command: `comments.group.resumed`,
        args: { clusterId: clusterIdOf(job.clusterKey), action: job.action, ...(job.macroId ? { macroId: job.macroId } : {}) },
        actor: job.actor,
        detail: `Finished after a restart: ${count(job.done + r.done)} of ${count(job.total)} (${count(r.done)} now, ${count(r.skipped)} no longer waiting).`,
      });
      ctx.commit();
    } finally {
      release();
    }
  };

  return {
    progress: () => [...active.values()].map((p) => ({ ...p })),
    busy: (clusterKey) => {
      const p = active.get(clusterKey);
      return p ? { ...p } : null;
    },
    reserve,
    begin(start, ids) {
      const job: GroupJob = { ...start, id: `${start.at.toString(36)}-${(nextId++).toString(36)}-${Math.random().toString(36).slice(2, 8)}`, upToSeq: deps.jobs.newestSeq(), done: 0, total: ids.length };
      const entry = active.get(start.clusterKey);
      if (entry) entry.total = ids.length;
      return { job, ids };
    },
    store(ctx, { job }) {
      ctx.write(() => deps.jobs.insert(job));
    },
    run: (ctx, { job, ids }, stored = false) => steps(ctx, job, ids, stored),
    async resume() {
      if (stopped) return;
      let jobs: GroupJob[];
      try {
        jobs = deps.jobs.unfinished(deps.showId());
      } catch (error) {
        deps.log.error('group jobs not read after the restart', { error: String(error) });
        return;
      }
      for (const job of jobs) {
        if (stopped) return;
        // Still running in this process (the show was loaded again meanwhile): it finishes itself.
        if (active.has(job.clusterKey)) continue;
        try {
          await resumeOne(job);
        } catch (error) {
          deps.log.error('group job not finished after the restart', { clusterId: clusterIdOf(job.clusterKey), action: job.action, error: String(error) });
        }
      }
    },
    stop() {
      stopped = true;
    },
  };
}
