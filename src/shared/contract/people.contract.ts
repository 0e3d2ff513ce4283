// People as accounts: each person of the show (or added by the producer) holds a personal token,
// kept only as a hash. The producer invites, revokes and lists; tokens never come back out.
import { z } from 'zod';
import { PRODUCER, command } from './command';
import type { Role } from './roles';

/** The jobs a person holds in the show (the show file's roles, plus those the producer adds). */
export const SHOW_ROLES = ['producer', 'host', 'moderator', 'legal', 'customer-service', 'commerce', 'brand', 'approver', 'observer'] as const;
export type ShowRole = (typeof SHOW_ROLES)[number];

export { ACCESS_ENDED_CLOSE_CODE } from './constants';

export type AccessStatus = 'none' | 'active' | 'revoked' | 'expired';

/** One person as the producer's People panel lists them: never a token or its hash. */
export interface PersonAccess {
  id: string;
  name: string;
  roles: ShowRole[];
  /** The station roles their token opens (a view each). */
  stationRoles: Role[];
  source: 'show' | 'producer';
  status: AccessStatus;
  /** Standing access outlives the show; otherwise it ends with the show. */
  standing: boolean;
  issuedAt: number | null;
  expiresAt: number | null;
  revokedAt: number | null;
  revokedBy: string | null;
  lastUsedAt: number | null;
  /** The address of the last use (an IP, or `ipc`). */
  lastUsedFrom: string | null;
  /** The roles whose view this person has opened with their link since the station started. */
  opened: Role[];
}

export interface PeopleState {
  people: PersonAccess[];
}

export interface Invitation {
  personId: string;
  name: string;
  /** The personal link: the only time the token is shown. */
  link: string;
  /** The link as a QR code (SVG markup) for a phone or the host's tablet. */
  qrSvg: string;
  expiresAt: number | null;
}

/** A machine client (a Companion button panel, an OBS overlay page) with its own named token. */
export interface DeviceAccess {
  kind: 'device' | 'overlay';
  label: string;
  /** The show person a panel acts for (their id): the show's duties apply to them. Absent: nobody. */
  person?: string;
  /** Since the station started; null when it has not connected since. */
  lastUsedAt: number | null;
  lastUsedFrom: string | null;
}

const deviceLabel = z
  .string()
  .regex(/^[\p{L}\p{N} ._:()-]{1,60}$/u, '1–60 letters, digits, spaces or . _ : ( ) -');

const personId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, dot, dash or underscore');

export const peopleCommands = {
  'people.list': command<PeopleState>()({
    summary: 'Everyone with (or without) a personal link: roles, status, expiry, last use and from where. Never tokens.',
    roles: PRODUCER,
    kind: 'read',
    args: z.object({}).strict(),
  }),
  'people.invite': command<Invitation>()({
    summary:
      'Issue (or re-issue) a person’s personal link and its QR code. A re-issue revokes the previous token; a token is never reused. The link is shown once.',
    roles: PRODUCER,
    kind: 'write',
    args: z.object({ personId, standing: z.boolean().optional() }).strict(),
  }),
  'people.revoke': command<{ person: PersonAccess }>()({
    summary: 'Revoke a person’s link now: their open views close within a second. The last producer cannot be revoked.',
    roles: PRODUCER,
    kind: 'write',
    args: z.object({ personId }).strict(),
  }),
  'offer.pauseRequest': command<{ owner: string }>()({
    summary: 'Ask the show’s toggle owner to pause an offer: raises an alarm naming who asks and why; the owner confirms with one click (offer.pause).',
    roles: ['producer', 'commerce', 'customer-service'],
    kind: 'write',
    args: z.object({ offerId: z.string().min(1), reason: z.string().trim().min(1, 'give a reason').max(300) }).strict(),
  }),
  'people.add': command<{ person: PersonAccess }>()({
    summary: 'Add a person who is not in the show file (a stand-in moderator, a brand observer), with their roles.',
    roles: PRODUCER,
    kind: 'write',
    args: z
      .object({
        id: personId,
        name: z.string().trim().min(1).max(120),
        roles: z.array(z.enum(SHOW_ROLES)).min(1).max(SHOW_ROLES.length),
      })
      .strict(),
  }),
  'devices.list': command<{ devices: DeviceAccess[] }>()({
    summary: 'Named machine clients (Companion panels, overlay pages) with their last use. Never tokens.',
    roles: PRODUCER,
    kind: 'read',
    args: z.object({}).strict(),
  }),
  'devices.issue': command<{ device: DeviceAccess; token: string }>()({
    summary:
      'Issue a named device token (a label issued again replaces its token), a panel optionally for a show person it acts for (the toggle owner’s duties then apply to them). The token is shown once.',
    roles: PRODUCER,
    kind: 'write',
    args: z
      .object({
        kind: z.enum(['device', 'overlay']),
        label: deviceLabel,
        /** A panel acts for this show person: under a named toggle owner, only their panel pauses and resumes. */
        person: personId.optional(),
      })
      .strict()
      .refine((a) => a.person === undefined || a.kind === 'device', { message: 'only a panel (kind device) acts for a person', path: ['person'] }),
  }),
  'devices.revoke': command<{ removed: number }>()({
    summary: 'Revoke a named device: its open sockets close at once.',
    roles: PRODUCER,
    kind: 'write',
    args: z.object({ label: deviceLabel }).strict(),
  }),
};
