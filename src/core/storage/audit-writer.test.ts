import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/contract/index';
import { openDatabase } from './database';
import { createAuditRepo } from './audit.repo';
import { createAuditWriter } from './audit-writer';
import { verifyAuditChain } from './audit-verify';

function rig() {
  const db = openDatabase({ file: ':memory:' });
  db.exec('CREATE TABLE probe (v TEXT NOT NULL)');
  const repo = createAuditRepo(db);
  const heard: AuditEntry[] = [];
  const writer = createAuditWriter({ db, repo, clock: { now: () => 1_000, monotonic: () => 1_000 }, onAppended: (e) => heard.push(e) });
  return { db, repo, writer, heard, insert: db.prepare('INSERT INTO probe (v) VALUES (?)') };
}

describe('audit writer', () => {
  it('fills in who from the binding, and lets a step name the person it ran for', () => {
    const { writer, repo } = rig();
    const obs = writer.bind({ actor: 'system:obs', role: 'producer', via: 'system' });
    obs.event({ command: 'obs.link.up', args: { url: 'ws://x' } });
    obs.event({ command: 'offer.pause.attempt', args: null, actor: 'Maya', outcome: 'failed', detail: 'store said no', durationMs: 12.5 });
    expect(repo.list({ limit: 2 }).reverse()).toMatchObject([
      { actor: 'system:obs', role: 'producer', via: 'system', command: 'obs.link.up', outcome: 'ok', detail: null, durationMs: 0, at: 1_000 },
      { actor: 'Maya', role: 'producer', via: 'system', outcome: 'failed', detail: 'store said no', durationMs: 12.5 },
    ]);
  });

  it('writes rows with the data writes they describe, all or nothing, and tells listeners only after the commit', () => {
    const { db, writer, repo, heard, insert } = rig();
    const cues = writer.bind({ actor: 'system:cues', role: 'producer', via: 'system' });
    cues.events([{ command: 'script.import', args: { v: 1 } }], [() => insert.run('v1')]);
    expect(heard.map((e) => e.command)).toEqual(['script.import']);

    expect(() =>
      cues.events([{ command: 'script.import', args: { v: 2 } }, { command: 'script.approval.recorded', args: {} }], [() => insert.run('v2'), () => insert.run(null)]),
    ).toThrow(/NOT NULL/);
    expect(db.prepare('SELECT v FROM probe').all()).toEqual([{ v: 'v1' }]);
    expect(repo.count()).toBe(1);
    expect(heard).toHaveLength(1);

    // The rolled-back rows left no trace in the chain: the next row follows the last stored one.
    cues.event({ command: 'script.import', args: { v: 3 } });
    expect(repo.head()?.seq).toBe(2);
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, rows: 2 });
  });

  it('forgets rows appended in a transaction that failed after them', () => {
    const { db, writer, repo } = rig();
    const who = { actor: 'a', role: 'producer', via: 'test' };
    writer.commit(who, [{ command: 'x.one', args: null }]);
    db.exec(`CREATE TRIGGER no_second BEFORE INSERT ON audit_log WHEN NEW.command = 'x.bad' BEGIN SELECT RAISE(ABORT, 'no'); END`);
    expect(() => writer.commit(who, [{ command: 'x.two', args: null }, { command: 'x.bad', args: null }])).toThrow(/no/);
    writer.commit(who, [{ command: 'x.three', args: null }]);
    expect(repo.list({ limit: 5 }).map((e) => [e.seq, e.command])).toEqual([
      [2, 'x.three'],
      [1, 'x.one'],
    ]);
    expect(verifyAuditChain(db).ok).toBe(true);
  });
});
