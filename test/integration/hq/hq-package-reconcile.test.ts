// HQ's reconciliation of a show's package with the commerce facts it holds, when the two are not
// the same moment: a sale the station counted after writing the package, and a package record
// that reaches HQ before some of the commerce it counted (the collector's page ended mid-backlog).
// Each interleaving is placed by hand — the station's collector and the posts are driven
// step by step — so these tests never depend on timing. Real station core, real HQ over HTTP.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hqOnEngine } from '../../support/hq-on-engine';
import { createTestCore, DEMO_SHOW, producer } from '../../support/test-core';
import { defaultOffersPorts } from '../../../src/core/offers/offers.ports';
import { createHttpHqPost } from '../../../src/station/hq-link';
import { createHqOutboxRepo } from '../../../src/core/hq-outbox/hq-outbox.repo';
import { createHqCollector } from '../../../src/core/hq-outbox/hq-outbox.collector';
import { loadCommerce, loadShows } from '../../../hq/views/hq.queries';
import { reconcile, type Reconciliation } from '../../../hq/views/attribution.calc';

for (const engine of ['pglite', 'postgres'] as const) {
  describe(`HQ reconciles a package with the commerce it counted, on ${engine}`, () => {
    const env = hqOnEngine(engine);

    /** A station with its outbox driven by hand: `collect` and `send` happen only when the test says. */
    const station = async (id: string) => {
      const dir = env.tempDir(`baton-hq-rec-${id}-`);
      // No simulated shoppers: every sale is placed by the test, at the step it names.
      const offers = defaultOffersPorts();
      const core = createTestCore({ dataDir: dir, clock: { now: () => Date.now(), monotonic: () => performance.now() }, ports: { offers: { ...offers, sandbox: { ...offers.sandbox, simulate: false } } } });
      core.show.loadFile(DEMO_SHOW);
      await core.start();
      env.keep(core);
      const post = createHttpHqPost({ url: env.hq.url, stationId: id, token: await env.issue(id) });
      const repo = createHqOutboxRepo(core.db);
      const collector = createHqCollector({ db: core.db, repo, state: core.state, now: () => core.now() });
      /** Sends the outbox as it stands (after one collection), in seq order, until it is empty. */
      const send = async () => {
        for (let facts = repo.peek(500); facts.length; facts = repo.peek(500)) {
          const res = await post({ stationId: id, batchId: `${id}:${facts[0]!.seq}-${facts.at(-1)!.seq}`, sentAt: Date.now(), facts });
          if (!res.ok) throw new Error(res.reason);
          repo.ack(res.ack.ackedSeq);
        }
      };
      const ingest = async (events: unknown[]) => {
        const res = await core.dispatch('offer.ingest', { events }, producer);
        if (!res.ok) throw new Error(res.error.message);
      };
      const writePackage = async () => {
        const res = await core.dispatch('show.package', {}, producer);
        if (!res.ok) throw new Error(res.error.message);
        return (JSON.parse(readFileSync(join(res.result.dir, 'summary.json'), 'utf8')) as { kpis: { revenue: number; orders: number } }).kpis;
      };
      return { core, collector, send, ingest, writePackage };
    };

    /** The station's row of the reconciliation table on HQ's attribution page. */
    const reconciliationRow = async (id: string): Promise<string> => {
      const html = await (await fetch(`${env.hq.url}/attribution`, { headers: { authorization: `Bearer ${env.hq.adminToken}` } })).text();
      const table = html.slice(html.indexOf('data-testid="reconciliation"'));
      const rows = table.slice(0, table.indexOf('</table>')).split('</tr>');
      return rows.find((r) => r.includes(`>${id}<`)) ?? '';
    };

    const reconciled = async (id: string): Promise<Reconciliation> => {
      const rec = reconcile(await loadCommerce(env.hq.db), await loadShows(env.hq.db));
      return rec.find((r) => r.show.stationId === id)!;
    };

    it('matches the package to the cent and shows a sale made after it on its own', async () => {
      const s = await station(`late-${engine}`);
      await s.ingest([
        { type: 'view', count: 120, id: 'v1' },
        { type: 'order', id: 'o1', orderId: 'o1', amount: 39.99, currency: 'USD' },
        { type: 'order', id: 'o2', orderId: 'o2', amount: 12.35, currency: 'USD' },
      ]);
      const pkg = await s.writePackage();
      s.collector.collect();
      await s.send();
      // The show keeps selling after its package: a late webhook, a rehearsal's shopper.
      await s.ingest([{ type: 'order', id: 'o3', orderId: 'o3', amount: 10, currency: 'USD' }]);
      s.collector.collect();
      await s.send();

      const r = await reconciled(`late-${engine}`);
      expect(r).toMatchObject({ status: 'matches', matches: true, hqRevenueCents: 5234, hqOrders: 2, afterPackage: { revenueCents: 1000, orders: 1 } });
      expect(r.packageRevenueCents).toBe(Math.round(pkg.revenue * 100));
      expect(r.packageOrders).toBe(pkg.orders);
      const row = await reconciliationRow(`late-${engine}`);
      expect(row).toContain('to the cent');
      expect(row).toContain('+10.00 USD (1 order)');
    });

    it('reads a package that reached HQ before all of its commerce as in flight, then as matching', async () => {
      const s = await station(`backlog-${engine}`);
      // More commerce than the collector moves in one run (2000 rows): the package record travels
      // in the first run, the last orders it counted in the next.
      for (let i = 0; i < 2; i++) await s.ingest(Array.from({ length: 995 }, (_, k) => ({ type: 'view', count: 1, id: `v-${i}-${k}` })));
      await s.ingest(Array.from({ length: 20 }, (_, k) => ({ type: 'order', id: `o-${k}`, orderId: `o-${k}`, amount: 39.99, currency: 'USD' })));
      const pkg = await s.writePackage();
      expect(pkg.orders).toBe(20);
      s.collector.collect();
      await s.send();

      const partial = await reconciled(`backlog-${engine}`);
      // HQ holds the package and 10 of its 20 orders: not a mismatch, a package still arriving.
      expect(partial.hqOrders).toBe(10);
      expect(partial).toMatchObject({ status: 'in flight', matches: null, events: { held: 2000, counted: 2010 } });
      const row = await reconciliationRow(`backlog-${engine}`);
      expect(row).toContain('in flight');
      expect(row).toContain('2000 of 2010 events');
      expect(row).not.toContain('MISMATCH');

      s.collector.collect();
      await s.send();
      const done = await reconciled(`backlog-${engine}`);
      expect(done).toMatchObject({ status: 'matches', matches: true, hqOrders: 20, hqRevenueCents: 79_980, afterPackage: { revenueCents: 0, orders: 0 }, events: { held: 2010, counted: 2010 } });
    });
  });
}
