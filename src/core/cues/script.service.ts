// Script versions: save (Markdown/JSON → filled, hashed, immutable), preview, diff, review rounds
// and sign-off. Publishes the current show's versions in the `scripts` slice and raises an alert
// when a sign-off request is overdue.
import type { ScriptFormat, ScriptVersionSummary } from '../../shared/contract/index';
import type { Show } from '../../shared/show/show.schema';
import type { Handlers } from '../dispatch/handler';
import { CommandFailure, conflict, invalid } from '../dispatch/command-failure';
import type { ModuleContext } from '../module';
import type { ScriptRepo, StoredVersion } from './script.repo';
import { buildScript, type BuildResult } from './script.build';
import { renderLines } from './script.render';
import { diffLines } from './script.diff';
import { contentHash, shortHash } from './script.hash';
import { summarise } from './script.status';

export interface NewVersion {
  showId: string;
  format: ScriptFormat;
  source: string;
  built: Extract<BuildResult, { ok: true }>;
  origin: StoredVersion['origin'];
  createdBy: string;
  at: number;
}

export interface ScriptService {
  handlers: Handlers<'script.preview' | 'script.save' | 'script.get' | 'script.diff' | 'script.requestApproval' | 'script.approve' | 'script.return'>;
  summary(v: StoredVersion): ScriptVersionSummary;
  /** The version to insert for this content, numbered after the show's latest. */
  prepare(input: NewVersion): StoredVersion;
  /** Re-reads the current show's versions into the snapshot and checks due times. */
  refresh(): void;
  /** Told by the deck after a version went live (macro check, staleness). */
  afterLoad(v: StoredVersion): void;
  formatTime(ms: number): string;
  requireShow(): Show;
}

const APPROVER_ROLES = new Set(['legal', 'brand', 'approver', 'producer']);

/** The show's person who may sign off (legal, brand, producer), by id or name; a clear refusal otherwise. */
export function requireApprover(show: Show, approver: string): Show['people'][number] {
  const wanted = approver.trim().toLowerCase();
  const person = show.people.find((p) => p.id.toLowerCase() === wanted || p.name.toLowerCase() === wanted);
  if (!person || !APPROVER_ROLES.has(person.role)) {
    const allowed = show.people.filter((p) => APPROVER_ROLES.has(p.role)).map((p) => `${p.name} (${p.role})`);
    throw invalid(
      `${person ? `${person.name} is ${person.role}` : `"${approver}" is not a person in this show`}: sign-off comes from ${allowed.join(', ') || 'nobody — add a legal or brand person to the show'}.`,
      [{ path: 'approver', message: 'not an approver of this show' }],
    );
  }
  return person;
}

