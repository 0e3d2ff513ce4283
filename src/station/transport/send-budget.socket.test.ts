// Slow consumers over real sockets: clients that stop reading while the station keeps sending
// (each asks for full snapshots). One token's sockets together, and the station's altogether, may
// hold only so many unsent bytes; a socket past its share is closed with 1013 and says why.
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Socket } from 'node:net';
import { createTestCore, DEMO_SHOW } from '../../../test/support/test-core';
import { createMemorySecretStore } from '../../core/platform/secret-store';
import type { ApiServer } from './api.server';
import { startTestApi } from '../../../test/support/test-api';
import type { Core } from '../../core/core';

const PRODUCER = 'producer-token-for-tests';
const HOST = 'host-token-for-tests';
const MB = 1024 * 1024;

let core: Core | null = null;
let api: ApiServer | null = null;
afterEach(async () => {
  await api?.close();
  await core?.close();
  api = null;
  core = null;
});

async function start(caps: { perSocket: number; perToken: number; perStation: number; graceMs?: number }) {
  core = createTestCore();
  core.show.loadFile(DEMO_SHOW);
  const secrets = createMemorySecretStore({ 'api.tokens': JSON.stringify([{ role: 'host', label: 'Leo (host)', token: HOST }]) });
  const started = await startTestApi(core, {
    secrets,
    producerToken: PRODUCER,
    limits: { ratePerSecond: 10_000, burst: 10_000, connectionsPerToken: 64 },
    sendCaps: { graceMs: 500, ...caps },
  });
  api = started.api;
  return started.events;
}

interface Slow {
  ws: WebSocket;
  /** Bytes of its first snapshot: the largest frame these tests send. */
  frame: number;
  closed: Promise<{ code: number; reason: string }>;
}

/** A client that opens, reads its snapshot, then stops reading from the wire. */
async function slowClient(url: string, token: string): Promise<Slow> {
  const ws = new WebSocket(`${url}?token=${token}`);
  const closed = new Promise<{ code: number; reason: string }>((r) => ws.once('close', (code, reason) => r({ code, reason: reason.toString('utf8') })));
  const frame = await new Promise<number>((res, rej) => {
    ws.on('message', (d: Buffer) => {
      if (d.toString('utf8', 0, 40).includes('"snapshot"')) res(d.length);
    });
    ws.once('error', rej);
  });
  (ws as unknown as { _socket: Socket })._socket.pause();
  return { ws, frame, closed };
}

/** Each asks for `n` full snapshots that it does not read; then waits `ms`. */
async function flood(clients: Slow[], n: number, ms: number) {
  for (let i = 0; i < n; i++) for (const c of clients) if (c.ws.readyState === WebSocket.OPEN) c.ws.send('{"t":"resync"}');
  await new Promise((r) => setTimeout(r, ms));
}

/** The clients read again: the dropped ones get their close frame, the others stay open. */
async function outcome(clients: Slow[]): Promise<{ dropped: { code: number; reason: string }[]; open: number }> {
  for (const c of clients) (c.ws as unknown as { _socket: Socket })._socket.resume();
  const settled = await Promise.all(clients.map((c) => Promise.race([c.closed, new Promise<null>((r) => setTimeout(() => r(null), 4000))])));
  const dropped = settled.filter((x): x is { code: number; reason: string } => x !== null);
  const open = clients.filter((c) => c.ws.readyState === WebSocket.OPEN).length;
  for (const c of clients) c.ws.close();
  return { dropped, open };
}

describe('unsent bytes per token and per station', () => {
  it('a token whose sockets stop reading is capped as a whole: sockets past their share close with 1013 and a reason, and are counted', async () => {
    const url = await start({ perSocket: 16 * MB, perToken: 2 * MB, perStation: 256 * MB, graceMs: 10_000 });
    const clients = await Promise.all(Array.from({ length: 4 }, () => slowClient(url, PRODUCER)));
    await flood(clients, 300, 1000);
    // Before, each socket could hold 16 MB. Now the token's sockets stop at its cap: a dropped one
    // keeps what it holds until it reads its close frame (or the grace ends), and the others then
    // fill their shares at most.
    const frame = Math.max(...clients.map((c) => c.frame));
    expect(api!.sendBudget.held()).toBeLessThanOrEqual(2 * (2 * MB) + 4 * frame);
    expect(api!.sendBudget.dropped().token).toBeGreaterThanOrEqual(1);
    // A slow client that reads again gets the reason.
    const { dropped } = await outcome(clients);
    expect(dropped.length).toBeGreaterThanOrEqual(1);
    for (const c of dropped) expect(c).toEqual({ code: 1013, reason: expect.stringMatching(/this token’s connections hold too much unsent data/) });
    // The token still connects and reads a fresh snapshot.
    const fresh = new WebSocket(`${url}?token=${PRODUCER}`);
    await new Promise<void>((res) => fresh.once('message', () => res()));
    fresh.close();
  }, 20_000);

  it('the station as a whole is capped too, and a dropped client that never reads is cut after the grace, freeing its bytes', async () => {
    const url = await start({ perSocket: 16 * MB, perToken: 64 * MB, perStation: 2 * MB, graceMs: 300 });
    const clients = [...(await Promise.all([0, 1].map(() => slowClient(url, PRODUCER)))), ...(await Promise.all([0, 1].map(() => slowClient(url, HOST))))];
    await flood(clients, 300, 1500);
    const frame = Math.max(...clients.map((c) => c.frame));
    expect(api!.sendBudget.held()).toBeLessThanOrEqual(2 * MB + 4 * frame);
    expect(api!.sendBudget.dropped().station).toBeGreaterThanOrEqual(1);
    const { dropped, open } = await outcome(clients);
    expect(dropped.length).toBeGreaterThanOrEqual(1);
    expect(dropped.length + open).toBe(4);
  }, 20_000);

  it('a reading client under the caps is never dropped', async () => {
    const url = await start({ perSocket: 16 * MB, perToken: 4 * MB, perStation: 8 * MB });
    const ws = new WebSocket(`${url}?token=${PRODUCER}`);
    let frames = 0;
    ws.on('message', () => (frames += 1));
    await new Promise<void>((res) => ws.once('open', () => res()));
    for (let i = 0; i < 200; i++) ws.send('{"t":"resync"}');
    const until = Date.now() + 8000;
    while (frames < 201 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    expect(frames).toBeGreaterThanOrEqual(201);
    expect(ws.readyState).toBe(WebSocket.OPEN);
    expect(api!.sendBudget.dropped()).toEqual({ socket: 0, token: 0, station: 0 });
    ws.close();
  }, 20_000);
});
