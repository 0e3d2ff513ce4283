// A station is a separate machine: everything it sends HQ is hostile input. One station (a raw
// HTTP client holding a valid station token) sends garbage where HQ reads numbers, dates, currencies
// and text; every answer is an answer (never a 500 or 503 that would stall the station forever),
// every bad fact is named back and shown on the station list, and every page keeps the other
// station's figures — and the hostile station's own good ones — to the cent. Rows stored before
// ingest checked them (written straight into the table) must not break a page either.
import { beforeAll, describe, expect, it } from 'vitest';
import { hqOnEngine } from '../../support/hq-on-engine';
import { migrateHq } from '../../../hq/db/hq-migrations';

const DAY = Date.UTC(2026, 11, 3, 19);
const kpis = (revenue: number, orders: number, views: number) => ({ views, addToCart: 0, checkouts: 0, orders, revenue, currency: 'USD', rehearsal: false });
const showBody = (title: string, extra: Record<string, unknown> = {}) => ({
  id: 'x', title, brand: 'Lumen', rehearsal: false, start: '2026-12-03T19:00:00Z', durationMinutes: 60, timezone: 'UTC', platforms: ['tiktok'],
  owner: 'Maya', approver: null, people: [{ name: 'Maya', role: 'producer' }], approverRole: null, phase: 'live', kpis: kpis(0, 0, 0), experiment: null, ...extra,
});
const order = (eventSeq: number, amount: unknown, extra: Record<string, unknown> = {}) => ({
  eventSeq, key: `k${eventSeq}`, type: 'order', offerId: 'o1', sku: 'SKU1', count: 1, amount, currency: 'USD', at: DAY + eventSeq, source: 'webhook', ...extra,
});

/**
 * Each hostile fact as the raw JSON text a client can send (so 1e309, lone surrogates and NUL
 * travel as written). `kind` and the body text; the test numbers them.
 */
