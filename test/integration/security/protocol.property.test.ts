// Properties of the station's two doors, over generated input (fast-check), beside the seeded
// fuzzer (fuzz.test.ts), which counts answers: here each answer is read.
// - HTTP: any method, any path of the route table or none, any body (JSON of any shape, deep,
//   lone surrogates, bytes that are no text, oversized) is answered with a status the error
//   contract names and a JSON body `{ ok: false, error: { code, message } }` whose code is that
//   status's; a 405 names the methods the path takes; nothing is a 500.
// - WebSocket: every frame (junk text, bytes, deep JSON, wrong types, unknown commands, lone
//   surrogates) is answered once, on a socket that stays open, with a result that is ok or names
//   a code of the contract; a resync is answered with a snapshot.
// - Nothing is lost: a bystander's socket stays open and still gets its patches, and the audit
//   chain still verifies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { createTestCore, DEMO_SHOW } from '../../support/test-core';
import { startTestApi, TEST_PRODUCER_TOKEN, type TestApi } from '../../support/test-api';
import { createSignoffRoutes } from '../../../src/station/routes/signoff.route';
import { createCommerceEventRoute } from '../../../src/station/routes/commerce-event.route';
import { createOverlayPageRoute } from '../../../src/station/overlay/overlay-page.route';
import { createMemorySecretStore } from '../../../src/core/platform/secret-store';
import { silentLogger } from '../../../src/core/platform/logger';
import { commands } from '../../../src/shared/contract/index';
import { ERROR_CODES, httpStatusOf, type ErrorCode } from '../../../src/shared/contract/errors';
import { verifyAuditChain } from '../../../src/core/storage/audit-verify';
import type { Core } from '../../../src/core/core';

const SEED = Number(process.env.BATON_PROPERTY_SEED ?? 20261207);
const NAMES = Object.keys(commands);
const PATHS = ['/api/health', '/api/commands', '/api/state', '/api/events', '/api/signoff', '/api/events/', '/api/commands/', '/overlay/offer', '/api', '/'];

let core: Core;
let t: TestApi;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'baton-protocol-'));
  core = createTestCore({ dataDir: dir, clock: { now: () => Date.now(), monotonic: () => performance.now() } });
  core.show.loadFile(DEMO_SHOW);
  await core.start();
  const secrets = createMemorySecretStore({ 'commerce.events.hmac': 'k'.repeat(32) });
  t = await startTestApi(core, {
    limits: { ratePerSecond: 1_000_000, burst: 1_000_000, connectionsPerToken: 64 },
    routes: [
      createCommerceEventRoute({ dispatch: core.dispatch, secrets, clock: { now: () => Date.now(), monotonic: () => performance.now() }, log: silentLogger }),
      ...createSignoffRoutes({ dispatch: core.dispatch }),
      createOverlayPageRoute(),
    ],
  });
});
afterAll(async () => {
  await t.close();
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

const CODES = Object.keys(ERROR_CODES) as ErrorCode[];
const deep = (n: number, open: string, close: string) => `${open.repeat(n)}1${close.repeat(n)}`;

/** Bodies: JSON of any shape, deep nesting, lone surrogates (raw and escaped), bytes that are no UTF-8, text that is no JSON. */
const bodyArb = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v) ?? 'null'),
  fc.integer({ min: 60, max: 5_000 }).map((n) => deep(n, '[', ']')),
  fc.integer({ min: 60, max: 2_000 }).map((n) => deep(n, '{"a":', '}')),
  fc.constantFrom('{"text":"\\ud800"}', '{"reason":"a\\udfffb","offerId":"x"}', '["\ud800"]', '{"link":"\udc00"}'),
  fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)),
  fc.string({ maxLength: 200 }),
  fc.constant(''),
  fc.constantFrom('null', '[]', '1', '"x"', 'true', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{"x":1}}}'),
);

const pathArb = fc.oneof(
  fc.constantFrom(...PATHS),
  fc.constantFrom(...NAMES).map((n) => `/api/commands/${n}`),
  fc.string({ maxLength: 40 }).map((s) => `/api/commands/${encodeURIComponent(s.replace(/[\ud800-\udfff]/g, ''))}`),
  fc.constantFrom('/api/commands/%ED%A0%80', '/api/%ZZ', '/api/commands/a%00b', '/api/commands/..%2F..%2Fetc', `/api/${'x'.repeat(5_000)}`, '//api//health'),
);

const authArb = fc.constantFrom<Record<string, string>>(
  { authorization: `Bearer ${TEST_PRODUCER_TOKEN}` },
  { authorization: `Bearer ${TEST_PRODUCER_TOKEN}`, 'x-baton-role': 'host' },
  { authorization: 'Bearer not-a-token' },
  { authorization: 'Basic eDp5' },
  {},
);

const typeArb = fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '');

