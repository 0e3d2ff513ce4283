// One JSON POST to a store with a per-request timeout, mapped to a StoreError a producer can read
// ("cannot reach 127.0.0.1:3000: connection refused"). Every adapter's HTTP goes through here.
import { StoreError, type ResponseObserver } from './commerce.adapter';

/** A store's answer, read whole: its status, its headers (by name, any case) and its body text. */
export interface StoreResponse {
  status: number;
  headers: { get(name: string): string | null };
  text: string;
}

/**
 * One POST to a store. Rejects when no answer came: a network error (undici's `code`, or fetch's
 * `cause.code`) or a timeout (`TimeoutError`, or undici's connect/headers/body timeout codes).
 */
export type StorePost = (url: URL, request: { headers: Record<string, string>; body: string; timeoutMs: number }) => Promise<StoreResponse>;

export interface HttpDeps {
  post: StorePost;
  timeoutMs: number;
  observe: ResponseObserver;
}

export interface JsonAnswer {
  status: number;
  headers: StoreResponse['headers'];
  body: unknown;
  /** The body exactly as received, for signature checks. */
  text: string;
}

/** The same POST over a fetch function (tests, tools): the whole call is bounded by one timeout. */
export function postOverFetch(fetchFn: typeof fetch): StorePost {
  return async (url, { headers, body, timeoutMs }) => {
    const res = await fetchFn(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs) });
    return { status: res.status, headers: res.headers, text: await res.text() };
  };
}

/** The headers of every JSON POST to a store, with the caller's own (a credential) added. */
export function jsonHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return { 'content-type': 'application/json', accept: 'application/json', ...extra };
}

/** The store URL, parsed; a URL that does not parse is the binding's fault, found before any call. */
export function storeUrl(url: string): URL {
  try {
    return new URL(url);
  } catch {
    throw new StoreError('config', `the store URL "${url.slice(0, 200)}" is not a valid URL`, null, false);
  }
}

export async function postJson(deps: HttpDeps, url: string, body: string, headers: Record<string, string>): Promise<JsonAnswer> {
  return postJsonTo(deps, storeUrl(url), body, jsonHeaders(headers));
}

/**
 * The same POST for a caller that keeps its parsed URL and its complete headers between calls (a
 * logged-in session calls the same endpoint with the same headers on every pause).
 */
export async function postJsonTo(deps: HttpDeps, target: URL, body: string, headers: Record<string, string>): Promise<JsonAnswer> {
  const where = target.host;
  let res: StoreResponse;
  try {
    res = await deps.post(target, { headers, body, timeoutMs: deps.timeoutMs });
  } catch (error) {
    deps.observe(null);
    throw networkError(error, where, deps.timeoutMs);
  }
  deps.observe(res.status);
  const text = res.text;
  let parsed: unknown = null;
  try {
    parsed = text.length ? (JSON.parse(text) as unknown) : null;
  } catch {
    parsed = undefined;
  }
  if (res.status >= 500) throw new StoreError('server', `${where} answered HTTP ${res.status}${snippet(text)}`, res.status);
  if (res.status === 429) throw new StoreError('throttled', `${where} is rate-limiting Baton (HTTP 429)`, 429);
  if (res.status === 401 || res.status === 403) {
    throw new StoreError('auth', `${where} refused Baton's credentials (HTTP ${res.status})${snippet(text)}`, res.status);
  }
  if (parsed === undefined) throw new StoreError('protocol', `${where} answered HTTP ${res.status} with something that is not JSON${snippet(text)}`, res.status);
  return { status: res.status, headers: res.headers, body: parsed, text };
}

export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function snippet(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t ? `: ${t.slice(0, 160)}` : '';
}

const TIMEOUT_CODES: ReadonlySet<string> = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);

function networkError(error: unknown, where: string, timeoutMs: number): StoreError {
  const e = error as { name?: string; code?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = e?.cause?.code ?? e?.code;
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError' || (code !== undefined && TIMEOUT_CODES.has(code))) {
    return new StoreError('timeout', `${where} did not answer within ${(timeoutMs / 1000).toFixed(1)} s`);
  }
  const why =
    code === 'ECONNREFUSED'
      ? 'connection refused (is the store running?)'
      : code === 'ENOTFOUND'
        ? 'no such host'
        : code === 'ECONNRESET' || code === 'UND_ERR_SOCKET'
          ? 'the connection dropped'
          : code === 'UND_ERR_CLOSED' || code === 'UND_ERR_DESTROYED'
            ? 'the connection was closed'
            : (e?.cause?.message ?? e?.message ?? String(error));
  return new StoreError('unreachable', `cannot reach ${where}: ${why}`);
}
