// A running station: the core, its API server and the show it starts with. Used by the headless
// CLI, by the Electron main process (which adds windows on top) and by tests.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createCore, type Core } from '../core/core';
import { createTokenService, type TokenService } from './auth/token.service';
import { startApiServer, type ApiServer } from './transport/api.server';
import type { Logger } from '../core/platform/logger';
import { createFileSecretStore, type SecretStore } from '../core/platform/secret-store';
import { systemClock, type Clock } from '../core/platform/clock';
import { createSettingsRepo } from '../core/storage/settings.repo';
import { createDefaultPorts } from './default-ports';
import { createCommerceEventRoute } from './routes/commerce-event.route';
import { createSignoffRoute } from './routes/signoff.route';
import { startHqLink, type HqLinkConfig } from './hq-link';

export interface StationConfig {
  mode: 'electron' | 'headless';
  port: number;
  lan: boolean;
  dataDir: string;
  /** A show file to load; null: the last one loaded, else the demo show. */
  showFile: string | null;
  /** The app folder holding resources/ (and out/renderer when built). */
  appRoot: string;
  version: string;
  log: Logger;
  /** Electron passes a safeStorage-backed store; headless uses a 0600 file in the data folder. */
  secrets: SecretStore | null;
  envProducerToken: string | null;
  nativeBinding: string | null;
  clock: Clock | null;
  /** Report to HQ through the outbox; absent or null: no HQ. */
  hq?: HqLinkConfig | null;
}

export interface Station {
  core: Core;
  api: ApiServer;
  tokens: TokenService;
  url: string;
  /** The HQ sender when started with an HQ (tests wait on `drained`). */
  hq: { wake(): void; drained(timeoutMs: number): Promise<boolean> } | null;
  close(): Promise<void>;
}

export function demoShowPath(appRoot: string): string {
  return join(appRoot, 'resources', 'demo-show', 'show.json');
}

export async function startStation(cfg: StationConfig): Promise<Station> {
  const secrets = cfg.secrets ?? createFileSecretStore(join(cfg.dataDir, 'secrets.json'));
  const host = cfg.lan ? '0.0.0.0' : '127.0.0.1';
  const core = createCore({
    dataDir: cfg.dataDir,
    clock: cfg.clock ?? systemClock,
    log: cfg.log,
    secrets,
    station: { version: cfg.version, mode: cfg.mode, url: '', lan: cfg.lan },
    cwd: process.cwd(),
    nativeBinding: cfg.nativeBinding,
    ports: createDefaultPorts(),
  });
  const tokens = createTokenService({ secrets, envProducerToken: cfg.envProducerToken ?? undefined });
  const rendererDir = join(cfg.appRoot, 'out', 'renderer');
  let api: ApiServer;
  try {
    api = await startApiServer({
      core,
      tokens,
      log: cfg.log,
      host,
      port: cfg.port,
      staticRoot: existsSync(join(rendererDir, 'index.html')) ? rendererDir : null,
      version: cfg.version,
      routes: [
        createCommerceEventRoute({ dispatch: core.dispatch, secrets, clock: cfg.clock ?? systemClock, log: cfg.log }),
        createSignoffRoute({ dispatch: core.dispatch }),
      ],
    });
  } catch (error) {
    await core.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new Error(`port ${cfg.port} is in use: is another Baton running? Try --port <n>.`);
    throw error;
  }
  const url = `http://127.0.0.1:${api.port}`;
  core.state.update('station', (s) => ({ ...s, url }));

  const settings = createSettingsRepo(core.db);
  core.show.onLoaded((l) => {
    if (l.source !== 'import') settings.set('show.lastFile', l.source);
  });
  const candidates = [cfg.showFile ? resolve(cfg.showFile) : null, settings.get('show.lastFile'), demoShowPath(cfg.appRoot)];
  for (const file of candidates) {
    if (!file) continue;
    try {
      core.show.loadFile(file);
      break;
    } catch (error) {
      cfg.log.warn(`show not loaded from ${file}`, { reason: (error as Error).message });
      if (file === cfg.showFile) throw error;
    }
  }

  await core.start();
  const hq = cfg.hq ? startHqLink(core, cfg.hq) : null;

  return {
    core,
    api,
    tokens,
    url,
    hq,
    async close() {
      await hq?.close();
      await api.close();
      await core.close();
    },
  };
}
