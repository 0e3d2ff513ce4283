// The three windows. Each is bound to one role; the main process, not the page, decides it.
// Hardened: contextIsolation, sandbox, no Node, no navigation away, no new windows, no webviews,
// no permissions; links leave for the system browser only through the external-link allow-list.
import { BrowserWindow, screen, type WebContents } from 'electron';
import { join } from 'node:path';
import type { Role } from '../shared/contract/roles';
import type { ExternalLinks } from './external-links';

export interface ViewWindowOptions {
  role: Role;
  stationUrl: string;
  preload: string;
  links: ExternalLinks;
}

/** The page a role's window shows: the station's own view for that role, nothing the page chooses. */
export function viewUrl(stationUrl: string, role: Role): string {
  return new URL(`/${role}`, stationUrl).href;
}

export function createViewWindow(options: ViewWindowOptions): BrowserWindow {
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
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });
  hardenContents(win.webContents, options.stationUrl, options.links);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(viewUrl(options.stationUrl, options.role));
  return win;
}

const originOf = (url: string): string | null => {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
};

/** Keeps a window on the station's origin: navigation, redirects, new windows, webviews, permissions. */
export function hardenContents(contents: WebContents, stationUrl: string, links: ExternalLinks): void {
  const origin = new URL(stationUrl).origin;
  contents.setWindowOpenHandler(({ url }) => {
    // Links to the outside open in the system browser, and only those the station produced.
    if (originOf(url) !== origin) void links.open(url);
    return { action: 'deny' };
  });
  const stayHome = (event: { preventDefault(): void }, url: string) => {
    if (originOf(url) !== origin) event.preventDefault();
  };
  contents.on('will-navigate', stayHome);
  contents.on('will-redirect', stayHome);
  contents.on('will-frame-navigate', (event) => stayHome(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // One permission only: desktop notifications for the producer's opt-in emergency alarm, asked by
  // the station's own pages. Everything else (camera, location, clipboard…) is refused.
  const allowed = (permission: string, url: string | undefined) => permission === 'notifications' && url !== undefined && originOf(url) === origin;
  contents.session.setPermissionRequestHandler((_wc, permission, callback, details) => callback(allowed(permission, details?.requestingUrl)));
  contents.session.setPermissionCheckHandler((_wc, permission, requestingOrigin) => allowed(permission, requestingOrigin));
}

export function preloadPath(mainDir: string): string {
  return join(mainDir, '../preload/index.cjs');
}
