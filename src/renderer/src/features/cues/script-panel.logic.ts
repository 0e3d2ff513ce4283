// Script versions as the producer sees them: status in words with its colour (overdue in red),
// who may sign, and text split into pieces for highlighting compliance hits. Pure.
import type { ClaimViolation, ScriptVersionSummary } from '../../../../shared/contract/index';
import type { Show } from '../../../../shared/show/show.schema';

export type Level = 'green' | 'amber' | 'red' | 'unknown';

export function versionStatus(v: ScriptVersionSummary, now: number): { level: Level; text: string; overdue: boolean } {
  switch (v.status) {
    case 'approved':
      return { level: 'green', text: `APPROVED · ${v.approval?.approver ?? ''}`, overdue: false };
    case 'returned':
      return { level: 'amber', text: `RETURNED · ${v.returned?.comments.length ?? 0} comment(s)`, overdue: false };
    case 'in_review': {
      const overdue = v.dueAt !== null && v.dueAt < now;
      return { level: overdue ? 'red' : 'amber', text: overdue ? 'OVERDUE' : 'IN REVIEW', overdue };
    }
    case 'draft':
      return { level: 'unknown', text: 'DRAFT', overdue: false };
  }
}

export const APPROVER_ROLES = ['legal', 'brand', 'producer'] as const;

export function approvers(show: Show | null): { id: string; label: string; role: string }[] {
  return (show?.people ?? [])
    .filter((p) => (APPROVER_ROLES as readonly string[]).includes(p.role))
    .sort((a, b) => APPROVER_ROLES.indexOf(a.role as (typeof APPROVER_ROLES)[number]) - APPROVER_ROLES.indexOf(b.role as (typeof APPROVER_ROLES)[number]))
    .map((p) => ({ id: p.id, label: `${p.name} (${p.role})`, role: p.role }));
}

export interface Piece {
  text: string;
  hit: ClaimViolation | null;
}

/** Splits `text` at the violations' ranges (sorted, non-overlapping ranges assumed). */
export function highlight(text: string, violations: readonly ClaimViolation[]): Piece[] {
  const out: Piece[] = [];
  let at = 0;
  for (const v of [...violations].sort((a, b) => a.start - b.start)) {
    if (v.start < at || v.end > text.length) continue;
    if (v.start > at) out.push({ text: text.slice(at, v.start), hit: null });
    out.push({ text: text.slice(v.start, v.end), hit: v });
    at = v.end;
  }
  if (at < text.length) out.push({ text: text.slice(at), hit: null });
  return out;
}

/** The version a diff is compared against by default: the live one, else the one before. */
export function defaultDiffBase(versions: readonly ScriptVersionSummary[], selected: string, liveId: string | null): string | null {
  if (liveId && liveId !== selected) return liveId;
  const i = versions.findIndex((v) => v.id === selected);
  return versions[i + 1]?.id ?? null;
}