export function createScriptService(ctx: ModuleContext, repo: ScriptRepo, hooks: { afterLoad(v: StoredVersion): void }): ScriptService {
  const { state, clock } = ctx;
  const overdueKeys = new Set<string>();

  const requireShow = (): Show => {
    const s = ctx.show.current()?.show;
    if (!s) throw conflict('No show is loaded: script versions belong to a show. Load one first.');
    return s;
  };
  const summary = (v: StoredVersion) => summarise(v, repo.approval(v.id), repo.reviews(v.id));
  const requireVersion = (id: string): StoredVersion => {
    const v = repo.version(id);
    if (!v) throw conflict(`There is no script version "${id}".`);
    return v;
  };
  const formatTime = (ms: number) => {
    const tz = ctx.show.current()?.show.schedule.timezone ?? 'UTC';
    try {
      return new Intl.DateTimeFormat('en-GB', { timeZone: tz, dateStyle: 'medium', timeStyle: 'short' }).format(ms) + ` (${tz})`;
    } catch {
      return new Date(ms).toISOString();
    }
  };
  const build = (format: ScriptFormat, source: string, show: Show) => {
    const built = buildScript(format, source, show);
    if (!built.ok) {
      const first = built.issues.slice(0, 3).map((i) => `${i.path || '(script)'}: ${i.message}`).join('; ');
      throw new CommandFailure(
        'invalid_args',
        `The script has ${built.issues.length} problem(s): ${first}. Nothing was saved.`,
        built.issues.map((i) => ({ path: i.path, message: i.message })),
      );
    }
    return built;
  };

  const checkOverdue = (versions: readonly ScriptVersionSummary[]) => {
    const now = clock.now();
    const due = new Set<string>();
    for (const v of versions) {
      if (v.status !== 'in_review' || v.dueAt === null || v.dueAt > now) continue;
      const key = `script.overdue.${v.id}`;
      due.add(key);
      ctx.alerts.raise({
        source: 'cues',
        key,
        level: 'warn',
        message: `Sign-off for script version ${v.number} (${v.shortHash}) is overdue: it was due ${formatTime(v.dueAt)}. Only an approved version can go to the host.`,
      });
    }
    for (const key of overdueKeys) if (!due.has(key)) ctx.alerts.clear(key);
    overdueKeys.clear();
    for (const k of due) overdueKeys.add(k);
  };

  const refresh = () => {
    const showId = ctx.show.current()?.show.id ?? null;
    const versions = showId ? repo.versions(showId).map(summary) : [];
    state.set('scripts', { ...state.get('scripts'), versions });
    checkOverdue(versions);
  };
  // Writes run after the handler, in the command's transaction; the snapshot is re-read from the
  // database once they are committed.
  const refreshAfterCommit = () => queueMicrotask(refresh);

  const prepare = (input: NewVersion): StoredVersion => {
    const number = repo.nextNumber(input.showId);
    const latest = repo.versions(input.showId)[0] ?? null;
    return {
      id: `${input.showId}/v${number}`,
      showId: input.showId,
      number,
      hash: input.built.hash,
      content: input.built.content,
      source: input.source,
      format: input.format,
      origin: input.origin,
      warnings: input.built.warnings,
      createdAt: input.at,
      createdBy: input.createdBy,
      parentId: latest?.id ?? null,
    };
  };

  return {
    summary,
    prepare,
    refresh,
    formatTime,
    requireShow,
    afterLoad: (v) => hooks.afterLoad(v),
    handlers: {
      'script.preview': ({ format, source }) => {
        const built = build(format, source, requireShow());
        return { content: built.content, hash: built.hash, warnings: built.warnings };
      },
      'script.save': ({ format, source }, hc) => {
        const show = requireShow();
        const built = build(format, source, show);
        const existing = repo.byHash(show.id, built.hash);
        if (existing) return { version: summary(existing), created: false };
        const v = prepare({ showId: show.id, format, source, built, origin: 'editor', createdBy: hc.caller.actor, at: hc.now });
        hc.write(() => {
          repo.insertVersion(v);
          refreshAfterCommit();
        });
        return { version: summarise(v, null, []), created: true };
      },
      'script.get': ({ versionId }) => {
        const v = requireVersion(versionId);
        return { version: summary(v), content: v.content, source: v.source };
      },
      'script.diff': ({ from, to }) => {
        const a = requireVersion(from);
        const b = requireVersion(to);
        const lines = diffLines(renderLines(a.content), renderLines(b.content));
        return { lines, added: lines.filter((l) => l.op === 'add').length, removed: lines.filter((l) => l.op === 'del').length };
      },
      'script.requestApproval': ({ versionId }, hc) => {
        const v = requireVersion(versionId);
        const s = summary(v);
        if (s.approval) throw conflict(`Version ${v.number} is already approved by ${s.approval.approver}.`);
        const slaHours = ctx.show.current()?.show.approvals.slaHours ?? 24;
        const review = { versionId: v.id, kind: 'request' as const, actor: hc.caller.actor, at: hc.now, dueAt: hc.now + slaHours * 3_600_000, comments: [] };
        hc.write(() => {
          repo.insertReview(review);
          refreshAfterCommit();
        });
        return { version: summarise(v, null, [...repo.reviews(v.id), review]) };
      },
      'script.approve': ({ versionId, hash, approver, note }, hc) => {
        const show = requireShow();
        const v = requireVersion(versionId);
        const s = summary(v);
        if (s.approval) {
          throw conflict(`Version ${v.number} was already approved by ${s.approval.approver} on ${formatTime(s.approval.at)}.`);
        }
        if (hash !== v.hash) {
          throw conflict(
            `The hash ${shortHash(hash)}… does not match version ${v.number} (${shortHash(v.hash)}…): the text is not what was reviewed. Nothing was approved.`,
          );
        }
        if (contentHash(v.content) !== v.hash) {
          throw conflict(`Version ${v.number}'s stored text no longer matches its hash — the database was changed outside Baton. Nothing was approved.`);
        }
        const person = requireApprover(show, approver);
        const approval = { versionId: v.id, hash: v.hash, approver: person.name, role: person.role, at: hc.now, note, recordedBy: hc.caller.actor, source: 'station' as const };
        hc.write(() => {
          repo.insertApproval(approval);
          refreshAfterCommit();
        });
        return { version: summarise(v, approval, repo.reviews(v.id)) };
      },
      'script.return': ({ versionId, reviewer, comments }, hc) => {
        const v = requireVersion(versionId);
        const s = summary(v);
        if (s.approval) throw conflict(`Version ${v.number} is approved and final: to change it, save a new version.`);
        const ids = new Set(v.content.segments.flatMap((seg) => seg.cues.map((c) => c.id)));
        const unknown = comments.map((c, i) => ({ c, i })).filter(({ c }) => !ids.has(c.cueId));
        if (unknown.length > 0) {
          throw invalid(
            `Comments name cues that are not in version ${v.number}: ${unknown.map((u) => u.c.cueId).join(', ')}.`,
            unknown.map((u) => ({ path: `comments.${u.i}.cueId`, message: `no cue ${u.c.cueId} in version ${v.number}` })),
          );
        }
        const review = { versionId: v.id, kind: 'return' as const, actor: reviewer, at: hc.now, dueAt: null, comments };
        hc.write(() => {
          repo.insertReview(review);
          refreshAfterCommit();
        });
        return { version: summarise(v, null, [...repo.reviews(v.id), review]) };
      },
    },
  };
}
