import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, schemaVersion, SchemaTooNewError } from './database';
import { MIGRATIONS } from './migrations/index';

describe('database', () => {
  it('runs every migration and uses WAL', () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-db-'));
    try {
      const db = openDatabase({ file: join(dir, 'baton.db') });
      expect(schemaVersion(db)).toBe(MIGRATIONS.length);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a database written by a newer Baton, with a sentence that says what to do', () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-db-'));
    try {
      const file = join(dir, 'baton.db');
      const db = openDatabase({ file });
      db.pragma(`user_version = ${MIGRATIONS.length + 3}`);
      db.close();
      expect(() => openDatabase({ file })).toThrow(SchemaTooNewError);
      expect(() => openDatabase({ file })).toThrow(/newer Baton/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
