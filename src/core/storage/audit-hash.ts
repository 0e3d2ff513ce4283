// The audit chain's hash: SHA-256 over the previous row's hash and this row's content, each field
// JSON-encoded so that no choice of text in one field can imitate a boundary between two.
import { hash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

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

/** An audit row as SQLite stores it (the repo writes it, the verifier re-reads it). */
export type AuditRow = Omit<AuditContent, 'durationMs'> & { duration_ms: number; prev_hash: string; hash: string };

/** The hashed content of a stored row: what the verifier re-hashes and the repo hands out. */
export function contentOf(r: AuditRow): AuditContent {
  return {
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
  };
}

/**
 * SHA-256 of the previous hash followed by the fields' JSON (one string: the same bytes as feeding
 * the two in turn). One-shot `hash` rather than a Hash object: a command's rows are hashed on its
 * reply path, where the object's set-up cost about twice the digest itself.
 */
export function auditHash(prevHash: string, c: AuditContent): string {
  return hash('sha256', prevHash + JSON.stringify([c.seq, c.at, c.actor, c.role, c.via, c.command, c.args, c.outcome, c.detail, c.durationMs]), 'hex');
}
