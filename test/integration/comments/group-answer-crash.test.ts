// kill -9 of the headless station while a flood of one question is being answered in steps: the
// station answers other requests between steps (the test's own polls are those requests), it is
// SIGKILLed mid-way, started again on the same data folder, and finishes the group from the job's
// row — every member answered once, one audit row per member in the name and role of the moderator
// who clicked (the resumed ones say so), the chain intact.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { findFreePort, type ManagedProcess } from '../../peers/process-control';
import { startTestStation, writeQuietShow, type TestStation } from '../../peers/headless-station';
import { until } from '../../support/until';
import { verifyAuditChain } from '../../../src/core/storage/audit-verify';

const TOKEN = `producer-${Math.random().toString(36).slice(2)}-group`;
const N = 20_000;

const startStation = (dataDir: string, port: number, showFile: string, n: number) => startTestStation({ dataDir, port, showFile, token: TOKEN, name: `station-${n}` });

describe('kill -9 while a flooded work item is answered', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'baton-group-crash-'));
  const procs: ManagedProcess[] = [];
  afterAll(async () => {
    for (const p of procs) await p.stop('SIGTERM', 5_000);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('finishes the group after the restart: every member answered and audited once', async () => {
    const showFile = writeQuietShow(dataDir, 'group-crash');
    const port = await findFreePort();
    const a = await startStation(dataDir, port, showFile, 1);
    procs.push(a.proc);
    for (let i = 0; i < N; i += 1000) {
      const comments = Array.from({ length: 1000 }, (_, k) => ({ platform: 'webhook', id: `f${i + k}`, author: `bot-${i + k}`, text: 'Aceita PIX?', lang: 'pt' }));
      const r = await a.api<{ accepted: number }>('comments.ingest', { comments });
      expect(r.body.result?.accepted).toBe(1000);
    }
    const desk = await a.api<{ items: { id: string; size: number }[] }>('comments.desk', { filter: { queue: 'all' }, limit: 5 });
    const item = desk.body.result?.items.find((i) => i.size === N);
    expect(item).toBeDefined();

    const answered = async (s: TestStation) => (await s.api<{ comments: unknown[] }>('comments.list', { status: 'answered', limit: 5000 })).body.result?.comments.length ?? 0;
    // Ana Reyes (a moderator of the show) answers with her personal link: the rows are hers, in her role.
    const invite = await a.api<{ link: string }>('people.invite', { personId: 'ana' });
    const ana = new URL(invite.body.result!.link).searchParams.get('token')!;
    void fetch(`${a.url}/api/commands/comments.bulk`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ana}`, 'content-type': 'application/json' },
      body: JSON.stringify({ clusterIds: [item!.id], action: 'answer', macroId: 'shipping' }),
    }).catch(() => undefined);
    // The station answers these polls between steps: it is killed once some members are answered.
    await until(async () => (await answered(a)) > 0, 10_000, 'the first step answered');
    await a.proc.kill();
    expect(a.proc.exitInfo()?.signal).toBe('SIGKILL');

    const mid = new Database(join(dataDir, 'baton.db'), { readonly: true });
    const at = (mid.prepare(`SELECT COUNT(*) AS n FROM comments WHERE status = 'answered'`).get() as { n: number }).n;
    // Killed mid-way: part answered, the rest open, the job's row on disk.
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(N);
    const jobs = (mid.prepare('SELECT COUNT(*) AS n FROM comment_group_jobs').get() as { n: number }).n;
    mid.close();
    expect(jobs).toBe(1);

    const b = await startStation(dataDir, port, showFile, 2);
    procs.push(b.proc);
    await until(async () => (await b.api<{ comments: unknown[] }>('comments.list', { open: true, limit: 10 })).body.result?.comments.length === 0, 20_000, 'the rest answered after the restart');
    await b.proc.stop('SIGTERM', 10_000);

    const db = new Database(join(dataDir, 'baton.db'), { readonly: true });
    const statuses = db.prepare('SELECT status, COUNT(*) AS n FROM comments GROUP BY status').all();
    const rows = db.prepare(`SELECT COUNT(*) AS n, COUNT(DISTINCT json_extract(args, '$.id')) AS ids FROM audit_log WHERE command = 'comments.bulk.answer'`).get();
    const resumed = db.prepare(`SELECT actor, role, detail FROM audit_log WHERE command = 'comments.group.resumed'`).all() as { actor: string; role: string; detail: string }[];
    // Who each member's row names: the click's rows (via http) and the resumed ones (via the station, saying so).
    const who = db.prepare(`SELECT actor, role, via, detail, COUNT(*) AS n FROM audit_log WHERE command = 'comments.bulk.answer' GROUP BY actor, role, via, detail ORDER BY via`).all();
    const left = (db.prepare('SELECT COUNT(*) AS n FROM comment_group_jobs').get() as { n: number }).n;
    const chain = verifyAuditChain(db);
    db.close();
    expect(chain.ok).toBe(true);
    console.log(`group crash: ${at} of ${N} answered at the kill; after the restart: ${resumed[0]?.detail}`);
    expect(statuses).toEqual([{ status: 'answered', n: N }]);
    expect(rows).toEqual({ n: N, ids: N });
    expect(resumed).toHaveLength(1);
    expect(resumed[0]).toMatchObject({ actor: 'Ana Reyes (ana)', role: 'moderator' });
    expect(who).toEqual([
      { actor: 'Ana Reyes (ana)', role: 'moderator', via: 'http', detail: null, n: at },
      { actor: 'Ana Reyes (ana)', role: 'moderator', via: 'system', detail: 'resumed after a restart', n: N - at },
    ]);
    expect(left).toBe(0);
  });
});
