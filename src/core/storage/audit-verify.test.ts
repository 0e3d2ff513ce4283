import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { openDatabase, type Db } from './database';
import { createAuditRepo } from './audit.repo';
import { describeVerify, verifyAuditChain } from './audit-verify';

let db: Db;
afterEach(() => db?.open && db.close());

function seeded(n = 6): Db {
  const d = openDatabase({ file: ':memory:' });
  const repo = createAuditRepo(d);
  for (let i = 1; i <= n; i++) {
    repo.append({ at: 1000 + i, actor: `p${i}`, role: 'producer', via: 'test', command: `cmd.${i}`, args: { i }, outcome: 'ok', detail: null, durationMs: 0.5 });
  }
  // What an attacker with the file would do first: lift the append-only guards.
  d.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  return d;
}

describe('audit chain', () => {
  it('is intact after appends', () => {
    db = seeded();
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, rows: 6 });
  });

  it('refuses updates and deletes while its guards are in place', () => {
    db = openDatabase({ file: ':memory:' });
    createAuditRepo(db).append({ at: 1, actor: 'a', role: 'producer', via: 'test', command: 'c', args: {}, outcome: 'ok', detail: null, durationMs: 0 });
    expect(() => db.exec("UPDATE audit_log SET actor = 'x'")).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM audit_log')).toThrow(/append-only/);
  });

  it('names an edited row', () => {
    db = seeded();
    db.exec("UPDATE audit_log SET outcome = 'refused:forbidden' WHERE seq = 3");
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, badSeq: 3 });
  });

  it('names an edited argument even when the hash is left alone', () => {
    db = seeded();
    db.exec(`UPDATE audit_log SET args = '{"i":99}' WHERE seq = 5`);
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, badSeq: 5 });
  });

  it('names a deleted row in the middle', () => {
    db = seeded();
    db.exec('DELETE FROM audit_log WHERE seq = 4');
    const r = verifyAuditChain(db);
    expect(r).toMatchObject({ ok: false, badSeq: 5 });
    expect(r.ok ? '' : r.reason).toMatch(/row 4 is missing/);
  });

  it('names deleted newest rows', () => {
    db = seeded();
    db.exec('DELETE FROM audit_log WHERE seq >= 5');
    const r = verifyAuditChain(db);
    expect(r).toMatchObject({ ok: false, badSeq: 5 });
    expect(r.ok ? '' : r.reason).toMatch(/newest rows were deleted/);
  });

  it('names swapped rows', () => {
    db = seeded();
    db.exec(`
      UPDATE audit_log SET seq = -2 WHERE seq = 2;
      UPDATE audit_log SET seq = 2 WHERE seq = 3;
      UPDATE audit_log SET seq = 3 WHERE seq = -2;`);
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, badSeq: 2 });
  });

  it('names every bad row and gap, not only the first', () => {
    db = seeded(10);
    db.exec(`
      UPDATE audit_log SET actor = 'mallory' WHERE seq = 3;
      DELETE FROM audit_log WHERE seq = 6;
      UPDATE audit_log SET args = '{"i":80}' WHERE seq = 8;
      DELETE FROM audit_log WHERE seq = 10;`);
    const r = verifyAuditChain(db);
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.problems).toEqual([
      { seq: 3, reason: 'row 3 was edited (its content no longer matches its hash)' },
      { seq: 7, reason: 'row 6 is missing (deleted) before row 7' },
      { seq: 8, reason: 'row 8 was edited (its content no longer matches its hash)' },
      { seq: 10, reason: 'row 10 is missing (the newest row was deleted)' },
    ]);
    expect(describeVerify(r)).toHaveLength(5);
  });

  it('catches a tampered sequence record', () => {
    db = seeded();
    db.exec("UPDATE sqlite_sequence SET seq = 2 WHERE name = 'audit_log'");
    expect(verifyAuditChain(db).ok).toBe(false);
  });

  it('the CLI exits 0 when intact and non-zero naming the row when not', () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-audit-'));
    try {
      const d = openDatabase({ file: join(dir, 'baton.db') });
      const repo = createAuditRepo(d);
      for (let i = 0; i < 3; i++) repo.append({ at: i, actor: 'a', role: 'producer', via: 'test', command: 'c', args: {}, outcome: 'ok', detail: null, durationMs: 0 });
      d.close();
      const cli = ['--import', 'tsx', 'src/station/cli/audit-verify.cli.ts', '--data', dir];
      expect(execFileSync(process.execPath, cli, { encoding: 'utf8' })).toContain('intact: 3 rows');
      const e = openDatabase({ file: join(dir, 'baton.db') });
      e.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'mallory' WHERE seq IN (1, 2)");
      e.close();
      let failed: { status: number; stderr: string } | null = null;
      try {
        execFileSync(process.execPath, cli, { encoding: 'utf8', stdio: 'pipe' });
      } catch (error) {
        failed = error as { status: number; stderr: string };
      }
      expect(failed?.status).toBe(1);
      expect(failed?.stderr).toContain('row 1 was edited');
      expect(failed?.stderr).toContain('row 2 was edited');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
