// The append-only audit log: who did what, with which arguments, and how it ended. Each row is
// chained to the one before by hash; `audit-verify.ts` walks the chain.
import type { AuditEntry } from '../../shared/contract/station.contract';
import type { Db } from './database';
import { toWellFormed } from './well-formed-text';
import { clip } from '../../shared/text/clip';
import { GENESIS_HASH, auditHash, contentOf, type AuditContent, type AuditRow as Row } from './audit-hash';

export interface AuditRecord {
  at: number;
  actor: string;
  role: string;
  via: string;
  command: string;
  args: unknown;
  outcome: string;
  detail: string | null;
  durationMs: number;
}

/** Arguments are capped so that a huge payload cannot bloat the log; the cap is marked. */
const MAX_ARGS_CHARS = 8_000;

export interface AuditRepo {
  /** Appends one row. Only the audit writer calls this, inside the transaction it describes. */
  append(record: AuditRecord): AuditEntry;
  list(options: { before?: number; limit: number; command?: string }): AuditEntry[];
  count(): number;
  head(): { seq: number; hash: string } | null;
  /** Re-reads the head after a transaction that appended was rolled back. */
  resync(): void;
}

export function createAuditRepo(db: Db): AuditRepo {
  const insert = db.prepare(
    `INSERT INTO audit_log (seq, at, actor, role, via, command, args, outcome, detail, duration_ms, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const last = db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  const countStmt = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM audit_log');
  const listAll = db.prepare<[number, number], Row>('SELECT * FROM audit_log WHERE seq < ? ORDER BY seq DESC LIMIT ?');
  const listCmd = db.prepare<[number, string, number], Row>(
    'SELECT * FROM audit_log WHERE seq < ? AND command = ? ORDER BY seq DESC LIMIT ?',
  );

  // The head is cached: this process is the only writer, and the chain is read once at start.
  let headSeq = 0;
  let headHash = GENESIS_HASH;
  let count = 0;
  const readHead = () => {
    const top = last.get();
    headSeq = top?.seq ?? 0;
    headHash = top?.hash ?? GENESIS_HASH;
    count = countStmt.get()?.n ?? 0;
  };
  readHead();

  return {
    append(record) {
      const argsText = argsJson(record.args);
      const args = argsText.length > MAX_ARGS_CHARS ? JSON.stringify({ truncated: true, head: clip(argsText, MAX_ARGS_CHARS) }) : argsText;
      // What is hashed is exactly what SQLite stores and hands back: well-formed text only (UTF-8
      // cannot hold a lone surrogate; it would come back as U+FFFD and break the chain for good).
      const content: AuditContent = {
        seq: headSeq + 1,
        at: record.at,
        actor: toWellFormed(record.actor),
        role: toWellFormed(record.role),
        via: toWellFormed(record.via),
        command: toWellFormed(record.command),
        args,
        outcome: toWellFormed(record.outcome),
        detail: record.detail === null ? null : toWellFormed(record.detail),
        durationMs: Math.round(record.durationMs * 1000) / 1000,
      };
      const hash = auditHash(headHash, content);
      insert.run(
        content.seq,
        content.at,
        content.actor,
        content.role,
        content.via,
        content.command,
        args,
        content.outcome,
        content.detail,
        content.durationMs,
        headHash,
        hash,
      );
      headSeq = content.seq;
      headHash = hash;
      count += 1;
      // Every row of a command is appended on its reply path: the entry is built once, with the
      // arguments as stored (parsed back from the text that was hashed).
      return toEntry(content, hash, JSON.parse(args) as unknown);
    },
    list({ before, limit, command }) {
      const upper = before ?? Number.MAX_SAFE_INTEGER;
      const rows = command ? listCmd.all(upper, command, limit) : listAll.all(upper, limit);
      return rows.map((r) => toEntry(contentOf(r), r.hash, JSON.parse(r.args) as unknown));
    },
    count: () => count,
    head: () => (headSeq === 0 ? null : { seq: headSeq, hash: headHash }),
    resync: readHead,
  };
}

/** Arguments as JSON text. Anything JSON cannot hold (a cycle, a BigInt) is stored as a note instead. */
function argsJson(value: unknown): string {
  try {
    return JSON.stringify(value ?? null) ?? 'null';
  } catch (error) {
    return JSON.stringify({ unserialisable: error instanceof Error ? error.message : String(error) });
  }
}

function toEntry(c: AuditContent, hash: string, parsedArgs: unknown): AuditEntry {
  return {
    seq: c.seq,
    at: c.at,
    actor: c.actor,
    role: c.role,
    via: c.via,
    command: c.command,
    args: parsedArgs,
    outcome: c.outcome,
    detail: c.detail,
    durationMs: c.durationMs,
    hash,
  };
}
