// The HTTP contract as a Stream Deck, Companion or a script sees it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Socket } from 'node:net';
import { createTestCore, DEMO_SHOW } from '../../../test/support/test-core';
import { createMemorySecretStore } from '../../core/platform/secret-store';
import type { ApiServer } from './api.server';
import { startTestApi } from '../../../test/support/test-api';
import type { Core } from '../../core/core';
import type { ServerMessage } from '../../shared/contract/index';

let core: Core;
let api: ApiServer;
let base: string;
const TOKEN = 'producer-token-for-tests';

beforeEach(async () => {
  core = createTestCore();
  core.show.loadFile(DEMO_SHOW);
  const secrets = createMemorySecretStore({
    'api.tokens': JSON.stringify([{ role: 'host', label: 'Leo (host)', token: 'host-token-for-tests' }]),
  });
  ({ api, base } = await startTestApi(core, { secrets, producerToken: TOKEN }));
});
afterEach(async () => {
  await api.close();
  await core.close();
});

const post = (name: string, body: unknown, token: string | null = TOKEN) =>
  fetch(`${base}/api/commands/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('HTTP API', () => {
  it('answers health without a token, naming no show (its title may be under embargo) and nothing of OBS', async () => {
    const r = await fetch(`${base}/api/health`);
    expect(r.status).toBe(200);
    const body = (await r.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ ok: true, name: 'baton' });
    expect(Object.keys(body).sort()).toEqual(['mode', 'name', 'ok', 'uptimeSeconds', 'version']);
    expect(JSON.stringify(body)).not.toMatch(/glow-kit|Glow Kit/i);
  });

  it('gives the snapshot only with a token, one key per domain', async () => {
    expect((await fetch(`${base}/api/state`)).status).toBe(401);
    expect((await fetch(`${base}/api/state`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    const r = await fetch(`${base}/api/state`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(r.status).toBe(200);
    const body = (await r.json()) as { state: Record<string, unknown> };
    for (const key of ['show', 'obs', 'comments', 'cues', 'offers', 'preflight', 'alerts']) expect(body.state).toHaveProperty(key);
  });

  it('maps refusals to 401/403/404/400 with readable messages', async () => {
    expect((await post('station.whoami', {}, null)).status).toBe(401);
    const forbidden = await post('show.load', { path: DEMO_SHOW }, 'host-token-for-tests');
    expect(forbidden.status).toBe(403);
    const unknown = await post('offer.explode', {});
    expect(unknown.status).toBe(404);
    const bad = await post('alert.ack', { id: 7 });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { message: string; issues: { path: string }[] } };
    expect(body.error.issues[0]?.path).toBe('id');
    expect(body.error.message).toContain('id');
  });

  it('says 400 for a body that is not JSON, and 409 for a command that does not fit the state', async () => {
    const broken = await post('alert.ack', '{"id": ');
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { error: { message: string } }).error.message).toMatch(/not valid JSON/);
    const conflict = await post('alert.ack', { id: 'no-such-alert' });
    expect(conflict.status).toBe(409);
  });

  it('documents every command with its schema and roles', async () => {
    const r = await fetch(`${base}/api/commands`);
    const body = (await r.json()) as { commands: { name: string; roles: string[]; args: { type?: string } }[] };
    const pause = body.commands.find((c) => c.name === 'offer.pause');
    expect(pause?.roles).toEqual(['producer', 'commerce']);
    expect(pause?.args.type).toBe('object');
    expect(body.commands.length).toBeGreaterThan(20);
  });

  it('streams a snapshot then patches over the WebSocket, and takes commands on it', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${api.port}/api/events?token=${TOKEN}`);
    const messages: ServerMessage[] = [];
    ws.on('message', (d: Buffer) => messages.push(JSON.parse(d.toString('utf8')) as ServerMessage));
    await new Promise((r) => ws.once('open', r));
    await waitFor(() => messages.some((m) => m.t === 'snapshot'));
    expect(messages[0]).toMatchObject({ t: 'hello', role: 'producer' });
    core.alerts.raise({ source: 'test', key: 'k', level: 'warn', message: 'bitrate low' });
    await waitFor(() => messages.some((m) => m.t === 'patch' && m.domain === 'alerts'));
    const id = core.snapshot().state.alerts.items[0]!.id;
    ws.send(JSON.stringify({ t: 'command', id: 'c1', name: 'alert.ack', args: { id } }));
    await waitFor(() => messages.some((m) => m.t === 'result' && m.id === 'c1'));
    expect(messages.find((m) => m.t === 'result' && m.id === 'c1')).toMatchObject({ ok: true });
    ws.close();
  });

  it('sends the frames of one turn (a flush’s events and patches) in one write, not one write each', async () => {
    const writes: number[] = [];
    api.server.once('connection', (socket: Socket) => {
      const raw = socket as unknown as { _write: (...a: unknown[]) => void; _writev: (...a: unknown[]) => void };
      const write = raw._write.bind(socket);
      const writev = raw._writev.bind(socket);
      raw._write = (...a) => (writes.push(1), write(...a));
      raw._writev = (...a) => (writes.push((a[0] as unknown[]).length), writev(...a));
    });
    const ws = new WebSocket(`ws://127.0.0.1:${api.port}/api/events?token=${TOKEN}`);
    const messages: ServerMessage[] = [];
    ws.on('message', (d: Buffer) => messages.push(JSON.parse(d.toString('utf8')) as ServerMessage));
    await new Promise((r) => ws.once('open', r));
    await waitFor(() => messages.some((m) => m.t === 'snapshot'));
    core.alerts.raise({ source: 'test', key: 'k', level: 'warn', message: 'bitrate low' });
    await waitFor(() => messages.some((m) => m.t === 'patch' && m.domain === 'alerts'));
    const id = core.snapshot().state.alerts.items[0]!.id;
    writes.length = 0;
    const from = messages.length;
    ws.send(JSON.stringify({ t: 'command', id: 'c1', name: 'alert.ack', args: { id } }));
    // The result, then one flush: the audit row's event, the alerts and the audit patches (and,
    // in a later turn, whatever reacts to them).
    await waitFor(() => messages.slice(from).filter((m) => m.t !== 'result').length >= 3 && messages.some((m) => m.t === 'result'));
    await new Promise((r) => setTimeout(r, 50));
    const frames = messages.length - from;
    expect(frames).toBeGreaterThanOrEqual(4);
    // Each frame is a header and a payload: the flush's three or more frames went in one writev.
    expect(Math.max(...writes)).toBeGreaterThanOrEqual(6);
    expect(writes.length).toBeLessThan(frames);
    ws.close();
  });

  it('refuses a WebSocket without a valid token', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${api.port}/api/events?token=nope`);
    const status = await new Promise<number>((resolve) => ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)));
    expect(status).toBe(401);
  });
});

async function waitFor(check: () => boolean, ms = 2000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('HTTP API over the token’s rate', () => {
  it('answers 429 with Retry-After, after a delay, so a client that ignores it slows down', async () => {
    const c = createTestCore();
    const slow = await startTestApi(c, { producerToken: TOKEN, limits: { ratePerSecond: 1, burst: 2, connectionsPerToken: 4 }, tarpitMs: 300 });
    try {
      const call = () => fetch(`${slow.base}/api/commands/station.whoami`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` }, body: '{}' });
      expect((await call()).status).toBe(200);
      expect((await call()).status).toBe(200);
      const t0 = performance.now();
      const r = await call();
      expect(r.status).toBe(429);
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(performance.now() - t0).toBeGreaterThanOrEqual(250);
    } finally {
      await slow.close();
      await c.close();
    }
  });
});
