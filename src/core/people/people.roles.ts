// How the people domain names people and their station roles (the mapping itself is shared with
// the preflight's roster check, so it lives in the contract).
export { stationRolesOf } from '../../shared/contract/station-roles';

/** The actor string of a person in the audit trail: readable, and unique by the id in brackets. */
export function actorOf(person: { id: string; name: string }): string {
  return `${person.name} (${person.id})`;
}
