// Opens the station's one SQLite database (WAL), runs numbered migrations and refuses a schema
// newer than this code knows, so an old build never writes into a newer station's data.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { MIGRATIONS, type Migration } from './migrations/index';

export type Db = Database.Database;

export class SchemaTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly known: number,
    file: string,
  ) {
    super(
      `The database ${file} has schema version ${found}, but this Baton knows only up to ${known}. ` +
        `It was written by a newer Baton: update Baton, or start with another --data folder.`,
    );
  }
}

export interface OpenDatabaseOptions {
  /** A file path, or ':memory:' for tests. */
  file: string;
  /** Only for the Electron build, which carries its own copy of the native module. */
  nativeBinding?: string;
  migrations?: readonly Migration[];
}

export function openDatabase(options: OpenDatabaseOptions): Db {
  if (options.file !== ':memory:') mkdirSync(dirname(options.file), { recursive: true });
  const db = new Database(options.file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode survives a process crash (kill -9) without an fsync per commit; only an
    // OS crash or power loss can lose the last commits. That is the trade a live station wants.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, options.migrations ?? MIGRATIONS, options.file);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function migrate(db: Db, migrations: readonly Migration[], file: string): void {
  const known = migrations.length;
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} is numbered ${m.version}, expected ${i + 1}`);
  });
  const current = schemaVersion(db);
  if (current > known) throw new SchemaTooNewError(current, known, file);
  for (const m of migrations.slice(current)) {
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}
