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
  /**
   * The station's clock shift (`station.clockShiftMs`) the offset was taken under; null until the
   * snapshot after a hello says it. When the station realigns to its OS clock the shift changes and
   * the offset moves with it, so ages on screen stay right without a reconnect.
   */
  offsetShiftMs?: number | null;
}

/** The offset after a station state arrives: moved by however far the station's clock was realigned since the offset was taken. */
function followShift(mirror: Mirror, state: StationState): Pick<Mirror, 'clockOffsetMs' | 'offsetShiftMs'> {
  const shift = state.station?.clockShiftMs ?? 0;
  const taken = mirror.offsetShiftMs ?? null;
  if (taken === null) return { clockOffsetMs: mirror.clockOffsetMs, offsetShiftMs: shift };
  return { clockOffsetMs: mirror.clockOffsetMs + (shift - taken), offsetShiftMs: shift };
}

export type ApplyOutcome = { mirror: Mirror; resync: boolean };

export function applyMessage(mirror: Mirror, m: ServerMessage, localNow: number): ApplyOutcome {
  switch (m.t) {
    case 'hello':
      return { mirror: { ...mirror, role: m.role, roles: m.roles ?? [m.role], actor: m.actor, person: m.person ?? null, clockOffsetMs: m.at - localNow, offsetShiftMs: null }, resync: false };
    case 'snapshot':
      return { mirror: { ...mirror, state: m.state, rev: m.rev, ...followShift(mirror, m.state) }, resync: false };
    case 'patch': {
      if (!mirror.state || m.rev <= mirror.rev) return { mirror, resync: false };
      if (m.rev !== mirror.rev + 1) return { mirror, resync: true };
      const state = { ...mirror.state, [m.domain]: m.value } as StationState;
      return { mirror: { ...mirror, rev: m.rev, state, ...(m.domain === 'station' ? followShift(mirror, state) : {}) }, resync: false };
    }
    case 'event':
    case 'result':
      return { mirror, resync: false };
    default:
      m satisfies never;
      return { mirror, resync: false };
  }
}
