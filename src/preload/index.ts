// The renderer's only door to the main process: one typed object, three fixed channels.
// No generic send(channel), no Node in the page (contextIsolation + sandbox).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ServerMessage } from '../shared/contract/messages';
import type { CommandError } from '../shared/contract/errors';
import { IPC } from '../shared/contract/ipc-channels';

const bridge = {
  send(name: string, args: unknown): Promise<{ ok: true; result: unknown } | { ok: false; error: CommandError }> {
    if (typeof name !== 'string') return Promise.reject(new TypeError('command name must be a string'));
    return ipcRenderer.invoke(IPC.command, name, args) as Promise<{ ok: true; result: unknown } | { ok: false; error: CommandError }>;
  },
  onMessage(listener: (message: ServerMessage) => void): () => void {
    const wrapped = (_e: IpcRendererEvent, message: ServerMessage) => listener(message);
    ipcRenderer.on(IPC.message, wrapped);
    return () => ipcRenderer.removeListener(IPC.message, wrapped);
  },
  ready(): void {
    ipcRenderer.send(IPC.ready);
  },
};

contextBridge.exposeInMainWorld('baton', bridge);
