// Issue 12, rows C1, H1, M3 and the transport part of L, against a real station process over
// real sockets: nothing a client sends stops the station, every refusal is a clear answer, and
// no token reaches the log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostileStation, SocketRefused, type HostileStation } from './hostile-station';

let s: HostileStation;

beforeAll(async () => {
  s = await startHostileStation();
});
afterAll(async () => {
  await s.stop();
});

const statusOf = (raw: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(raw)?.[1] ?? 0);
const bodyOf = (raw: string) => raw.slice(raw.indexOf('\r\n\r\n') + 4);
const healthy = async () => (await fetch(`${s.url}/api/health`)).status === 200;

describe('C1: the WebSocket upgrade', () => {
  it('answers an unauthenticated absolute-URL upgrade with a bad port, and the station lives', async () => {
    const raw = await s.raw(`GET http://x:99999/api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`);
    expect(statusOf(raw)).toBe(400);
    await new Promise((r) => setTimeout(r, 200));
    expect(s.alive()).toBe(true);
    expect(await healthy()).toBe(true);
  });

  it('answers an upgrade with a bad percent-escape or to another path, without a token', async () => {
    const up = (target: string) => s.raw(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`);
    expect(statusOf(await up('/api/%E0%A4%A'))).toBe(400);
    expect(statusOf(await up('/api/other'))).toBe(404);
    expect(statusOf(await up(`/api/events?token=${'x'.repeat(5000)}`))).toBe(414);
    expect(s.alive()).toBe(true);
  });
});

describe('H1: WebSocket frames', () => {
  it('answers frames that are JSON but not messages (null, 1, "x", [], {}) and keeps the station up', async () => {
    const ws = await s.ws('moderator');
    await ws.next((m) => m.t === 'snapshot');
    for (const frame of ['null', '1', '"x"', '[]', '{}', '{"t":"command"}', '{"t":"command","id":5,"name":"x"}', 'not json', '{"t":"resync","extra":1}']) {
      const before = ws.messages.length;
      ws.socket.send(frame);
      const answer = await ws.next((m) => ws.messages.indexOf(m) >= before && m.t === 'result');
      expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
    }
    expect(s.alive()).toBe(true);
    ws.socket.send(JSON.stringify({ t: 'command', id: 'ok-1', name: 'station.whoami', args: {} }));
    expect(await ws.next((m) => m.id === 'ok-1')).toMatchObject({ ok: true, result: { role: 'moderator' } });
    ws.close();
  });

  it('names the bad field of a frame', async () => {
    const ws = await s.ws('host');
    ws.socket.send(JSON.stringify({ t: 'command', id: 'f1', name: 7 }));
    const r = await ws.next((m) => m.id === 'f1');
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_args', issues: [{ path: 'name' }] } });
    ws.close();
  });

  it('refuses a frame nested thousands deep at the transport, not with a storage failure', async () => {
    const ws = await s.ws('producer');
    const deep = '['.repeat(6000) + ']'.repeat(6000);
    ws.socket.send(`{"t":"command","id":"d1","name":"alert.ack","args":{"id":${deep}}}`);
    const r = await ws.next((m) => m.t === 'result' && (m.id === 'd1' || m.id === ''));
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
    expect(s.alive()).toBe(true);
    ws.close();
  });
});

describe('M3: bad escapes, bad URLs, deep bodies', () => {
  it('answers a bad percent-escape in a command name with 400 (token or not)', async () => {
    const r = await fetch(`${s.url}/api/commands/%E0%A4%A`, { method: 'POST', headers: { authorization: `Bearer ${s.tokens.producer}` }, body: '{}' });
    expect(r.status).toBe(400);
    const anon = await fetch(`${s.url}/api/commands/%E0%A4%A?token=${s.tokens.host}`, { method: 'POST', body: '{}' });
    expect(anon.status).toBe(400);
  });

  it('answers a bad percent-escape in a static path with 400, no token needed', async () => {
    expect((await fetch(`${s.url}/%E0%A4%A?token=${s.tokens.moderator}`)).status).toBe(400);
  });

  it('answers a bad absolute URL on the request line with 400', async () => {
    const raw = await s.raw(`GET http://x:99999/api/health?token=${s.tokens.host} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
    expect(statusOf(raw)).toBe(400);
    expect(JSON.parse(bodyOf(raw))).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
  });

  it('answers a body nested 5,000 deep with 400 naming the limit', async () => {
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    const r = await s.api('alert.ack', `{"id":${deep}}`);
    expect(r.status).toBe(400);
    expect(r.body.error?.message).toMatch(/nested deeper/);
  });

  it('never writes a token into the log', async () => {
    await fetch(`${s.url}/api/commands/x%ZZ?token=${s.tokens.producer}`, { method: 'POST' });
    await fetch(`${s.url}/%ZZ?token=${s.tokens.host}`);
    await s.raw(`GET http://x:99999/?token=${s.tokens.moderator} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
    await new Promise((r) => setTimeout(r, 200));
    for (const t of Object.values(s.tokens)) expect(s.output()).not.toContain(t);
    expect(s.output()).not.toContain(s.eventSecret);
    expect(s.output()).not.toMatch(/ 500 |"internal"/);
  });
});

describe('route table answers', () => {
  it('answers a wrong method with 405, its own code and an Allow header', async () => {
    const r = await fetch(`${s.url}/api/commands/station.whoami`, { headers: { authorization: `Bearer ${s.tokens.producer}` } });
    expect(r.status).toBe(405);
    expect(r.headers.get('allow')).toBe('POST');
    expect(((await r.json()) as { error: { code: string } }).error.code).toBe('method_not_allowed');
    const health = await fetch(`${s.url}/api/health`, { method: 'DELETE' });
    expect(health.status).toBe(405);
    expect(health.headers.get('allow')).toBe('GET');
    const signoff = await fetch(`${s.url}/api/signoff`, { method: 'PUT', body: '{}' });
    expect(signoff.status).toBe(405);
    expect(signoff.headers.get('allow')).toBe('GET, POST');
  });

  it('answers an unknown API path with 404, an over-long URL with 414 and an oversized body with 413', async () => {
    const missing = await fetch(`${s.url}/api/nothing-here`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('not_found');
    expect((await fetch(`${s.url}/api/health?${'q'.repeat(6000)}`)).status).toBe(414);
    const big = await s.api('alert.ack', JSON.stringify({ id: 'x'.repeat(5 * 1024 * 1024) }));
    expect(big.status).toBe(413);
    expect(big.body.error?.code).toBe('too_large');
  });
});

describe('limits per token', () => {
  it('caps open WebSockets per token with 429 and Retry-After, and frees a slot on close', async () => {
    const open = [];
    let refused: SocketRefused | null = null;
    for (let i = 0; i < 70 && !refused; i++) {
      try {
        open.push(await s.ws('host'));
      } catch (error) {
        if (error instanceof SocketRefused) refused = error;
        else throw error;
      }
    }
    expect(refused?.status).toBe(429);
    expect(refused?.headers['retry-after']).toBeDefined();
    open.pop()?.close();
    await new Promise((r) => setTimeout(r, 200));
    const again = await s.ws('host');
    again.close();
    for (const w of open) w.close();
    // Another token is not affected by the host's cap.
    (await s.ws('moderator')).close();
  });

  it('answers a flood of commands from one token with 429 and Retry-After while other tokens are served', async () => {
    const ws = await s.ws('moderator');
    for (let i = 0; i < 1500; i++) ws.socket.send(JSON.stringify({ t: 'command', id: `f${i}`, name: 'station.whoami', args: {} }));
    await ws.next((m) => m.id === 'f1499', 20_000);
    const results = ws.messages.filter((m) => m.t === 'result');
    const limited = results.filter((m) => (m.error as { code?: string } | undefined)?.code === 'rate_limited');
    expect(limited.length).toBeGreaterThan(0);
    expect(results.every((m) => m.ok === true || (m.error as { code: string }).code === 'rate_limited')).toBe(true);
    ws.close();
  });

  it('answers HTTP commands over the token’s rate with 429 and Retry-After (--rate 5)', async () => {
    const slow = await startHostileStation({ args: ['--rate', '5'] });
    try {
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < 20; i++) {
        const r = await fetch(`${slow.url}/api/commands/station.whoami`, { method: 'POST', headers: { authorization: `Bearer ${slow.tokens.moderator}` }, body: '{}' });
        statuses.push(r.status);
        if (r.status === 429) retryAfter = r.headers.get('retry-after');
      }
      expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
      expect(statuses).toContain(429);
      expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
      expect((await slow.api('station.whoami', {}, 'host')).status).toBe(200);
    } finally {
      await slow.stop();
    }
  });
});