const HOSTILE: { what: string; kind: string; body: string }[] = [
  { what: 'amount as text', kind: 'commerce', body: JSON.stringify(order(10, '12.5abc')) },
  { what: 'amount as the text NaN', kind: 'commerce', body: JSON.stringify(order(11, 'NaN')) },
  { what: 'amount as the text Infinity', kind: 'commerce', body: JSON.stringify(order(12, 'Infinity')) },
  { what: 'amount 1e309 (Infinity once parsed)', kind: 'commerce', body: JSON.stringify(order(13, 0)).replace('"amount":0', '"amount":1e309') },
  { what: 'amount 1e300', kind: 'commerce', body: JSON.stringify(order(14, 1e300)) },
  { what: 'amount as a nested object', kind: 'commerce', body: JSON.stringify(order(15, { $gt: 0 })) },
  { what: 'negative count', kind: 'commerce', body: JSON.stringify(order(16, 5, { count: -5 })) },
  { what: 'count as text', kind: 'commerce', body: JSON.stringify(order(17, 5, { count: 'many' })) },
  { what: 'fractional count', kind: 'commerce', body: JSON.stringify(order(18, 5, { count: 1.5 })) },
  { what: 'at as text', kind: 'commerce', body: JSON.stringify(order(19, 5, { at: 'yesterday' })) },
  { what: 'at beyond any date', kind: 'commerce', body: JSON.stringify(order(20, 5, { at: 1e20 })) },
  { what: 'unknown currency', kind: 'commerce', body: JSON.stringify(order(21, 5, { currency: 'ZZZ' })) },
  { what: 'currency as an object', kind: 'commerce', body: JSON.stringify(order(22, 5, { currency: { code: 'USD' } })) },
  { what: 'HTML as the type', kind: 'commerce', body: JSON.stringify(order(23, 5, { type: '<script>alert(1)</script>' })) },
  { what: 'a 1 MB offer id', kind: 'commerce', body: JSON.stringify(order(24, 5, { offerId: 'x'.repeat(1_000_000) })) },
  { what: 'a lone surrogate in the channel', kind: 'commerce', body: JSON.stringify(order(25, 5)).replace('"source":"webhook"', '"source":"web\\ud800hook"') },
  { what: 'NUL in the offer id', kind: 'commerce', body: JSON.stringify(order(26, 5)).replace('"offerId":"o1"', '"offerId":"o\\u00001"') },
  { what: 'every field missing', kind: 'commerce', body: '{}' },
  { what: 'a body nested 100,000 levels deep', kind: 'alert', body: '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000) },
  { what: 'show start that is no date', kind: 'show', body: JSON.stringify(showBody('Evil show', { start: 'not a date' })) },
  { what: 'show KPIs as text', kind: 'show', body: JSON.stringify(showBody('Evil show', { kpis: { ...kpis(0, 0, 0), revenue: 'lots' } })) },
  { what: 'a package without totals', kind: 'show', body: JSON.stringify(showBody('Evil show', { phase: 'package', package: {} })) },
  { what: 'a package with text totals', kind: 'show', body: JSON.stringify(showBody('Evil show', { phase: 'package', package: { kpis: { revenue: 'x', orders: 'y' }, at: 1 } })) },
  { what: 'an experiment beyond any date', kind: 'show', body: JSON.stringify(showBody('Evil show', { experiment: { goAt: 1e300, endAt: null, final: null, segments: [{ at: 1e300, segmentId: 's', title: 'T', totals: {} }] } })) },
  { what: 'an alert raised at a text time', kind: 'alert', body: JSON.stringify({ id: 'a1', level: 'critical', source: 'obs', key: 'dropped', message: 'm', raisedAt: 'soon', updatedAt: 1 }) },
  { what: 'an alert raised beyond any date', kind: 'alert', body: JSON.stringify({ id: 'a2', level: 'critical', source: 'obs', key: 'dropped', message: 'm', raisedAt: 1e300, updatedAt: 1 }) },
  { what: 'a comment minute with a negative count', kind: 'comment_minute', body: JSON.stringify({ minute: DAY, platform: 'tiktok', intent: 'q', queue: 'q', lang: 'en', rehearsal: false, count: -3 }) },
];

/** Rows as an older HQ stored them, unchecked (written straight into the table). */
const STORED: { kind: string; body: string }[] = [
  { kind: 'commerce', body: JSON.stringify(order(100, 'NaN')) },
  { kind: 'commerce', body: JSON.stringify(order(101, 'Infinity')) },
  { kind: 'commerce', body: JSON.stringify(order(102, 0)).replace('"amount":0', '"amount":1e400') },
  { kind: 'commerce', body: JSON.stringify(order(103, 'abc')) },
  { kind: 'commerce', body: JSON.stringify(order(104, 5, { count: 'many' })) },
  { kind: 'commerce', body: JSON.stringify(order(105, 5, { count: 1e30 })) },
  { kind: 'commerce', body: JSON.stringify(order(106, 5, { at: 'yesterday' })) },
  { kind: 'commerce', body: JSON.stringify(order(107, 5, { at: 1e20 })) },
  { kind: 'commerce', body: JSON.stringify(order(108, 5, { eventSeq: 'one' })) },
  { kind: 'commerce', body: '{}' },
  { kind: 'show', body: JSON.stringify(showBody('Evil show', { start: 'not a date', kpis: 'none', package: { kpis: null } })) },
  { kind: 'show', body: JSON.stringify(showBody('Evil show', { package: { kpis: { revenue: 'x' }, counted: { throughEventSeq: 'z', events: -1 } } })) },
  { kind: 'alert', body: JSON.stringify({ id: 'a9', level: 'critical', source: 'obs', key: 'k', message: 'm', raisedAt: 'soon' }) },
  { kind: 'alert', body: JSON.stringify({ id: { nested: 1 }, level: 'critical', source: 'obs', key: 'k', message: 'm', raisedAt: 1e300 }) },
];

const PAGES = ['/calendar', ...['brand', 'show', 'offer', 'platform', 'channel', 'day'].flatMap((by) => [`/attribution?by=${by}`, `/attribution.csv?by=${by}`]), '/postmortem', '/experiments', '/stations', '/api/stations'];

for (const engine of ['pglite', 'postgres'] as const) {
  describe(`HQ keeps every page and every other figure when a station sends garbage, on ${engine}`, () => {
    const env = hqOnEngine(engine);
    const { admin, issue } = env;
    /** A raw client: the batch as JSON text, facts given as their own raw text. */
    const postRaw = async (token: string, stationId: string, facts: { seq: number; kind: string; showId: string; body: string }[]) => {
      const text = `{"stationId":${JSON.stringify(stationId)},"batchId":"${stationId}:${facts[0]!.seq}","sentAt":${Date.now()},"facts":[${facts
        .map((f) => `{"seq":${f.seq},"showId":${JSON.stringify(f.showId)},"kind":"${f.kind}","at":${DAY},"body":${f.body}}`)
        .join(',')}]}`;
      const r = await fetch(`${env.hq.url}/api/ingest`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: text });
      return { status: r.status, body: (await r.json()) as { ackedSeq?: number; rejected?: { seq: number; reason: string }[]; error?: { message: string } } };
    };
    const get = async (path: string) => {
      const r = await fetch(`${env.hq.url}${path}`, { headers: admin() });
      return { status: r.status, text: await r.text() };
    };
    /** Every page answers 200, with the good station's figures and the hostile station's good sale. */
    const expectFiguresIntact = async () => {
      for (const path of PAGES) expect({ path, status: (await get(path)).status }).toEqual({ path, status: 200 });
      const byShow = (await get('/attribution?by=show')).text;
      expect(byShow).toContain('<tr><td>Good show @ hs-good</td><td class="n">37.34 USD</td><td class="n">2</td><td class="n">18.67 USD</td><td class="n">10</td>');
      expect(byShow).toContain('<tr><td>Evil show @ hs-evil</td><td class="n">1.00 USD</td><td class="n">1</td>');
      // Both stations' good sales share the day and the channel: nothing else may be in those rows.
      expect((await get('/attribution?by=day')).text).toContain('<tr><td>2026-12-03</td><td class="n">38.34 USD</td><td class="n">3</td>');
      expect((await get('/attribution?by=channel')).text).toContain('<tr><td>webhook</td><td class="n">38.34 USD</td><td class="n">3</td>');
      expect((await get('/attribution.csv?by=brand')).text).toContain('Lumen,USD,38.34,3,12.78,10');
      const rec = (await get('/attribution')).text;
      const recTable = rec.slice(rec.indexOf('data-testid="reconciliation"'));
      const goodRow = recTable.split('</tr>').find((r) => r.includes('>hs-good<')) ?? '';
      expect(goodRow).toContain('to the cent');
      expect(goodRow).toContain('37.34 USD');
      const calendar = (await get('/calendar')).text;
      expect(calendar).toContain('37.34 USD · 2 orders · 10 views');
      expect(calendar).not.toContain('NaN');
      expect(rec).not.toContain('NaN');
      expect(rec).not.toContain('Infinity');
      expect(rec).not.toContain('<script>alert');
    };

    beforeAll(async () => {
      const good = await issue('hs-good');
      const evil = await issue('hs-evil');
      const goodFacts = [
        { seq: 1, kind: 'show', showId: 'g-show', body: JSON.stringify(showBody('Good show', { kpis: kpis(37.34, 2, 10) })) },
        { seq: 2, kind: 'commerce', showId: 'g-show', body: JSON.stringify(order(1, 25)) },
        { seq: 3, kind: 'commerce', showId: 'g-show', body: JSON.stringify(order(2, 12.34)) },
        { seq: 4, kind: 'commerce', showId: 'g-show', body: JSON.stringify(order(3, null, { type: 'view', count: 10, sku: null })) },
        {
          seq: 5,
          kind: 'show',
          showId: 'g-show',
          body: JSON.stringify(showBody('Good show', { phase: 'package', kpis: kpis(37.34, 2, 10), package: { kpis: kpis(37.34, 2, 10), counted: { throughEventSeq: 3, events: 3 }, at: DAY } })),
        },
      ];
      expect((await postRaw(good, 'hs-good', goodFacts)).body).toMatchObject({ ackedSeq: 5 });
      const evilGood = [
        { seq: 1, kind: 'show', showId: 'e-show', body: JSON.stringify(showBody('Evil show')) },
        { seq: 2, kind: 'commerce', showId: 'e-show', body: JSON.stringify(order(1, 1)) },
      ];
      expect((await postRaw(evil, 'hs-evil', evilGood)).body).toMatchObject({ ackedSeq: 2 });
    });

    it('answers each bad fact with its seq and reason, stores it flagged, and never stalls the station', async () => {
      const evil = await issue('hs-evil');
      let seq = 2;
      const answers: unknown[] = [];
      const expected: unknown[] = [];
      for (const h of HOSTILE) {
        seq += 1;
        const r = await postRaw(evil, 'hs-evil', [{ seq, kind: h.kind, showId: 'e-show', body: h.body }]);
        const reason = r.body.rejected?.[0]?.reason ?? '';
        answers.push({ what: h.what, status: r.status, ackedSeq: r.body.ackedSeq, rejected: r.body.rejected?.map((x) => x.seq), reasonSaid: reason.length > 0 && reason.length < 300 });
        expected.push({ what: h.what, status: 200, ackedSeq: seq, rejected: [seq], reasonSaid: true });
      }
      expect(answers).toEqual(expected);
      // A batch mixing good and bad facts applies the good ones and names the bad one.
      const mixed = await postRaw(evil, 'hs-evil', [
        { seq: seq + 1, kind: 'comment_minute', showId: 'e-show', body: JSON.stringify({ minute: DAY, platform: 'tiktok', intent: 'q', queue: 'q', lang: 'en', rehearsal: false, count: 2 }) },
        { seq: seq + 2, kind: 'commerce', showId: 'e-show', body: JSON.stringify(order(50, 'free')) },
      ]);
      expect(mixed.status).toBe(200);
      expect(mixed.body.rejected!.map((x) => x.seq)).toEqual([seq + 2]);
      expect(mixed.body.rejected![0]!.reason).toMatch(/amount/);

      const [held] = await env.hq.db.query<{ flagged: number; n: number }>(
        "SELECT count(*) FILTER (WHERE problem IS NOT NULL)::int AS flagged, count(*)::int AS n FROM facts WHERE station_id = 'hs-evil'",
      );
      expect(held).toEqual({ flagged: HOSTILE.length + 1, n: 2 + HOSTILE.length + 2 });
    });

    it('keeps every page answering with both stations’ good figures, and shows the flagged facts on the station list', async () => {
      await expectFiguresIntact();
      const stations = (await get('/stations')).text;
      const evilRow = stations.slice(stations.indexOf('>hs-evil<'));
      expect(evilRow.slice(0, evilRow.indexOf('</tr>'))).toMatch(new RegExp(`data-testid="flagged">${HOSTILE.length + 1}<`));
      const goodRow = stations.slice(stations.indexOf('>hs-good<'));
      expect(goodRow.slice(0, goodRow.indexOf('</tr>'))).toMatch(/data-testid="flagged">0</);
    });

    it('keeps every page answering from rows stored unchecked before ingest checked them', async () => {
      let seq = 10_000;
      for (const s of STORED) {
        seq += 1;
        await env.hq.db.query("INSERT INTO facts (station_id, seq, show_id, kind, station_at, batch_id, body) VALUES ('hs-evil', $1, 'e-show', $2, $3, 'old', $4::jsonb)", [seq, s.kind, DAY, s.body]);
      }
      await expectFiguresIntact();
    });

    it('answers a malformed station registration with 400, not a failure', async () => {
      for (const body of ['{"id":', 'null', '[]', '{"id":{"x":1}}']) {
        const r = await fetch(`${env.hq.url}/api/stations`, { method: 'POST', headers: admin(), body });
        expect({ body, status: r.status }).toEqual({ body, status: 400 });
      }
    });

    // Last: it takes HQ's schema back to before facts were flagged.
    it('flags, when it adds the flag, the commerce an older HQ stored that the views cannot read', async () => {
      await issue('hs-old');
      await env.hq.db.exec('ALTER TABLE facts DROP COLUMN problem; DELETE FROM hq_schema WHERE version = 5;');
      const rows = [order(1, 25), order(2, null, { type: 'view', count: 3, currency: null }), ...STORED.filter((r) => r.kind === 'commerce').map((r) => r.body)];
      for (const [i, body] of rows.entries()) {
        await env.hq.db.query("INSERT INTO facts (station_id, seq, show_id, kind, station_at, batch_id, body) VALUES ('hs-old', $1, 'o-show', 'commerce', $2, 'old', $3::jsonb)", [
          i + 1,
          DAY,
          typeof body === 'string' ? body : JSON.stringify(body),
        ]);
      }
      await migrateHq(env.hq.db);
      const flagged = await env.hq.db.query<{ seq: number }>("SELECT seq::int AS seq FROM facts WHERE station_id = 'hs-old' AND problem IS NOT NULL ORDER BY seq");
      expect(flagged.map((r) => r.seq)).toEqual(rows.slice(2).map((_, i) => i + 3));
      const stations = (await get('/stations')).text;
      const oldRow = stations.slice(stations.indexOf('>hs-old<'));
      expect(oldRow.slice(0, oldRow.indexOf('</tr>'))).toMatch(new RegExp(`data-testid="flagged">${rows.length - 2}<`));
    });
  });
}
