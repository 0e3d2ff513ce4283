// A data folder written before the audit chain became canonical (commit e699346: a show load,
// cue moves, refusals of every kind) must still verify, load and keep growing the same chain.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestCore, host, producer } from '../../../test/support/test-core';
import { openDatabase } from './database';
import { verifyAuditChain } from './audit-verify';
import type { AuditRow } from './audit-hash';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function oldDataFolder(): { dir: string; rows: AuditRow[] } {
  const rows = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'audit-chain-e699346.json'), 'utf8')) as AuditRow[];
  const dir = mkdtempSync(join(tmpdir(), 'baton-oldchain-'));
  dirs.push(dir);
  const db = openDatabase({ file: join(dir, 'baton.db') });
  const insert = db.prepare(
    `INSERT INTO audit_log (seq, at, actor, role, via, command, args, outcome, detail, duration_ms, prev_hash, hash)
     VALUES (@seq, @at, @actor, @role, @via, @command, @args, @outcome, @detail, @duration_ms, @prev_hash, @hash)`,
  );
  db.transaction(() => rows.forEach((r) => insert.run(r)))();
  db.close();
  return { dir, rows };
}

describe('an audit chain written by the previous code', () => {
  it('verifies as it is, loads, and keeps growing one intact chain', async () => {
    const { dir, rows } = oldDataFolder();
    const raw = openDatabase({ file: join(dir, 'baton.db') });
    expect(verifyAuditChain(raw)).toMatchObject({ ok: true, rows: rows.length, headHash: rows[rows.length - 1]?.hash });
    raw.close();

    const core = createTestCore({ dataDir: dir });
    try {
      const snap = core.snapshot().state.audit;
      expect(snap.count).toBe(rows.length + 1); // + this start
      const listed = core.audit.list({ limit: 1000 }).reverse();
      expect(listed.slice(0, rows.length).map((e) => [e.seq, e.command, e.hash])).toEqual(rows.map((r) => [r.seq, r.command, r.hash]));
      // Old refusals kept raw arguments: readers get them back as stored, whatever their type.
      expect(listed.find((e) => e.outcome === 'refused:invalid_args')?.args).toEqual({ cueId: 42 });
      await core.dispatch('show.load', { path: 'resources/demo-show/show.json' }, producer);
      await core.dispatch('cue.goto', { cueId: '\ud800' }, host);
      expect(verifyAuditChain(core.db)).toMatchObject({ ok: true });
    } finally {
      await core.close();
    }
  });
});
