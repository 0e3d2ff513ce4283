// Many stations share one HQ, often from one address (a TLS proxy in front of HQ, a studio's NAT),
// so HQ cannot share itself out by address. It used to share nothing at all: one station's token
// could park any number of 16 MB uploads at once (each held in memory until it ends), and anyone
// on the network could send requests with made-up tokens as fast as HQ answers, each costing a
// token look-up and a refusal row written to the database the stations' batches also need.
// Now each station's token may have a few requests in flight, and requests whose token HQ has not
// seen live share a small budget; neither touches a station HQ knows.
import { describe, expect, it } from 'vitest';
import { connect, type Socket } from 'node:net';
import { randomBytes } from 'node:crypto';
import { hqOnEngine } from '../../support/hq-on-engine';
import { countUnknownRefusals } from '../../../hq/ingest/stations.repo';

/** Opens a POST whose declared body never finishes arriving; collects what HQ answers. */
function parkedUpload(url: string, token: string, stationId: string): { socket: Socket; answer: () => string } {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  let answer = '';
  socket.on('data', (d) => (answer += d.toString('latin1')));
  socket.on('error', () => undefined);
  socket.on('connect', () => {
    socket.write(`POST /api/ingest HTTP/1.1\r\nHost: hq\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: ${15 * 1024 * 1024}\r\n\r\n`);
    socket.write(`{"stationId":"${stationId}","batchId":"parked","sentAt":1,"facts":[`);
  });
  return { socket, answer: () => answer };
}

const batch = (stationId: string, seq: number) =>
  JSON.stringify({ stationId, batchId: `${stationId}:${seq}`, sentAt: Date.now(), facts: [{ seq, showId: 'fair', kind: 'comment_minute', at: Date.UTC(2026, 11, 7, 19), body: { minute: Date.UTC(2026, 11, 7, 19), platform: 'tiktok', intent: 'q', queue: 'q', lang: 'en', rehearsal: false, count: 1 } }] });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('HQ shares itself per station, not per address', () => {
  const env = hqOnEngine('pglite');

  it('answers a station’s uploads past its few in flight with 429 at once, and another station behind the same address is served', async () => {
    const greedy = await env.issue('fair-greedy');
    const other = await env.issue('fair-other');
    // One batch first, as a real station's first contact: HQ has now seen both tokens live.
    for (const [id, token] of [['fair-greedy', greedy], ['fair-other', other]] as const) {
      const r = await fetch(`${env.hq.url}/api/ingest`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: batch(id, 1) });
      expect(r.status).toBe(200);
    }
    const parked = Array.from({ length: 10 }, () => parkedUpload(env.hq.url, greedy, 'fair-greedy'));
    try {
      const t0 = Date.now();
      while (Date.now() - t0 < 3_000 && parked.filter((p) => p.answer()).length < 6) await sleep(50);
      const answered = parked.filter((p) => p.answer());
      // Ten parked uploads of 15 MB each: only the station's share is held, the rest are told to wait.
      expect(answered.length).toBe(6);
      for (const p of answered) expect(p.answer()).toMatch(/^HTTP\/1\.1 429/);
      expect(answered[0]!.answer().toLowerCase()).toContain('retry-after:');
      const r = await fetch(`${env.hq.url}/api/ingest`, { method: 'POST', headers: { authorization: `Bearer ${other}` }, body: batch('fair-other', 2) });
      expect(r.status).toBe(200);
    } finally {
      for (const p of parked) p.socket.destroy();
    }
    // Once its uploads are gone, the station sends again.
    await sleep(200);
    const again = await fetch(`${env.hq.url}/api/ingest`, { method: 'POST', headers: { authorization: `Bearer ${greedy}` }, body: batch('fair-greedy', 2) });
    expect(again.status).toBe(200);
  });

  it('answers a flood of made-up tokens from a small budget, without a database row each, and a known station is served through it', async () => {
    const known = await env.issue('fair-known');
    expect((await fetch(`${env.hq.url}/api/ingest`, { method: 'POST', headers: { authorization: `Bearer ${known}` }, body: batch('fair-known', 1) })).status).toBe(200);
    const before = (await countUnknownRefusals(env.hq.db)).n;
    const statuses: number[] = [];
    const t0 = Date.now();
    const flood = async () => {
      for (let i = 0; i < 25; i++) {
        const r = await fetch(`${env.hq.url}/api/ingest`, { method: 'POST', headers: { authorization: `Bearer bhq_${randomBytes(24).toString('base64url')}` }, body: batch('fair-known', 99) });
        await r.arrayBuffer();
        statuses.push(r.status);
      }
    };
    const floods = Promise.all(Array.from({ length: 20 }, flood));
    const served = await fetch(`${env.hq.url}/api/ingest`, { method: 'POST', headers: { authorization: `Bearer ${known}` }, body: batch('fair-known', 2) });
    expect(served.status).toBe(200);
    await floods;
    const seconds = (Date.now() - t0) / 1000;
    const written = (await countUnknownRefusals(env.hq.db)).n - before;
    expect(statuses.length).toBe(500);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    // The budget: a burst of 40, then 20 a second.
    expect(written).toBeLessThanOrEqual(40 + Math.ceil(20 * seconds) + 1);
    expect(written).toBeLessThan(500);
  });
});
