// The evidence of a review: a version's diff against the show's last approved version before it,
// with the compliance guard's flags on every added line (a price, code or delivery promise the
// approved text does not make). The producer's review and the approver's page show the same.
import type { ReviewEvidence } from '../../shared/contract/index';
import type { Approval } from '../../shared/contract/index';
import { approvedClaims, findViolations } from './compliance.guard';
import { diffLines } from './script.diff';
import { renderLines } from './script.render';
import { shortHash } from './script.hash';
import type { StoredVersion } from './script.repo';

export interface ReviewSources {
  /** The show's versions, any order. */
  versions: readonly StoredVersion[];
  approval(versionId: string): Approval | null;
  /** The show's offer codes: the guard recognises them as codes however they are written. */
  knownCodes: readonly string[];
}

/** The latest approved version numbered before `v` (its baseline), or null. */
export function baselineOf(v: StoredVersion, src: Pick<ReviewSources, 'versions' | 'approval'>): { version: StoredVersion; approval: Approval } | null {
  let best: { version: StoredVersion; approval: Approval } | null = null;
  for (const other of src.versions) {
    if (other.showId !== v.showId || other.number >= v.number) continue;
    const approval = src.approval(other.id);
    if (!approval || approval.hash !== other.hash) continue;
    if (!best || other.number > best.version.number) best = { version: other, approval };
  }
  return best;
}

export function reviewEvidence(v: StoredVersion, src: ReviewSources): ReviewEvidence {
  const base = baselineOf(v, src);
  const before = base ? renderLines(base.version.content) : [];
  const lines = diffLines(before, renderLines(v.content));
  const approved = approvedClaims(
    base ? base.version.content.segments.flatMap((s) => s.cues.map((q) => q.text)) : [],
    src.knownCodes,
  );
  const label = base ? `version ${base.version.number}, ${shortHash(base.version.hash)}` : 'nothing approved yet';
  const reviewed = lines.map((l) => ({ ...l, flags: l.op === 'add' ? findViolations(l.text, approved, src.knownCodes, label) : [] }));
  return {
    versionId: v.id,
    against: base ? { versionId: base.version.id, number: base.version.number, shortHash: shortHash(base.version.hash), approver: base.approval.approver } : null,
    lines: reviewed,
    added: reviewed.filter((l) => l.op === 'add').length,
    removed: reviewed.filter((l) => l.op === 'del').length,
    flagged: reviewed.reduce((n, l) => n + l.flags.length, 0),
  };
}
