// POST /api/events through the real API server: signed, timed, idempotent.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, DEMO_SHOW } from '../../../test/support/test-core';
import { createTokenService } from '../auth/token.service';
import { createMemorySecretStore, type SecretStore } from '../../core/platform/secret-store';
import { silentLogger } from '../../core/platform/logger';
import { startApiServer, type ApiServer } from '../transport/api.server';
import type { Core } from '../../core/core';
import { createCommerceEventRoute } from './commerce-event.route';
import { EVENT_SECRET_NAME } from '../../core/offers/hmac';
import { sign } from '../../core/offers/hmac';
import { systemTimers } from '../../core/platform/timers';
import { REHEARSAL_RATES } from '../../core/offers/sandbox.simulator';

const KEY = 'events-key-0123456789';
let core: Core;
let api: ApiServer;
let secrets: SecretStore;
let base: string;

beforeEach(async () => {
  core = createTestCore({
    ports: {
      offers: {
        fetch,
        timers: systemTimers,
        timing: { requestTimeoutMs: 500, deadlineMs: 400, retryBaseMs: 10, retryMaxMs: 50, pollMs: 50 },
        sandbox: { simulate: false, tickMs: 20, latencyMs: 5, random: Math.random, rates: REHEARSAL_RATES },
      },
    },
  });
  core.show.loadFile(DEMO_SHOW);
  await core.start();
  secrets = createMemorySecretStore();
  const tokens = createTokenService({ secrets, envProducerToken: 'producer-token-for-tests' });
  api = await startApiServer({
    core,
    tokens,
    log: silentLogger,
    host: '127.0.0.1',
    port: 0,
    staticRoot: null,
    version: 'test',
    routes: [createCommerceEventRoute({ dispatch: core.dispatch, secrets, clock: { now: () => Date.now() }, log: silentLogger })],
  });
  base = `http://127.0.0.1:${api.port}`;
});
afterEach(async () => {
  await api.close();
  await core.close();
});

function send(body: unknown, opts: { key?: string; ts?: number; idem?: string; raw?: string } = {}) {
  const text = opts.raw ?? JSON.stringify(body);
  const ts = String(opts.ts ?? Math.floor(Date.now() / 1000));
  return fetch(`${base}/api/events`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-baton-timestamp': ts,
      'x-baton-signature': sign(opts.key ?? KEY, ts, text),
      ...(opts.idem ? { 'idempotency-key': opts.idem } : {}),
    },
    body: text,
  });
}

describe('POST /api/events', () => {
  it('says how to set the key before one is set', async () => {
    const r = await send({ type: 'view' });
    expect(r.status).toBe(503);
    expect(((await r.json()) as { error: { message: string } }).error.message).toContain('offer.eventSecret');
  });

  it('accepts signed events, refuses a wrong signature or a stale timestamp, and counts a redelivery once', async () => {
    secrets.set(EVENT_SECRET_NAME, KEY);
    const events = { events: [{ type: 'view', count: 100 }, { type: 'add_to_cart', count: 5 }] };
    const ok = await send(events, { idem: 'delivery-1' });
    expect(ok.status).toBe(202);
    expect(await ok.json()).toEqual({ ok: true, result: { accepted: 2, duplicates: 0, unmatched: 0 } });
    const again = await send(events, { idem: 'delivery-1' });
    expect(await again.json()).toEqual({ ok: true, result: { accepted: 0, duplicates: 2, unmatched: 0 } });
    expect(core.snapshot().state.kpis).toMatchObject({ views: 100, addToCart: 5, viewToCart: 0.05 });

    expect((await send(events, { key: 'wrong-key-0123456789' })).status).toBe(401);
    expect((await send(events, { ts: Math.floor(Date.now() / 1000) - 3600 })).status).toBe(401);
    const bad = await send({ events: [{ type: 'teleport' }] });
    expect(bad.status).toBe(400);
    const badJson = await send(null, { raw: '{not json' });
    expect(badJson.status).toBe(400);
    expect(core.snapshot().state.kpis.views).toBe(100);

    const audit = core.audit.list({ limit: 10, command: 'offer.ingest' });
    expect(audit[audit.length - 1]).toMatchObject({ actor: 'webhook:commerce-events', via: 'http', outcome: 'ok', args: { count: 2, types: { view: 1, add_to_cart: 1 } } });
  });

  it('pauses the offer by itself when the payment errors cross the rule', async () => {
    secrets.set(EVENT_SECRET_NAME, KEY);
    const events = [
      ...Array.from({ length: 6 }, (_, i) => ({ id: `ok-${i}`, type: 'payment_ok' })),
      ...Array.from({ length: 4 }, (_, i) => ({ id: `err-${i}`, type: 'payment_error', code: 'LIVEGLOW' })),
    ];
    expect((await send(events)).status).toBe(202);
    const end = Date.now() + 3000;
    while (core.snapshot().state.offers.items[0]?.state !== 'paused' && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
    expect(core.snapshot().state.offers.items[0]).toMatchObject({ state: 'paused', requestedBy: 'system:trigger:pay-errors' });
  });

  it('leaves GET /api/events to the WebSocket', async () => {
    const r = await fetch(`${base}/api/events`);
    expect(r.status).not.toBe(202);
  });
});
