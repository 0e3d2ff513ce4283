// Which station roles a show job opens: each job has its own view and command set (the role
// policy in the contract); legal and brand both sign, so both open the approver's view.
import type { Role } from '../../shared/contract/roles';
import { inPolicyOrder } from '../../shared/contract/role-policy';
import type { ShowRole } from '../../shared/contract/people.contract';

const STATION_ROLE: Record<ShowRole, Role> = {
  producer: 'producer',
  host: 'host',
  moderator: 'moderator',
  'customer-service': 'customer-service',
  commerce: 'commerce',
  legal: 'approver',
  brand: 'approver',
  approver: 'approver',
  observer: 'observer',
};

/** The station roles of a person's jobs, most powerful first, without repeats. */
export function stationRolesOf(roles: readonly ShowRole[]): Role[] {
  return inPolicyOrder(roles.map((r) => STATION_ROLE[r]));
}

/** The actor string of a person in the audit trail: readable, and unique by the id in brackets. */
export function actorOf(person: { id: string; name: string }): string {
  return `${person.name} (${person.id})`;
}
