// Whose sign-in attempts these are: the address the sign-in throttle counts wrong tokens by.
// Behind HQ's TLS proxy (--behind-tls) every browser arrives from the proxy's address, so keyed by
// the socket one guesser would lock everyone out. The proxy appends the address it saw to
// X-Forwarded-For (nginx's $proxy_add_x_forwarded_for, Caddy, Traefik): that last entry is the one
// a trusted party wrote, and only when the connection really comes from the proxy, which runs on
// HQ's machine (loopback). Everything before it is the client's own text — taking the first entry
// would let a guesser name a fresh address, and a fresh budget, in every request — and a client
// connecting directly (not from loopback) or to an HQ not behind a proxy is its socket.
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/** 127.0.0.0/8, ::1, and IPv4 loopback written as IPv6 (a dual-stack socket's ::ffff:127.0.0.1). */
export function isLoopback(address: string): boolean {
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return address === '::1' || (isIP(v4) === 4 && v4.startsWith('127.'));
}

/** The last X-Forwarded-For entry, when it is an address; several headers count as one list. */
function appendedByProxy(req: IncomingMessage): string | null {
  const raw = req.headers['x-forwarded-for'];
  const list = Array.isArray(raw) ? raw.join(',') : raw;
  if (!list) return null;
  const last = list.split(',').at(-1)?.trim() ?? '';
  return isIP(last) !== 0 ? last : null;
}

export function clientAddress(req: IncomingMessage, behindTls: boolean): string {
  const socket = req.socket.remoteAddress ?? '';
  if (!behindTls || !isLoopback(socket)) return socket;
  // The proxy left no usable entry (misconfigured): the proxy's own address, as before.
  return appendedByProxy(req) ?? socket;
}
