// POST /api/events through the real API server: signed, timed, idempotent.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, DEMO_SHOW } from '../../../test/support/test-core';
import { createMemorySecretStore, type SecretStore } from '../../core/platform/secret-store';
import { silentLogger } from '../../core/platform/logger';
import type { ApiServer } from '../transport/api.server';
import { startTestApi } from '../../../test/support/test-api';
import { fastOfferPorts } from '../../../test/support/fast-offers';
import type { Core } from '../../core/core';
import { createCommerceEventRoute } from './commerce-event.route';
import { EVENT_SECRET_NAME } from '../../core/offers/hmac';
import { sign, signEvent } from '../../core/offers/hmac';

const KEY = 'events-key-0123456789';
let core: Core;
let api: ApiServer;
let secrets: SecretStore;
let base: string;

beforeEach(async () => {
  core = createTestCore({ ports: { offers: fastOfferPorts() } });
  core.show.loadFile(DEMO_SHOW);
  await core.start();
  secrets = createMemorySecretStore();
  ({ api, base } = await startTestApi(core, {
    secrets,
    routes: [createCommerceEventRoute({ dispatch: core.dispatch, secrets, clock: { now: () => Date.now(), monotonic: () => performance.now() }, log: silentLogger })],
  }));
});
afterEach(async () => {
  await api.close();
  await core.close();
});

let deliveries = 0;
function send(body: unknown, opts: { key?: string; ts?: number; idem?: string | null; raw?: string; signature?: string } = {}) {
  const text = opts.raw ?? JSON.stringify(body);
  const ts = String(opts.ts ?? Math.floor(Date.now() / 1000));
  const idem = opts.idem === undefined ? `delivery-${++deliveries}-${Date.now()}` : opts.idem;
  return fetch(`${base}/api/events`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-baton-timestamp': ts,
      'x-baton-signature': opts.signature ?? signEvent(opts.key ?? KEY, ts, idem ?? '', text),
      ...(idem ? { 'idempotency-key': idem } : {}),
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

  it('accepts signed events, refuses a wrong signature or a stale timestamp, and refuses a redelivery', async () => {
    secrets.set(EVENT_SECRET_NAME, KEY);
    const events = { events: [{ type: 'view', count: 100 }, { type: 'add_to_cart', count: 5 }] };
    const ok = await send(events, { idem: 'delivery-1' });
    expect(ok.status).toBe(202);
    expect(await ok.json()).toEqual({ ok: true, result: { accepted: 2, duplicates: 0, unmatched: 0 } });
    const again = await send(events, { idem: 'delivery-1' });
    expect(again.status).toBe(409);
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

  it('M4: a delivery cannot be replayed — not under a new key, not without a key, not resent as is', async () => {
    secrets.set(EVENT_SECRET_NAME, KEY);
    const body = JSON.stringify({ events: [{ type: 'order', amount: 10, currency: 'EUR' }] });
    const ts = Math.floor(Date.now() / 1000);
    const signature = signEvent(KEY, ts, 'order-1', body);
    expect((await send(null, { raw: body, ts, idem: 'order-1', signature })).status).toBe(202);
    // The recorded request resent as is: refused and counted, the order counted once.
    const replay = await send(null, { raw: body, ts, idem: 'order-1', signature });
    expect(replay.status).toBe(409);
    expect(((await replay.json()) as { error: { message: string } }).error.message).toMatch(/Replays refused: 1/);
    // The same signature under a fresh key: the key is inside the signature, so it no longer matches.
    expect((await send(null, { raw: body, ts, idem: 'order-2', signature })).status).toBe(401);
    // Without a key (a signature over the body alone, the old form): refused.
    expect((await send(null, { raw: body, ts, idem: null, signature: sign(KEY, ts, body) })).status).toBe(401);
    // Older than five minutes, even correctly signed: refused.
    const old = ts - 301;
    expect((await send(null, { raw: body, ts: old, idem: 'order-3', signature: signEvent(KEY, old, 'order-3', body) })).status).toBe(401);
    expect(core.snapshot().state.kpis.orders).toBe(1);
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
