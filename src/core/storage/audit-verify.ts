// Walks the audit chain and names the first row that does not fit: an edited row (its hash no
// longer matches its content), a deleted or reordered row (a gap in seq, or a prev_hash that is
// not the previous row's hash), or deleted newest rows (the head points past the end).
import type { Db } from './database';
import { GENESIS_HASH, auditHash } from './audit-hash';

export type VerifyResult =
  | { ok: true; rows: number; headHash: string | null }
  | { ok: false; rows: number; badSeq: number | null; reason: string };

interface Row {
  seq: number;
  at: number;
  actor: string;
  role: string;
  via: string;
  command: string;
  args: string;
  outcome: string;
  detail: string | null;
  duration_ms: number;
  prev_hash: string;
  hash: string;
}

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
    const computed = auditHash(prev, {
      seq: r.seq,
      at: r.at,
      actor: r.actor,
      role: r.role,
      via: r.via,
      command: r.command,
      args: r.args,
      outcome: r.outcome,
      detail: r.detail,
      durationMs: r.duration_ms,
    });
    if (computed !== r.hash) {
      return { ok: false, rows, badSeq: r.seq, reason: `row ${r.seq} was edited (its content no longer matches its hash)` };
    }
    prev = r.hash;
    expectedSeq += 1;
  }
  const head = db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit_head WHERE id = 1').get();
  const lastSeq = expectedSeq - 1;
  if (head && (head.seq !== lastSeq || head.hash !== (lastSeq === 0 ? GENESIS_HASH : prev))) {
    return {
      ok: false,
      rows,
      badSeq: head.seq > lastSeq ? lastSeq + 1 : head.seq,
      reason:
        head.seq > lastSeq
          ? `rows ${lastSeq + 1}–${head.seq} are missing (the newest rows were deleted)`
          : `the chain's head record (row ${head.seq}) does not match the last row ${lastSeq}`,
    };
  }
  if (!head && rows > 0) return { ok: false, rows, badSeq: null, reason: 'the chain’s head record is missing' };
  return { ok: true, rows, headHash: rows === 0 ? null : prev };
}
