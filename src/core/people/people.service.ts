// Who a personal token belongs to, and the producer's control over those tokens: issue, re-issue,
// revoke, list. Current hashes live in a Map (hash → person) so a check costs one SHA-256 and one
// lookup however many people hold links; revoked and replaced hashes are remembered as spent.
import type { Role } from '../../shared/contract/roles';
import type { PersonAccess, ShowRole, AccessStatus } from '../../shared/contract/people.contract';
import type { Show } from '../../shared/show/show.schema';
import type { PeopleRepo, AccessRow } from './people.repo';
import { hashToken, isTokenShaped, mintToken, sameDigest } from './people.token';
import { stationRolesOf } from './people.roles';

export interface Person {
  id: string;
  name: string;
  roles: ShowRole[];
}

export type Refusal = 'revoked' | 'expired' | 'unknown' | 'malformed';
export type Authentication = { person: Person; roles: Role[] } | { refused: Refusal; /** Whose token it was, when known (revoked, expired). */ personId?: string };

export interface RevokedEvent {
  personId: string;
  name: string;
  /** `reissued` when a new link replaced the old one. */
  reason: 'revoked' | 'reissued';
  at: number;
}

export interface PeopleService {
  /** The person behind a presented token, or why not. `from` is recorded as the last use. */
  authenticate(token: string | null | undefined, from?: string): Authentication;
  person(id: string): Person | null;
  list(now: number): PersonAccess[];
  /** Checks that an invite can be issued; the returned `apply` makes it so (run it in the command's transaction). */
  prepareInvite(personId: string, opts: { standing: boolean; by: string; now: number; show: Show | null }): { token: string; expiresAt: number | null; apply(): void };
  prepareRevoke(personId: string, opts: { by: string; now: number }): { apply(): void };
  prepareAdd(p: Person): { apply(): void };
  /** The show's people become (or stay) accounts; their names and roles follow the show file. */
  syncShow(show: Show): void;
  onRevoked(listener: (e: RevokedEvent) => void): () => void;
  /** A person opened a view in `role` (a live WebSocket view, not a one-off request). */
  viewOpened(personId: string, role: Role): void;
  /** Anything the roster shows changed (links issued or revoked, people added, views opened). */
  onChanged(listener: () => void): () => void;
}

/** Access issued for a show ends this long after the show's scheduled end. */
export const SHOW_GRACE_MS = 6 * 60 * 60 * 1000;
/** Last use is written to disk at most this often per person (it changes on every request). */
const TOUCH_EVERY_MS = 30_000;

export function showEndsAt(show: Show | null, now: number): number {
  if (!show) return now + 24 * 60 * 60 * 1000;
  const end = Date.parse(show.schedule.start) + show.schedule.durationMinutes * 60_000 + SHOW_GRACE_MS;
  // A link issued after its show's end (a rehearsal of an old show file) still lasts the grace period.
  return Math.max(end, now + SHOW_GRACE_MS);
}

