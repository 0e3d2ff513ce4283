// The view windows with Electron's modules faked: each window shows its own role's page, stays on
// the station's origin, opens no windows or webviews, grants no permission but the alarm's notifications, and sends links out
// only through the allow-list.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createExternalLinks } from './external-links';

type Listener = (...args: unknown[]) => void;

const fake = vi.hoisted(() => {
  class FakeContents {
    listeners = new Map<string, Listener>();
    openHandler: ((d: { url: string }) => { action: string }) | null = null;
    permissionRequest: ((wc: unknown, permission: string, cb: (ok: boolean) => void, details?: { requestingUrl?: string }) => void) | null = null;
    permissionCheck: ((wc: unknown, permission: string, requestingOrigin: string) => boolean) | null = null;
    session = {
      setPermissionRequestHandler: (h: FakeContents['permissionRequest']) => void (this.permissionRequest = h),
      setPermissionCheckHandler: (h: FakeContents['permissionCheck']) => void (this.permissionCheck = h),
    };
    setWindowOpenHandler(h: FakeContents['openHandler']) {
      this.openHandler = h;
    }
    on(event: string, l: Listener) {
      this.listeners.set(event, l);
      return this;
    }
    emit(event: string, ...args: unknown[]) {
      this.listeners.get(event)?.(...args);
    }
  }
  class FakeWindow {
    static created: FakeWindow[] = [];
    webContents = new FakeContents();
    loaded: string | null = null;
    constructor(public options: { fullscreen: boolean; webPreferences: Record<string, unknown> }) {
      FakeWindow.created.push(this);
    }
    once() {
      return this;
    }
    show() {}
    loadURL(url: string) {
      this.loaded = url;
      return Promise.resolve();
    }
  }
  const primary = { id: 1, bounds: { x: 0, y: 0 } };
  const screen = { displays: [primary], getAllDisplays: () => screen.displays, getPrimaryDisplay: () => primary };
  return { FakeWindow, screen };
});

vi.mock('electron', () => ({ BrowserWindow: fake.FakeWindow, screen: fake.screen }));

const { createViewWindow, viewUrl } = await import('./windows');

const STATION = 'http://127.0.0.1:4820';

function open(role: 'producer' | 'host' | 'moderator') {
  const opened: string[] = [];
  const links = createExternalLinks({ openExternal: async (u) => void opened.push(u), warn: () => undefined });
  createViewWindow({ role, stationUrl: STATION, preload: '/app/out/preload/index.cjs', links });
  const win = fake.FakeWindow.created.at(-1)!;
  return { win, contents: win.webContents, links, opened };
}

const event = (url?: string) => ({ url, prevented: false, preventDefault() {
  this.prevented = true;
} });

describe('view windows', () => {
  beforeEach(() => {
    fake.FakeWindow.created.length = 0;
    fake.screen.displays = [fake.screen.getPrimaryDisplay()];
  });

  it('bind each window to its role’s page, chosen by the main process', () => {
    for (const role of ['producer', 'host', 'moderator'] as const) expect(open(role).win.loaded).toBe(`${STATION}/${role}`);
    expect(viewUrl('http://127.0.0.1:4820/', 'host')).toBe('http://127.0.0.1:4820/host');
  });

  it('put the host’s card full screen on a second display', () => {
    fake.screen.displays = [fake.screen.getPrimaryDisplay(), { id: 2, bounds: { x: 1920, y: 0 } }];
    expect(open('host').win.options.fullscreen).toBe(true);
    expect(open('producer').win.options.fullscreen).toBe(false);
  });

  it('run pages sandboxed and isolated, with no Node and no webviews', () => {
    expect(open('producer').win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('keep navigation and redirects on the station’s origin, also for unparsable URLs', () => {
    const { contents } = open('moderator');
    for (const name of ['will-navigate', 'will-redirect']) {
      const home = event();
      contents.emit(name, home, `${STATION}/moderator?x=1`);
      expect(home.prevented).toBe(false);
      for (const away of ['https://evil.example/', 'http://127.0.0.1:4821/', 'file:///etc/passwd', '::not a url']) {
        const e = event();
        contents.emit(name, e, away);
        expect(e.prevented).toBe(true);
      }
    }
    const frame = event('https://evil.example/');
    contents.emit('will-frame-navigate', frame);
    expect(frame.prevented).toBe(true);
    const webview = event();
    contents.emit('will-attach-webview', webview);
    expect(webview.prevented).toBe(true);
  });

  it('open no new windows, and send only allow-listed https links to the system browser', () => {
    const { contents, links, opened } = open('producer');
    links.permit('https://shop.example.com/admin');
    for (const url of ['https://shop.example.com/admin', 'https://evil.example/', 'file:///etc/passwd', `${STATION}/host`]) {
      expect(contents.openHandler!({ url })).toEqual({ action: 'deny' });
    }
    return vi.waitFor(() => expect(opened).toEqual(['https://shop.example.com/admin']));
  });

  it('grant no permission a page asks for, except notifications for the station’s own pages (the emergency alarm)', () => {
    const { contents } = open('producer');
    const answers: boolean[] = [];
    for (const p of ['media', 'geolocation', 'clipboard-read', 'notifications']) contents.permissionRequest!(null, p, (ok) => answers.push(ok), { requestingUrl: `${STATION}/producer` });
    contents.permissionRequest!(null, 'notifications', (ok) => answers.push(ok), { requestingUrl: 'https://evil.example/' });
    contents.permissionRequest!(null, 'notifications', (ok) => answers.push(ok));
    expect(answers).toEqual([false, false, false, true, false, false]);
    expect(contents.permissionCheck!(null, 'media', STATION)).toBe(false);
    expect(contents.permissionCheck!(null, 'notifications', STATION)).toBe(true);
    expect(contents.permissionCheck!(null, 'notifications', 'https://evil.example')).toBe(false);
  });
});
