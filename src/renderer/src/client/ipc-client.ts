// BatonClient over Electron IPC: the preload exposes exactly one typed object, `window.baton`.
import type { ArgsOf, CommandName, ResultOf } from '../../../shared/contract/index';
import { CommandRejection, type BatonClient, type ConnectionStatus } from '../../../shared/contract/client';
import type { BatonBridge } from '../../../shared/contract/bridge';

export type { BatonBridge };

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
    onStatus(listener: (s: ConnectionStatus, d: string | null, retryAt: number | null) => void) {
      // In-process: the link to the core cannot drop while the window lives.
      listener('open', null, null);
      return () => {};
    },
    reconnectNow() {
      return false;
    },
    resync() {
      bridge.ready();
    },
    close() {},
  };
}
