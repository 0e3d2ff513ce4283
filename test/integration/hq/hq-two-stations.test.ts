// Two stations report to HQ while running shows; HQ's PostgreSQL is crashed and restarted
// mid-show. HQ must end with exactly every fact of both stations and totals equal to each
// station's post-show package, on real PostgreSQL 15 and on PGlite.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hqOnEngine } from '../../support/hq-on-engine';
import { until } from '../../support/until';
import { createTestCore, DEMO_SHOW, producer } from '../../support/test-core';
import { startHqLink } from '../../../src/station/hq-link';
import { simulateShowRound } from '../../support/hq-show-sim';
import { loadCommerce, loadShows } from '../../../hq/views/hq.queries';
import { reconcile } from '../../../hq/views/attribution.calc';
import type { Core } from '../../../src/core/core';

for (const engine of ['postgres', 'pglite'] as const) {
  describe(`HQ on ${engine}: two stations, database crash mid-show`, () => {
    const env = hqOnEngine(engine);
    const cores: Core[] = [];

    it('ends with every fact once and the packages’ totals to the cent', async () => {
      const links = [];
      for (const id of ['studio-a', 'studio-b']) {
        const dir = env.tempDir(`baton-hq-${id}-`);
        const core = createTestCore({ dataDir: dir, clock: { now: () => Date.now(), monotonic: () => performance.now() } });
        core.show.loadFile(DEMO_SHOW);
        await core.start();
        cores.push(env.keep(core));
        links.push(startHqLink(core, { url: env.hq.url, stationId: id, token: await env.issue(id) }));
      }
      const [a, b] = cores as [Core, Core];
      for (let round = 0; round < 5; round++) await Promise.all([simulateShowRound(a, 'a', round), simulateShowRound(b, 'b', round)]);
      await until(() => a.state.get('hq').state === 'synced' && b.state.get('hq').state === 'synced', 20_000, 'first sync');

      if (engine === 'postgres') {
        env.pg!.crash();
        for (let round = 5; round < 10; round++) await Promise.all([simulateShowRound(a, 'a', round), simulateShowRound(b, 'b', round)]);
        // The show carried on; the stations hold their facts and say so.
        await until(() => a.state.get('hq').state === 'offline', 20_000, 'station A to see HQ offline');
        expect(a.state.get('hq').behind).toBeGreaterThan(0);
        env.pg!.start();
      } else {
        for (let round = 5; round < 10; round++) await Promise.all([simulateShowRound(a, 'a', round), simulateShowRound(b, 'b', round)]);
      }
      await a.dispatch('offer.pause', { offerId: a.snapshot().state.offers.items[0]!.id, reason: 'stock count wrong on the card' }, producer);
      const packages = [];
      for (const c of cores) {
        const r = await c.dispatch('show.package', {}, producer);
        if (!r.ok) throw new Error(r.error.message);
        packages.push(JSON.parse(readFileSync(join(r.result.dir, 'summary.json'), 'utf8')) as { kpis: { revenue: number; orders: number; views: number }; kpisCount: { throughEventSeq: number; events: number } });
      }
      for (const l of links) expect(await l.drained(60_000)).toBe(true);

      for (const [i, id] of ['studio-a', 'studio-b'].entries()) {
        const core = cores[i]!;
        const heldNow = async () => {
          const [seqRow] = core.db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'hq_outbox'").all() as { seq: number }[];
          const audits = core.audit.count();
          // One statement, so the facts and the chain head HQ walked are read at the same moment.
          const [held] = await env.hq.db.query<{ n: number; max: number; audits: number; chain_seq: number; chain_break_seq: string | null }>(
            `SELECT count(*)::int AS n, max(seq)::int AS max, count(*) FILTER (WHERE kind = 'audit')::int AS audits,
                    (SELECT chain_seq::int FROM stations WHERE id = $1) AS chain_seq, (SELECT chain_break_seq FROM stations WHERE id = $1) AS chain_break_seq
               FROM facts WHERE station_id = $1`,
            [id],
          );
          return { held, expected: { n: seqRow!.seq, max: seqRow!.seq, audits, chain_seq: audits, chain_break_seq: null } };
        };
        // The station keeps working while it drains and after (a pause's attempt row, an alert
        // clearing, the rehearsal's replayed comments and simulated shoppers): a row written after
        // the drain travels in the next batch, so wait for a moment HQ holds every row there is,
        // and judge that moment's reading — a second reading could already have a newer row.
        let last = await heldNow();
        await until(async () => {
          last = await heldNow();
          return JSON.stringify(last.held) === JSON.stringify(last.expected);
        }, 30_000, `${id} fully held by HQ`).catch(() => undefined);
        const { held, expected } = last;
        // Every fact the station made, once (no loss, no duplicate), and its audit chain walked
        // to the last row without a break.
        expect(held).toEqual(expected);
      }
      // HQ checks every fact's body: a real station's facts (shows, commerce, comments, alerts,
      // offer pauses) are all ones it reads — none flagged.
      const flagged = await env.hq.db.query<{ kind: string; problem: string }>('SELECT kind, problem FROM facts WHERE problem IS NOT NULL LIMIT 5');
      expect(flagged).toEqual([]);
      const rec = reconcile(await loadCommerce(env.hq.db), await loadShows(env.hq.db));
      expect(rec).toHaveLength(2);
      for (const [i, id] of ['studio-a', 'studio-b'].entries()) {
        const r = rec.find((x) => x.show.stationId === id)!;
        // The demo's simulated shoppers keep buying after the package: HQ reconciles the package
        // with the sales it counted (the same events its summary names) and shows later ones apart.
        expect(r.show.package?.counted).toEqual(packages[i]!.kpisCount);
        expect(r.status).toBe('matches');
        expect(r.matches).toBe(true);
        expect(r.hqRevenueCents).toBe(Math.round(packages[i]!.kpis.revenue * 100));
        expect(r.hqOrders).toBe(packages[i]!.kpis.orders);
        expect(r.show.phase).toBe('package');
      }
    });
  });
}
