// HQ under bad input and faults: wrong, revoked and borrowed tokens are refused and counted; a
// resent batch is applied once; a skewed station clock is kept beside HQ's; an edited audit row
// breaks the chain visibly; the ingest role may only insert its own station's rows.
import { describe, expect, it } from 'vitest';
import { hqOnEngine } from '../../support/hq-on-engine';
import { auditHash, GENESIS_HASH, type AuditContent } from '../../../src/core/storage/audit-hash';
import type { HqBatch, HqFact } from '../../../src/shared/contract/index';

function auditChain(n: number, start = Date.UTC(2026, 11, 3, 19)): HqFact[] {
  let prev = GENESIS_HASH;
  const out: HqFact[] = [];
  for (let seq = 1; seq <= n; seq++) {
    const c: AuditContent = { seq, at: start + seq, actor: 'Maya', role: 'producer', via: 'http', command: 'cue.next', args: '{}', outcome: 'ok', detail: null, durationMs: 1 };
    const hash = auditHash(prev, c);
    const { durationMs, ...rest } = c;
    out.push({ seq, showId: 'show-1', kind: 'audit', at: c.at, body: { ...rest, duration_ms: durationMs, prev_hash: prev, hash } });
    prev = hash;
  }
  return out;
}

for (const engine of ['pglite', 'postgres'] as const) {
  describe(`HQ faults on ${engine}`, () => {
    const env = hqOnEngine(engine);
    const { admin, issue } = env;
    const post = async (token: string | null, batch: unknown) => {
      const r = await fetch(`${env.hq.url}/api/ingest`, { method: 'POST', headers: token ? { authorization: `Bearer ${token}` } : {}, body: JSON.stringify(batch) });
      return { status: r.status, body: (await r.json()) as Record<string, unknown> };
    };
    const batch = (stationId: string, facts: HqFact[], sentAt = Date.now()): HqBatch => ({ stationId, batchId: `${stationId}:${facts[0]?.seq ?? 0}`, sentAt, facts });

    it('refuses wrong, revoked and borrowed tokens, counts them and shows them on the station list', async () => {
      const tokenA = await issue('fa-a');
      await issue('fa-b');
      expect((await post('not-a-token', batch('fa-a', []))).status).toBe(401);
      expect((await post(null, batch('fa-a', []))).status).toBe(401);
      const borrowed = await post(tokenA, batch('fa-b', auditChain(1)));
      expect(borrowed.status).toBe(403);
      expect(JSON.stringify(borrowed.body)).toContain('belongs to station fa-a');
      const [none] = await env.hq.db.query<{ n: number }>("SELECT count(*)::int AS n FROM facts WHERE station_id = 'fa-b'");
      expect(none!.n).toBe(0);

      expect((await fetch(`${env.hq.url}/api/stations/fa-a/revoke`, { method: 'POST', headers: admin() })).status).toBe(200);
      expect((await post(tokenA, batch('fa-a', auditChain(1)))).status).toBe(403);

      const html = await (await fetch(`${env.hq.url}/stations`, { headers: admin() })).text();
      const row = html.slice(html.indexOf('fa-a'), html.indexOf('fa-b'));
      expect(row).toContain('revoked');
      expect(row).toMatch(/data-testid="refused">2</);
      expect(html).toMatch(/data-testid="unknown-refusals">2</);
    });

    it('applies a resent batch once and keeps both clocks, ordering by station sequence', async () => {
      const token = await issue('fa-dup');
      const skew = 7 * 60_000; // the station's clock runs 7 minutes fast
      const facts = auditChain(20, Date.now() + skew);
      const first = await post(token, batch('fa-dup', facts, Date.now() + skew));
      expect(first.body).toMatchObject({ ackedSeq: 20, applied: 20, duplicates: 0 });
      const again = await post(token, batch('fa-dup', facts, Date.now() + skew));
      expect(again.body).toMatchObject({ ackedSeq: 20, applied: 0, duplicates: 20 });
      const rows = await env.hq.db.query<{ seq: number; station_at: number; received: number }>(
        "SELECT seq::int AS seq, station_at::float8 AS station_at, (extract(epoch FROM received_at) * 1000)::float8 AS received FROM facts WHERE station_id = 'fa-dup' ORDER BY seq",
      );
      expect(rows.map((r) => r.seq)).toEqual(facts.map((f) => f.seq));
      expect(rows[0]!.station_at - rows[0]!.received).toBeGreaterThan(skew - 30_000);
      const [st] = await env.hq.db.query<{ skew: number; chain_seq: number; brk: number | null }>(
        "SELECT clock_skew_ms::float8 AS skew, chain_seq::int AS chain_seq, chain_break_seq AS brk FROM stations WHERE id = 'fa-dup'",
      );
      expect(st!.skew).toBeLessThan(-skew + 30_000);
      expect(st).toMatchObject({ chain_seq: 20, brk: null });
    });

    it('flags a break in a station’s audit chain and names the row', async () => {
      const token = await issue('fa-chain');
      const facts = auditChain(6);
      (facts[3]!.body as { actor: string }).actor = 'someone else';
      expect((await post(token, batch('fa-chain', facts))).status).toBe(200);
      const [st] = await env.hq.db.query<{ brk: number; reason: string }>("SELECT chain_break_seq::int AS brk, chain_break_reason AS reason FROM stations WHERE id = 'fa-chain'");
      expect(st).toEqual({ brk: 4, reason: 'row content does not match its hash (edited)' });
      const html = await (await fetch(`${env.hq.url}/stations`, { headers: admin() })).text();
      expect(html).toContain('BROKEN at 4');
    });

    it('flags an audit row already held that comes again under a new seq, and a resend split across batches is fine', async () => {
      const token = await issue('fa-replay');
      const facts = auditChain(5);
      expect((await post(token, batch('fa-replay', facts.slice(0, 3)))).body).toMatchObject({ ackedSeq: 3, applied: 3 });
      // A timeout's resend overlapping the next batch: rows 2–5, of which 2 and 3 are held.
      expect((await post(token, batch('fa-replay', facts.slice(1)))).body).toMatchObject({ ackedSeq: 5, applied: 2, duplicates: 2 });
      const [ok] = await env.hq.db.query<{ chain_seq: number; brk: number | null }>("SELECT chain_seq::int AS chain_seq, chain_break_seq AS brk FROM stations WHERE id = 'fa-replay'");
      expect(ok).toEqual({ chain_seq: 5, brk: null });
      // Audit row 2 again, under outbox seq 6: HQ would hold it twice.
      const replay: HqFact = { ...facts[1]!, seq: 6 };
      expect((await post(token, batch('fa-replay', [replay]))).status).toBe(200);
      const [st] = await env.hq.db.query<{ brk: number; reason: string }>("SELECT chain_break_seq::int AS brk, chain_break_reason AS reason FROM stations WHERE id = 'fa-replay'");
      expect(st).toEqual({ brk: 2, reason: 'an audit row already held arrived again under a new seq' });
    });

    it('takes an owner and a due date on the post-mortem board only from a named person, and audits it', async () => {
      const form = (body: Record<string, string>, cookie: string) =>
        fetch(`${env.hq.url}/postmortem/item`, { method: 'POST', redirect: 'manual', headers: { ...admin(), cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body).toString() });
      const anonymous = await form({ key: 'fa-a/alert/obs-dropped', owner: 'Tom', due: '2026-12-24' }, '');
      expect(anonymous.headers.get('location')).toBe('/postmortem?problem=name');
      const bad = await form({ key: 'fa-a/alert/obs-dropped', owner: 'Tom', due: '2026-13-01' }, 'hq_name=Rita');
      expect(bad.headers.get('location')).toBe('/postmortem?problem=due');
      expect((await form({ key: 'fa-a/alert/obs-dropped', owner: 'Tom', due: '2026-12-24' }, 'hq_name=Rita')).headers.get('location')).toBe('/postmortem');
      expect((await form({ key: 'fa-a/alert/obs-dropped', owner: 'Sam', due: '' }, 'hq_name=Priya')).status).toBe(303);
      const audit = await env.hq.db.query<{ actor: string; before: unknown; after: unknown }>("SELECT actor, before, after FROM hq_audit WHERE target = 'fa-a/alert/obs-dropped' ORDER BY id");
      expect(audit).toEqual([
        { actor: 'Rita', before: null, after: { owner: 'Tom', due: '2026-12-24' } },
        { actor: 'Priya', before: { owner: 'Tom', due: '2026-12-24' }, after: { owner: 'Sam', due: null } },
      ]);
    });

    it('refuses a malformed batch with a reason and escapes station text in the views', async () => {
      const token = await issue('fa-bad');
      const bad = await post(token, { stationId: 'fa-bad', batchId: 'x', sentAt: 1, facts: [{ seq: 2, showId: 's', kind: 'audit', at: 1, body: {} }, { seq: 1, showId: 's', kind: 'audit', at: 1, body: {} }] });
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body)).toContain('increasing seq');
      const evil = '<script>alert(1)</script>';
      const show: HqFact = { seq: 1, showId: 'evil', kind: 'show', at: Date.now(), body: { id: 'evil', title: evil, brand: evil, start: '2026-12-03T19:00:00Z', phase: 'live', kpis: { views: 0, addToCart: 0, checkouts: 0, orders: 0, revenue: 0, currency: 'USD' } } };
      expect((await post(token, batch('fa-bad', [show]))).status).toBe(200);
      const html = await (await fetch(`${env.hq.url}/calendar`, { headers: admin() })).text();
      expect(html).not.toContain(evil);
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    });

    it('gives the ingest role insert only, for its own station', async () => {
      const asIngest = (sql: string) =>
        env.hq.db.tx(async (q) => {
          await q.query('SET LOCAL ROLE baton_hq_ingest');
          await q.query("SELECT set_config('baton.station', 'fa-dup', true)");
          await q.query(sql);
        });
      await expect(asIngest('DELETE FROM facts')).rejects.toThrow(/permission denied/);
      await expect(asIngest("UPDATE facts SET body = '{}'")).rejects.toThrow(/permission denied/);
      await expect(asIngest('SELECT token_hash FROM stations')).rejects.toThrow(/permission denied/);
      await expect(
        asIngest("INSERT INTO facts (station_id, seq, show_id, kind, station_at, batch_id, body) VALUES ('fa-chain', 99, 's', 'audit', 1, 'b', '{}')"),
      ).rejects.toThrow(/row-level security/);
      // It may move its own station's ingest state, never another's, never a token or a revocation.
      await expect(asIngest("UPDATE stations SET token_hash = 'x'")).rejects.toThrow(/permission denied/);
      await expect(asIngest('UPDATE stations SET revoked_at = NULL')).rejects.toThrow(/permission denied/);
      const moved = await env.hq.db.txAs('baton_hq_ingest', { 'baton.station': 'fa-dup' }, (q) => q.query("UPDATE stations SET chain_break_reason = 'x' WHERE id <> 'fa-dup' RETURNING id"));
      expect(moved).toEqual([]);
    });
  });
}
