// Small HTTP helpers: JSON answers with a readable error, bounded body reads with a depth limit,
// a request target parsed without throwing, bearer tokens, and URLs made safe to log.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CommandError, ErrorCode } from '../../shared/contract/errors';
import { httpStatusOf } from '../../shared/contract/errors';

export const MAX_BODY_BYTES = 4 * 1024 * 1024;
/** Deeper JSON than this is refused at the transport: no command needs it, recursion does not survive it. */
export const MAX_JSON_DEPTH = 64;
/** Longer request targets are answered 414. */
export const MAX_URL_CHARS = 4096;

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.writableEnded) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    // Error bodies repeat parts of the request (a path, a command name): never to be read as markup.
    'x-content-type-options': 'nosniff',
    // Answered before its body arrived (a refusal): the connection closes with the answer, else
    // Node keeps discarding what the client trickles in, for up to its 5-minute request timeout.
    ...(bodyStillArriving(res.req) ? { connection: 'close' } : {}),
    ...headers,
  });
  res.end(text);
}

function bodyStillArriving(req: IncomingMessage | undefined): boolean {
  if (!req || req.complete) return false;
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

export function sendError(res: ServerResponse, error: CommandError, headers: Record<string, string> = {}): void {
  sendJson(res, httpStatusOf(error.code), { ok: false, error }, headers);
}

/** A request that cannot be served as sent: answered with its status and code, never a 500. */
export class BodyError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: ErrorCode = status === 413 ? 'too_large' : status === 408 ? 'request_timeout' : 'invalid_args',
  ) {
    super(message);
  }
}

/** How a body is read: see readBody. */
export interface BodyReading {
  /**
   * For routes that read a body before they know who sent it (the webhook, the sign-off page): a
   * body still arriving then is answered 408 (and its connection closed) instead of being held until
   * the server's request timeout.
   */
  deadlineMs?: number;
  /**
   * Counts the body's bytes while it arrives against the station's share for requests in flight
   * (assembly-budget.ts); past it the body is refused 503 and the connection closed. Its type is
   * spelled out, not imported: assembly-budget reads request-limits, which reads this file (a cycle).
   */
  hold?: { add(n: number): boolean; clear(): void };
  /**
   * Past the limit: `drain` (the station's default) reads on and discards up to 16× the limit and
   * refuses once the body has ended — destroying the socket mid-upload makes the client see
   * ECONNRESET instead of the 413 and its readable message; past 16× the sender is a flood and the
   * socket is dropped. `stop` (HQ, whose batches are 16 MB) refuses at once — also on a declared
   * length over the limit — and reads no more: the caller answers and closes the connection.
   */
  over?: 'drain' | 'stop';
}

/**
 * Reads a request's body up to `limit` bytes, for the station and HQ alike. Every outcome settles
 * the promise: the body, or a BodyError (400 unreadable, 408 too slow, 413 too large — also a
 * request aborted before its end —, 503 over the hold).
 */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES, reading: BodyReading = {}): Promise<Buffer> {
  const { deadlineMs, hold } = reading;
  const flood = reading.over === 'stop' ? limit : limit * 16;
  return new Promise((resolve, reject) => {
    let chunks: Buffer[] = [];
    let size = 0;
    if (hold) {
      req.once('close', () => hold.clear());
      req.once('end', () => hold.clear());
    }
    if (deadlineMs !== undefined) {
      const timer = setTimeout(() => {
        chunks = [];
        req.pause();
        reject(new BodyError(408, `The request body did not arrive within ${deadlineMs / 1000} s.`));
      }, deadlineMs);
      timer.unref();
      req.once('close', () => clearTimeout(timer));
      req.once('end', () => clearTimeout(timer));
    }
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > flood) {
      reject(new BodyError(413, `The request body is ${declared} bytes; the limit is ${limit} bytes.`));
      if (reading.over === 'stop') req.pause();
      else req.resume();
      return;
    }
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (hold && size <= limit && !hold.add(chunk.length)) {
        chunks = [];
        hold.clear();
        req.pause();
        reject(new BodyError(503, 'The station is holding too many unfinished requests from this token (or from everyone); retry in a few seconds.', 'unavailable'));
        return;
      }
      if (size > flood) {
        chunks = [];
        if (reading.over === 'stop') {
          req.pause();
          reject(new BodyError(413, `The request body is over ${size} bytes so far; the limit is ${limit} bytes.`));
        } else req.destroy();
        return;
      }
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > limit) reject(new BodyError(413, `The request body is ${size} bytes; the limit is ${limit} bytes.`));
      else resolve(Buffer.concat(chunks));
    });
    req.on('error', () => reject(new BodyError(400, 'The request body could not be read.')));
    req.on('close', () => {
      if (!req.complete) reject(new BodyError(413, `The request body is larger than ${limit} bytes.`));
    });
  });
}

/** Parses JSON text and refuses values nested deeper than `maxDepth` (checked without recursion). */
export function parseJsonText(text: string, maxDepth = MAX_JSON_DEPTH): { ok: true; value: unknown } | { ok: false; message: string } {
  // Cheap pre-check on the text: brackets outside strings give the depth before parsing.
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i += 1; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      depth += 1;
      if (depth > maxDepth) return { ok: false, message: `The JSON is nested deeper than ${maxDepth} levels.` };
    } else if (c === 93 || c === 125) depth -= 1;
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, message: `The body is not valid JSON: ${(error as Error).message}` };
  }
}

export function parseJsonBody(buf: Buffer): unknown {
  if (buf.length === 0) return {};
  const r = parseJsonText(buf.toString('utf8'));
  if (!r.ok) throw new BodyError(400, r.message);
  return r.value;
}

export function bearerToken(req: IncomingMessage): string | null {
  const h = req.headers.authorization;
  if (h && /^Bearer\s+/i.test(h)) return h.replace(/^Bearer\s+/i, '').trim();
  return null;
}

export interface RequestTarget {
  /** The decoded path. */
  path: string;
  query: URLSearchParams;
}

/**
 * The request target (origin form `/a?b`, or absolute form `http://h/a?b`) parsed without ever
 * throwing: a bad URL, bad percent-escape or over-long target is an answer, not an exception.
 */
export function parseTarget(raw: string | undefined): { ok: true; target: RequestTarget } | { ok: false; status: 400 | 414; code: ErrorCode; message: string } {
  const text = raw ?? '/';
  if (text.length > MAX_URL_CHARS) return { ok: false, status: 414, code: 'uri_too_long', message: `The request URL is ${text.length} characters; the limit is ${MAX_URL_CHARS}.` };
  let url: URL;
  try {
    url = text.startsWith('/') ? new URL(`http://station${text.startsWith('//') ? text.replace(/^\/+/, '/') : text}`) : new URL(text);
  } catch {
    return { ok: false, status: 400, code: 'invalid_args', message: 'The request URL is not a valid URL.' };
  }
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400, code: 'invalid_args', message: 'The request path has a bad percent-escape.' };
  }
  if (path.includes('\0')) return { ok: false, status: 400, code: 'invalid_args', message: 'The request path holds a NUL character.' };
  return { ok: true, target: { path, query: url.searchParams } };
}

/** A URL as it may appear in a log: token and sign-off link codes replaced. */
export function redactUrl(raw: string | undefined): string {
  return (raw ?? '').slice(0, 300).replace(/([?&](?:token|link|access_token)=)[^&#]*/gi, '$1[redacted]');
}
