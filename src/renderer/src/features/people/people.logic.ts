// What the People panel says about each person's access, as plain functions of the listing (no
// React): the status line, which buttons apply, and the QR code as an image address.
import type { DeviceAccess, PersonAccess } from '../../../../shared/contract/index';

export interface PersonRow {
  id: string;
  name: string;
  roles: string;
  status: PersonAccess['status'];
  /** "active · ends 02:00", "revoked 19:14 by Maya Okafor (maya)", "no link yet". */
  statusText: string;
  /** "19:02 from 192.168.1.20", or "never". */
  lastUse: string;
  canInvite: boolean;
  inviteLabel: 'Invite' | 'Re-issue';
  canRevoke: boolean;
  /** The roles whose view they opened with their link: "moderator", or "no view opened". */
  opened: string;
}

export function personRow(p: PersonAccess, formatTime: (ms: number) => string): PersonRow {
  const statusText =
    p.status === 'active'
      ? `active · ${p.expiresAt === null ? 'standing' : `ends ${formatTime(p.expiresAt)}`}`
      : p.status === 'expired'
        ? `expired ${p.expiresAt !== null ? formatTime(p.expiresAt) : ''}`.trim()
        : p.status === 'revoked'
          ? `revoked ${p.revokedAt !== null ? formatTime(p.revokedAt) : ''}${p.revokedBy ? ` by ${p.revokedBy}` : ''}`
          : 'no link yet';
  return {
    id: p.id,
    name: p.name,
    roles: p.roles.join(', '),
    status: p.status,
    statusText,
    lastUse: p.lastUsedAt === null ? 'never' : `${formatTime(p.lastUsedAt)}${p.lastUsedFrom ? ` from ${p.lastUsedFrom}` : ''}`,
    canInvite: true,
    inviteLabel: p.status === 'none' ? 'Invite' : 'Re-issue',
    canRevoke: p.status === 'active' || p.status === 'expired',
    opened: p.opened.length ? `opened ${p.opened.join(', ')}` : 'no view opened',
  };
}

/** The station's QR markup as an image address: shown in an <img>, it cannot run anything. */
export function qrImageSrc(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** A named device's row: never its token. */
export function deviceRow(
  d: DeviceAccess,
  formatTime: (ms: number) => string,
  people: readonly { id: string; name: string }[] = [],
): { label: string; kind: string; actsFor: string; lastUse: string } {
  return {
    label: d.label,
    kind: d.kind === 'device' ? 'button panel' : 'overlay page',
    actsFor: d.kind !== 'device' ? '' : d.person ? `acts for ${people.find((p) => p.id === d.person)?.name ?? d.person}` : 'acts for nobody',
    lastUse: d.lastUsedAt === null ? 'not since the station started' : `${formatTime(d.lastUsedAt)}${d.lastUsedFrom ? ` from ${d.lastUsedFrom}` : ''}`,
  };
}
