// The one object the Electron preload exposes as `window.baton`, and the main process serves:
// send a command, receive hello/snapshot/patches/events, ask for a fresh snapshot.
import type { CommandError } from './errors';
import type { ServerMessage } from './messages';

export type BridgeResult = { ok: true; result: unknown } | { ok: false; error: CommandError };

export interface BatonBridge {
  send(name: string, args: unknown): Promise<BridgeResult>;
  onMessage(listener: (message: ServerMessage) => void): () => void;
  /** Asks the main process to send hello + a fresh snapshot. */
  ready(): void;
}
