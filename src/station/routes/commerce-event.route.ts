// POST /api/events: the signed commerce event webhook (payments, orders, stock, fulfilment,
// views, carts) that feeds the rollback triggers and the KPIs. The HMAC key lives in the secret
// store as `commerce.events.hmac` (set with `offer.eventSecret`); docs/commerce-webhook.md.
import type { IncomingMessage } from 'node:http';
import type { DispatchResult } from '../../core/dispatch/dispatcher';
import type { Caller } from '../../core/dispatch/handler';
import type { Clock } from '../../core/platform/clock';
import type { Logger } from '../../core/platform/logger';
import type { SecretStore } from '../../core/platform/secret-store';
import type { Route } from '../transport/route-table';
import { parseJsonText, readBody, sendError, sendJson } from '../transport/http-util';
import { createReplayGuard } from './replay-guard';
import { EVENT_SECRET_NAME, IDEMPOTENCY_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, TOLERANCE_SECONDS, verifyEvent } from '../../core/offers/hmac';

export const EVENTS_PATH = '/api/events';
const MAX_EVENT_BODY = 1024 * 1024;
/** A store posts its events at once; a body still arriving after this is a client holding the socket. */
const BODY_DEADLINE_MS = 10_000;

export interface CommerceEventRouteDeps {
  dispatch(name: 'offer.ingest', args: unknown, caller: Caller): Promise<DispatchResult>;
  secrets: SecretStore;
  clock: Clock;
  log: Logger;
}

export function createCommerceEventRoute(deps: CommerceEventRouteDeps): Route {
  // Twice the timestamp tolerance: a delivery is remembered for as long as its timestamp (up to
  // TOLERANCE in the past or the future) could still pass.
  const replays = createReplayGuard({ windowMs: 2 * TOLERANCE_SECONDS * 1000 });
  // Anyone on the network can post unsigned bodies: refusals are logged the first time and then
  // at every power of ten with their count, so a flood costs the log a few lines, not one each.
  const counts = new Map<string, number>();
  const warnCounted = (message: string, fields: Record<string, unknown>) => {
    const n = (counts.get(message) ?? 0) + 1;
    counts.set(message, n);
    if (n === 1 || Number.isInteger(Math.log10(n))) deps.log.warn(message, n > 1 ? { ...fields, times: n } : fields);
  };
  return {
    method: 'POST',
    path: EVENTS_PATH,
    summary: 'The signed commerce event webhook (docs/commerce-webhook.md).',
    handle: async ({ req, res }) => {
      const secret = deps.secrets.get(EVENT_SECRET_NAME);
      if (!secret) {
        req.resume();
        sendError(res, {
          code: 'unavailable',
          message: `The commerce event webhook has no HMAC key yet: set one with offer.eventSecret (secret "${EVENT_SECRET_NAME}").`,
        });
        return;
      }
      const raw = await readBody(req, MAX_EVENT_BODY, { deadlineMs: BODY_DEADLINE_MS });
      const body = raw.toString('utf8');
      const key = header(req, IDEMPOTENCY_HEADER);
      const signature = header(req, SIGNATURE_HEADER);
      const check = verifyEvent({ secret, timestamp: header(req, TIMESTAMP_HEADER), signature, idempotencyKey: key, body, nowMs: deps.clock.now() });
      if (!check.ok) {
        warnCounted('commerce event refused', { reason: check.reason, from: req.socket.remoteAddress });
        sendError(res, { code: 'unauthenticated', message: `Signature refused: ${check.reason}. See docs/commerce-webhook.md.` });
        return;
      }
      if (!replays.admit(key ?? '', signature ?? '', deps.clock.now())) {
        warnCounted('commerce event replay refused', { refusedReplays: replays.refused(), from: req.socket.remoteAddress });
        sendError(res, { code: 'conflict', message: `This delivery (its ${IDEMPOTENCY_HEADER} or signature) was already taken; a replay is not counted again. Replays refused: ${replays.refused()}.` });
        return;
      }
      const parsed = parseJsonText(body);
      if (!parsed.ok) {
        sendError(res, { code: 'invalid_args', message: parsed.message });
        return;
      }
      const events = withDeliveryIds(normalise(parsed.value), key);
      const result = await deps.dispatch(
        'offer.ingest',
        { events },
        { actor: 'webhook:commerce-events', role: 'producer', via: 'http' },
      );
      if (result.ok) sendJson(res, 202, { ok: true, result: result.result });
      else sendError(res, result.error);
    },
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Accepts `{ events: [...] }`, a bare array, or one event object. */
function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value;
  if (value && typeof value === 'object' && 'events' in value) return (value as { events: unknown }).events;
  return [value];
}

/** A redelivery with the same idempotency key counts its id-less events once. */
function withDeliveryIds(events: unknown, key: string | undefined): unknown {
  if (!key || !Array.isArray(events)) return events;
  return (events as unknown[]).map((e, i) =>
    e && typeof e === 'object' && !Array.isArray(e) && !('id' in e)
      ? { ...(e as Record<string, unknown>), id: `${key.slice(0, 100)}:${i}` }
      : e,
  );
}
