// Small HTTP helpers: JSON answers with a readable error, bounded body reads, bearer tokens.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CommandError } from '../../shared/contract/errors';
import { httpStatusOf } from '../../shared/contract/errors';

export const MAX_BODY_BYTES = 4 * 1024 * 1024;

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}

export function sendError(res: ServerResponse, error: CommandError): void {
  sendJson(res, httpStatusOf(error.code), { ok: false, error });
}

export class BodyError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // An oversized body is drained, not cut off: destroying the socket mid-upload makes the
    // client see ECONNRESET instead of our 413 and its readable message. Past 16x the limit
    // the sender is not a confused script but a flood, and the socket is dropped.
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit * 16) {
        req.destroy();
        return;
      }
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > limit) reject(new BodyError(413, `The request body is ${size} bytes; the limit is ${limit} bytes.`));
      else resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
    req.on('close', () => {
      if (!req.complete) reject(new BodyError(413, `The request body is larger than ${limit} bytes.`));
    });
  });
}

export function parseJsonBody(buf: Buffer): unknown {
  if (buf.length === 0) return {};
  try {
    return JSON.parse(buf.toString('utf8')) as unknown;
  } catch (error) {
    throw new BodyError(400, `The body is not valid JSON: ${(error as Error).message}`);
  }
}

export function bearerToken(req: IncomingMessage): string | null {
  const h = req.headers.authorization;
  if (h && /^Bearer\s+/i.test(h)) return h.replace(/^Bearer\s+/i, '').trim();
  return null;
}
