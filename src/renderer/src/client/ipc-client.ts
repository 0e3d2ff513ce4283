// BatonClient over Electron IPC: the preload exposes exactly one typed object, `window.baton`.
import type { ArgsOf, CommandName, ResultOf, ServerMessage } from '../../../shared/contract/index';
import type { CommandError } from '../../../shared/contract/errors';
import { CommandRejection, type BatonClient, type ConnectionStatus } from '../../../shared/contract/client';

export interface BatonBridge {
  send(name: string, args: unknown): Promise<{ ok: true; result: unknown } | { ok: false; error: CommandError }>;
  onMessage(listener: (message: ServerMessage) => void): () => void;
  /** Asks the main process to send hello + a fresh snapshot. */
  ready(): void;
}

declare global {
  interface Window {
    baton?: BatonBridge;
  }
}

export function createIpcClient(bridge: BatonBridge): BatonClient {
  return {
    async send<N extends CommandName>(name: N, args: ArgsOf<N>): Promise<ResultOf<N>> {
      const r = await bridge.send(name, args);
      if (!r.ok) throw new CommandRejection(r.error);
      return r.result as ResultOf<N>;
    },
    onMessage(listener) {
      const off = bridge.onMessage(listener);
      bridge.ready();
      return off;
    },
    onStatus(listener: (s: ConnectionStatus, d: string | null) => void) {
      // In-process: the link to the core cannot drop while the window lives.
      listener('open', null);
      return () => {};
    },
    resync() {
      bridge.ready();
    },
    close() {},
  };
}
