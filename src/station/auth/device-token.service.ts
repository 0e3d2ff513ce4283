// Tokens for things that are not people: a button panel (`device`: reads the device feed and may
// send a short list of show commands) and an overlay page (`overlay`: reads approved on-air content,
// never commands). Kept in the secret store beside the role tokens; revoking one closes its sockets.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { SecretStore } from '../../core/platform/secret-store';

export const DEVICE_KINDS = ['device', 'overlay'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

export interface DeviceGrant {
  kind: DeviceKind;
  label: string;
  /**
   * The show person a panel acts for (their id), fixed when it is issued: the show's duties (the
   * toggle owner's) then apply to that person, and the audit names them. Absent: it acts for nobody.
   */
  person?: string;
}
export interface DeviceToken extends DeviceGrant {
  token: string;
}

/** A named device as the People panel lists it: never its token. */
export interface DeviceListing extends DeviceGrant {
  /** When and from where it last connected (kept in memory: since this station started). */
  lastUsedAt: number | null;
  lastUsedFrom: string | null;
}

export interface DeviceTokenService {
  /** The grant for a presented token of that kind, or null (unknown, revoked, or the other kind). `from` is kept as its last use. */
  check(token: string | null | undefined, kind: DeviceKind, from?: string): DeviceGrant | null;
  /** Every named device with its last use, without tokens. */
  list(): DeviceListing[];
  /** Tokens for the producer to copy into Companion or an OBS browser source. */
  issued(): DeviceToken[];
  /** `person`: the show person a panel acts for (the caller checks it names one). */
  issue(kind: DeviceKind, label: string, person?: string): DeviceToken;
  /** Removes every token with this label; the listeners close the sockets that used it. */
  revoke(label: string): number;
  /** Revokes every panel issued for this person (their access ended); returns how many went. */
  revokeFor(person: string): number;
  onRevoked(listener: (label: string) => void): () => void;
}

export const DEVICE_TOKENS_SECRET = 'device.tokens';
const LABEL = /^[\p{L}\p{N} ._:()-]{1,60}$/u;
/** A show person's id as the show schema allows it. */
const PERSON = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function isDeviceLabel(value: unknown): value is string {
  return typeof value === 'string' && LABEL.test(value);
}

export function createDeviceTokenService(deps: { secrets: SecretStore; now?: () => number }): DeviceTokenService {
  let tokens = parse(deps.secrets.get(DEVICE_TOKENS_SECRET));
  const now = deps.now ?? Date.now;
  const lastUse = new Map<string, { at: number; from: string }>();
  const listeners = new Set<(label: string) => void>();
  const save = () => deps.secrets.set(DEVICE_TOKENS_SECRET, JSON.stringify(tokens));
  const make = (kind: DeviceKind, label: string, person?: string): DeviceToken => ({ kind, label, ...(person ? { person } : {}), token: randomBytes(24).toString('base64url') });
  if (tokens.length === 0) {
    tokens = [make('device', 'Companion (default)'), make('overlay', 'OBS overlay (default)')];
    save();
  }

  const revoke = (label: string): number => {
    const before = tokens.length;
    tokens = tokens.filter((t) => t.label !== label);
    const removed = before - tokens.length;
    lastUse.delete(label);
    if (removed > 0) {
      save();
      for (const l of listeners) l(label);
    }
    return removed;
  };

  return {
    check(token, kind, from = 'unknown') {
      if (!token) return null;
      const d = digest(token);
      for (const t of tokens) {
        if (t.kind === kind && timingSafeEqual(Buffer.from(d, 'hex'), Buffer.from(digest(t.token), 'hex'))) {
          lastUse.set(t.label, { at: now(), from });
          return { kind: t.kind, label: t.label, ...(t.person ? { person: t.person } : {}) };
        }
      }
      return null;
    },
    list: () => tokens.map((t) => ({ kind: t.kind, label: t.label, ...(t.person ? { person: t.person } : {}), lastUsedAt: lastUse.get(t.label)?.at ?? null, lastUsedFrom: lastUse.get(t.label)?.from ?? null })),
    issued: () => tokens.map((t) => ({ ...t })),
    issue(kind, label, person) {
      if (!isDeviceLabel(label)) throw new Error('A label is 1–60 letters, digits, spaces or . _ : ( ) -');
      if (person !== undefined && (kind !== 'device' || !PERSON.test(person))) throw new Error('Only a panel acts for a person, named by their show id.');
      const t = make(kind, label, person);
      tokens = [...tokens.filter((x) => x.label !== label), t];
      save();
      return { ...t };
    },
    revoke,
    revokeFor(person) {
      const labels = tokens.filter((t) => t.person === person).map((t) => t.label);
      return labels.reduce((n, label) => n + revoke(label), 0);
    },
    onRevoked(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function parse(text: string | null): DeviceToken[] {
  if (!text) return [];
  try {
    const value: unknown = JSON.parse(text);
    if (!Array.isArray(value)) return [];
    return (value as unknown[]).filter((t): t is DeviceToken => {
      if (typeof t !== 'object' || t === null) return false;
      const r = t as Record<string, unknown>;
      return (
        typeof r.token === 'string' &&
        r.token.length >= 16 &&
        isDeviceLabel(r.label) &&
        (DEVICE_KINDS as readonly unknown[]).includes(r.kind) &&
        (r.person === undefined || (typeof r.person === 'string' && PERSON.test(r.person)))
      );
    });
  } catch {
    return [];
  }
}
