// Sign-off links as stored: keyed by the SHA-256 of the link's code, never the code itself.
import type { Db } from '../storage/database';

export interface SignoffLink {
  tokenHash: string;
  versionId: string;
  approver: string;
  approverRole: string;
  createdBy: string;
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
  usedFor: 'approve' | 'return' | null;
}

export interface SignoffRepo {
  insert(link: SignoffLink): void;
  byHash(tokenHash: string): SignoffLink | null;
  markUsed(tokenHash: string, at: number, usedFor: 'approve' | 'return'): void;
}

interface Row {
  token_hash: string;
  version_id: string;
  approver: string;
  approver_role: string;
  created_by: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
  used_for: 'approve' | 'return' | null;
}

export function createSignoffRepo(db: Db): SignoffRepo {
  const put = db.prepare(
    `INSERT INTO script_signoff_links (token_hash, version_id, approver, approver_role, created_by, created_at, expires_at, used_at, used_for)
     VALUES (@tokenHash, @versionId, @approver, @approverRole, @createdBy, @createdAt, @expiresAt, @usedAt, @usedFor)`,
  );
  const get = db.prepare<[string], Row>('SELECT * FROM script_signoff_links WHERE token_hash = ?');
  const use = db.prepare('UPDATE script_signoff_links SET used_at = ?, used_for = ? WHERE token_hash = ? AND used_at IS NULL');
  return {
    insert: (link) => void put.run(link),
    byHash(tokenHash) {
      const r = get.get(tokenHash);
      return r
        ? {
            tokenHash: r.token_hash,
            versionId: r.version_id,
            approver: r.approver,
            approverRole: r.approver_role,
            createdBy: r.created_by,
            createdAt: r.created_at,
            expiresAt: r.expires_at,
            usedAt: r.used_at,
            usedFor: r.used_for,
          }
        : null;
    },
    markUsed: (tokenHash, at, usedFor) => void use.run(at, usedFor, tokenHash),
  };
}
