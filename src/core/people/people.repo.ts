// SQLite rows of people's access (people_access) and of every token hash ever revoked or replaced
// (people_spent). Plain reads and writes: the service decides what they mean.
import type { Db } from '../storage/database';
import type { ShowRole } from '../../shared/contract/people.contract';

export interface AccessRow {
  personId: string;
  name: string;
  roles: ShowRole[];
  source: 'show' | 'producer';
  tokenHash: string | null;
  standing: boolean;
  issuedAt: number | null;
  issuedBy: string | null;
  expiresAt: number | null;
  revokedAt: number | null;
  revokedBy: string | null;
  lastUsedAt: number | null;
  lastUsedFrom: string | null;
}

interface Raw {
  person_id: string;
  name: string;
  roles: string;
  source: 'show' | 'producer';
  token_hash: string | null;
  standing: number;
  issued_at: number | null;
  issued_by: string | null;
  expires_at: number | null;
  revoked_at: number | null;
  revoked_by: string | null;
  last_used_at: number | null;
  last_used_from: string | null;
}

export interface PeopleRepo {
  all(): AccessRow[];
  upsertPerson(p: { personId: string; name: string; roles: readonly ShowRole[]; source: 'show' | 'producer' }): void;
  issue(p: { personId: string; tokenHash: string; standing: boolean; at: number; by: string; expiresAt: number | null }): void;
  revoke(p: { personId: string; at: number; by: string }): void;
  spend(tokenHash: string, personId: string, at: number): void;
  isSpent(tokenHash: string): boolean;
  /** Whose token a spent hash was, or null. */
  spentBy(tokenHash: string): string | null;
  touch(personId: string, at: number, from: string): void;
}

export function createPeopleRepo(db: Db): PeopleRepo {
  const all = db.prepare<[], Raw>('SELECT * FROM people_access ORDER BY rowid');
  const upsert = db.prepare(
    `INSERT INTO people_access (person_id, name, roles, source) VALUES (@personId, @name, @roles, @source)
     ON CONFLICT(person_id) DO UPDATE SET name = excluded.name, roles = excluded.roles`,
  );
  const issue = db.prepare(
    `UPDATE people_access SET token_hash = @tokenHash, standing = @standing, issued_at = @at, issued_by = @by,
       expires_at = @expiresAt, revoked_at = NULL, revoked_by = NULL WHERE person_id = @personId`,
  );
  const revoke = db.prepare('UPDATE people_access SET token_hash = NULL, revoked_at = @at, revoked_by = @by WHERE person_id = @personId');
  const spend = db.prepare('INSERT OR IGNORE INTO people_spent (token_hash, person_id, spent_at) VALUES (?, ?, ?)');
  const spent = db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM people_spent WHERE token_hash = ?');
  const spentBy = db.prepare<[string], { person_id: string }>('SELECT person_id FROM people_spent WHERE token_hash = ?');
  const touch = db.prepare('UPDATE people_access SET last_used_at = ?, last_used_from = ? WHERE person_id = ?');

  return {
    all: () => all.all().map(fromRaw),
    upsertPerson: (p) => void upsert.run({ ...p, roles: JSON.stringify(p.roles) }),
    issue: (p) => void issue.run({ ...p, standing: p.standing ? 1 : 0 }),
    revoke: (p) => void revoke.run(p),
    spend: (hash, personId, at) => void spend.run(hash, personId, at),
    isSpent: (hash) => (spent.get(hash)?.n ?? 0) > 0,
    spentBy: (hash) => spentBy.get(hash)?.person_id ?? null,
    touch: (personId, at, from) => void touch.run(at, from, personId),
  };
}

function fromRaw(r: Raw): AccessRow {
  let roles: ShowRole[] = [];
  try {
    const parsed: unknown = JSON.parse(r.roles);
    if (Array.isArray(parsed)) roles = parsed.filter((x): x is ShowRole => typeof x === 'string') as ShowRole[];
  } catch {
    roles = [];
  }
  return {
    personId: r.person_id,
    name: r.name,
    roles,
    source: r.source,
    tokenHash: r.token_hash,
    standing: r.standing === 1,
    issuedAt: r.issued_at,
    issuedBy: r.issued_by,
    expiresAt: r.expires_at,
    revokedAt: r.revoked_at,
    revokedBy: r.revoked_by,
    lastUsedAt: r.last_used_at,
    lastUsedFrom: r.last_used_from,
  };
}
