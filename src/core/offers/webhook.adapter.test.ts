import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createKeepAliveHttp } from './keep-alive.http';
import { startJsonServer, type JsonServer, type RecordedRequest } from '../../../test/support/json-server';
import { createWebhookAdapter } from './webhook.adapter';
import { sign, signReply, verify } from './hmac';
import { StoreError } from './commerce.adapter';

/** The stores' own client, as the station uses it. */
const client = createKeepAliveHttp();
afterAll(() => client.close());

const SECRET = 'whsec-test-0123456789abcdef';
const servers: JsonServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

/** A reply as a conforming store sends it: signed over the request's idempotency key and the body. */
function signed(key: string, body: unknown, secret = SECRET) {
  const text = JSON.stringify(body);
  const ts = String(Math.floor(Date.now() / 1000));
  return { text, headers: { 'content-type': 'application/json', 'x-baton-timestamp': ts, 'x-baton-signature': signReply(secret, ts, key, text) } };
}

/** A store that checks Baton's signature like a real receiver would, and keeps its own toggle. */
async function signedStore() {
  let paused = false;
  const seenKeys = new Map<string, number>();
  const server = await startJsonServer((req: RecordedRequest) => {
    const check = verify({
      secret: SECRET,
      timestamp: req.headers['x-baton-timestamp'] as string,
      signature: req.headers['x-baton-signature'] as string,
      body: req.body,
      nowMs: Date.now(),
    });
    if (!check.ok) return { status: 401, body: { error: check.reason } };
    const { action } = JSON.parse(req.body) as { action: string };
    const key = req.headers['idempotency-key'] as string;
    if (action === 'pause' || action === 'resume') {
      // Idempotent: the same key applies once.
      if (!seenKeys.has(key)) paused = action === 'pause';
      seenKeys.set(key, (seenKeys.get(key) ?? 0) + 1);
    }
    if (action === 'remove_bonus') return { status: 422, body: { error: 'this store has no bonus to remove' } };
    return signed(key, { state: paused ? 'paused' : 'live', stock: { 'BNDL-GLOW-KIT': 12 }, detail: `store says ${paused ? 'paused' : 'live'}` });
  });
  servers.push(server);
  return { server, seenKeys, get paused() { return paused; } };
}

const adapterFor = (url: string, secret: string | null = SECRET, timeoutMs = 1000) =>
  createWebhookAdapter({
    http: { post: client.post, timeoutMs, observe: () => {} },
    url: `${url}/baton`,
    offer: { id: 'glow-kit-live', code: 'LIVEGLOW', skus: ['BNDL-GLOW-KIT'] },
    secret: () => secret,
    secretName: 'store.hook',
    now: () => Date.now(),
  });

