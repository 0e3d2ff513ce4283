// Session 13 security review, against a real station process over raw sockets: what a client on
// the studio network can send to the WebSocket doors before (or instead of) a valid token. Every
// refusal must be an answer (a close code), never an exception that reaches the process's
// last-resort handler — the Electron main process has none, and a headless one only logs it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Socket } from 'node:net';
import { randomBytes } from 'node:crypto';
import { networkInterfaces } from 'node:os';
import { request } from 'node:https';
import WebSocket from 'ws';
import { startHostileStation, type HostileStation } from './hostile-station';
import { MAX_CONNECTIONS_PER_ADDRESS } from '../../../src/station/transport/connection-cap';

let s: HostileStation;
let deviceToken = '';
beforeAll(async () => {
  s = await startHostileStation();
  const r = await fetch(`${s.url}/api/device-tokens`, { headers: { authorization: `Bearer ${s.tokens.producer}` } });
  const { result } = (await r.json()) as { result: { tokens: { kind: string; token: string }[] } };
  deviceToken = result.tokens.find((t) => t.kind === 'device')?.token ?? '';
});
afterAll(async () => {
  await s.stop();
});

/** Upgrades `path` by hand, then sends `frame` (bytes no WebSocket client library would send); resolves with what came back. */
function upgradeThenSend(path: string, frame: Buffer, ms = 1500): Promise<Buffer> {
  return new Promise((resolve) => {
    let got = Buffer.alloc(0);
    const sock = connect(s.port, '127.0.0.1', () => {
      sock.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`);
      sock.write(frame);
    });
    const done = () => {
      clearTimeout(timer);
      sock.destroy();
      resolve(got);
    };
    const timer = setTimeout(done, ms);
    sock.on('data', (d: Buffer) => (got = Buffer.concat([got, d])));
    sock.on('error', done);
    sock.on('close', done);
  });
}

/** A frame with a reserved opcode (0x3), unmasked: a protocol error on any WebSocket. */
const BAD_OPCODE = Buffer.from([0x83, 0x00]);
/** A masked text frame that is not UTF-8. */
const BAD_UTF8 = Buffer.from([0x81, 0x82, 0, 0, 0, 0, 0xc3, 0x28]);

/** The status code of the first close frame the server sent after its 101, or null. */
function closeCodeOf(back: Buffer): number | null {
  let at = back.indexOf('\r\n\r\n') + 4;
  while (at > 3 && at + 2 <= back.length) {
    const opcode = back[at]! & 0x0f;
    let len = back[at + 1]! & 0x7f;
    let head = 2;
    if (len === 126) {
      len = back.readUInt16BE(at + 2);
      head = 4;
    } else if (len === 127) {
      len = Number(back.readBigUInt64BE(at + 2));
      head = 10;
    }
    if (opcode === 0x8) return len >= 2 ? back.readUInt16BE(at + head) : null;
    at += head + len;
  }
  return null;
}

const uncaught = () => s.output().split('\n').filter((l) => /"where":"(uncaught|unhandled)/.test(l));

describe('refused WebSockets that keep talking', () => {
  it('closes a panel socket with a refused token that then sends a bad frame, without an uncaught exception', async () => {
    const back = await upgradeThenSend('/api/device?token=not-a-device-token', BAD_OPCODE);
    expect(back.toString('latin1')).toMatch(/^HTTP\/1\.1 101/);
    expect(back.toString('latin1')).toContain('device token not valid');
    await new Promise((r) => setTimeout(r, 200));
    expect(uncaught()).toEqual([]);
  });

  it('closes an overlay socket with a refused token that then sends a bad frame, without an uncaught exception', async () => {
    const back = await upgradeThenSend('/api/overlay?token=not-an-overlay-token', BAD_UTF8);
    expect(back.toString('latin1')).toContain('overlay token not valid');
    await new Promise((r) => setTimeout(r, 200));
    expect(uncaught()).toEqual([]);
  });

  it('closes a panel socket over its token’s cap that then sends a bad frame, without an uncaught exception', async () => {
    const open: WebSocket[] = [];
    for (let i = 0; i < 64; i++) {
      const ws = new WebSocket(`${s.url.replace(/^http/, 'ws')}/api/device?token=${encodeURIComponent(deviceToken)}`);
      await new Promise<void>((res, rej) => {
        ws.once('open', () => res());
        ws.once('error', rej);
      });
      open.push(ws);
    }
    const back = await upgradeThenSend(`/api/device?token=${encodeURIComponent(deviceToken)}`, BAD_OPCODE);
    expect(back.toString('latin1')).toContain('too many open connections');
    for (const ws of open) ws.close();
    await new Promise((r) => setTimeout(r, 200));
    expect(uncaught()).toEqual([]);
  });

  it('answers a bad frame on an open socket of every door with a protocol-error close', async () => {
    for (const path of [`/api/events?token=${s.tokens.host}`, `/api/device?token=${encodeURIComponent(deviceToken)}`]) {
      // 1002: "protocol error".
      expect(closeCodeOf(await upgradeThenSend(path, BAD_OPCODE)), path).toBe(1002);
    }
    expect(uncaught()).toEqual([]);
    expect(s.alive()).toBe(true);
  });
});

/** Sends `head` and a few bytes of the body it announces, then nothing more; resolves with the answer and when the station closed the connection. */
function trickle(head: string, ms = 4000): Promise<{ answer: string; closedAfterMs: number | null }> {
  return new Promise((resolve) => {
    const t0 = Date.now();
    let answer = '';
    const sock = connect(s.port, '127.0.0.1', () => sock.write(`${head}{"a":`));
    const timer = setTimeout(() => {
      sock.destroy();
      resolve({ answer, closedAfterMs: null });
    }, ms);
    sock.on('data', (d: Buffer) => (answer += d.toString('latin1')));
    sock.on('error', () => undefined);
    sock.on('close', () => {
      clearTimeout(timer);
      resolve({ answer, closedAfterMs: Date.now() - t0 });
    });
  });
}

describe('requests answered before their body is read', () => {
  it('close the connection: a refused client cannot hold it open minutes by trickling a body the station will never read', async () => {
    const cases = [
      // No token: 401 at once.
      `POST /api/commands/station.whoami HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n`,
      // A role the command is not for: 403 at once.
      `POST /api/device-tokens HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${s.tokens.host}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n`,
      // A sign-off decision that is not JSON: 415 at once.
      `POST /api/signoff HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n`,
      // Another site's page: 403 at once.
      `POST /api/commands/station.whoami HTTP/1.1\r\nHost: evil.example\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n`,
    ];
    for (const head of cases) {
      const r = await trickle(head);
      expect(r.answer, head).toMatch(/^HTTP\/1\.1 4\d\d /);
      expect(r.answer.toLowerCase(), head).toContain('connection: close');
      expect(r.closedAfterMs, head).not.toBeNull();
    }
    expect(s.alive()).toBe(true);
  });
});

describe('connections per address (--lan)', () => {
  const lanAddress = Object.values(networkInterfaces())
    .flat()
    .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
  // A machine with no LAN address cannot make a non-loopback connection to itself: there the test is
  // reported skipped (never passed silently), and the cap's logic runs over real sockets with the
  // peer address counted by injection in src/station/transport/connection-cap.test.ts.
  it.skipIf(!lanAddress)('caps the sockets one LAN address may hold open, so one machine cannot take every descriptor, and frees them on close (needs a LAN address)', async () => {
    if (!lanAddress) throw new Error('unreachable: skipped without a LAN address');
    const lan = await startHostileStation({ args: ['--lan'], waitFor: 'LAN access is ON' });
    try {
      const hold = (n: number) =>
        Promise.all(
          Array.from({ length: n }, () => new Promise<Socket>((resolve) => {
            const sock = connect(lan.port, lanAddress, () => resolve(sock));
            sock.on('error', () => resolve(sock));
          })),
        );
      const held = await hold(200);
      await new Promise((r) => setTimeout(r, 500));
      const cut = held.filter((x) => x.destroyed || x.readableEnded).length;
      expect(cut).toBe(200 - MAX_CONNECTIONS_PER_ADDRESS);
      // Loopback (this machine's own views and tools) is not counted, and answers meanwhile.
      const health = () =>
        new Promise<number>((resolve) => {
          const req = request({ host: '127.0.0.1', port: lan.port, path: '/api/health', rejectUnauthorized: false }, (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          });
          req.on('error', () => resolve(0));
          req.end();
        });
      expect(await health()).toBe(200);
      for (const x of held) x.destroy();
      await new Promise((r) => setTimeout(r, 300));
      const again = await hold(MAX_CONNECTIONS_PER_ADDRESS);
      await new Promise((r) => setTimeout(r, 300));
      expect(again.filter((x) => x.destroyed || x.readableEnded).length).toBe(0);
      for (const x of again) x.destroy();
      expect(lan.alive()).toBe(true);
    } finally {
      await lan.stop();
    }
  });
});

describe('frame size per role', () => {
  it('holds a role without big commands to small frames: an observer link cannot park 64 sockets × 4 MB of unfinished fragments in the station', async () => {
    const big = JSON.stringify({ t: 'command', id: 'big', name: 'station.whoami', args: { pad: 'x'.repeat(300 * 1024) } });
    for (const role of ['observer', 'host', 'moderator', 'commerce', 'customer-service'] as const) {
      const ws = await s.ws(role);
      const closed = new Promise<number>((r) => ws.socket.once('close', (code) => r(code)));
      ws.socket.send(big);
      // 1009: "message too big".
      expect(await Promise.race([closed, new Promise((r) => setTimeout(() => r('still open'), 5000))]), role).toBe(1009);
    }
    // The producer (a script, a show file) and the approver (a return with 500 comments) keep 4 MB frames.
    for (const role of ['producer', 'approver'] as const) {
      const ws = await s.ws(role);
      ws.socket.send(big);
      expect(await ws.next((m) => m.id === 'big'), role).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
      ws.close();
    }
    expect(uncaught()).toEqual([]);
  });

  it('holds the same roles to small HTTP bodies: 413 past 256 KB, where the producer keeps 4 MB', async () => {
    const body = JSON.stringify({ pad: 'x'.repeat(300 * 1024) });
    for (const role of ['observer', 'host', 'moderator', 'commerce', 'customer-service'] as const) {
      const r = await s.api('station.whoami', body, role);
      expect(r.status, role).toBe(413);
      expect(r.body.error?.code).toBe('too_large');
    }
    for (const role of ['producer', 'approver'] as const) expect((await s.api('station.whoami', body, role)).status, role).toBe(400);
  });
});

describe('bodies read before anyone is known', () => {
  it('gives the webhook and the sign-off page a deadline for their body: a trickled body is answered 408 and closed, not held 5 minutes', async () => {
    const heads = [
      // Headers that look signed (the signature can only be checked against the whole body).
      `POST /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 500000\r\nx-baton-timestamp: ${Math.floor(Date.now() / 1000)}\r\nx-baton-signature: sha256=${'a'.repeat(64)}\r\nidempotency-key: slow-1\r\n\r\n`,
      `POST /api/signoff HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n`,
    ];
    const results = await Promise.all(heads.map((h) => trickle(h, 20_000)));
    for (const [i, r] of results.entries()) {
      expect(r.answer, heads[i]).toMatch(/^HTTP\/1\.1 408 /);
      expect(r.closedAfterMs, heads[i]).not.toBeNull();
      expect(r.closedAfterMs!, heads[i]).toBeLessThan(15_000);
    }
    expect(s.alive()).toBe(true);
  }, 30_000);
});

describe('frames the station cannot read', () => {
  it('cost a request each, like a command: a flood of unparseable frames is answered rate_limited past the burst, not parsed one by one', async () => {
    // --rate 5: 5 requests a second per token, a burst of 10.
    const slow = await startHostileStation({ args: ['--rate', '5'] });
    try {
      const ws = await slow.ws('customer-service');
      await ws.next((m) => m.t === 'snapshot');
      // Frames that are not JSON: each one read is a parse the station pays for.
      const junk = `{${'x'.repeat(10 * 1024)}`;
      for (let i = 0; i < 2000; i++) ws.socket.send(junk);
      await ws.next(() => ws.messages.filter((m) => m.t === 'result').length >= 2000, 60_000);
      const code = (m: Record<string, unknown>) => (m.error as { code?: string } | undefined)?.code;
      const answers = ws.messages.filter((m) => m.t === 'result');
      const unread = answers.filter((m) => code(m) === 'rate_limited').length;
      // The burst and what the rate refills while the frames arrive are read (and answered invalid_args); the rest are refused unread.
      expect(unread).toBeGreaterThan(1800);
      expect(answers.filter((m) => code(m) === 'invalid_args').length).toBe(2000 - unread);
      // A command frame refused unread still answers its caller by id.
      for (let i = 0; i < 20; i++) ws.socket.send(JSON.stringify({ t: 'command', id: `c${i}`, name: 'station.whoami', args: {} }));
      expect(await ws.next((m) => m.id === 'c19' && code(m) === 'rate_limited')).toBeDefined();
      ws.close();
    } finally {
      await slow.stop();
    }
  }, 90_000);
});
