// Which secrets a show file may name, and which URLs may carry them. A show file is untrusted: it
// names secrets only inside its own namespaces, so the station's own (role tokens, event key, OBS password) stay out of reach.

/** One path segment: starts with a letter or digit, so `..` and empty segments cannot occur. */
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export const storeSecretPrefix = (offerId: string) => `store/${offerId}/`;
export const sourceSecretPrefix = (sourceId: string) => `source/${sourceId}/`;
/** The show's OBS password fallback and stream keys. */
export const OBS_SECRET_PREFIX = 'obs/';

/** True when `name` is `prefix` followed by one or more plain segments. */
export function isScopedSecret(name: string, prefix: string): boolean {
  if (!name.startsWith(prefix)) return false;
  const rest = name.slice(prefix.length).split('/');
  return rest.length <= 4 && rest.every((s) => SEGMENT.test(s));
}

export function scopeMessage(name: string, prefix: string): string {
  return `secret "${name}" is outside this show's namespace: name it "${prefix}<name>" (set it with offer.credentials or the source's credentials); station secrets can never be named`;
}

/**
 * 127.0.0.0/8 (also IPv4-mapped, as a dual-stack socket reports it), ::1 and localhost: traffic that never
 * leaves the machine. Takes a URL's host name or a socket's remote address alike.
 */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^(::ffff:)?127(\.\d{1,3}){3}$/.test(h);
}

/** Null when credentials may go to `url`; else why not. */
export function insecureUrlReason(url: string, allowInsecure: boolean): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return `"${url}" is not a URL`;
  }
  if (u.protocol === 'https:') return null;
  if (u.protocol !== 'http:') return `${u.protocol} is not a store URL scheme: use https:`;
  if (isLoopbackHost(u.hostname) || allowInsecure) return null;
  return `${u.host} is reached over plain http: store credentials go only over https: (or to loopback; a lab station can start with --allow-insecure-store)`;
}
