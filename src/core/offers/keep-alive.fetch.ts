// The HTTP client of the store adapters (Vendure, Shopify, signed webhook): one undici Agent keeps
// each store's connections open between calls, so a pause does not wait for a TCP/TLS handshake.
import { Agent, fetch as undiciFetch } from 'undici';

/** How long an idle store connection is kept; a store's own shorter Keep-Alive hint still wins. */
export const STORE_KEEP_ALIVE_MS = 60_000;

export interface KeepAliveFetch {
  fetch: typeof fetch;
  /** Closes the idle connections (at shutdown). */
  close(): Promise<void>;
}

export function createKeepAliveFetch(keepAliveMs = STORE_KEEP_ALIVE_MS): KeepAliveFetch {
  const agent = new Agent({ keepAliveTimeout: keepAliveMs, keepAliveMaxTimeout: keepAliveMs, connections: 8 });
  const call = (input: string | URL | Request, init?: RequestInit) =>
    // undici's fetch is the platform's fetch plus `dispatcher`; their type declarations differ only
    // in nominal class names, so the one conversion sits here.
    undiciFetch(input as Parameters<typeof undiciFetch>[0], { ...(init as Parameters<typeof undiciFetch>[1]), dispatcher: agent }) as unknown as Promise<Response>;
  return {
    fetch: call as typeof fetch,
    close: () => agent.close(),
  };
}
