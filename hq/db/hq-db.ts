// HQ's one database handle over either engine: real PostgreSQL through `pg` (a pool), or PGlite
// (PostgreSQL compiled to WebAssembly) in a data folder. Both run the same SQL.
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';

export interface Queryable {
  /** `name`: a statement prepared once per connection and reused (hot paths). */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[], name?: string): Promise<T[]>;
  /** Several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface HqDb extends Queryable {
  readonly engine: 'postgres' | 'pglite';
  /** One transaction; rolled back if `fn` throws. */
  tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  /**
   * One transaction under `role` with `settings` set locally, opened in a single round trip
   * (BEGIN, SET LOCAL ROLE and the settings travel as one message); rolled back if `fn` throws.
   */
  txAs<T>(role: string, settings: Readonly<Record<string, string>>, fn: (q: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenHqDbOptions {
  /** A PostgreSQL connection string; null: PGlite in `dataDir` (or in memory when dataDir is null). */
  pgUrl: string | null;
  dataDir: string | null;
  poolSize?: number;
}

/** The statements that open a role-scoped transaction; names and values are quoted, never spliced raw. */
export function roleScope(role: string, settings: Readonly<Record<string, string>>): string {
  const sets = Object.entries(settings).map(([k, v]) => `SELECT set_config(${pg.escapeLiteral(k)}, ${pg.escapeLiteral(v)}, true)`);
  return [`SET LOCAL ROLE ${pg.escapeIdentifier(role)}`, ...sets].join('; ');
}

export async function openHqDb(o: OpenHqDbOptions): Promise<HqDb> {
  return o.pgUrl ? openPostgres(o.pgUrl, o.poolSize ?? 10) : openPglite(o.dataDir);
}

function openPostgres(url: string, max: number): HqDb {
  const ssl = needsTls(url);
  const pool = new pg.Pool({
    connectionString: url,
    max,
    // A dead server must fail a request quickly (the station keeps the facts and retries).
    connectionTimeoutMillis: 3_000,
    query_timeout: 15_000,
    ...(ssl ? { ssl: { rejectUnauthorized: true } } : {}),
  });
  // An idle client losing its server (PostgreSQL restarted) emits here; the pool replaces it.
  pool.on('error', () => undefined);
  const run = async <T>(begin: string, fn: (q: Queryable) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    // A server that dies mid-transaction also emits on the client: the failed query is the answer.
    const onError = () => undefined;
    client.on('error', onError);
    let broken = false;
    try {
      await client.query(begin);
      const q: Queryable = {
        query: async <R>(s: string, p: readonly unknown[] = [], name?: string) =>
          (await client.query(name ? { name, text: s, values: p as unknown[] } : { text: s, values: p as unknown[] })).rows as R[],
        exec: async (s: string) => void (await client.query(s)),
      };
      const result = await fn(q);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
      } catch {
        broken = true;
      }
      throw error;
    } finally {
      client.off('error', onError);
      client.release(broken);
    }
  };
  return {
    engine: 'postgres',
    async query<T>(sql: string, params: readonly unknown[] = [], name?: string) {
      return (await pool.query(name ? { name, text: sql, values: params as unknown[] } : { text: sql, values: params as unknown[] })).rows as T[];
    },
    async exec(sql) {
      await pool.query(sql);
    },
    tx: (fn) => run('BEGIN', fn),
    txAs: (role, settings, fn) => run(`BEGIN; ${roleScope(role, settings)}`, fn),
    close: () => pool.end(),
  };
}

/** TLS to PostgreSQL whenever it is not on this machine, unless the URL says how (sslmode=...). */
export function needsTls(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.searchParams.has('sslmode')) return false;
  const host = u.hostname || 'localhost';
  return !(host === 'localhost' || host === '127.0.0.1' || host === '::1' || host === '[::1]' || host.startsWith('/'));
}

async function openPglite(dataDir: string | null): Promise<HqDb> {
  const db = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  // PGlite runs one query at a time; its own queue serialises callers. It prepares nothing by name.
  const wrap = (t: { query: PGlite['query']; exec: PGlite['exec'] }): Queryable => ({
    query: async <R>(s: string, p: readonly unknown[] = []) => (await t.query<R>(s, p as unknown[])).rows,
    exec: async (s: string) => void (await t.exec(s)),
  });
  return {
    engine: 'pglite',
    async query<T>(sql: string, params: readonly unknown[] = []) {
      return (await db.query<T>(sql, params as unknown[])).rows;
    },
    async exec(sql) {
      await db.exec(sql);
    },
    tx: (fn) => db.transaction(async (t) => fn(wrap(t))),
    txAs: (role, settings, fn) =>
      db.transaction(async (t) => {
        await t.exec(roleScope(role, settings));
        return fn(wrap(t));
      }),
    close: () => db.close(),
  };
}
