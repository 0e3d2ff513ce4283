// The audit chain's hash: SHA-256 over the previous row's hash and this row's content, each field
// JSON-encoded so that no choice of text in one field can imitate a boundary between two.
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** An audit row as SQLite stores it (the repo writes it, the verifier re-reads it). */
export interface AuditRow {
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

export interface AuditContent {
  seq: number;
  at: number;
  actor: string;
  role: string;
  via: string;
  command: string;
  /** The arguments as stored: JSON text, already redacted. */
  args: string;
  outcome: string;
  detail: string | null;
  durationMs: number;
}

export function auditHash(prevHash: string, c: AuditContent): string {
  return createHash('sha256')
    .update(prevHash)
    .update(JSON.stringify([c.seq, c.at, c.actor, c.role, c.via, c.command, c.args, c.outcome, c.detail, c.durationMs]))
    .digest('hex');
}
