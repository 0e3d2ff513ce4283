// The station's token check with people: a bootstrap or device token (the owner's per-role tokens,
// BATON_PRODUCER_TOKEN) first, then a person's personal token. The answer is a grant — with the
// person when there is one — or the reason for a 401 (revoked, expired, unknown, malformed).
import type { Role } from '../../shared/contract/roles';
import type { Caller, Via } from '../../core/dispatch/handler';
import type { PeopleGate } from '../../core/people/people.gate';
import type { Refusal } from '../../core/people/people.service';
import { actorOf } from '../../core/people/people.roles';
import type { TokenService } from './token.service';

export interface AccessGrant {
  role: Role;
  /** The audit actor: a person as "Name (id)", a bootstrap or device token by its label. */
  label: string;
  /** A stable key for per-caller limits (never the token). */
  key: string;
  personId?: string;
  name?: string;
  /** True for the owner's bootstrap and device tokens (no person behind them). */
  bootstrap: boolean;
}

export type AccessAnswer = { grant: AccessGrant } | { refused: Refusal | 'missing' };

export interface AccessCheck {
  check(token: string | null | undefined, from?: string): AccessAnswer;
}

export function createAccessCheck(tokens: TokenService, people: Pick<PeopleGate, 'authenticate'>): AccessCheck {
  return {
    check(token, from) {
      if (!token) return { refused: 'missing' };
      const boot = tokens.check(token);
      if (boot) return { grant: { role: boot.role, label: boot.label, key: boot.key, bootstrap: true } };
      const r = people.authenticate(token, from);
      if ('refused' in r) return { refused: r.refused };
      // A person's first station role is the view their link opens (most powerful first).
      const role = r.roles[0];
      if (!role) return { refused: 'unknown' };
      return { grant: { role, label: actorOf(r.person), key: `person:${r.person.id}`, personId: r.person.id, name: r.person.name, bootstrap: false } };
    },
  };
}

/** The 401's sentence for a refusal: the reason, never the token. */
export function refusalMessage(refused: Refusal | 'missing'): string {
  switch (refused) {
    case 'missing':
      return 'Send a token: Authorization: Bearer <token>.';
    case 'revoked':
      return 'This link was revoked (or replaced by a newer one): ask the producer for a new link.';
    case 'expired':
      return 'This link has expired with its show: ask the producer for a new link.';
    case 'malformed':
      return 'That is not a Baton token.';
    case 'unknown':
      return 'That token is not valid for this station.';
  }
}

/** The caller a grant acts as, on a given transport. */
export function callerOf(grant: AccessGrant, via: Via): Caller {
  return {
    actor: grant.label,
    role: grant.role,
    via,
    ...(grant.personId !== undefined ? { personId: grant.personId, name: grant.name ?? grant.personId } : { device: grant.label }),
  };
}
