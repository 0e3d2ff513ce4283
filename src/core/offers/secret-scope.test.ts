import { afterEach, describe, expect, it } from 'vitest';
import { startJsonServer, type JsonServer } from '../../../test/support/json-server';
import { parseShow } from '../show/show.loader';
import { createAdapter, type AdapterDeps } from './adapter.factory';
import { DEFAULT_TIMING } from './offers.ports';
import { REHEARSAL_RATES } from './sandbox.simulator';
import { createMemoryMemo } from './adapter.memo';
import type { Offer } from '../../shared/show/show.schema';
import { createMemorySecretStore, type SecretStore } from '../platform/secret-store';
import { readFileSync } from 'node:fs';
import { DEMO_SHOW } from '../../../test/support/test-core';
import { postOverFetch } from './http-json';

// A show file is untrusted: the station's own secrets (role tokens, the event key, the OBS
// password) must never be sent to a URL the file names, nor overwritten through its bindings.
const STATION = { 'api.tokens': '{"producer":"prod-secret-token"}', 'commerce.events.hmac': 'event-key', 'obs.password': 'obs-pass' };

const secretsOf = (values: Record<string, string>): SecretStore => createMemorySecretStore(values);

const demo = () => JSON.parse(readFileSync(DEMO_SHOW, 'utf8')) as { offers: Record<string, unknown>[]; comments: { sources: unknown[] }; obs: Record<string, unknown> };

const servers: JsonServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

describe('show files name only their own secrets', () => {
  it('refuses a store binding that names a station secret, naming the field', () => {
    const show = demo();
    const offer = show.offers[0]!;
    offer.store = { adapter: 'vendure', adminApiUrl: 'https://shop.example/admin-api', username: 'u', passwordSecret: 'api.tokens', promotionId: '1', variantIds: ['1'] };
    const r = parseShow(show);
    expect(r.ok).toBe(false);
    const issue = r.ok ? undefined : r.issues.find((i) => i.path === 'offers.0.store.passwordSecret');
    expect(issue?.message).toContain(`store/${String(offer.id)}/`);
  });

  it("refuses another offer's namespace, a Twitch token outside its source, and a named OBS password", () => {
    const show = demo();
    show.offers[0]!.store = { adapter: 'webhook', url: 'https://shop.example/hook', hmacSecret: 'store/someone-else/key' };
    show.comments.sources = [{ kind: 'twitch', id: 'tw', channel: 'c', tls: true, nick: 'n', tokenSecret: 'commerce.events.hmac' }];
    show.obs = { ...show.obs, passwordSecret: 'api.tokens' };
    const r = parseShow(show);
    const paths = r.ok ? [] : r.issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['offers.0.store.hmacSecret', 'comments.sources.0.tokenSecret', 'obs.passwordSecret']));
  });

  it('refuses a Twitch login over plain TCP to a host that is not loopback', () => {
    const show = demo();
    show.comments.sources = [{ kind: 'twitch', id: 'tw', channel: 'c', host: 'irc.example', port: 6667, nick: 'n', tokenSecret: 'source/tw/oauth' }];
    const r = parseShow(show);
    expect(r.ok ? [] : r.issues.map((i) => i.path)).toContain('comments.sources.0.tls');
  });

  it('accepts names inside the namespaces', () => {
    const show = demo();
    const id = String(show.offers[0]!.id);
    show.offers[0]!.store = { adapter: 'shopify', shopDomain: 'x.myshopify.com', tokenSecret: `store/${id}/admin`, discountId: 'gid://shopify/DiscountCodeNode/1' };
    show.comments.sources = [{ kind: 'twitch', id: 'tw', channel: 'c', tls: true, nick: 'n', tokenSecret: 'source/tw/oauth' }];
    expect(parseShow(show).ok).toBe(true);
  });
});

describe('store adapters resolve only namespaced secrets over safe URLs', () => {
  const called: string[] = [];
  const fakeFetch = (async (url: string | URL | Request) => {
    called.push(url instanceof Request ? url.url : url.toString());
    return new Response('{}', { status: 503 });
  }) as typeof fetch;
  const deps = (offer: Offer, secrets: SecretStore, allowInsecureStore = false, f: typeof fetch = fetch): AdapterDeps => ({
    offer,
    products: [],
    post: postOverFetch(f),
    timing: DEFAULT_TIMING,
    sandbox: { simulate: false, tickMs: 1000, latencyMs: 0, random: Math.random, rates: REHEARSAL_RATES },
    secrets,
    memo: createMemoryMemo(),
    now: Date.now,
    observe: () => {},
    allowInsecureStore,
  });
  const offer = (store: Offer['store']): Offer =>
    ({ id: 'o1', name: 'O', skus: ['S'], price: { amount: 1, currency: 'USD' }, code: 'O', aliases: [], store, triggers: [] }) as unknown as Offer;

  it('sends no station secret even when a binding names one (defence behind the loader)', async () => {
    const server = await startJsonServer(() => ({ status: 200, body: {} }));
    servers.push(server);
    const a = createAdapter(deps(offer({ adapter: 'vendure', adminApiUrl: server.url, username: 'u', passwordSecret: 'api.tokens', promotionId: '1', variantIds: ['1'] }), secretsOf(STATION)));
    await expect(a.read()).rejects.toMatchObject({ kind: 'config' });
    expect(server.requests.map((r) => r.body).join('')).not.toContain('prod-secret-token');
  });

  it('refuses plain http to a host that is not loopback unless the station allows it', async () => {
    const secrets = secretsOf({ 'store/o1/token': 'shpat-1' });
    const plain = offer({ adapter: 'shopify', shopDomain: 'http://shop.example', tokenSecret: 'store/o1/token', discountId: 'gid://shopify/DiscountCodeNode/1', productIds: [], apiVersion: '2025-07' } as Offer['store']);
    await expect(createAdapter(deps(plain, secrets, false, fakeFetch)).read()).rejects.toThrow(/https/);
    expect(called).toEqual([]);
    await createAdapter(deps(plain, secrets, true, fakeFetch)).read().catch(() => undefined);
    expect(called[0]).toMatch(/^http:\/\/shop\.example\//);
  });
});
