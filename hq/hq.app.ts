// Starts HQ: opens PostgreSQL (or PGlite in the data folder), runs the migrations, loads or makes
// the admin token, and serves. Used by the CLI, the tests and the bench.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { openHqDb, type HqDb } from './db/hq-db';
import { migrateHq } from './db/hq-migrations';
import { startHqServer, type HqServer } from './hq.server';

export interface HqConfig {
  port: number;
  host: string;
  /** Holds the admin token, and PGlite's database when no pgUrl is given; null: in memory (tests). */
  dataDir: string | null;
  pgUrl: string | null;
  version: string;
  adminToken?: string;
  poolSize?: number;
}

export interface HqApp {
  db: HqDb;
  server: HqServer;
  url: string;
  adminToken: string;
  close(): Promise<void>;
}

function loadAdminToken(dataDir: string | null): string {
  if (process.env.BATON_HQ_ADMIN_TOKEN) return process.env.BATON_HQ_ADMIN_TOKEN;
  const fresh = `bhqa_${randomBytes(24).toString('base64url')}`;
  if (!dataDir) return fresh;
  const file = join(dataDir, 'admin-token');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  writeFileSync(file, fresh + '\n', { mode: 0o600 });
  chmodSync(file, 0o600);
  return fresh;
}

export async function startHq(cfg: HqConfig): Promise<HqApp> {
  if (cfg.dataDir) mkdirSync(cfg.dataDir, { recursive: true });
  const db = await openHqDb({ pgUrl: cfg.pgUrl, dataDir: cfg.dataDir && !cfg.pgUrl ? join(cfg.dataDir, 'pglite') : null, ...(cfg.poolSize ? { poolSize: cfg.poolSize } : {}) });
  try {
    await migrateHq(db);
    const adminToken = cfg.adminToken ?? loadAdminToken(cfg.dataDir);
    const server = await startHqServer({ db, host: cfg.host, port: cfg.port, adminToken, version: cfg.version });
    return {
      db,
      server,
      url: server.url,
      adminToken,
      async close() {
        await server.close();
        await db.close();
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}
