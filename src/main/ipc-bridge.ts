// Bridges the three IPC channels to the core through one session per window (the same session
// the WebSocket uses). The sender of every message is checked: it must be one of Baton's own
// windows, showing the station's own origin; its role comes from that window.
import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { Core } from '../core/core';
import { createConsoleLogger, type Logger } from '../core/platform/logger';
import { IPC } from '../shared/contract/ipc-channels';
import type { BridgeResult } from '../shared/contract/bridge';
import type { Role } from '../shared/contract/roles';
import { openSession, type Session } from '../station/session/session';
import { createErrorReporter } from '../station/transport/error-reporter';

export interface IpcBridge {
  attach(contents: WebContents, role: Role, actor: string): void;
  close(): void;
}

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

export function createIpcBridge(core: Core, stationOrigin: string, log: Logger = createConsoleLogger()): IpcBridge {
  const windows = new Map<number, { session: Session; contents: WebContents }>();
  const report = createErrorReporter(log);

  const senderOf = (event: IpcMainEvent | IpcMainInvokeEvent) => {
    const entry = windows.get(event.sender.id);
    if (!entry || originOf(event.senderFrame?.url) !== stationOrigin) return null;
    return entry;
  };

  ipcMain.handle(IPC.command, async (event, name: unknown, args: unknown): Promise<BridgeResult> => {
    try {
      const entry = senderOf(event);
      if (!entry) return { ok: false, error: { code: 'forbidden', message: 'This window is not one of Baton’s views.' } };
      return await entry.session.dispatch(name, args);
    } catch (error) {
      report(error, 'ipc command');
      return { ok: false, error: { code: 'internal', message: 'The station failed to answer; the failure is logged.' } };
    }
  });

  ipcMain.on(IPC.ready, (event) => {
    try {
      const entry = senderOf(event);
      if (!entry) return;
      entry.session.start((m) => {
        if (!entry.contents.isDestroyed()) entry.contents.send(IPC.message, m);
      });
    } catch (error) {
      report(error, 'ipc ready');
    }
  });

  return {
    attach(contents, role, actor) {
      windows.get(contents.id)?.session.close();
      const session = openSession(core, { actor, role, via: 'ipc' }, { view: true, onInternalError: report });
      windows.set(contents.id, { session, contents });
      contents.once('destroyed', () => {
        windows.get(contents.id)?.session.close();
        windows.delete(contents.id);
      });
    },
    close() {
      ipcMain.removeHandler(IPC.command);
      ipcMain.removeAllListeners(IPC.ready);
      for (const w of windows.values()) w.session.close();
      windows.clear();
    },
  };
}
