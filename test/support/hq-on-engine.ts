// A real HQ for one describe block, on real PostgreSQL 15 or on PGlite, with the station cores and
// data folders the block creates: started before its tests, everything closed and removed after.
// Registers its own beforeAll/afterAll, so call it at the top of the describe.
import { afterAll, beforeAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHq, type HqApp, type HqConfig } from '../../hq/hq.app';
import { startPostgres, type PostgresServer } from '../peers/postgres-server';
import type { Core } from '../../src/core/core';

export type HqEngine = 'pglite' | 'postgres';

export interface HqOnEngine {
  /** The running HQ (only inside tests and later hooks). */
  readonly hq: HqApp;
  /** The PostgreSQL server behind it (postgres only), to crash and restart. */
  readonly pg: PostgresServer | null;
  admin(): { authorization: string };
  /** Signs in with the printed link (the admin's, or another token's) and answers the session cookie a browser would send. */
  signIn(token?: string): Promise<string>;
  /** Registers a station with HQ and returns its token. */
  issue(id: string): Promise<string>;
  /** A fresh data folder, removed after the block. */
  tempDir(prefix: string): string;
  /** Closes the core after the block, before HQ stops. */
  keep(core: Core): Core;
}

/** `config`: HQ's optional settings for this block (a viewer token, the clock its sessions and throttle are timed on, --behind-tls). */
export function hqOnEngine(engine: HqEngine, config: Pick<HqConfig, 'viewerToken' | 'monotonic' | 'behindTls'> = {}): HqOnEngine {
  let pg: PostgresServer | null = null;
  let hq: HqApp | null = null;
  const dirs: string[] = [];
  const cores: Core[] = [];
  beforeAll(async () => {
    if (engine === 'postgres') pg = await startPostgres();
    hq = await startHq({ port: 0, host: '127.0.0.1', dataDir: null, pgUrl: pg?.url ?? null, version: 'test', ...config });
  });
  afterAll(async () => {
    for (const c of cores) await c.close();
    await hq?.close();
    await pg?.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  const running = (): HqApp => {
    if (!hq) throw new Error('HQ is not running (used outside a test?)');
    return hq;
  };
  const admin = () => ({ authorization: `Bearer ${running().adminToken}` });
  return {
    get hq() {
      return running();
    },
    get pg() {
      return pg;
    },
    admin,
    signIn: async (token) => {
      const r = await fetch(`${running().url}/calendar?token=${encodeURIComponent(token ?? running().adminToken)}`, { redirect: 'manual' });
      const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      if (r.status !== 303 || !cookie.startsWith('hq_session=')) throw new Error(`HQ did not sign in (${r.status})`);
      return cookie;
    },
    issue: async (id) => {
      const r = await fetch(`${running().url}/api/stations`, { method: 'POST', headers: admin(), body: JSON.stringify({ id }) });
      return ((await r.json()) as { token: string }).token;
    },
    tempDir: (prefix) => {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      dirs.push(dir);
      return dir;
    },
    keep: (core) => {
      cores.push(core);
      return core;
    },
  };
}
