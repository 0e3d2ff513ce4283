// Session 14 security review: one fact's envelope (seq, kind, showId, at, body) that HQ cannot
// read used to refuse the whole batch (400), and the station resent that batch forever: its outbox
// stalled behind one fact — a newer station's new kind did it as surely as an attacker. Now each
// fact HQ can place is stored flagged and acknowledged, the good facts beside it are applied, the
// station list counts it, and a flagged newest record of a show is named on the calendar.
import { describe, expect, it } from 'vitest';
import { hqOnEngine } from '../../support/hq-on-engine';
import { HQ_TIMEOUTS } from '../../../hq/hq.server';
import { slowLoris } from '../security/slow-loris';

const DAY = Date.UTC(2026, 11, 3, 19);
const kpis = (revenue: number, orders: number, views: number) => ({ views, addToCart: 0, checkouts: 0, orders, revenue, currency: 'USD', rehearsal: false });
const showBody = (title: string, extra: Record<string, unknown> = {}) => ({
  id: 'x', title, brand: 'Lumen', rehearsal: false, start: '2026-12-03T19:00:00Z', durationMinutes: 60, timezone: 'UTC', platforms: ['tiktok'],
  owner: 'Maya', approver: null, people: [{ name: 'Maya', role: 'producer' }], approverRole: null, phase: 'live', kpis: kpis(0, 0, 0), experiment: null, ...extra,
});
const comment = (count: number) => ({ minute: DAY, platform: 'tiktok', intent: 'q', queue: 'q', lang: 'en', rehearsal: false, count });
const fact = (seq: unknown, extra: Record<string, unknown> = {}) => ({ seq, showId: 'env-show', kind: 'comment_minute', at: DAY, body: comment(1), ...extra });

/** Envelopes a fact can arrive with; each is one fact between two good ones. */
const BAD_ENVELOPES: { what: string; fact: (seq: number) => unknown }[] = [
  { what: 'a kind this HQ does not know (a newer station)', fact: (seq) => fact(seq, { kind: 'viewer_poll' }) },
  { what: 'a kind that is not text', fact: (seq) => fact(seq, { kind: { $ne: 1 } }) },
  { what: 'a time past any calendar', fact: (seq) => fact(seq, { at: 1e300 }) },
  { what: 'a time as text', fact: (seq) => fact(seq, { at: 'yesterday' }) },
  { what: 'a negative time', fact: (seq) => fact(seq, { at: -5 }) },
  { what: 'a 10,000-character show id', fact: (seq) => fact(seq, { showId: 'x'.repeat(10_000) }) },
  { what: 'a show id that is a number', fact: (seq) => fact(seq, { showId: 42 }) },
  { what: 'a body that is an array', fact: (seq) => fact(seq, { body: [1, 2] }) },
  { what: 'a body that is missing', fact: (seq) => ({ seq, showId: 'env-show', kind: 'alert', at: DAY }) },
  { what: 'an extra envelope field', fact: (seq) => fact(seq, { extra: true, kind: 'nope' }) },
];

