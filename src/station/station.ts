// A running station: the core, its API server and the show it starts with. Used by the headless
// CLI, by the Electron main process (which adds windows on top) and by tests.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createCore, type Core } from '../core/core';
import { createTokenService, type TokenService } from './auth/token.service';
import { startApiServer, type ApiServer } from './transport/api.server';
import type { Logger } from '../core/platform/logger';
import { createFileSecretStore, type SecretStore } from '../core/platform/secret-store';
import { systemClock, type Clock } from '../core/platform/clock';
import { createSettingsRepo } from '../core/storage/settings.repo';
import { createDefaultPorts } from './default-ports';
import { createCommerceEventRoute } from './routes/commerce-event.route';
import type { HqLinkConfig } from './hq-link';
import { createSignoffRoutes } from './routes/signoff.route';
import { stationHostNames } from './transport/host-guard';
import { createRateLimiter, DEFAULT_LIMITS } from './transport/rate-limit';
import { loadOrCreateCertificate } from './tls/certificate';
import { createDeviceTokenService, type DeviceTokenService } from './auth/device-token.service';
import { createDeviceSocket } from './device/device-socket';
import { createDeviceTokensRoutes } from './routes/device-tokens.route';
import { createOverlaySocket } from './overlay/overlay-socket';
import { createOverlayPageRoute } from './overlay/overlay-page.route';
import { findPerson } from '../core/people/duties';
import { createSendBudget, DEFAULT_SEND_CAPS } from './transport/send-budget';
import type { Trace } from '../core/platform/trace';
import type { PublishScheduler } from '../core/state/state.store';

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
  /** Names besides loopback (and, with `lan`, the machine's addresses) that Host/Origin may carry. */
  allowHosts?: readonly string[];
  /** Commands per second per token before 429; default DEFAULT_LIMITS. */
  rate?: number | null;
  /** `--allow-insecure-store`: store credentials may go over plain http to any host (labs only). */
  allowInsecureStore?: boolean;
  /** `--allow-insecure-hq`: the HQ token and facts may go over plain http to any host (labs only). */
  allowInsecureHq?: boolean;
  /** Opt-in timing of each command's path (headless: BATON_TRACE_FILE); absent: none. */
  trace?: Trace;
  /** When patches go out (a bench's same-run A/B, BATON_PUBLISH_AB_FILE); absent: the state store's default. */
  publish?: PublishScheduler;
}

export interface Station {
  core: Core;
  api: ApiServer;
  tokens: TokenService;
  /** Button-panel and overlay tokens (device feed, overlay pages). */
  devices: DeviceTokenService;
  url: string;
  /** The HQ sender when started with an HQ (tests wait on `drained`). */
  hq: { wake(): void; drained(timeoutMs: number): Promise<boolean> } | null;
  /** The TLS certificate's SHA-256 fingerprint when serving HTTPS (`lan`), else null. */
  tlsFingerprint: string | null;
  close(): Promise<void>;
}

export function demoShowPath(appRoot: string): string {
  return join(appRoot, 'resources', 'demo-show', 'show.json');
}

