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
  issue(kind: DeviceKind, label: string): DeviceToken;
  /** Removes every token with this label; the listeners close the sockets that used it. */
  revoke(label: string): number;
  onRevoked(listener: (label: string) => void): () => void;
}

export const DEVICE_TOKENS_SECRET = 'device.tokens';
const LABEL = /^[\p{L}\p{N} ._:()-]{1,60}$/u;

export function isDeviceLabel(value: unknown): value is string {
  return typeof value === 'string' && LABEL.test(value);
}

export function createDeviceTokenService(deps: { secrets: SecretStore; now?: () => number }): DeviceTokenService {
  let tokens = parse(deps.secrets.get(DEVICE_TOKENS_SECRET));
  const now = deps.now ?? Date.now;
  const lastUse = new Map<string, { at: number; from: string }>();
  const listeners = new Set<(label: string) => void>();
  const save = () => deps.secrets.set(DEVICE_TOKENS_SECRET, JSON.stringify(tokens));
  const make = (kind: DeviceKind, label: string): DeviceToken => ({ kind, label, token: randomBytes(24).toString('base64url') });
  if (tokens.length === 0) {
    tokens = [make('device', 'Companion (default)'), make('overlay', 'OBS overlay (default)')];
    save();
  }

  return {
    check(token, kind, from = 'unknown') {
      if (!token) return null;
      const d = digest(token);
      for (const t of tokens) {
        if (t.kind === kind && timingSafeEqual(Buffer.from(d, 'hex'), Buffer.from(digest(t.token), 'hex'))) {
          lastUse.set(t.label, { at: now(), from });
          return { kind: t.kind, label: t.label };
        }
      }
      return null;
    },
    list: () => tokens.map((t) => ({ kind: t.kind, label: t.label, lastUsedAt: lastUse.get(t.label)?.at ?? null, lastUsedFrom: lastUse.get(t.label)?.from ?? null })),
    issued: () => tokens.map((t) => ({ ...t })),
    issue(kind, label) {
      if (!isDeviceLabel(label)) throw new Error('A label is 1–60 letters, digits, spaces or . _ : ( ) -');
      const t = make(kind, label);
      tokens = [...tokens.filter((x) => x.label !== label), t];
      save();
      return { ...t };
    },
    revoke(label) {
      const before = tokens.length;
      tokens = tokens.filter((t) => t.label !== label);
      const removed = before - tokens.length;
      lastUse.delete(label);
      if (removed > 0) {
        save();
        for (const l of listeners) l(label);
      }
      return removed;
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
        (DEVICE_KINDS as readonly unknown[]).includes(r.kind)
      );
    });
  } catch {
    return [];
  }
}
