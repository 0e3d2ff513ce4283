// Starts HQ: opens PostgreSQL (or PGlite in the data folder), runs the migrations, loads or makes
// the admin and viewer tokens, and serves. Used by the CLI, the tests and the bench.
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
  /** The read-only viewer's token (default: made and kept beside the admin token; null: no viewer sign-in). */
  viewerToken?: string | null;
  poolSize?: number;
  /** The monotonic clock sessions and the sign-in throttle are timed on (default performance.now). */
  monotonic?: () => number;
  /** HQ is always reached through a TLS proxy: every cookie is Secure. */
  behindTls?: boolean;
}

export interface HqApp {
  db: HqDb;
  server: HqServer;
  url: string;
  adminToken: string;
  /** The read-only viewer's token, or null when nobody signs in as a viewer. */
  viewerToken: string | null;
  close(): Promise<void>;
}

/** A token from the environment, else the one kept in the data folder (made on first start, owner-only), else a fresh one in memory. */
function loadToken(dataDir: string | null, file: string, envName: string, prefix: string): string {
  const fromEnv = process.env[envName];
  if (fromEnv) return fromEnv;
  const fresh = `${prefix}${randomBytes(24).toString('base64url')}`;
  if (!dataDir) return fresh;
  const path = join(dataDir, file);
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  writeFileSync(path, fresh + '\n', { mode: 0o600 });
  chmodSync(path, 0o600);
  return fresh;
}

export async function startHq(cfg: HqConfig): Promise<HqApp> {
  if (cfg.dataDir) mkdirSync(cfg.dataDir, { recursive: true });
  const db = await openHqDb({ pgUrl: cfg.pgUrl, dataDir: cfg.dataDir && !cfg.pgUrl ? join(cfg.dataDir, 'pglite') : null, ...(cfg.poolSize ? { poolSize: cfg.poolSize } : {}) });
  try {
    await migrateHq(db);
    const adminToken = cfg.adminToken ?? loadToken(cfg.dataDir, 'admin-token', 'BATON_HQ_ADMIN_TOKEN', 'bhqa_');
    const viewerToken = cfg.viewerToken !== undefined ? cfg.viewerToken : loadToken(cfg.dataDir, 'viewer-token', 'BATON_HQ_VIEWER_TOKEN', 'bhqv_');
    const server = await startHqServer({
      db,
      host: cfg.host,
      port: cfg.port,
      adminToken,
      viewerToken,
      version: cfg.version,
      ...(cfg.monotonic ? { monotonic: cfg.monotonic } : {}),
      ...(cfg.behindTls ? { behindTls: true } : {}),
    });
    return {
      db,
      server,
      url: server.url,
      adminToken,
      viewerToken,
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
