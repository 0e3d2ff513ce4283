// How a view mirrors the station: a snapshot replaces everything, a patch replaces one domain
// when it is the next rev. A gap means a message was lost: the view asks for a new snapshot
// rather than show a state the station never had.
import type { Role, ServerMessage, StationState } from '../../../shared/contract/index';

export interface Mirror {
  state: StationState | null;
  rev: number;
  role: Role | null;
  /** Every role the caller's token opens (the view switcher's choices). */
  roles?: Role[];
  actor: string | null;
  /** The signed-in person (personal link), or null for a shared bootstrap token. */
  person?: { id: string; name: string } | null;
  /** Station clock minus this machine's monotonic clock (ms, state/station-clock.ts); a host laptop's wrong clock must not skew the show clock. */
  clockOffsetMs: number;
}

export type ApplyOutcome = { mirror: Mirror; resync: boolean };

export function applyMessage(mirror: Mirror, m: ServerMessage, localNow: number): ApplyOutcome {
  switch (m.t) {
    case 'hello':
      return { mirror: { ...mirror, role: m.role, roles: m.roles ?? [m.role], actor: m.actor, person: m.person ?? null, clockOffsetMs: m.at - localNow }, resync: false };
    case 'snapshot':
      return { mirror: { ...mirror, state: m.state, rev: m.rev }, resync: false };
    case 'patch': {
      if (!mirror.state || m.rev <= mirror.rev) return { mirror, resync: false };
      if (m.rev !== mirror.rev + 1) return { mirror, resync: true };
      return { mirror: { ...mirror, rev: m.rev, state: { ...mirror.state, [m.domain]: m.value } }, resync: false };
    }
    case 'event':
    case 'result':
      return { mirror, resync: false };
    default:
      m satisfies never;
      return { mirror, resync: false };
  }
}
