// What a command's issuer is told about a store failure (a sentence of ours per kind of fault), and
// the scrubbing of the store's own text before it is kept for the producer (lastError, audit, logs).
import type { StoreErrorKind } from './commerce.adapter';

/**
 * The store's own words can name hosts, accounts or echo what was sent, so a reply carries only
 * the kind of failure; the store's text is kept where the producer's diagnostics read it.
 */
const FAULT_WORDS: Record<StoreErrorKind, string> = {
  unreachable: 'the store could not be reached',
  timeout: 'the store did not answer in time',
  server: 'the store answered with a server error',
  throttled: 'the store is rate-limiting Baton',
  auth: "the store refused Baton's credentials",
  config: 'the store binding or its credential needs fixing',
  rejected: 'the store turned the change down',
  protocol: 'the store answered in a way Baton did not expect',
};

export const STORE_DETAILS_WHERE = "the store's own message is in the producer's offer view";

/** The issuer's sentence for a fault of this kind; `null` when no store call has failed yet. */
export function faultWords(kind: StoreErrorKind | null): string {
  return kind === null ? 'no answer yet' : `${FAULT_WORDS[kind]} (${STORE_DETAILS_WHERE})`;
}

const SECRET_MARK = '[secret]';
/** A credential shorter than this is too likely to match ordinary text to be searched for. */
const MIN_SECRET_CHARS = 4;
const BEARER = /\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]+/gi;

/** The store's text with the given secrets and any bearer or basic credential replaced by a mark. */
export function scrubSecrets(text: string, secrets: readonly (string | null)[]): string {
  let out = text.replace(BEARER, (_m, scheme: string) => `${scheme} ${SECRET_MARK}`);
  for (const s of secrets) if (s && s.length >= MIN_SECRET_CHARS) out = out.split(s).join(SECRET_MARK);
  return out;
}
