// The HTTP client of the store adapters (Vendure, Shopify, signed webhook): one undici Agent keeps
// each store's connections open between calls, and each POST is a plain `request` on it (no fetch).
import { EventEmitter } from 'node:events';
import { Agent } from 'undici';
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
  const agent = new Agent({ keepAliveTimeout: keepAliveMs, keepAliveMaxTimeout: keepAliveMs, connections: 8 });
  const post: StorePost = async (url, { headers, body, timeoutMs }) => {
    // One plain timer bounds the whole call (connect, headers, body); undici's own timeouts tick
    // only once a second. Its signal is an EventEmitter, which undici takes as well as an
    // AbortSignal: an AbortController builds an EventTarget and its listener records on every call
    // (three per pause), garbage the station's next scavenge then meets inside a click. Aborted,
    // the call rejects with undici's AbortError, which postJsonTo reads as a timeout.
    const abort = new EventEmitter();
    const timer = setTimeout(() => abort.emit('abort'), timeoutMs);
    try {
      const res = await agent.request({ origin: url.origin, path: `${url.pathname}${url.search}`, method: 'POST', headers, body, signal: abort });
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
      clearTimeout(timer);
    }
  };
  return { post, close: () => agent.close() };
}
