// How long the station's HTTP server waits for a client, chosen rather than Node's defaults
// (headers 60 s checked every 30 s, a whole request 5 minutes). Every waiting socket is a file
// descriptor and a parser: a slow-loris client on the studio network trickling one header byte at
// a time held each one up to 90 s, and a body trickled a byte at a time 5 minutes. The views,
// panels and overlays send their headers at once and their bodies in well under a second; the
// largest body (a producer's 4 MB show file) crosses studio Wi-Fi even at 1 Mbit/s in ~32 s,
// inside the 45 s a request may take. No socket-inactivity timeout: a command may wait on a slow
// store or OBS with nothing to say meanwhile, and the request deadline already bounds a silent
// client. WebSockets are not touched: `ws` clears the socket's timeout once upgraded, and an
// upgrade's headers obey the same deadline as any request's.
import type { ServerOptions } from 'node:http';

export interface ServerTimeouts {
  /** Headers complete, from the first byte of a request. */
  headersTimeoutMs: number;
  /** A whole request (headers and body), from its first byte. */
  requestTimeoutMs: number;
  /** How often Node checks the two deadlines above (its default, 30 s, adds up to 30 s to each). */
  checkEveryMs: number;
  /** An idle keep-alive socket between requests. */
  keepAliveMs: number;
}

export const STATION_TIMEOUTS: ServerTimeouts = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 45_000,
  checkEveryMs: 1_000,
  keepAliveMs: 30_000,
};

/** The options `createServer` takes (the check interval can only be set there). */
export function timeoutOptions(t: ServerTimeouts): Pick<ServerOptions, 'headersTimeout' | 'requestTimeout' | 'connectionsCheckingInterval' | 'keepAliveTimeout'> {
  return { headersTimeout: t.headersTimeoutMs, requestTimeout: t.requestTimeoutMs, connectionsCheckingInterval: t.checkEveryMs, keepAliveTimeout: t.keepAliveMs };
}
