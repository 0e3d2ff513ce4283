// A version's status, derived from its sign-off and review rounds, and the reason a version may
// not go to the host — in a sentence the producer can act on.
import type { Approval, ScriptVersionSummary } from '../../shared/contract/index';
import type { ReviewRecord, StoredVersion } from './script.repo';
import { contentHash, shortHash } from './script.hash';

export function summarise(v: StoredVersion, approval: Approval | null, reviews: readonly ReviewRecord[]): ScriptVersionSummary {
  const last = reviews[reviews.length - 1] ?? null;
  const status = approval ? 'approved' : last?.kind === 'return' ? 'returned' : last?.kind === 'request' ? 'in_review' : 'draft';
  const lastReturn = [...reviews].reverse().find((r) => r.kind === 'return') ?? null;
  return {
    id: v.id,
    showId: v.showId,
    number: v.number,
    hash: v.hash,
    shortHash: shortHash(v.hash),
    createdAt: v.createdAt,
    createdBy: v.createdBy,
    origin: v.origin,
    format: v.format,
    title: v.content.title,
    cueCount: v.content.segments.reduce((n, s) => n + s.cues.length, 0),
    status,
    requestedAt: status === 'in_review' && last ? last.at : null,
    dueAt: status === 'in_review' && last ? last.dueAt : null,
    approval,
    returned: lastReturn ? { reviewer: lastReturn.actor, at: lastReturn.at, comments: lastReturn.comments } : null,
    warnings: v.warnings,
  };
}

/** Null when the version may be loaded into the live deck; otherwise why not. */
export function loadRefusal(v: StoredVersion, summary: ScriptVersionSummary, formatTime: (ms: number) => string): string | null {
  const label = `Version ${v.number} (${shortHash(v.hash)})`;
  if (!summary.approval) {
    const why =
      summary.status === 'returned' && summary.returned
        ? `it was returned by ${summary.returned.reviewer} with ${summary.returned.comments.length} comment(s): fix them and save a new version`
        : summary.status === 'in_review'
          ? `it is waiting for sign-off${summary.dueAt ? ` (due ${formatTime(summary.dueAt)})` : ''}`
          : 'it is a draft: send it for sign-off';
    return `${label} is not approved — ${why}. Only approved text goes to the host.`;
  }
  if (summary.approval.hash !== v.hash) {
    return `${label}: its approval signs a different hash (${shortHash(summary.approval.hash)}). Nothing was loaded.`;
  }
  if (contentHash(v.content) !== v.hash) {
    return `${label}: the stored text no longer matches its hash — the database was changed outside Baton. Nothing was loaded.`;
  }
  return null;
}
