// What the station's token check asks of people: who a personal token is, or why not — with each
// refusal audited (never the token): revoked and expired ones name the person, unknown and
// malformed ones are counted and written at most once a minute so a flood cannot fill the trail.
import type { Auditor } from '../storage/audit-writer';
import type { Role } from '../../shared/contract/roles';
import type { Authentication, PeopleService, RevokedEvent } from './people.service';

export interface PeopleGate {
  /** `from` is where the request came from (an address): kept as the person's last use, and in refusals. */
  authenticate(token: string | null | undefined, from?: string): Authentication;
  /** A person's access ended (revoked, or replaced by a re-issue): close their open views. */
  onRevoked(listener: (e: RevokedEvent) => void): () => void;
  /** A person's live view opened in `role`: the preflight roster counts it. */
  viewOpened(personId: string, role: Role): void;
}

const PERSON_EVERY_MS = 10_000;
const ANONYMOUS_EVERY_MS = 60_000;

export function createPeopleGate(deps: { service: PeopleService; audit: Auditor; now: () => number }): PeopleGate {
  const { service, audit, now } = deps;
  const lastWritten = new Map<string, number>();
  const suppressed = new Map<string, number>();

  const record = (r: Extract<Authentication, { refused: unknown }>, from: string) => {
    const key = `${r.refused}:${r.personId ?? ''}`;
    const at = now();
    const every = r.personId ? PERSON_EVERY_MS : ANONYMOUS_EVERY_MS;
    if (at - (lastWritten.get(key) ?? -Infinity) < every) {
      suppressed.set(key, (suppressed.get(key) ?? 0) + 1);
      return;
    }
    const more = suppressed.get(key) ?? 0;
    lastWritten.set(key, at);
    suppressed.delete(key);
    const person = r.personId ? service.person(r.personId) : null;
    audit.event({
      command: 'people.refused',
      args: { reason: r.refused, from, ...(r.personId ? { personId: r.personId } : {}), ...(more > 0 ? { alsoRefused: more } : {}) },
      outcome: `refused:${r.refused}`,
      detail: person ? `${person.name}’s link is ${r.refused}.` : `A ${r.refused} token was presented.`,
    });
  };

  return {
    authenticate(token, from = 'unknown') {
      const r = service.authenticate(token, from);
      if ('refused' in r) {
        try {
          record(r, from);
        } catch {
          // The refusal stands even when the disk cannot take its row.
        }
      }
      return r;
    },
    onRevoked: (listener) => service.onRevoked(listener),
    viewOpened: (personId, role) => service.viewOpened(personId, role),
  };
}
