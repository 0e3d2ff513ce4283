// HQ's cookies and when they are Secure. HQ itself speaks plain HTTP — on localhost, or on the
// studio LAN with --lan — and is put behind a TLS proxy when it faces more than that. A cookie is
// marked Secure whenever the browser came in over TLS: the socket itself was TLS, the proxy says so
// (X-Forwarded-Proto / Forwarded: proto=https), or HQ is told it is always behind TLS
// (--behind-tls). A client that claims https over plain HTTP only hurts itself: a browser keeps no
// Secure cookie sent over plain HTTP, so its sign-in does not stick. Plain-HTTP localhost gets no
// Secure flag (the browser would drop the cookie and nobody could sign in).
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';

export function cameOverTls(req: IncomingMessage, alwaysTls: boolean): boolean {
  if (alwaysTls || (req.socket as Partial<TLSSocket>).encrypted === true) return true;
  const xfp = req.headers['x-forwarded-proto'];
  const first = (Array.isArray(xfp) ? xfp[0] : xfp)?.split(',')[0]?.trim().toLowerCase();
  if (first === 'https') return true;
  const fwd = req.headers.forwarded;
  return typeof fwd === 'string' && /(?:^|[;,\s])proto="?https"?(?:[;,\s]|$)/i.test(fwd.split(',')[0] ?? '');
}

/** HttpOnly (no script reads it), SameSite=Strict (no other site's request carries it), host-only (no Domain), whole site. */
export function cookieHeader(name: string, value: string, secure: boolean, maxAgeSeconds: number | null = null): string {
  return `${name}=${encodeURIComponent(value)}; HttpOnly; SameSite=Strict; Path=/${maxAgeSeconds !== null ? `; Max-Age=${maxAgeSeconds}` : ''}${secure ? '; Secure' : ''}`;
}

export function readCookie(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k !== name) continue;
    try {
      return decodeURIComponent(v.join('='));
    } catch {
      // A malformed escape (%zz) is no value, not a crash.
      return null;
    }
  }
  return null;
}