describe('signed webhook adapter', () => {
  it('signs the body, sends the idempotency key, and returns the store’s state', async () => {
    const store = await signedStore();
    const a = adapterFor(store.server.url);
    const r = await a.setPaused(true, { key: 'op-1', reason: 'checkout broken' });
    expect(r).toEqual({ paused: true, detail: 'store says paused', stock: { 'BNDL-GLOW-KIT': 12 }, bonusActive: null });
    const req = store.server.requests[0] as RecordedRequest;
    expect(req.headers['idempotency-key']).toBe('op-1');
    expect(req.headers['x-baton-signature']).toBe(sign(SECRET, req.headers['x-baton-timestamp'] as string, req.body));
    expect(JSON.parse(req.body)).toMatchObject({ action: 'pause', offer: { id: 'glow-kit-live', code: 'LIVEGLOW' }, reason: 'checkout broken' });
    // A retry of the same intent carries the same key; the store applies it once.
    await a.setPaused(true, { key: 'op-1', reason: 'checkout broken' });
    expect(store.seenKeys.get('op-1')).toBe(2);
    expect((await a.read()).paused).toBe(true);
    expect((await a.setPaused(false, { key: 'op-2', reason: null })).paused).toBe(false);
  });

  it('reports a wrong key as an auth error, a refusal with the store’s words, and a bad reply as protocol', async () => {
    const store = await signedStore();
    const wrong = adapterFor(store.server.url, 'not-the-key');
    await expect(wrong.read()).rejects.toMatchObject({ kind: 'auth', retryable: false });
    await expect(adapterFor(store.server.url).removeBonus({ key: 'b', reason: null })).rejects.toThrow('this store has no bonus to remove');
    const odd = await startJsonServer((req) => signed(req.headers['idempotency-key'] as string, { status: 'ok' }));
    servers.push(odd);
    const e = await adapterFor(odd.url).read().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(StoreError);
    expect((e as StoreError).kind).toBe('protocol');
    expect((e as StoreError).message).toContain('docs/commerce-webhook.md');
  });

  it('asks for the key when the secret is missing, and times out on a silent store', async () => {
    await expect(adapterFor('http://127.0.0.1:9', null).read()).rejects.toThrow('offer.credentials (secret "store.hook")');
    const slow = await startJsonServer((req) => ({ delayMs: 500, ...signed(req.headers['idempotency-key'] as string, { state: 'live' }) }));
    servers.push(slow);
    await expect(adapterFor(slow.url, SECRET, 100).read()).rejects.toMatchObject({ kind: 'timeout', retryable: true });
    const down = await startJsonServer(() => ({ body: {} }));
    const url = down.url;
    await down.close();
    await expect(adapterFor(url).read()).rejects.toMatchObject({ kind: 'unreachable' });
  });
});

describe('signed replies', () => {
  it('refuses an unsigned answer, one signed with another key, and a recorded answer replayed for another request', async () => {
    const unsigned = await startJsonServer(() => ({ body: { state: 'paused' } }));
    const wrongKey = await startJsonServer((req) => signed(req.headers['idempotency-key'] as string, { state: 'paused' }, 'someone-else'));
    let recorded: { text: string; headers: Record<string, string> } | null = null;
    const replaying = await startJsonServer((req) => {
      recorded ??= signed(req.headers['idempotency-key'] as string, { state: 'paused' });
      return recorded;
    });
    servers.push(unsigned, wrongKey, replaying);
    for (const url of [unsigned.url, wrongKey.url]) {
      const e = await adapterFor(url).setPaused(true, { key: 'op-9', reason: 'x' }).catch((x: unknown) => x);
      expect(e).toMatchObject({ kind: 'protocol' });
      expect((e as StoreError).message).toMatch(/not signed for this request/);
    }
    const a = adapterFor(replaying.url);
    expect((await a.setPaused(true, { key: 'op-10', reason: 'x' })).paused).toBe(true);
    // The same signed "paused", answered to a different request, is refused: never PAUSED without the store.
    await expect(a.setPaused(true, { key: 'op-11', reason: 'x' })).rejects.toMatchObject({ kind: 'protocol' });
    await expect(a.read()).rejects.toMatchObject({ kind: 'protocol' });
  });
});

describe('hmac', () => {
  it('verifies only the exact body, within the time tolerance', () => {
    const ts = String(Math.floor(Date.now() / 1000));
    const body = '{"type":"payment_error"}';
    const sig = sign(SECRET, ts, body);
    expect(verify({ secret: SECRET, timestamp: ts, signature: sig, body, nowMs: Date.now() })).toEqual({ ok: true });
    expect(verify({ secret: SECRET, timestamp: ts, signature: sig, body: body + ' ', nowMs: Date.now() })).toMatchObject({ ok: false });
    expect(verify({ secret: 'other', timestamp: ts, signature: sig, body, nowMs: Date.now() })).toMatchObject({ ok: false });
    expect(verify({ secret: SECRET, timestamp: ts, signature: sig, body, nowMs: Date.now() + 301_000 })).toMatchObject({ ok: false });
    expect(verify({ secret: SECRET, timestamp: undefined, signature: sig, body, nowMs: Date.now() })).toMatchObject({ ok: false });
    expect(verify({ secret: SECRET, timestamp: ts, signature: 'sha256=zz', body, nowMs: Date.now() })).toMatchObject({ ok: false });
  });
});
