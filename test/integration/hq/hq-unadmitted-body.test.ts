// HQ used to read a batch body of up to 16 MB before it looked at the token: anyone who could reach
// HQ tied up 16 MB (and a parser) per connection with no token at all. A request whose token is not
// a live station's now gets a small body allowance, is refused (and counted) as soon as it is over
// it — or at once, when its declared length is — and its connection is closed.
import { describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import { hqOnEngine } from '../../support/hq-on-engine';
import { countUnknownRefusals } from '../../../hq/ingest/stations.repo';

/** Sends `head`, then `chunks` one by one while the socket is open; resolves with what HQ answered and how much was sent. */
function rawPost(url: string, head: string, chunks: Iterable<Buffer>, waitMs: number): Promise<{ answer: string; sent: number; closed: boolean }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    let answer = '';
    let sent = 0;
    let closed = false;
    const done = () => resolve({ answer, sent, closed });
    const timer = setTimeout(() => {
      socket.destroy();
      done();
    }, waitMs);
    socket.on('data', (d) => (answer += d.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      closed = true;
      clearTimeout(timer);
      done();
    });
    const feed = async () => {
      socket.write(head);
      for (const c of chunks) {
        if (socket.destroyed || answer) break;
        await new Promise<void>((r) => socket.write(c, () => r()));
        sent += c.length;
        await new Promise((r) => setTimeout(r, 2));
      }
    };
    socket.on('connect', () => void feed());
  });
}

for (const engine of ['pglite'] as const) {
  describe(`HQ reads no large body for a request without a live station token, on ${engine}`, () => {
    const env = hqOnEngine(engine);

    it('answers a declared 10 MB body with a wrong token at once, without waiting for the body, and counts the refusal', async () => {
      const before = (await countUnknownRefusals(env.hq.db)).n;
      const head = 'POST /api/ingest HTTP/1.1\r\nHost: hq\r\nAuthorization: Bearer not-a-station\r\nContent-Type: application/json\r\nContent-Length: 10000000\r\n\r\n';
      const t0 = Date.now();
      const r = await rawPost(env.hq.url, head, [Buffer.from('{"stationId":"x","facts":[')], 5_000);
      expect(r.answer).toMatch(/^HTTP\/1\.1 401/);
      expect(Date.now() - t0).toBeLessThan(4_000);
      expect((await countUnknownRefusals(env.hq.db)).n).toBe(before + 1);
    });

    it('cuts a chunked body with no token once it passes the small allowance, long before 16 MB', async () => {
      const head = 'POST /api/ingest HTTP/1.1\r\nHost: hq\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n';
      const piece = Buffer.alloc(32 * 1024, 0x20);
      const chunk = Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n')]);
      const r = await rawPost(env.hq.url, head, Array.from({ length: 512 }, () => chunk), 10_000); // up to 16 MB
      expect(r.closed || /^HTTP\/1\.1 4\d\d/.test(r.answer)).toBe(true);
      expect(r.sent).toBeLessThan(2 * 1024 * 1024);
    });

    it('answers an admin’s over-long form or JSON with a readable 413 and closes, as the station does (one body reader)', async () => {
      const auth = env.admin().authorization;
      for (const [path, type] of [['/api/stations', 'application/json'], ['/postmortem/me', 'application/x-www-form-urlencoded']] as const) {
        const size = 200 * 1024;
        const head = `POST ${path} HTTP/1.1\r\nHost: hq\r\nAuthorization: ${auth}\r\nContent-Type: ${type}\r\nContent-Length: ${size}\r\n\r\n`;
        const r = await rawPost(env.hq.url, head, Array.from({ length: 25 }, () => Buffer.alloc(8 * 1024, 0x61)), 5_000);
        expect(r.answer, path).toMatch(/^HTTP\/1\.1 413/);
        expect(r.answer, path).toMatch(/limit is \d+ bytes/);
        expect(r.closed, path).toBe(true);
      }
    });

    it('still takes a live station’s large batch', async () => {
      const token = await env.issue('ua-big');
      const facts = Array.from({ length: 3_000 }, (_, i) => ({
        seq: i + 1,
        showId: 'ua-show',
        kind: 'comment_minute',
        at: Date.UTC(2026, 11, 3, 19),
        body: { minute: Date.UTC(2026, 11, 3, 19), platform: 'tiktok', intent: 'q', queue: 'q', lang: 'en', rehearsal: false, count: 1, pad: 'x'.repeat(200) },
      }));
      const body = JSON.stringify({ stationId: 'ua-big', batchId: 'ua-big:1', sentAt: Date.now(), facts });
      expect(body.length).toBeGreaterThan(512 * 1024);
      const r = await fetch(`${env.hq.url}/api/ingest`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body });
      expect(r.status).toBe(200);
      expect(((await r.json()) as { ackedSeq: number }).ackedSeq).toBe(3_000);
    });
  });
}
