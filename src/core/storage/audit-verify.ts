// Walks the whole audit chain and names every row that does not fit: an edited row (its hash no
// longer matches its content), a deleted or reordered row (a gap in seq, or a prev_hash that is
// not the previous row's hash), or deleted newest rows (SQLite's own AUTOINCREMENT record of the
// highest seq ever used points past the last row). One bad row does not hide the next.
import type { Db } from './database';
import { GENESIS_HASH, auditHash, contentOf, type AuditRow as Row } from './audit-hash';

export interface AuditProblem {
  /** The row the problem shows at (null when it is about the table as a whole). */
  seq: number | null;
  reason: string;
}

export type VerifyResult =
  | { ok: true; rows: number; headHash: string | null }
  | {
      ok: false;
      rows: number;
      /** Every problem found, in chain order. */
      problems: AuditProblem[];
      /** The first problem, for one-line reports. */
      badSeq: number | null;
      reason: string;
    };

export function verifyAuditChain(db: Db): VerifyResult {
  const problems: AuditProblem[] = [];
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let rows = 0;
  for (const r of db.prepare<[], Row>('SELECT * FROM audit_log ORDER BY seq').iterate()) {
    rows += 1;
    let linked = true;
    if (r.seq !== expectedSeq) {
      linked = false;
      problems.push({
        seq: r.seq,
        reason:
          r.seq > expectedSeq
            ? `row ${expectedSeq}${r.seq - expectedSeq > 1 ? `–${r.seq - 1}` : ''} is missing (deleted) before row ${r.seq}`
            : `row ${r.seq} is out of order (expected ${expectedSeq})`,
      });
    }
    // Rows swapped (content moved between seq numbers) break the prev_hash link at the first of them.
    if (linked && r.prev_hash !== prev) {
      problems.push({ seq: r.seq, reason: `row ${r.seq} does not follow row ${r.seq - 1} (prev_hash differs)` });
    }
    // Each row is checked against its own stored link, so an edit is named where it is, once.
    if (auditHash(r.prev_hash, contentOf(r)) !== r.hash) {
      problems.push({ seq: r.seq, reason: `row ${r.seq} was edited (its content no longer matches its hash)` });
    }
    prev = r.hash;
    expectedSeq = Math.max(expectedSeq, r.seq) + 1;
  }
  const lastSeq = expectedSeq - 1;
  const highest = db.prepare<[], { seq: number }>("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").get()?.seq ?? 0;
  if (highest > lastSeq) {
    const missing = highest === lastSeq + 1 ? `row ${highest} is missing (the newest row was deleted)` : `rows ${lastSeq + 1}–${highest} are missing (the newest rows were deleted)`;
    problems.push({ seq: lastSeq + 1, reason: missing });
  } else if (highest < lastSeq) {
    problems.push({ seq: lastSeq, reason: `the database's sequence record was rewritten (it says ${highest}, the last row is ${lastSeq})` });
  }
  const [first] = problems;
  if (first) return { ok: false, rows, problems, badSeq: first.seq, reason: first.reason };
  return { ok: true, rows, headHash: rows === 0 ? null : prev };
}

/** The verdict as text lines: "intact …" or one line per problem. */
export function describeVerify(result: VerifyResult): string[] {
  if (result.ok) return [`intact: ${result.rows} rows`, `head ${result.headHash ?? '(empty)'}`];
  return [
    `BROKEN: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} in ${result.rows} rows`,
    ...result.problems.map((p) => `${p.seq === null ? '-' : `row ${p.seq}`}: ${p.reason}`),
  ];
}
