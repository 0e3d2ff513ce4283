// The HTTP client of the store adapters (Vendure, Shopify, signed webhook): undici Clients keep each
// store's connections open between calls, and each POST is a plain `request` on one (no fetch).
import { EventEmitter } from 'node:events';
import { Client } from 'undici';
import type { StorePost, StoreResponse } from './http-json';

/** How long an idle store connection is kept; a store's own shorter Keep-Alive hint still wins. */
export const STORE_KEEP_ALIVE_MS = 60_000;

export interface KeepAliveHttp {
  post: StorePost;
  /** Closes the idle connections (at shutdown). */
  close(): Promise<void>;
}

/**
 * A store call costs its network time plus the client's own work; fetch's (WHATWG streams, a
 * Request and a Response object, resource timing) is several times a plain request's, and it is
 * paid three times on every pause.
 */
export function createKeepAliveHttp(keepAliveMs = STORE_KEEP_ALIVE_MS): KeepAliveHttp {
  const pools = new Map<string, Conn[]>();
  /**
   * The connection for the next call to `origin`: the first one with no call of ours in flight, so a
   * call that follows another goes to the connection that just answered. undici's own pool (an
   * Agent's) counts a connection busy for one more turn after its answer (it waits a loop cycle
   * to see whether the server closes it) and gave the next call of a pause a second connection:
   * every pause and every poll alternated between two, and against a store over TLS a click after
   * idle paid two handshakes, one of them between its own store calls. Here a call that follows
   * another waits that turn on the same connection (undici writes it there after the check), and
   * only calls made at the same time (a click during a poll) open more, up to MAX_CONNECTIONS.
   */
  const connection = (origin: string): Conn => {
    let list = pools.get(origin);
    if (!list) pools.set(origin, (list = []));
    const free = list.find((c) => c.inFlight === 0) ?? (list.length < MAX_CONNECTIONS ? undefined : list.reduce((a, b) => (b.inFlight < a.inFlight ? b : a)));
    if (free) return free;
    const made: Conn = { client: new Client(origin, { keepAliveTimeout: keepAliveMs, keepAliveMaxTimeout: keepAliveMs }), inFlight: 0 };
    list.push(made);
    return made;
  };
  const post: StorePost = async (url, { headers, body, timeoutMs }) => {
    // One plain timer bounds the whole call (connect, headers, body); undici's own timeouts tick
    // only once a second. Its signal is an EventEmitter, which undici takes as well as an
    // AbortSignal: an AbortController builds an EventTarget and its listener records on every call
    // (three per pause), garbage the station's next scavenge then meets inside a click. Aborted,
    // the call rejects with undici's AbortError, which postJsonTo reads as a timeout.
    const abort = new EventEmitter();
    const timer = setTimeout(() => abort.emit('abort'), timeoutMs);
    const conn = connection(url.origin);
    conn.inFlight += 1;
    try {
      const res = await conn.client.request({ path: `${url.pathname}${url.search}`, method: 'POST', headers, body, signal: abort });
      const text = await res.body.text();
      const answer: StoreResponse = {
        status: res.statusCode,
        headers: {
          get(name) {
            const v = res.headers[name.toLowerCase()];
            return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
          },
        },
        text,
      };
      return answer;
    } finally {
      conn.inFlight -= 1;
      clearTimeout(timer);
    }
  };
  const close = async () => {
    const all = [...pools.values()].flat();
    pools.clear();
    await Promise.all(all.map((c) => c.client.close()));
  };
  return { post, close };
}

/** Connections per store origin at most (as the Agent's pool before): only simultaneous calls open more than one. */
const MAX_CONNECTIONS = 8;

interface Conn {
  client: Client;
  /** Our calls on this connection not yet answered in full. */
  inFlight: number;
}
