// The client interface every view uses, whatever carries it (Electron IPC or WebSocket).
import type { ArgsOf, CommandName, ResultOf } from './index';
import type { ServerMessage } from './messages';

export type ConnectionStatus = 'connecting' | 'open' | 'closed' | 'unauthorised';

export interface BatonClient {
  /** Resolves with the command's result; rejects with a `CommandRejection` carrying the error. */
  send<N extends CommandName>(name: N, args: ArgsOf<N>): Promise<ResultOf<N>>;
  /** Messages in order: hello, snapshot, then patches and events. Returns an unsubscribe. */
  onMessage(listener: (message: ServerMessage) => void): () => void;
  /** `retryAt`: when the client tries the station again by itself (this machine's ms), or null. */
  onStatus(listener: (status: ConnectionStatus, detail: string | null, retryAt: number | null) => void): () => void;
  /** Asks for a fresh snapshot (after a gap in patch revs). */
  resync(): void;
  /** Tries the station now instead of at `retryAt`; false when no retry was waiting (linked, or a try
   *  already under way). */
  reconnectNow(): boolean;
  close(): void;
}

/** The error a client's `send` rejects with: the station's CommandError, unchanged. */
export class CommandRejection extends Error {
  constructor(readonly error: import('./errors').CommandError) {
    super(error.message);
    this.name = 'CommandRejection';
  }
}
