// Walks the audit chain and names the first row that does not fit: an edited row (its hash no
// longer matches its content), a deleted or reordered row (a gap in seq, or a prev_hash that is
// not the previous row's hash), or deleted newest rows (SQLite's own AUTOINCREMENT record of the
// highest seq ever used points past the last row).
import type { Db } from './database';
import { GENESIS_HASH, auditHash, contentOf, type AuditRow as Row } from './audit-hash';

export type VerifyResult =
  { ok: true; rows: number; headHash: string | null } | { ok: false; rows: number; badSeq: number | null; reason: string };

export function verifyAuditChain(db: Db): VerifyResult {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let rows = 0;
  // Rows swapped (content moved between seq numbers) break the prev_hash link at the first of them.
  for (const r of db.prepare<[], Row>('SELECT * FROM audit_log ORDER BY seq').iterate()) {
    rows += 1;
    if (r.seq !== expectedSeq) {
      return {
        ok: false,
        rows,
        badSeq: r.seq,
        reason:
          r.seq > expectedSeq
            ? `row ${expectedSeq}${r.seq - expectedSeq > 1 ? `–${r.seq - 1}` : ''} is missing (deleted) before row ${r.seq}`
            : `row ${r.seq} is out of order (expected ${expectedSeq})`,
      };
    }
    if (r.prev_hash !== prev) {
      return { ok: false, rows, badSeq: r.seq, reason: `row ${r.seq} does not follow row ${r.seq - 1} (prev_hash differs)` };
    }
    const computed = auditHash(prev, contentOf(r));
    if (computed !== r.hash) {
      return { ok: false, rows, badSeq: r.seq, reason: `row ${r.seq} was edited (its content no longer matches its hash)` };
    }
    prev = r.hash;
    expectedSeq += 1;
  }
  const lastSeq = expectedSeq - 1;
  const highest = db.prepare<[], { seq: number }>("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").get()?.seq ?? 0;
  if (highest > lastSeq) {
    return {
      ok: false,
      rows,
      badSeq: lastSeq + 1,
      reason: `rows ${lastSeq + 1}–${highest} are missing (the newest rows were deleted)`,
    };
  }
  if (highest < lastSeq) {
    return {
      ok: false,
      rows,
      badSeq: lastSeq,
      reason: `the database's sequence record was rewritten (it says ${highest}, the last row is ${lastSeq})`,
    };
  }
  return { ok: true, rows, headHash: rows === 0 ? null : prev };
}