for (const engine of ['pglite', 'postgres'] as const) {
  describe(`HQ flags a bad envelope per fact and keeps the station moving, on ${engine}`, () => {
    const env = hqOnEngine(engine);
    const post = async (token: string, stationId: string, facts: unknown[], first: number) => {
      const r = await fetch(`${env.hq.url}/api/ingest`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: JSON.stringify({ stationId, batchId: `${stationId}:${first}`, sentAt: Date.now(), facts }),
      });
      return { status: r.status, body: (await r.json()) as { ackedSeq?: number; applied?: number; rejected?: { seq: number; reason: string }[] } };
    };
    const get = async (path: string) => (await fetch(`${env.hq.url}${path}`, { headers: env.admin() })).text();

    it('stores each bad envelope flagged, applies the good facts around it, acknowledges the batch, and counts it on the station list', async () => {
      const token = await env.issue('env-st');
      let seq = 0;
      const seen: unknown[] = [];
      const want: unknown[] = [];
      for (const b of BAD_ENVELOPES) {
        const facts = [fact(seq + 1), b.fact(seq + 2), fact(seq + 3)];
        const r = await post(token, 'env-st', facts, seq + 1);
        seen.push({ what: b.what, status: r.status, ackedSeq: r.body.ackedSeq, applied: r.body.applied, rejected: r.body.rejected?.map((x) => x.seq) });
        want.push({ what: b.what, status: 200, ackedSeq: seq + 3, applied: 3, rejected: [seq + 2] });
        for (const x of r.body.rejected ?? []) expect(x.reason.length, b.what).toBeLessThanOrEqual(300);
        seq += 3;
      }
      expect(seen).toEqual(want);
      const [held] = await env.hq.db.query<{ flagged: number; good: number }>(
        "SELECT count(*) FILTER (WHERE problem IS NOT NULL)::int AS flagged, count(*) FILTER (WHERE problem IS NULL)::int AS good FROM facts WHERE station_id = 'env-st'",
      );
      expect(held).toEqual({ flagged: BAD_ENVELOPES.length, good: 2 * BAD_ENVELOPES.length });
      const stations = await get('/stations');
      const row = stations.slice(stations.indexOf('>env-st<'));
      expect(row.slice(0, row.indexOf('</tr>'))).toMatch(new RegExp(`data-testid="flagged">${BAD_ENVELOPES.length}<`));
      expect(row.slice(0, row.indexOf('</tr>'))).toContain('update HQ');
    });

    it('names a fact without a usable seq (not stored, seq 0), applies the rest, and says so on the station row', async () => {
      const token = await env.issue('env-seq');
      const r = await post(token, 'env-seq', [fact(1), fact('7'), fact(2.5), fact(null), 'not a fact', fact(2)], 1);
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ ackedSeq: 2, applied: 2 });
      expect(r.body.rejected?.map((x) => x.seq)).toEqual([0, 0, 0, 0]);
      const stations = await get('/api/stations');
      expect(stations).toMatch(/without a usable seq/);
    });

    it('still refuses a batch whose facts are out of seq order (the sender’s framing, not one fact)', async () => {
      const token = await env.issue('env-order');
      const r = await post(token, 'env-order', [fact(2), fact(1)], 2);
      expect(r.status).toBe(400);
    });

    it('keeps the calendar on the last show record it can read and names the flagged newer one', async () => {
      const token = await env.issue('env-show');
      const ok = await post(token, 'env-show', [{ seq: 1, showId: 's1', kind: 'show', at: DAY, body: showBody('Readable show', { kpis: kpis(12.5, 1, 4) }) }], 1);
      expect(ok.body.rejected).toEqual([]);
      const bad = await post(token, 'env-show', [{ seq: 2, showId: 's1', kind: 'show', at: DAY, body: showBody('Readable show', { kpis: { ...kpis(0, 0, 0), revenue: 'lots' } }) }], 2);
      expect(bad.body.rejected?.map((x) => x.seq)).toEqual([2]);
      const calendar = await get('/calendar');
      const row = calendar.slice(calendar.indexOf('Readable show'));
      const cells = row.slice(0, row.indexOf('</tr>'));
      expect(cells).toContain('12.50 USD · 1 orders · 4 views');
      expect(cells).toMatch(/data-testid="show-flagged">newer record #2 flagged: [^<]*revenue[^<]* — showing #1</);
    });
  });
}

describe('HQ against a slow-loris client', () => {
  const env = hqOnEngine('pglite');
  it('cuts a client that trickles its headers at HQ’s deadline, not Node’s 60–90 s', async () => {
    const url = new URL(env.hq.url);
    const limit = HQ_TIMEOUTS.headersTimeout + 2 * HQ_TIMEOUTS.connectionsCheckingInterval + 2_000;
    const r = await slowLoris(Number(url.port), 'POST /api/ingest HTTP/1.1\r\nHost: hq\r\n', 'X-Slow: 1\r\n', 1000, limit + 5_000);
    expect(r.closedAfterMs).not.toBeNull();
    expect(r.closedAfterMs!).toBeLessThan(limit);
    expect(r.answer).toMatch(/^(HTTP\/1\.1 408 |$)/);
    expect((await fetch(`${env.hq.url}/calendar`, { headers: env.admin() })).status).toBe(200);
  }, 40_000);
});