export function createPeopleService(deps: { repo: PeopleRepo; now: () => number; onError?: (e: unknown) => void }): PeopleService {
  const { repo } = deps;
  const rows = new Map<string, AccessRow>();
  const byHash = new Map<string, string>();
  const listeners = new Set<(e: RevokedEvent) => void>();
  const changed = new Set<() => void>();
  // Kept in memory: after a restart everyone opens their view again, which is what preflight asks.
  const opened = new Map<string, Set<Role>>();
  const notify = () => {
    queueMicrotask(() => {
      for (const l of changed) {
        try {
          l();
        } catch (error) {
          deps.onError?.(error);
        }
      }
    });
  };
  const persisted = new Map<string, number>();

  const reload = () => {
    rows.clear();
    byHash.clear();
    for (const r of repo.all()) {
      rows.set(r.personId, r);
      if (r.tokenHash) byHash.set(r.tokenHash, r.personId);
    }
  };
  reload();

  const personOf = (r: AccessRow): Person => ({ id: r.personId, name: r.name, roles: [...r.roles] });
  const statusOf = (r: AccessRow, now: number): AccessStatus => {
    if (r.tokenHash) return r.expiresAt !== null && now > r.expiresAt ? 'expired' : 'active';
    return r.revokedAt !== null ? 'revoked' : 'none';
  };
  const require = (personId: string): AccessRow => {
    const r = rows.get(personId);
    if (!r) throw new PeopleError('unknown_person', `There is no person "${personId}" in this show. Add them first.`);
    return r;
  };
  const emit = (e: RevokedEvent) => {
    // After the command's transaction has committed: listeners close sockets, they do not write.
    queueMicrotask(() => {
      for (const l of listeners) {
        try {
          l(e);
        } catch (error) {
          deps.onError?.(error);
        }
      }
    });
  };

  return {
    authenticate(token, from = 'unknown') {
      if (typeof token !== 'string' || !isTokenShaped(token)) return { refused: 'malformed' };
      const digest = hashToken(token);
      const personId = byHash.get(digest);
      const row = personId === undefined ? undefined : rows.get(personId);
      // The Map finds the candidate; the final comparison of the digests is constant-time.
      if (!row || !row.tokenHash || !sameDigest(row.tokenHash, digest)) {
        const owner = repo.spentBy(digest);
        return owner === null ? { refused: 'unknown' } : { refused: 'revoked', personId: owner };
      }
      const now = deps.now();
      if (row.expiresAt !== null && now > row.expiresAt) return { refused: 'expired', personId: row.personId };
      row.lastUsedAt = now;
      row.lastUsedFrom = from;
      if (now - (persisted.get(row.personId) ?? -Infinity) >= TOUCH_EVERY_MS) {
        persisted.set(row.personId, now);
        try {
          repo.touch(row.personId, now, from);
        } catch (error) {
          deps.onError?.(error);
        }
      }
      return { person: personOf(row), roles: stationRolesOf(row.roles) };
    },
    person: (id) => {
      const r = rows.get(id);
      return r ? personOf(r) : null;
    },
    list: (now) =>
      [...rows.values()].map((r) => ({
        id: r.personId,
        name: r.name,
        roles: [...r.roles],
        stationRoles: stationRolesOf(r.roles),
        source: r.source,
        status: statusOf(r, now),
        standing: r.standing,
        issuedAt: r.tokenHash ? r.issuedAt : null,
        expiresAt: r.tokenHash ? r.expiresAt : null,
        revokedAt: r.revokedAt,
        revokedBy: r.revokedBy,
        lastUsedAt: r.lastUsedAt,
        lastUsedFrom: r.lastUsedFrom,
        opened: [...(opened.get(r.personId) ?? [])],
      })),
    prepareInvite(personId, { standing, by, now, show }) {
      const r = require(personId);
      let token = mintToken();
      let digest = hashToken(token);
      // 256 random bits do not repeat; the check makes "never reused" a guarantee, not a hope.
      while (byHash.has(digest) || repo.isSpent(digest)) {
        token = mintToken();
        digest = hashToken(token);
      }
      const expiresAt = standing ? null : showEndsAt(show, now);
      const previous = r.tokenHash;
      return {
        token,
        expiresAt,
        apply() {
          if (previous) repo.spend(previous, personId, now);
          repo.issue({ personId, tokenHash: digest, standing, at: now, by, expiresAt });
          if (previous) byHash.delete(previous);
          byHash.set(digest, personId);
          Object.assign(r, { tokenHash: digest, standing, issuedAt: now, issuedBy: by, expiresAt, revokedAt: null, revokedBy: null });
          if (previous) emit({ personId, name: r.name, reason: 'reissued', at: now });
          // A new link has not opened any view yet.
          opened.delete(personId);
          notify();
        },
      };
    },
    prepareRevoke(personId, { by, now }) {
      const r = require(personId);
      if (!r.tokenHash) throw new PeopleError('not_issued', `${r.name} holds no link to revoke${r.revokedAt !== null ? ' (already revoked)' : ''}.`);
      if (r.roles.includes('producer')) {
        const otherProducers = [...rows.values()].filter(
          (o) => o.personId !== personId && o.roles.includes('producer') && statusOf(o, now) === 'active',
        );
        if (otherProducers.length === 0) {
          throw new PeopleError('last_producer', `${r.name} is the last producer with a working link: invite another producer before revoking this one.`);
        }
      }
      const previous = r.tokenHash;
      return {
        apply() {
          repo.spend(previous, personId, now);
          repo.revoke({ personId, at: now, by });
          byHash.delete(previous);
          Object.assign(r, { tokenHash: null, revokedAt: now, revokedBy: by });
          emit({ personId, name: r.name, reason: 'revoked', at: now });
          opened.delete(personId);
          notify();
        },
      };
    },
    prepareAdd(p) {
      const existing = rows.get(p.id);
      if (existing) throw new PeopleError('exists', `"${p.id}" is already ${existing.name}.`);
      return {
        apply() {
          repo.upsertPerson({ personId: p.id, name: p.name, roles: p.roles, source: 'producer' });
          reload();
          notify();
        },
      };
    },
    syncShow(show) {
      for (const p of show.people) {
        const existing = rows.get(p.id);
        // A person the producer added keeps the roles given in the station.
        if (existing?.source === 'producer') continue;
        repo.upsertPerson({ personId: p.id, name: p.name, roles: [...new Set([p.role, ...(p.alsoRoles ?? [])])], source: 'show' });
      }
      reload();
      notify();
    },
    onRevoked(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    viewOpened(personId, role) {
      const set = opened.get(personId) ?? new Set<Role>();
      if (set.has(role)) return;
      set.add(role);
      opened.set(personId, set);
      notify();
    },
    onChanged(listener) {
      changed.add(listener);
      return () => void changed.delete(listener);
    },
  };
}

/** A refusal of the people service; the module turns it into a command error. */
export class PeopleError extends Error {
  constructor(
    readonly reason: 'unknown_person' | 'not_issued' | 'last_producer' | 'exists',
    message: string,
  ) {
    super(message);
  }
}
