// Moves the WAL back into the database file in a quiet moment, never inside a command: SQLite's
// own checkpoint runs in whichever commit crosses its threshold, with two fsyncs before that reply.
import type { Db } from './database';
import type { Timers } from '../platform/timers';

/**
 * SQLite checkpoints by itself only past this many WAL pages (about 40 MB): a backstop for a
 * station that is never quiet. Below it, the checkpointer does the work once commits pause.
 */
export const WAL_BACKSTOP_PAGES = 10_000;
/** How long the station must go without a commit before the WAL is checkpointed. */
export const CHECKPOINT_QUIET_MS = 1_000;

interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

/**
 * Once every frame is back in the database, the next commit starts the WAL over, and starting it
 * over writes a new WAL header and fsyncs it (in NORMAL mode too). Left to itself that commit is the
 * next click's durable intent, before its store call leaves. A one-page commit now takes that fsync
 * in the quiet moment instead: the application id is written with its own value (nothing changes;
 * it is the smallest write SQLite makes), and it does not count as a commit for the next checkpoint.
 */
function restartWalNow(db: Db): void {
  const id = Number(db.pragma('application_id', { simple: true }));
  db.pragma(`application_id = ${Number.isInteger(id) ? id : 0}`);
}

export interface WalCheckpointer {
  /** A commit happened: checkpoint once none has followed for the quiet period. */
  wrote(): void;
  close(): void;
}

export function createWalCheckpointer(deps: { db: Db; timers: Timers; quietMs?: number; onError?(error: unknown): void }): WalCheckpointer {
  const quietMs = deps.quietMs ?? CHECKPOINT_QUIET_MS;
  deps.db.pragma(`wal_autocheckpoint = ${WAL_BACKSTOP_PAGES}`);
  let cancel: (() => void) | null = null;
  let since = 0;
  let closed = false;

  const fire = () => {
    cancel = null;
    if (closed) return;
    if (since > 0) {
      // Commits came during the wait: wait a quiet period after the last of them.
      since = 0;
      cancel = deps.timers.after(quietMs, fire);
      return;
    }
    try {
      // PASSIVE: copies what no reader still needs and never waits for a lock.
      const [done] = deps.db.pragma('wal_checkpoint(PASSIVE)') as CheckpointResult[];
      if (done && done.busy === 0 && done.log > 0 && done.checkpointed === done.log) restartWalNow(deps.db);
    } catch (error) {
      deps.onError?.(error);
    }
  };

  return {
    wrote() {
      if (closed) return;
      if (cancel) since += 1;
      else cancel = deps.timers.after(quietMs, fire);
    },
    close() {
      closed = true;
      cancel?.();
      cancel = null;
    },
  };
}
