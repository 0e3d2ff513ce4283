// Bridges the three IPC channels to the core. The sender of every message is checked: it must be
// one of Baton's own windows, showing the station's own origin; its role comes from that window.
import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { Core } from '../core/core';
import { IPC } from '../shared/contract/ipc-channels';
import type { Role } from '../shared/contract/roles';

export interface IpcBridge {
  attach(contents: WebContents, role: Role, actor: string): void;
  close(): void;
}

export function createIpcBridge(core: Core, stationOrigin: string): IpcBridge {
  const windows = new Map<number, { role: Role; actor: string; off: (() => void) | null; contents: WebContents }>();

  const senderOf = (event: IpcMainEvent | IpcMainInvokeEvent) => {
    const entry = windows.get(event.sender.id);
    const frameUrl = event.senderFrame?.url;
    if (!entry || !frameUrl || new URL(frameUrl).origin !== stationOrigin) return null;
    return entry;
  };

  ipcMain.handle(IPC.command, async (event, name: unknown, args: unknown) => {
    const entry = senderOf(event);
    if (!entry) return { ok: false, error: { code: 'forbidden', message: 'This window is not one of Baton’s views.' } };
    if (typeof name !== 'string') return { ok: false, error: { code: 'invalid_args', message: 'command name must be a string' } };
    return core.dispatch(name, args, { actor: entry.actor, role: entry.role, via: 'ipc' });
  });

  ipcMain.on(IPC.ready, (event) => {
    const entry = senderOf(event);
    if (!entry) return;
    entry.off?.();
    const send = (m: unknown) => {
      if (!entry.contents.isDestroyed()) entry.contents.send(IPC.message, m);
    };
    send({ t: 'hello', actor: entry.actor, role: entry.role, at: core.now() });
    const snap = core.snapshot();
    send({ t: 'snapshot', rev: snap.rev, state: snap.state });
    entry.off = core.subscribe(send);
  });

  return {
    attach(contents, role, actor) {
      windows.set(contents.id, { role, actor, off: null, contents });
      core.setViewCount(role, +1);
      contents.once('destroyed', () => {
        windows.get(contents.id)?.off?.();
        windows.delete(contents.id);
        core.setViewCount(role, -1);
      });
    },
    close() {
      ipcMain.removeHandler(IPC.command);
      ipcMain.removeAllListeners(IPC.ready);
      for (const w of windows.values()) w.off?.();
      windows.clear();
    },
  };
}
