// HQ's check of a station's audit chain as its rows arrive: each row must follow the last one HQ
// holds (next seq, same previous hash) and hash to what it claims, by the station's own scheme.
import { auditHash, contentOf, type AuditRow } from '../../src/core/storage/audit-hash';

export interface ChainHead {
  seq: number;
  hash: string;
}

export type ChainStep = { ok: true; head: ChainHead } | { ok: false; seq: number; reason: string };

export function checkAuditRows(head: ChainHead, rows: readonly Record<string, unknown>[]): ChainStep {
  let h = head;
  for (const body of rows) {
    const row = body as unknown as AuditRow;
    const seq = Number(row.seq);
    if (!Number.isInteger(seq) || typeof row.hash !== 'string' || typeof row.prev_hash !== 'string') {
      return { ok: false, seq: Number.isFinite(seq) ? seq : h.seq + 1, reason: 'audit row without seq or hashes' };
    }
    if (seq !== h.seq + 1) return { ok: false, seq, reason: `gap: expected audit row ${h.seq + 1}, got ${seq}` };
    if (row.prev_hash !== h.hash) return { ok: false, seq, reason: 'previous hash does not match the row before' };
    let computed: string;
    try {
      computed = auditHash(h.hash, contentOf(row));
    } catch {
      return { ok: false, seq, reason: 'audit row content cannot be hashed' };
    }
    if (computed !== row.hash) return { ok: false, seq, reason: 'row content does not match its hash (edited)' };
    h = { seq, hash: row.hash };
  }
  return { ok: true, head: h };
}
