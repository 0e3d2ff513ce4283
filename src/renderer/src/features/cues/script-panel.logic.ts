// Script versions as the producer sees them: status in words with its colour (overdue in red),
// who may sign, and text split into pieces for highlighting compliance hits. Pure.
import type { ClaimViolation, ScriptVersionSummary } from '../../../../shared/contract/index';
import type { Show } from '../../../../shared/show/show.schema';
import { approvalCredit } from './approval.logic';

export type Level = 'green' | 'amber' | 'red' | 'unknown';

export function versionStatus(v: ScriptVersionSummary, now: number): { level: Level; text: string; overdue: boolean } {
  switch (v.status) {
    case 'approved':
      // An approval someone else entered says so even in the badge.
      return { level: 'green', text: `${v.approval && approvalCredit(v.approval).badge === 'RECORDED' ? 'RECORDED' : 'APPROVED'} · ${v.approval?.approver ?? ''}`, overdue: false };
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

/** The headline of a review: what it is compared with, and what changed. */
export function reviewHeadline(e: { against: { number: number; shortHash: string; approver: string } | null; added: number; removed: number; flagged: number }): string {
  const base = e.against ? `Changes since v${e.against.number} (${e.against.shortHash}, approved by ${e.against.approver})` : 'Nothing approved yet: every line is new';
  const flags = e.flagged === 0 ? 'no compliance flags' : `${e.flagged} compliance flag${e.flagged === 1 ? '' : 's'}`;
  return `${base} · +${e.added} −${e.removed} · ${flags}`;
}

/** Changed lines with `context` lines either side; longer unchanged runs become a count of skipped lines. */
export function collapseUnchanged<L extends { op: 'same' | 'add' | 'del' }>(lines: readonly L[], context = 2): (L | { skipped: number })[] {
  const changed = lines.map((l) => l.op !== 'same');
  const out: (L | { skipped: number })[] = [];
  let skipped = 0;
  lines.forEach((l, i) => {
    if (changed.slice(Math.max(0, i - context), i + context + 1).some(Boolean)) {
      if (skipped > 0) out.push({ skipped });
      skipped = 0;
      out.push(l);
    } else skipped++;
  });
  if (skipped > 0) out.push({ skipped });
  return out;
}
