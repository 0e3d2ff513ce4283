// HQ's one database handle over either engine: real PostgreSQL through `pg` (a pool), or PGlite
// (PostgreSQL compiled to WebAssembly) in a data folder. Both run the same SQL.
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface HqDb extends Queryable {
  readonly engine: 'postgres' | 'pglite';
  /** One transaction; rolled back if `fn` throws. */
  tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenHqDbOptions {
  /** A PostgreSQL connection string; null: PGlite in `dataDir` (or in memory when dataDir is null). */
  pgUrl: string | null;
  dataDir: string | null;
  poolSize?: number;
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
  return {
    engine: 'postgres',
    async query<T>(sql: string, params: readonly unknown[] = []) {
      return (await pool.query(sql, params as unknown[])).rows as T[];
    },
    async exec(sql) {
      await pool.query(sql);
    },
    async tx(fn) {
      const client = await pool.connect();
      // A server that dies mid-transaction also emits on the client: the failed query is the answer.
      const onError = () => undefined;
      client.on('error', onError);
      let broken = false;
      try {
        await client.query('BEGIN');
        const q: Queryable = {
          query: async <R>(s: string, p: readonly unknown[] = []) => (await client.query(s, p as unknown[])).rows as R[],
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
    },
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
  // PGlite runs one query at a time; its own queue serialises callers.
  return {
    engine: 'pglite',
    async query<T>(sql: string, params: readonly unknown[] = []) {
      return (await db.query<T>(sql, params as unknown[])).rows;
    },
    async exec(sql) {
      await db.exec(sql);
    },
    tx: (fn) =>
      db.transaction(async (t) =>
        fn({
          query: async <R>(s: string, p: readonly unknown[] = []) => (await t.query<R>(s, p as unknown[])).rows,
          exec: async (s: string) => void (await t.exec(s)),
        }),
      ),
    close: () => db.close(),
  };
}
