import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestCore, producer, DEMO_SHOW } from '../../../test/support/test-core';
import { toCsv, writePostShowPackage } from './post-show.package';
import { PACKAGE_TOTALS_ROW } from '../../shared/contract/index';
import type { AuditInput } from '../storage/audit-writer';
import { defaultOffersPorts } from '../offers/offers.ports';

describe('post-show package', () => {
  it('writes the summary and a verified audit trail into the data folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-pkg-'));
    const core = createTestCore({ dataDir: dir });
    try {
      await core.dispatch('show.load', { path: DEMO_SHOW }, producer);
      // Two people ask the same; one reply answers both and is pinned; a third asker arrives under the pin.
      const ask = (id: string) => ({ platform: 'tiktok', id, author: `viewer-${id}`, text: 'aceita pix?', lang: 'pt' });
      await core.dispatch('comments.ingest', { comments: [ask('p1'), ask('p2')] }, producer);
      const desk = await core.dispatch('comments.desk', { filter: { queue: 'all' }, limit: 50 }, producer);
      const item = desk.ok ? (desk.result as { items: { id: string; size: number }[] }).items.find((i) => i.size === 2) : undefined;
      expect((await core.dispatch('cluster.answer', { clusterId: item?.id, macroId: 'shipping', pin: true, by: 'Ana' }, producer)).ok).toBe(true);
      await core.dispatch('comments.ingest', { comments: [ask('p3')] }, producer);
      const r = await core.dispatch('show.package', {}, producer);
      expect(r.ok).toBe(true);
      const out = r.ok ? (r.result as { dir: string; files: string[] }) : { dir: '', files: [] };
      expect(out.files).toEqual(expect.arrayContaining(['summary.json', 'audit.jsonl', 'audit-verify.txt', 'comments.csv']));
      const summary = JSON.parse(readFileSync(join(out.dir, 'summary.json'), 'utf8')) as { show: { id: string }; audit: { verified: boolean; rows: number } };
      expect(summary.show.id).toBe('glow-kit-launch');
      expect(summary.audit.verified).toBe(true);
      expect(readFileSync(join(out.dir, 'audit.jsonl'), 'utf8')).toContain('"command":"show.load"');
      const report = readFileSync(join(out.dir, 'report.md'), 'utf8');
      expect(report).toMatch(/^# Post-show report: Glow Kit Launch — Live Shopping — Lumen & Co\. Skincare/);
      expect(report).toContain('**REHEARSAL**');
      expect(report).toContain('The hash chain is intact');
      expect(report).toContain('Glow Kit live bundle');
      expect(report).toContain("| answered how | 1 by a moderator's reply, 1 with their group's reply, 1 by a pinned answer |");
      expect(readFileSync(join(out.dir, 'comments.csv'), 'utf8').split('\n')[0]).toContain('answeredVia');
    } finally {
      await core.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('states its totals and the commerce events they count in the audit trail; a package that fails states none', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-pkg-'));
    // No simulated shoppers: a sale of theirs after the package would move the count read below.
    const offers = defaultOffersPorts();
    const core = createTestCore({ dataDir: dir, ports: { offers: { ...offers, sandbox: { ...offers.sandbox, simulate: false } } } });
    try {
      await core.dispatch('show.load', { path: DEMO_SHOW }, producer);
      await core.dispatch('offer.ingest', { events: [{ type: 'order', id: 'o1', amount: 39.99, currency: 'USD' }] }, producer);
      const r = await core.dispatch('show.package', {}, producer);
      if (!r.ok) throw new Error(r.error.message);
      const summary = JSON.parse(readFileSync(join(r.result.dir, 'summary.json'), 'utf8')) as { kpis: { revenue: number; orders: number }; kpisCount: unknown };
      const last = core.db.prepare("SELECT MAX(seq) AS seq, COUNT(*) AS n FROM commerce_events WHERE show_id = 'glow-kit-launch'").get() as { seq: number; n: number };
      expect(last.n).toBe(1);
      expect(summary.kpisCount).toEqual({ throughEventSeq: last.seq, events: last.n });
      const [pkgRow, totalsRow] = core.audit.list({ limit: 2 });
      expect(pkgRow).toMatchObject({ command: 'show.package', outcome: 'ok' });
      expect(totalsRow).toMatchObject({ command: PACKAGE_TOTALS_ROW, outcome: 'ok', actor: producer.actor });
      expect(totalsRow!.args).toMatchObject({ showId: 'glow-kit-launch', kpis: { revenue: summary.kpis.revenue, orders: summary.kpis.orders }, counted: summary.kpisCount });

      const rows: AuditInput[] = [];
      const full = { writeFile: () => { throw new Error('ENOSPC: no space left on device'); } };
      await expect(writePostShowPackage({ dataDir: dir, now: core.now(), db: core.db, audit: core.audit, state: core.state, dispatch: core.dispatch, fs: full, record: (row) => rows.push(row) })).rejects.toThrow(/could not be written/);
      expect(rows).toEqual([]);
    } finally {
      await core.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('states every problem of a broken audit chain', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-pkg-'));
    const core = createTestCore({ dataDir: dir });
    try {
      await core.dispatch('show.load', { path: DEMO_SHOW }, producer);
      core.db.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'mallory' WHERE seq IN (1, 3)");
      const r = await core.dispatch('show.package', {}, producer);
      const out = r.ok ? (r.result as { dir: string }) : { dir: '' };
      const verify = readFileSync(join(out.dir, 'audit-verify.txt'), 'utf8');
      expect(verify).toMatch(/^BROKEN: 2 problems/);
      expect(verify).toContain('row 1: row 1 was edited');
      expect(verify).toContain('row 3: row 3 was edited');
      const summary = JSON.parse(readFileSync(join(out.dir, 'summary.json'), 'utf8')) as { audit: { verified: boolean; problems: unknown[] } };
      expect(summary.audit).toMatchObject({ verified: false, problems: [{ seq: 1 }, { seq: 3 }] });
      expect(readFileSync(join(out.dir, 'report.md'), 'utf8')).toContain('The hash chain is BROKEN: 2 problems');
    } finally {
      await core.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('defuses a formula behind a tab, keeps a refund a number (shared csvCell)', () => {
    expect(toCsv([{ text: '\t=HYPERLINK("x")', refund: -3 }])).toBe(`text,refund\n"'\t=HYPERLINK(""x"")",-3\n`);
  });

  it('quotes CSV cells and defuses formulas typed by viewers', () => {
    const csv = toCsv([{ text: '=HYPERLINK("x")', other: 'a,b' }]);
    expect(csv).toBe(`text,other\n"'=HYPERLINK(""x"")","a,b"\n`);
  });
});
