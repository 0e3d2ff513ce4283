// The client interface every view uses, whatever carries it (Electron IPC or WebSocket).
import type { ArgsOf, CommandName, ResultOf } from './index';
import type { ServerMessage } from './messages';

export type ConnectionStatus = 'connecting' | 'open' | 'closed' | 'unauthorised';

export interface BatonClient {
  /** Resolves with the command's result; rejects with a `CommandRejection` carrying the error. */
  send<N extends CommandName>(name: N, args: ArgsOf<N>): Promise<ResultOf<N>>;
  /** Messages in order: hello, snapshot, then patches and events. Returns an unsubscribe. */
  onMessage(listener: (message: ServerMessage) => void): () => void;
  onStatus(listener: (status: ConnectionStatus, detail: string | null) => void): () => void;
  close(): void;
}
