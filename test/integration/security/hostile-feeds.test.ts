// The side doors of a real station process: WebSocket resyncs, the button-panel feed and the
// overlay feed, and the unsigned webhook. Each must cost an attacker the same per-token budget as
// a command (rate and open connections), and a flood of refusals must not flood the log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHostileStation, type HostileStation } from './hostile-station';

let s: HostileStation;
let deviceToken = '';
let overlayToken = '';
beforeAll(async () => {
  // --rate 5: 5 requests a second per token, a burst of 10.
  s = await startHostileStation({ args: ['--rate', '5'] });
  const r = await fetch(`${s.url}/api/device-tokens`, { headers: { authorization: `Bearer ${s.tokens.producer}` } });
  const { result } = (await r.json()) as { result: { tokens: { kind: string; token: string }[] } };
  deviceToken = result.tokens.find((t) => t.kind === 'device')?.token ?? '';
  overlayToken = result.tokens.find((t) => t.kind === 'overlay')?.token ?? '';
});
afterAll(async () => {
  await s.stop();
});

interface Feed {
  ws: WebSocket;
  frames: Record<string, unknown>[];
  closed: Promise<number>;
}

async function feed(path: string, token: string): Promise<Feed> {
  const ws = new WebSocket(`${s.url.replace(/^http/, 'ws')}${path}?token=${encodeURIComponent(token)}`);
  const frames: Record<string, unknown>[] = [];
  ws.on('message', (d: Buffer) => frames.push(JSON.parse(d.toString('utf8')) as Record<string, unknown>));
  const closed = new Promise<number>((r) => ws.once('close', (code) => r(code)));
  await new Promise<void>((res, rej) => {
    ws.once('open', () => res());
    ws.once('error', rej);
  });
  return { ws, frames, closed };
}

const until = async (test: () => boolean, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
};

/** 70 sockets on one token: the 6 past the cap of 64 are closed with 1013, and closing frees the slots again. */
async function expectSocketCap(path: string, token: string, firstFrame: string): Promise<void> {
  const open: Feed[] = [];
  for (let i = 0; i < 70; i++) open.push(await feed(path, token));
  await new Promise((r) => setTimeout(r, 300));
  const refused = open.filter((f) => f.ws.readyState !== WebSocket.OPEN);
  expect(refused.length).toBe(6);
  expect(await refused[0]!.closed).toBe(1013);
  for (const f of open) f.ws.close();
  await Promise.all(open.map((f) => f.closed));
  const again = await feed(path, token);
  await until(() => again.frames.some((f) => f.t === firstFrame));
  again.ws.close();
}

describe('resync frames', () => {
  it('cost a request each: a flood is answered rate_limited, not with a full snapshot per frame', async () => {
    const ws = await s.ws('observer');
    await ws.next((m) => m.t === 'snapshot');
    for (let i = 0; i < 300; i++) ws.socket.send('{"t":"resync"}');
    ws.socket.send(JSON.stringify({ t: 'command', id: 'end', name: 'station.whoami', args: {} }));
    await ws.next((m) => m.id === 'end', 20_000);
    const snapshots = ws.messages.filter((m) => m.t === 'snapshot').length;
    const limited = ws.messages.filter((m) => m.t === 'result' && (m.error as { code?: string } | undefined)?.code === 'rate_limited').length;
    // The first snapshot, the burst of 10 and what the rate refills while the frames are read.
    expect(snapshots).toBeLessThan(40);
    expect(limited).toBeGreaterThan(250);
    ws.close();
  });
});

describe('connection slots', () => {
  it('are given back when the WebSocket handshake fails after the token check', async () => {
    // A valid token with a broken handshake (no Sec-WebSocket-Key): answered 400, slot returned.
    for (let i = 0; i < 70; i++) {
      const answer = await s.raw(`GET /api/events?token=${encodeURIComponent(s.tokens.host)} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\n\r\n`, 1000);
      expect(answer).toMatch(/^HTTP\/1\.1 400/);
    }
    const ws = await s.ws('host');
    await ws.next((m) => m.t === 'snapshot');
    ws.close();
  });
});

describe('the button-panel feed (/api/device)', () => {
  it('holds a panel token to the per-token rate: a command flood is refused past the burst', async () => {
    const panel = await feed('/api/device', deviceToken);
    for (let i = 0; i < 100; i++) panel.ws.send(JSON.stringify({ t: 'command', id: `c${i}`, name: 'cue.next', args: {} }));
    await until(() => panel.frames.filter((f) => f.t === 'result').length === 100);
    const refused = panel.frames.filter((f) => f.t === 'result' && /Too many requests/.test(String(f.message)));
    expect(refused.length).toBeGreaterThan(80);
    panel.ws.close();
  });

  it('caps the open sockets per panel token, closing the extra ones with 1013', async () => {
    await expectSocketCap('/api/device', deviceToken, 'full');
  });
});

describe('the overlay feed (/api/overlay)', () => {
  it('caps the open sockets per overlay token, closing the extra ones with 1013', async () => {
    await expectSocketCap('/api/overlay', overlayToken, 'content');
  });
});

describe('the commerce webhook', () => {
  it('logs a flood of unsigned posts as a few counted lines, not one line each', async () => {
    const before = (s.output().match(/commerce event refused/g) ?? []).length;
    for (let i = 0; i < 300; i++) {
      const r = await fetch(`${s.url}/api/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(r.status).toBe(401);
    }
    await new Promise((r) => setTimeout(r, 200));
    const lines = (s.output().match(/commerce event refused/g) ?? []).length - before;
    expect(lines).toBeGreaterThan(0);
    expect(lines).toBeLessThan(10);
    expect(s.output()).toMatch(/commerce event refused.*"times":100/);
  });
});

describe('the printed panel link', () => {
  it('is wss:// on a --lan station, so a panel copying it never sends its token in clear', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-lan-links-'));
    try {
      const lan = await startHostileStation({ args: ['--lan'], dataDir: dir, tokens: null, waitFor: '(Companion: baton-station)' });
      const out = lan.output();
      await lan.stop();
      expect(out).toMatch(/panel:\s+wss:\/\/127\.0\.0\.1:\d+\/api\/device\?token=/);
      expect(out).not.toMatch(/ws:\/\/[^\s]*\?token=/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

it('leaves the station up', () => {
  expect(s.alive()).toBe(true);
});
