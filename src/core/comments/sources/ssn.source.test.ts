import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import type { AddressInfo } from 'node:net';
import { createSsnSource, ssnComment, ssnMessages, ssnText } from './ssn.source';
import { baseDeps, recordingSink, until } from './sources.test-support';

const servers: WebSocketServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    for (const c of s.clients) c.terminate();
    await new Promise((r) => s.close(r));
  }
});

/** A local relay speaking Social Stream Ninja's JSON: records who connected, sends what we say. */
async function relay(port = 0): Promise<{ wss: WebSocketServer; port: number; clients: WebSocket[] }> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port });
  servers.push(wss);
  await new Promise<void>((r) => wss.once('listening', () => r()));
  const clients: WebSocket[] = [];
  wss.on('connection', (ws) => clients.push(ws));
  return { wss, port: (wss.address() as AddressInfo).port, clients };
}

describe('Social Stream Ninja source', () => {
  it('turns SSN HTML into text and keeps literal markup as text', () => {
    expect(ssnText('hi <img src="x.png" alt="Kappa"> there &lt;b&gt;bold&lt;/b&gt; &amp; &#128525;')).toBe('hi Kappa there <b>bold</b> & 😍');
    expect(ssnMessages([{ chatmessage: 'a' }, { overlayNinja: { chatmessage: 'b' } }, { nope: 1 }]).length).toBe(2);
    expect(ssnComment({ chatname: 'Ana', chatmessage: 'yo', type: 'youtube', id: 5, timestamp: 1700000000000 }, 0, 1)).toMatchObject({
      platform: 'youtube',
      messageId: 'ssn-5',
      author: 'Ana',
      at: 1_700_000_000_000,
    });
    expect(ssnComment({ chatname: 'x', chatmessage: '', type: 'kick' }, 0, 1)).toBeNull();
  });

  it('receives a relay feed, and reconnects after the relay drops', async () => {
    const r = await relay();
    const sink = recordingSink();
    const src = createSsnSource({ ...baseDeps, sink, config: { kind: 'ssn', id: 'ssn', url: `ws://127.0.0.1:${r.port}/join/session` } });
    src.start();
    await until(() => src.health().status === 'connected' && r.clients.length === 1, 2_000, 'connected');
    r.clients[0]?.send(JSON.stringify({ chatname: 'Bia', chatmessage: 'quero o kit!', type: 'instagram', id: 1 }));
    r.clients[0]?.send(JSON.stringify([{ chatname: 'Lu', chatmessage: '<b>¿envío?</b>', type: 'facebook', id: 2 }]));
    r.clients[0]?.send('keepalive');
    await until(() => sink.got.length === 2, 2_000, 'two comments');
    expect(sink.got.map((c) => [c.platform, c.text])).toEqual([
      ['instagram', 'quero o kit!'],
      ['facebook', '¿envío?'],
    ]);
    r.clients[0]?.terminate();
    await until(() => src.health().status === 'reconnecting' || r.clients.length === 2, 2_000, 'reconnecting');
    await until(() => r.clients.length === 2 && src.health().status === 'connected', 3_000, 'reconnected');
    expect(src.health().label).not.toMatch(/session/);
    await src.stop();
    expect(src.health().status).toBe('stopped');
  });

  it('keeps retrying while nothing listens', async () => {
    const r = await relay();
    const port = r.port;
    await new Promise((res) => r.wss.close(res));
    servers.splice(0);
    const src = createSsnSource({ ...baseDeps, sink: recordingSink(), config: { kind: 'ssn', id: 'ssn', url: `ws://127.0.0.1:${port}/` } });
    src.start();
    await until(() => src.health().status === 'reconnecting', 2_000, 'reconnecting');
    expect(src.health().detail).toMatch(/retrying in/);
    await src.stop();
  });
});
