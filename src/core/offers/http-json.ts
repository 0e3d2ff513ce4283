// One JSON POST to a store with a per-request timeout, mapped to a StoreError a producer can read
// ("cannot reach 127.0.0.1:3000: connection refused"). Every adapter's HTTP goes through here.
import { StoreError, type ResponseObserver } from './commerce.adapter';

export interface HttpDeps {
  fetch: typeof fetch;
  timeoutMs: number;
  observe: ResponseObserver;
}

export interface JsonAnswer {
  status: number;
  headers: Headers;
  body: unknown;
  /** The body exactly as received, for signature checks. */
  text: string;
}

export async function postJson(deps: HttpDeps, url: string, body: string, headers: Record<string, string>): Promise<JsonAnswer> {
  const where = hostOf(url);
  let res: Response;
  try {
    res = await deps.fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body,
      signal: AbortSignal.timeout(deps.timeoutMs),
    });
  } catch (error) {
    deps.observe(null);
    throw networkError(error, where, deps.timeoutMs);
  }
  deps.observe(res.status);
  let text: string;
  try {
    text = await res.text();
  } catch (error) {
    throw networkError(error, where, deps.timeoutMs);
  }
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

function networkError(error: unknown, where: string, timeoutMs: number): StoreError {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') {
    return new StoreError('timeout', `${where} did not answer within ${(timeoutMs / 1000).toFixed(1)} s`);
  }
  const code = e?.cause?.code;
  const why =
    code === 'ECONNREFUSED'
      ? 'connection refused (is the store running?)'
      : code === 'ENOTFOUND'
        ? 'no such host'
        : code === 'ECONNRESET' || code === 'UND_ERR_SOCKET'
          ? 'the connection dropped'
          : (e?.cause?.message ?? e?.message ?? String(error));
  return new StoreError('unreachable', `cannot reach ${where}: ${why}`);
}
