// The station's token check with people: a bootstrap or device token (the owner's per-role tokens,
// the environment's automation key) first, then a person's personal token. The answer is a grant — with the
// person when there is one — or the reason for a 401 (revoked, expired, unknown, malformed).
import { isRole, ROLE_LABEL, type Role } from '../../shared/contract/roles';
import type { Caller, Via } from '../../core/dispatch/handler';
import type { PeopleGate } from '../../core/people/people.gate';
import type { Refusal } from '../../core/people/people.service';
import { actorOf } from '../../core/people/people.roles';
import type { TokenService } from './token.service';

/** The show's people, as far as naming a key's holder needs them. */
type ShowPeople = { people: readonly { id: string; name: string; role: string; alsoRoles?: readonly string[] }[] } | null;

export interface AccessGrant {
  /** The one role this session acts in (the snapshot slice, the commands, the audit row's role). */
  role: Role;
  /** Every role the token opens, most powerful first: the view switcher offers exactly these. */
  roles: Role[];
  /** The audit actor: a person as "Name (id)", a bootstrap or device token by its label. */
  label: string;
  /** A stable key for per-caller limits (never the token). */
  key: string;
  personId?: string;
  name?: string;
  /** True for the owner's bootstrap and device tokens (no person behind them). */
  bootstrap: boolean;
}

/** `notHeld`: a valid token asked for a role it does not open (403, not 401: the token is fine). */
export type AccessAnswer = { grant: AccessGrant } | { refused: Refusal | 'missing' } | { notHeld: string };

export interface AccessCheck {
  /**
   * `wanted`: the role the view asks to act in (`?role=`, `x-baton-role`); absent, the token's
   * first role. A session acts in one role at a time, never the union of a person's roles: each
   * role's snapshot slice stays what the policy declares, and the audit row says which hat acted.
   */
  check(token: string | null | undefined, from?: string, wanted?: string | null): AccessAnswer;
}

function pick(roles: readonly Role[], wanted: string | null | undefined): Role | { notHeld: string } | null {
  if (wanted === undefined || wanted === null || wanted === '') return roles[0] ?? null;
  if (isRole(wanted) && roles.includes(wanted)) return wanted;
  const held = roles.map((r) => ROLE_LABEL[r]).join(', ') || 'no role';
  return { notHeld: `This link does not open the ${isRole(wanted) ? ROLE_LABEL[wanted] : 'requested'} view; it opens: ${held}.` };
}

/**
 * A bootstrap key acts for a person: the show's one person in that role when it declares exactly one
 * ("Maya Okafor (maya) via Producer (station bootstrap key)"), else the key in words. Read at each
 * check, so a newly loaded show names its own producer.
 */
export function bootstrapActor(keyLabel: string, role: Role, show: ShowPeople): string {
  const holders = (show?.people ?? []).filter((p) => p.role === role || (p.alsoRoles ?? []).includes(role));
  return holders.length === 1 ? `${actorOf(holders[0] as { id: string; name: string })} via ${keyLabel}` : keyLabel;
}

export function createAccessCheck(tokens: TokenService, people: Pick<PeopleGate, 'authenticate'>, show: () => ShowPeople = () => null): AccessCheck {
  return {
    check(token, from, wanted) {
      if (!token) return { refused: 'missing' };
      const boot = tokens.check(token);
      if (boot) {
        const role = pick([boot.role], wanted);
        if (role === null) return { refused: 'unknown' };
        if (typeof role === 'object') return role;
        return { grant: { role, roles: [boot.role], label: bootstrapActor(boot.label, boot.role, show()), key: boot.key, bootstrap: true } };
      }
      const r = people.authenticate(token, from);
      if ('refused' in r) return { refused: r.refused };
      // Without a choice, a person's first station role is the view their link opens (most powerful first).
      const role = pick(r.roles, wanted);
      if (role === null) return { refused: 'unknown' };
      if (typeof role === 'object') return role;
      return { grant: { role, roles: [...r.roles], label: actorOf(r.person), key: `person:${r.person.id}`, personId: r.person.id, name: r.person.name, bootstrap: false } };
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
    roles: grant.roles,
    via,
    ...(grant.personId !== undefined ? { personId: grant.personId, name: grant.name ?? grant.personId } : { device: grant.label }),
  };
}
