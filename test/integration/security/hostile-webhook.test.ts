// Issue 12, row M4, against a real station process: a signed commerce delivery counts once —
// resent as is, resent under a new key, or sent without a key, it is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { startHostileStation, type HostileStation } from './hostile-station';

let s: HostileStation;
beforeAll(async () => {
  s = await startHostileStation();
});
afterAll(async () => {
  await s.stop();
});

const hmac = (key: string, text: string) => `sha256=${createHmac('sha256', key).update(text).digest('hex')}`;
const post = (body: string, headers: Record<string, string>) => fetch(`${s.url}/api/events`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
const kpis = async () => ((await (await fetch(`${s.url}/api/state`, { headers: { authorization: `Bearer ${s.tokens.producer}` } })).json()) as { state: { kpis: { orders: number; views: number } } }).state.kpis;

describe('M4: webhook replays', () => {
  it('counts an order once, whatever is replayed', async () => {
    const before = await kpis();
    const body = JSON.stringify({ events: [{ type: 'order', amount: 25, currency: 'EUR' }] });
    const ts = String(Math.floor(Date.now() / 1000));
    const signature = hmac(s.eventSecret, `${ts}.order-1.${body}`);
    expect((await post(body, { 'x-baton-timestamp': ts, 'x-baton-signature': signature, 'idempotency-key': 'order-1' })).status).toBe(202);
    expect((await post(body, { 'x-baton-timestamp': ts, 'x-baton-signature': signature, 'idempotency-key': 'order-1' })).status).toBe(409);
    expect((await post(body, { 'x-baton-timestamp': ts, 'x-baton-signature': signature, 'idempotency-key': 'order-2' })).status).toBe(401);
    expect((await kpis()).orders).toBe(before.orders + 1);
    expect(s.output()).toMatch(/replay refused/);
  });

  it('does not count a keyless delivery on every replay', async () => {
    const before = await kpis();
    const body = JSON.stringify({ events: [{ type: 'view', count: 10 }] });
    const ts = String(Math.floor(Date.now() / 1000));
    for (let i = 0; i < 3; i++) await post(body, { 'x-baton-timestamp': ts, 'x-baton-signature': hmac(s.eventSecret, `${ts}.${body}`) });
    expect((await kpis()).views - before.views).toBeLessThanOrEqual(10);
  });
});