describe(`the station’s doors over generated input (seed ${SEED})`, () => {
  it('answers every HTTP request with a status the contract names and a readable error, never a 500', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'), pathArb, bodyArb, authArb, typeArb, async (method, path, body, auth, type) => {
        const withBody = method !== 'GET' && method !== 'HEAD';
        const r = await fetch(`${t.base}${path}`, { method, headers: { ...auth, ...(type ? { 'content-type': type } : {}) }, ...(withBody ? { body } : {}) });
        const text = await r.text();
        const where = `${method} ${path.slice(0, 80)} → ${r.status} ${text.slice(0, 200)}`;
        expect([200, 202, 400, 401, 403, 404, 405, 408, 409, 413, 414, 415, 426, 429, 502, 503], where).toContain(r.status);
        if (r.status >= 400 && method !== 'HEAD') {
          expect(r.headers.get('content-type'), where).toMatch(/^application\/json/);
          const answer = JSON.parse(text) as { ok: unknown; error?: { code?: unknown; message?: unknown } };
          expect(answer.ok, where).toBe(false);
          expect(CODES, where).toContain(answer.error?.code);
          expect(typeof answer.error?.message === 'string' && answer.error.message.length > 0, where).toBe(true);
          if (r.status !== 426) expect(httpStatusOf(answer.error!.code as ErrorCode), where).toBe(r.status);
        }
        if (r.status === 405) {
          const allow = (r.headers.get('allow') ?? '').split(/,\s*/).filter(Boolean);
          expect(allow.length, where).toBeGreaterThan(0);
          expect(allow, where).not.toContain(method);
        }
      }),
      { seed: SEED, numRuns: 400 },
    );
    // One body over the producer's 4 MB: a 413 with its reason.
    const big = await fetch(`${t.base}/api/commands/talkback.send`, { method: 'POST', headers: { authorization: `Bearer ${TEST_PRODUCER_TOKEN}` }, body: JSON.stringify({ text: 'x'.repeat(5 * 1024 * 1024) }) });
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: { code: string } }).error.code).toBe('too_large');
  }, 300_000);

  it('answers every WebSocket frame once, keeps the socket open, and loses nothing a bystander sees', async () => {
    const open = async () => {
      const ws = new WebSocket(`${t.events}?token=${TEST_PRODUCER_TOKEN}`);
      const inbox: { t: string; id?: string; ok?: boolean; error?: { code: string; message: string }; domain?: string; value?: unknown }[] = [];
      ws.on('message', (d: Buffer) => inbox.push(JSON.parse(d.toString('utf8')) as (typeof inbox)[number]));
      await new Promise<void>((resolve, reject) => {
        ws.once('open', () => resolve());
        ws.once('error', reject);
      });
      return { ws, inbox };
    };
    const bystander = await open();
    const fuzzed = await open();
    const next = async (pred: (m: (typeof fuzzed.inbox)[number]) => boolean, from: number) => {
      const t0 = Date.now();
      for (;;) {
        const i = fuzzed.inbox.findIndex((m, k) => k >= from && pred(m));
        if (i >= 0) return fuzzed.inbox[i]!;
        if (Date.now() - t0 > 5_000) return null;
        await new Promise((r) => setTimeout(r, 2));
      }
    };
    let n = 0;
    const commandArb = fc.record({
      t: fc.constant('command'),
      id: fc.string({ maxLength: 30 }),
      name: fc.oneof(fc.constantFrom(...NAMES), fc.string({ maxLength: 30 }), fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty')),
      args: fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constant({}), fc.constant({ text: '\ud800' }), fc.constant({ offerId: 'a\udfffb', reason: '\ud83d' })),
    });
    const frameArb = fc.oneof(
      commandArb.map((c) => JSON.stringify(c)),
      commandArb.map((c) => JSON.stringify({ ...c, extra: 1 })),
      fc.record({ t: fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.constant(null)), id: fc.oneof(fc.string({ maxLength: 10 }), fc.integer()), name: fc.jsonValue({ maxDepth: 1 }) }).map((c) => JSON.stringify(c)),
      fc.constantFrom('{"t":"resync"}', '{"t":"resync","x":1}', '{"t":"command","id":"x","name":"station.whoami"}'),
      fc.integer({ min: 65, max: 3_000 }).map((k) => `{"t":"command","id":"deep","name":"station.whoami","args":${deep(k, '[', ']')}}`),
      fc.string({ maxLength: 200 }),
      fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)),
    );
    await fc.assert(
      fc.asyncProperty(frameArb, async (frame) => {
        n += 1;
        const from = fuzzed.inbox.length;
        fuzzed.ws.send(frame);
        const text = typeof frame === 'string' ? frame : frame.toString('utf8');
        const resync = /^\{"t":"resync"\}$/.test(text);
        const answer = await next((m) => (resync ? m.t === 'snapshot' || m.t === 'result' : m.t === 'result'), from);
        expect(answer, `no answer to ${text.slice(0, 120)}`).not.toBeNull();
        if (answer!.t === 'result' && !answer!.ok) {
          expect(CODES, text.slice(0, 120)).toContain(answer!.error?.code);
          expect(answer!.error?.code).not.toBe('internal');
          expect(answer!.error?.message.length).toBeGreaterThan(0);
        }
        expect(fuzzed.ws.readyState, text.slice(0, 120)).toBe(WebSocket.OPEN);
      }),
      { seed: SEED, numRuns: 400 },
    );
    expect(n).toBeGreaterThanOrEqual(400);

    // The bystander still sees the station move.
    const from = bystander.inbox.length;
    const quiet = !core.state.get('alerts').quiet.on;
    const r = await fetch(`${t.base}/api/commands/alert.quiet`, { method: 'POST', headers: { authorization: `Bearer ${TEST_PRODUCER_TOKEN}` }, body: JSON.stringify({ on: quiet }) });
    expect(r.status).toBe(200);
    const t0 = Date.now();
    while (!bystander.inbox.slice(from).some((m) => m.t === 'patch' && m.domain === 'alerts' && (m.value as { quiet?: { on: boolean } }).quiet?.on === quiet) && Date.now() - t0 < 5_000) await new Promise((res) => setTimeout(res, 10));
    expect(bystander.inbox.slice(from).some((m) => m.t === 'patch' && m.domain === 'alerts')).toBe(true);
    expect(bystander.ws.readyState).toBe(WebSocket.OPEN);
    expect(verifyAuditChain(core.db)).toMatchObject({ ok: true });
    expect((await fetch(`${t.base}/api/health`)).status).toBe(200);
    bystander.ws.close();
    fuzzed.ws.close();
  }, 300_000);
});
