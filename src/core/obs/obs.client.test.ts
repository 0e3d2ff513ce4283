import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { startFakeObs, type FakeObs } from '../../../test/support/fake-obs-server';
import { connectObsWebSocket, type ObsSession } from './obs.client';
import { ObsClosedError, ObsConnectError, ObsRequestError, ObsTimeoutError } from './obs.errors';

const opts = { timeoutMs: 1_000, requestTimeoutMs: 300 };
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function fake(options: Parameters<typeof startFakeObs>[0] = {}): Promise<FakeObs> {
  const f = await startFakeObs(options);
  cleanups.push(() => f.close());
  return f;
}
async function session(url: string, password: string | null): Promise<ObsSession> {
  const s = await connectObsWebSocket({ url, password, ...opts });
  cleanups.push(() => s.close());
  return s;
}
async function connectError(url: string, password: string | null, timeoutMs = opts.timeoutMs): Promise<ObsConnectError> {
  const error = await connectObsWebSocket({ url, password, timeoutMs, requestTimeoutMs: 300 }).then(
    (s) => {
      cleanups.push(() => s.close());
      return null;
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ObsConnectError);
  return error as ObsConnectError;
}

describe('connectObsWebSocket against a fake obs-websocket', () => {
  it('identifies with the right password and says auth is on', async () => {
    const obs = await fake({ password: 'pw' });
    const s = await session(obs.url, 'pw');
    expect(s.hello).toEqual({ obsWebSocketVersion: '5.1.0', rpcVersion: 1, authRequired: true });
    const list = await s.call('GetSceneList');
    expect(list.currentProgramSceneName).toBe('Intro');
  });

  it('classifies a wrong password and a missing one apart, both fatal', async () => {
    const obs = await fake({ password: 'pw' });
    const wrong = await connectError(obs.url, 'nope');
    expect(wrong.kind).toBe('auth');
    expect(wrong.fatal).toBe(true);
    expect(wrong.message).toContain('wrong password');
    const missing = await connectError(obs.url, null);
    expect(missing.kind).toBe('auth_missing');
    expect(missing.message).toContain('asks for a password');
  });

  it('reports authentication turned off', async () => {
    const obs = await fake({ password: null });
    const s = await session(obs.url, 'ignored');
    expect(s.hello.authRequired).toBe(false);
  });

  it('says OBS is not running when nothing listens', async () => {
    const obs = await fake();
    await obs.stop();
    const error = await connectError(obs.url, 'secret');
    expect(error.kind).toBe('refused');
    expect(error.fatal).toBe(false);
    expect(error.message).toBe(`OBS not running at ${obs.url} (connection refused). Start OBS, or check its WebSocket server is on.`);
  });

  it('recognises a server that is not obs-websocket', async () => {
    const http: Server = createServer((_req, res) => res.writeHead(404).end());
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
    cleanups.push(() => new Promise<void>((r) => http.close(() => r())));
    const error = await connectError(`ws://127.0.0.1:${(http.address() as AddressInfo).port}`, null);
    expect(error.kind).toBe('not_obs');

    for (const handleProtocols of [() => false as const, undefined]) {
      // Without a subprotocol, and with one but silent (no Hello).
      const plain = new WebSocketServer({ host: '127.0.0.1', port: 0, ...(handleProtocols ? { handleProtocols } : {}) });
      await new Promise<void>((r) => plain.once('listening', r));
      cleanups.push(() => new Promise<void>((r) => plain.close(() => r())));
      const error = await connectError(`ws://127.0.0.1:${(plain.address() as AddressInfo).port}`, null, 300);
      expect(error.kind).toBe('not_obs');
      expect(error.message).toContain('it is not obs-websocket 5');
    }
  });

  it('gives up a handshake that never answers after the connect timeout', async () => {
    const sockets: Socket[] = [];
    const tcp: TcpServer = createTcpServer((s) => void sockets.push(s));
    await new Promise<void>((r) => tcp.listen(0, '127.0.0.1', r));
    cleanups.push(() => {
      sockets.forEach((s) => s.destroy());
      return new Promise<void>((r) => tcp.close(() => r()));
    });
    const t0 = performance.now();
    const error = await connectError(`ws://127.0.0.1:${(tcp.address() as AddressInfo).port}`, null, 250);
    expect(error.kind).toBe('timeout');
    expect(performance.now() - t0).toBeLessThan(1_000);
  });
});

describe('an ObsSession', () => {
  it('times out a request OBS never answers', async () => {
    const obs = await fake();
    const s = await session(obs.url, 'secret');
    obs.silence('GetStats');
    const error = await s.call('GetStats').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ObsTimeoutError);
    expect((error as ObsTimeoutError).message).toBe('OBS did not answer GetStats within 300 ms');
  });

  it('rejects requests in flight at once when the socket drops, and later ones too', async () => {
    const obs = await fake();
    const s = await session(obs.url, 'secret');
    obs.silence('GetStats');
    let closedWith: number | null = null;
    s.onClose(({ code }) => (closedWith = code));
    const pending = s.call('GetStats', undefined, 5_000).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 20));
    const t0 = performance.now();
    obs.dropAll();
    const error = await pending;
    expect(error).toBeInstanceOf(ObsClosedError);
    expect(performance.now() - t0).toBeLessThan(500);
    expect(closedWith).toBe(1006);
    expect(s.closed).toBe(true);
    await expect(s.call('GetVersion')).rejects.toBeInstanceOf(ObsClosedError);
  });

  it("turns OBS's failure status into an ObsRequestError with its code", async () => {
    const obs = await fake();
    const s = await session(obs.url, 'secret');
    const error = await s.call('SetCurrentProgramScene', { sceneName: 'Nope' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ObsRequestError);
    expect((error as ObsRequestError).code).toBe(600);
  });

  it('delivers events and reports a clean close by OBS as 1001', async () => {
    const obs = await fake();
    const s = await session(obs.url, 'secret');
    const seen: string[] = [];
    s.on('CurrentProgramSceneChanged', ({ sceneName }) => seen.push(sceneName));
    const closed = new Promise<number>((r) => s.onClose(({ code }) => r(code)));
    await s.call('SetCurrentProgramScene', { sceneName: 'Offer' });
    expect(seen).toEqual(['Offer']);
    obs.quit();
    expect(await closed).toBe(1001);
  });
});