export async function startStation(cfg: StationConfig): Promise<Station> {
  // A new data folder is made here, owner-only: the secrets file is written before the database opens.
  if (cfg.dataDir !== ':memory:') mkdirSync(cfg.dataDir, { recursive: true, mode: 0o700 });
  const secrets = cfg.secrets ?? createFileSecretStore(join(cfg.dataDir, 'secrets.json'));
  const host = cfg.lan ? '0.0.0.0' : '127.0.0.1';
  // Both refuse loudly before anything is opened: a too-short env token, a LAN without TLS.
  const tokens = createTokenService({ secrets, envProducerToken: cfg.envProducerToken ?? undefined });
  const allowedHosts = stationHostNames({ lan: cfg.lan, allowHosts: cfg.allowHosts ?? [] });
  const tls = cfg.lan ? loadOrCreateCertificate(cfg.dataDir, allowedHosts) : null;
  // Machine clients' named tokens: the core lists, issues and revokes them for the People panel.
  const devices = createDeviceTokenService({ secrets });
  // Where `show.load` may read: the data folder's shows/, the demo show's folder and the folder of
  // the show the station started with (set below, once it is loaded).
  let startShowFolder: string | null = null;
  const showFolders = [...(cfg.dataDir === ':memory:' ? [] : [join(cfg.dataDir, 'shows')]), dirname(demoShowPath(cfg.appRoot))];
  const core = createCore({
    dataDir: cfg.dataDir,
    clock: cfg.clock ?? systemClock,
    log: cfg.log,
    secrets,
    station: { version: cfg.version, mode: cfg.mode, url: '', lan: cfg.lan },
    cwd: process.cwd(),
    showFolders: () => (startShowFolder ? [...showFolders, startShowFolder] : showFolders),
    nativeBinding: cfg.nativeBinding,
    ports: { ...createDefaultPorts({ allowInsecureStore: cfg.allowInsecureStore === true }), hq: { boot: cfg.hq ?? null, allowInsecure: cfg.allowInsecureHq === true } },
    devices,
    ...(cfg.trace ? { trace: cfg.trace } : {}),
    ...(cfg.publish ? { publish: cfg.publish } : {}),
  });
  // One per-token budget for every door: commands, event sockets, panels and overlay pages.
  const limiter = createRateLimiter(cfg.rate ? { ...DEFAULT_LIMITS, ratePerSecond: cfg.rate, burst: Math.max(1, Math.round(cfg.rate * 2)) } : DEFAULT_LIMITS, () => performance.now());
  // One unsent-byte budget for every socket: per token (all its doors together) and per station.
  const sendBudget = createSendBudget(DEFAULT_SEND_CAPS, { log: cfg.log });
  const deviceSocket = createDeviceSocket({ core, devices, log: cfg.log, limiter, budget: sendBudget });
  // A panel acts for a person only while they have access: revoking the person revokes their panels.
  const offPersonRevoked = core.people.onRevoked((e) => {
    if (e.reason === 'revoked') devices.revokeFor(e.personId);
  });
  const overlaySocket = createOverlaySocket({ core, devices, limiter, budget: sendBudget });
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
      allowedHosts,
      limiter,
      sendBudget,
      tls,
      routes: [
        createCommerceEventRoute({ dispatch: core.dispatch, secrets, clock: cfg.clock ?? systemClock, log: cfg.log }),
        ...createSignoffRoutes({ dispatch: core.dispatch }),
        ...createDeviceTokensRoutes({
          tokens,
          devices,
          personOf: (ref) => {
            const show = core.show.current()?.show;
            return (show && findPerson(show, ref)?.id) ?? null;
          },
        }),
        createOverlayPageRoute(),
      ],
      upgrades: [deviceSocket.upgrade, overlaySocket.upgrade],
      ...(cfg.trace ? { trace: cfg.trace } : {}),
    });
  } catch (error) {
    await deviceSocket.close();
    await overlaySocket.close();
    offPersonRevoked();
    await core.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new Error(`port ${cfg.port} is in use: is another Baton running? Try --port <n>.`);
    throw error;
  }
  const url = `${tls ? 'https' : 'http'}://127.0.0.1:${api.port}`;
  const tlsFingerprint = tls?.fingerprint256 ?? null;
  core.state.update('station', (s) => ({ ...s, url, tlsFingerprint }));

  const settings = createSettingsRepo(core.db);
  core.show.onLoaded((l) => {
    if (l.source !== 'import') settings.set('show.lastFile', l.source);
  });
  const candidates = [cfg.showFile ? resolve(cfg.showFile) : null, settings.get('show.lastFile'), demoShowPath(cfg.appRoot)];
  for (const file of candidates) {
    if (!file) continue;
    try {
      startShowFolder = dirname(core.show.loadFile(file).source);
      break;
    } catch (error) {
      cfg.log.warn(`show not loaded from ${file}`, { reason: (error as Error).message });
      if (file === cfg.showFile) throw error;
    }
  }

  await core.start();

  return {
    core,
    api,
    tokens,
    devices,
    url,
    // Whichever report runs now (from --hq or the producer's setting).
    hq: {
      wake: () => core.hqLink()?.wake(),
      drained: (ms: number) => core.hqLink()?.drained(ms) ?? Promise.resolve(true),
    },
    tlsFingerprint,
    async close() {
      offPersonRevoked();
      await deviceSocket.close();
      await overlaySocket.close();
      await api.close();
      await core.close();
    },
  };
}
