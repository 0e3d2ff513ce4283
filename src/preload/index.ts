// The renderer's only door to the main process: one typed object, three fixed channels.
// No generic send(channel), no Node in the page (contextIsolation + sandbox).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ServerMessage } from '../shared/contract/messages';
import type { BatonBridge, BridgeResult } from '../shared/contract/bridge';
import { IPC } from '../shared/contract/ipc-channels';

const bridge: BatonBridge = {
  send(name: string, args: unknown): Promise<BridgeResult> {
    if (typeof name !== 'string') return Promise.reject(new TypeError('command name must be a string'));
    return ipcRenderer.invoke(IPC.command, name, args) as Promise<BridgeResult>;
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
