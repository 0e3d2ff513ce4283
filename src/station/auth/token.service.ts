// The station owner's bootstrap tokens: one per role, created on first start and kept in the secret
// store (never in SQLite); BATON_PRODUCER_TOKEN adds a producer token for automation. People use
// their personal links and machines their named device tokens; these open the station before either.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { ROLES, isRole, type Role } from '../../shared/contract/roles';
import type { SecretStore } from '../../core/platform/secret-store';

export interface TokenGrant {
  role: Role;
  label: string;
  /** A stable key for the token (its digest) for per-token limits; never the token itself. */
  key: string;
}
export interface IssuedToken {
  role: Role;
  label: string;
  token: string;
}

/** A BATON_PRODUCER_TOKEN shorter than this is refused at start, not silently ignored. */
export const MIN_ENV_TOKEN_CHARS = 12;

export class TokenConfigError extends Error {}

export interface TokenService {
  /** The grant for a presented token, or null. */
  check(token: string | null | undefined): TokenGrant | null;
  /** Tokens for the console to show the producer (one per role). */
  issued(): IssuedToken[];
  /** True when the tokens were created in this start (so the station prints them). */
  readonly created: boolean;
}

const SECRET_NAME = 'api.tokens';

export function createTokenService(deps: { secrets: SecretStore; envProducerToken?: string | undefined }): TokenService {
  let created = false;
  const stored = parse(deps.secrets.get(SECRET_NAME));
  // A role added since the store was written gets its bootstrap token now; existing ones are kept.
  const missing = ROLES.filter((role) => !stored.some((t) => t.role === role));
  let tokens = stored;
  if (missing.length > 0) {
    tokens = [...stored, ...missing.map((role) => ({ role, label: bootstrapLabel(role), token: randomBytes(24).toString('base64url') }))];
    deps.secrets.set(SECRET_NAME, JSON.stringify(tokens));
    created = true;
  }
  // The audit trail names them as what they are, whatever label an older store gave them.
  tokens = tokens.map((t) => (/ \(default\)$/.test(t.label) ? { ...t, label: bootstrapLabel(t.role) } : t));
  const all: IssuedToken[] = [...tokens];
  if (deps.envProducerToken !== undefined && deps.envProducerToken !== '' && deps.envProducerToken.length < MIN_ENV_TOKEN_CHARS) {
    throw new TokenConfigError(`BATON_PRODUCER_TOKEN is ${deps.envProducerToken.length} characters long; a token needs at least ${MIN_ENV_TOKEN_CHARS}. Set a longer one or unset it.`);
  }
  if (deps.envProducerToken) {
    all.push({ role: 'producer', label: 'producer (BATON_PRODUCER_TOKEN)', token: deps.envProducerToken });
  }
  // Each token's digest is computed once, here: a check hashes only the presented token.
  const byDigest = new Map(
    all.map((t) => {
      const d = digest(t.token);
      return [d, { token: t, bytes: Buffer.from(d, 'hex') }] as const;
    }),
  );

  return {
    created,
    check(token) {
      if (!token) return null;
      const d = digest(token);
      const found = byDigest.get(d);
      // The map lookup is by digest; the compare below keeps the final check constant-time.
      if (!found || !timingSafeEqual(Buffer.from(d, 'hex'), found.bytes)) return null;
      return { role: found.token.role, label: found.token.label, key: d };
    },
    issued: () => tokens.map((t) => ({ ...t })),
  };
}

/** How a bootstrap token is named in the audit trail and the producer's lists. */
export function bootstrapLabel(role: Role): string {
  return `${role} (station owner's bootstrap)`;
}

function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function parse(text: string | null): IssuedToken[] {
  if (!text) return [];
  try {
    const value: unknown = JSON.parse(text);
    if (!Array.isArray(value)) return [];
    return (value as unknown[]).filter((t): t is IssuedToken => {
      if (typeof t !== 'object' || t === null) return false;
      const r = t as Record<string, unknown>;
      return typeof r.token === 'string' && typeof r.label === 'string' && isRole(r.role);
    });
  } catch {
    return [];
  }
}
