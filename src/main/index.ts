// Electron shell: starts the station in-process, opens the producer window (and the host's card
// on the second display), adds menus and global shortcuts. No business logic lives here.
// It refuses debugging and sandbox switches, sends the views' CSP with every station page, and
// trusts no TLS certificate but the station's own.
import { app, BrowserWindow, clipboard, dialog, globalShortcut, Menu, screen, session, shell } from 'electron';
import { dirname, join } from 'node:path';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startStation, type Station } from '../station/station';
import { parseStationOptions } from '../station/options';
import { appRoot, appVersion } from '../station/paths';
import { createConsoleLogger } from '../core/platform/logger';
import { installLastResort } from '../station/last-resort';
import type { Role } from '../shared/contract/roles';
import { createSafeStorageSecretStore } from './secret-store.electron';
import { createViewWindow, preloadPath } from './windows';
import { createIpcBridge, type IpcBridge } from './ipc-bridge';
import { registerShortcuts } from './shortcuts';
import { checkLaunchSwitches } from './launch-switches';
import { createExternalLinks } from './external-links';
import { permitStoreAdminLinks } from './store-admin-links';
import { applyContentSecurityPolicy } from './content-security';
import { stationPin, verifyStationCertificate } from './cert-pin';

const mainDir = dirname(fileURLToPath(import.meta.url));
let station: Station | null = null;
let bridge: IpcBridge | null = null;
const open = new Map<Role, BrowserWindow>();
const log = createConsoleLogger({});
// The station runs in this process: a bug that escapes every guard is logged and the show goes on
// (Electron's default would put a modal error dialog over the producer's console).
installLastResort(process, log);
const links = createExternalLinks({ openExternal: (url) => shell.openExternal(url), warn: (message) => log.warn(message) });

function nativeBinding(root: string): string | null {
  // The Electron build carries a better-sqlite3 compiled for Electron's ABI (see scripts/electron-native.ts).
  const candidates = [
    process.env.BATON_NATIVE_BINDING,
    join(process.resourcesPath ?? '', 'native', 'better_sqlite3.node'),
    join(root, '.electron-native', 'better_sqlite3.node'),
  ];
  return candidates.find((p): p is string => !!p && existsSync(p)) ?? null;
}

function openView(role: Role): void {
  const existing = open.get(role);
  if (existing && !existing.isDestroyed()) {
    existing.focus();
    return;
  }
  if (!station || !bridge) return;
  const win = createViewWindow({ role, stationUrl: station.url, preload: preloadPath(mainDir), links });
  bridge.attach(win.webContents, role, `${role} (this computer)`);
  open.set(role, win);
  win.on('closed', () => open.delete(role));
}

function buildMenu(): void {
  const s = station;
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
      {
        label: 'View',
        submenu: [
          { label: 'Producer console', accelerator: 'CmdOrCtrl+1', click: () => openView('producer') },
          { label: 'Host cue card', accelerator: 'CmdOrCtrl+2', click: () => openView('host') },
          { label: 'Moderator queue', accelerator: 'CmdOrCtrl+3', click: () => openView('moderator') },
          { type: 'separator' },
          { role: 'togglefullscreen' },
          { role: 'resetZoom' },
          { role: 'zoomIn' },
          { role: 'zoomOut' },
        ],
      },
      {
        label: 'Station',
        submenu: [
          ...(['producer', 'host', 'moderator'] as const).map((role) => ({
            label: `Copy ${role} bootstrap link (station owner; people get personal links)`,
            click: () => {
              const t = s?.tokens.issued().find((x) => x.role === role);
              if (s && t) clipboard.writeText(`${s.url}/${role}?token=${t.token}`);
            },
          })),
          { type: 'separator' as const },
          { label: 'Open data folder', click: () => void shell.openPath(app.getPath('userData')) },
          { role: 'quit' as const },
        ],
      },
    ]),
  );
}

async function boot(): Promise<void> {
  const options = parseStationOptions(process.argv.slice(1));
  const root = app.isPackaged ? app.getAppPath() : appRoot(mainDir);
  const dataDir = options.dataDir ?? app.getPath('userData');
  station = await startStation({
    mode: 'electron',
    port: options.port,
    lan: options.lan,
    allowInsecureStore: options.allowInsecureStore,
    allowInsecureHq: options.allowInsecureHq,
    dataDir,
    showFile: options.showFile,
    appRoot: root,
    version: appVersion(root),
    log,
    secrets: createSafeStorageSecretStore(join(dataDir, 'secrets.bin')),
    envProducerToken: process.env.BATON_PRODUCER_TOKEN ?? null,
    nativeBinding: nativeBinding(root),
    clock: null,
  });
  applyContentSecurityPolicy(session.defaultSession, station.url);
  // With --lan the station's certificate is self-signed: the windows trust exactly its fingerprint.
  const pin = stationPin(station.url, station.tlsFingerprint);
  session.defaultSession.setCertificateVerifyProc((request, callback) => callback(verifyStationCertificate(pin, request)));
  bridge = createIpcBridge(station.core, new URL(station.url).origin);
  buildMenu();
  registerShortcuts(station.core);
  // The "store unreachable" banner's action: the offer's page in the store's own admin, in the system browser.
  permitStoreAdminLinks(station.core, links);
  openView('producer');
  if (screen.getAllDisplays().length > 1) openView('host');
}

// An unpackaged build may be debugged on purpose by a developer who says so; a packaged one never.
const devOverride = !app.isPackaged && process.env.BATON_DEV_UNSAFE_SWITCHES === '1';
const launch = checkLaunchSwitches({ argv: process.argv, env: process.env, platform: process.platform, commandLine: app.commandLine });
const refusal = devOverride ? null : launch.message;
if (devOverride && launch.refused.length > 0) log.warn(`development build started with ${launch.refused.join(', ')} (BATON_DEV_UNSAFE_SWITCHES=1)`);

app.enableSandbox();
// Contents Baton did not harden itself (none today) open no windows and attach no webviews.
app.on('web-contents-created', (_event, contents) => {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
});
if (refusal !== null) {
  console.error(refusal);
  void app.whenReady().then(() => {
    dialog.showErrorBox('Baton will not start', refusal);
    app.exit(1);
  });
} else {
  app.whenReady().then(boot, (e: unknown) => console.error(e)).catch((error: unknown) => {
    dialog.showErrorBox('Baton could not start', error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
}

app.on('window-all-closed', () => app.quit());
app.on('will-quit', (event) => {
  globalShortcut.unregisterAll();
  if (!station) return;
  event.preventDefault();
  const s = station;
  station = null;
  bridge?.close();
  void s.close().finally(() => app.exit(0));
});
