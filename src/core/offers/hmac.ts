// HMAC-SHA256 over `${timestamp}.${body}`, hex, sent as `x-baton-signature: sha256=<hex>` with
// `x-baton-timestamp` (unix seconds). Used both ways: Baton signs calls to a store's webhook, and
// verifies events POSTed to /api/events. docs/commerce-webhook.md is the public description.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The secret-store name of the commerce event webhook's HMAC key (set with `offer.eventSecret`). */
export const EVENT_SECRET_NAME = 'commerce.events.hmac';

export const SIGNATURE_HEADER = 'x-baton-signature';
export const TIMESTAMP_HEADER = 'x-baton-timestamp';
export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** A signed request older or newer than this is refused (replay protection). */
export const TOLERANCE_SECONDS = 300;

export function sign(secret: string, timestamp: number | string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export type VerifyResult = { ok: true } | { ok: false; reason: string };

export function verify(input: {
  secret: string;
  timestamp: string | undefined;
  signature: string | undefined;
  body: string;
  nowMs: number;
  toleranceSeconds?: number;
}): VerifyResult {
  const tolerance = input.toleranceSeconds ?? TOLERANCE_SECONDS;
  if (!input.timestamp || !/^\d{1,12}$/.test(input.timestamp)) return { ok: false, reason: `missing or bad ${TIMESTAMP_HEADER} (unix seconds)` };
  const skew = Math.abs(input.nowMs / 1000 - Number(input.timestamp));
  if (skew > tolerance) return { ok: false, reason: `${TIMESTAMP_HEADER} is ${Math.round(skew)} s away from the station's clock (limit ${tolerance} s)` };
  if (!input.signature || !/^sha256=[0-9a-f]{64}$/i.test(input.signature)) return { ok: false, reason: `missing or malformed ${SIGNATURE_HEADER} (sha256=<hex>)` };
  const expected = Buffer.from(sign(input.secret, input.timestamp, input.body).slice(7), 'hex');
  const given = Buffer.from(input.signature.slice(7), 'hex');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'the signature does not match the body' };
  return { ok: true };
}

/**
 * A store's reply to Baton's webhook is signed too, over `${timestamp}.${idempotencyKey}.${body}`:
 * the key ties the answer to the request it answers, so a recorded "paused" cannot be replayed
 * as the answer to a later pause that never reached the store.
 */
export function signReply(secret: string, timestamp: number | string, idempotencyKey: string, body: string): string {
  return sign(secret, timestamp, `${idempotencyKey}.${body}`);
}

export function verifyReply(input: { secret: string; timestamp: string | undefined; signature: string | undefined; idempotencyKey: string; body: string; nowMs: number }): VerifyResult {
  return verify({ secret: input.secret, timestamp: input.timestamp, signature: input.signature, body: `${input.idempotencyKey}.${input.body}`, nowMs: input.nowMs });
}

/**
 * An event POSTed to the station's webhook is signed over `${timestamp}.${idempotencyKey}.${body}`
 * (the same form as a reply): the key is inside the signature, so a delivery cannot be replayed
 * under a fresh key, and the station refuses a key or signature it has already seen.
 */
export function signEvent(secret: string, timestamp: number | string, idempotencyKey: string, body: string): string {
  return signReply(secret, timestamp, idempotencyKey, body);
}

export function verifyEvent(input: { secret: string; timestamp: string | undefined; signature: string | undefined; idempotencyKey: string | undefined; body: string; nowMs: number }): VerifyResult {
  if (!input.idempotencyKey || !/^[\x21-\x7e]{1,200}$/.test(input.idempotencyKey)) return { ok: false, reason: `missing or bad ${IDEMPOTENCY_HEADER} (1 to 200 visible ASCII characters)` };
  return verifyReply({ ...input, idempotencyKey: input.idempotencyKey });
}
