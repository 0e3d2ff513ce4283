// Which station views a show job opens. The station knows three roles; the show's other jobs ride
// on the nearest one (commerce toggles offers from the producer desk; customer service answers
// from the moderator desk; legal and brand read from the host view and sign through their links).
import type { Role } from '../../shared/contract/roles';
import type { ShowRole } from '../../shared/contract/people.contract';

const STATION_ROLE: Record<ShowRole, Role> = {
  producer: 'producer',
  host: 'host',
  moderator: 'moderator',
  'customer-service': 'moderator',
  commerce: 'producer',
  legal: 'host',
  brand: 'host',
};

/** The station roles of a person's jobs, most powerful first, without repeats. */
export function stationRolesOf(roles: readonly ShowRole[]): Role[] {
  const set = new Set(roles.map((r) => STATION_ROLE[r]));
  return (['producer', 'host', 'moderator'] as const).filter((r) => set.has(r));
}

/** The actor string of a person in the audit trail: readable, and unique by the id in brackets. */
export function actorOf(person: { id: string; name: string }): string {
  return `${person.name} (${person.id})`;
}
