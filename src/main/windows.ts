// The three windows. Each is bound to one role; the main process, not the page, decides it.
// Hardened: contextIsolation, sandbox, no Node, no navigation away, no new windows, no permissions.
import { BrowserWindow, screen, shell, type WebContents } from 'electron';
import { join } from 'node:path';
import type { Role } from '../shared/contract/roles';

export interface ViewWindow {
  role: Role;
  window: BrowserWindow;
}

export function createViewWindow(options: { role: Role; stationUrl: string; preload: string }): BrowserWindow {
  const displays = screen.getAllDisplays();
  const primary = screen.getPrimaryDisplay();
  // The host's card goes full screen on the second display when there is one.
  const target = options.role === 'host' ? (displays.find((d) => d.id !== primary.id) ?? primary) : primary;
  const win = new BrowserWindow({
    x: target.bounds.x + 40,
    y: target.bounds.y + 40,
    width: options.role === 'producer' ? 1600 : 1280,
    height: options.role === 'producer' ? 980 : 800,
    fullscreen: options.role === 'host' && target.id !== primary.id,
    backgroundColor: '#0b0d10',
    title: `Baton — ${options.role}`,
    show: false,
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  hardenContents(win.webContents, options.stationUrl);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${options.stationUrl}/${options.role}`);
  return win;
}

function hardenContents(contents: WebContents, stationUrl: string): void {
  const origin = new URL(stationUrl).origin;
  contents.setWindowOpenHandler(({ url }) => {
    // Links to the outside (docs, a store admin) open in the system browser, never in-app.
    if (/^https?:\/\//.test(url) && new URL(url).origin !== origin) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (new URL(url).origin !== origin) event.preventDefault();
  });
  contents.session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
}

export function preloadPath(mainDir: string): string {
  return join(mainDir, '../preload/index.cjs');
}
