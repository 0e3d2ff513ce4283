// Which station roles a show job opens: each job has its own view and command set (the role
// policy); legal and brand both sign, so both open the approver's view. Shared, because the people
// domain and the preflight's roster check both read it.
import type { Role } from './roles';
import { inPolicyOrder } from './role-policy';
import type { ShowRole } from './people.contract';

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
