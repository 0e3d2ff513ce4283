// "Roles assigned": every role the show needs has a person with a working link who has opened
// their view, and the rollback contacts (toggle owner, deputy, commerce, customer service) can be
// reached. Pure: the people's access comes in as the People panel lists it; the verdict names who
// or what is missing, never a contact's address.
import type { CheckStatus, PersonAccess, Role } from '../../shared/contract/index';
import { ROLE_LABEL } from '../../shared/contract/roles';
import type { Show } from '../../shared/show/show.schema';
import { stationRolesOf } from '../../shared/contract/station-roles';

export const ROSTER_CHECK = 'roles.assigned';

/** The roles a show needs staffed: the ones its people file lists (an observer is never required). */
export function requiredRoles(show: Show): Role[] {
  return stationRolesOf(show.people.flatMap((p) => [p.role, ...(p.alsoRoles ?? [])])).filter((r) => r !== 'observer');
}

export function rosterVerdict(show: Show, roster: readonly PersonAccess[]): { status: CheckStatus; detail: string } {
  const missing: string[] = [];
  for (const role of requiredRoles(show)) {
    const holders = roster.filter((p) => p.stationRoles.includes(role));
    const ready = holders.filter((p) => p.status === 'active' && p.opened.includes(role));
    if (ready.length > 0) continue;
    const label = ROLE_LABEL[role];
    if (holders.length === 0) missing.push(`${label}: nobody holds it`);
    else {
      const why = holders.map((p) => (p.status === 'active' ? `${p.name} has not opened the view` : p.status === 'none' ? `${p.name} has no link` : `${p.name}’s link is ${p.status}`));
      missing.push(`${label}: ${why.join(', ')}`);
    }
  }
  missing.push(...rollbackGaps(show));
  if (missing.length === 0) return { status: 'pass', detail: `${requiredRoles(show).length} role(s) staffed and open; rollback contacts complete` };
  return { status: 'fail', detail: `missing — ${missing.join('; ')}` };
}

/** Who is missing from the rollback contact list (or has no way to be reached). */
export function rollbackGaps(show: Show): string[] {
  const gaps: string[] = [];
  const reachable = (p: Show['people'][number]) => Boolean(p.contact.phone || p.contact.email);
  const find = (ref: string) => show.people.find((p) => p.id === ref || p.name.toLowerCase() === ref.toLowerCase());
  const named = (what: string, ref: string | undefined) => {
    if (!ref) return gaps.push(`rollback contacts: no ${what} named`);
    const p = find(ref);
    if (!p) return gaps.push(`rollback contacts: the ${what} “${ref}” is not a person of the show`);
    if (!reachable(p)) gaps.push(`rollback contacts: ${p.name} (${what}) has no phone or email`);
    return 0;
  };
  named('toggle owner', show.toggle?.owner);
  named('deputy', show.toggle?.deputy);
  for (const job of ['commerce', 'customer-service'] as const) {
    const people = show.people.filter((p) => p.role === job || (p.alsoRoles ?? []).includes(job));
    if (people.length === 0) gaps.push(`rollback contacts: no ${job === 'commerce' ? 'commerce' : 'customer service'} person`);
    else if (!people.some(reachable)) gaps.push(`rollback contacts: ${people.map((p) => p.name).join(', ')} (${job}) without phone or email`);
  }
  return gaps;
}
