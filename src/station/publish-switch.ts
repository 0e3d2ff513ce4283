// A bench's same-run A/B of when the broadcast goes out (BATON_PUBLISH_AB_FILE): the station reads
// the side to use from a file the bench rewrites between blocks, so both sides run in one station
// process, on one store, under the same load. The file is watched (inotify), not read per flush:
// switching costs the station one read per block, outside the clicks. Off unless the variable is set.
import { readFileSync, watch, type FSWatcher } from 'node:fs';
import { afterDelay, afterIo, type PublishScheduler } from '../core/state/state.store';

/** `immediate` (the default: after the turn's I/O) or `timer:<ms>` (1–50). */
export function schedulerFor(mode: string): PublishScheduler | null {
  const text = mode.trim();
  if (text === 'immediate') return afterIo;
  const m = /^timer:(\d{1,2})$/.exec(text);
  const ms = m ? Number(m[1]) : NaN;
  return ms >= 1 && ms <= 50 ? afterDelay(ms) : null;
}

export interface PublishSwitch {
  schedule: PublishScheduler;
  close(): void;
}

export function createPublishSwitch(file: string, onBadMode: (mode: string) => void): PublishSwitch {
  let current: PublishScheduler = afterIo;
  const load = () => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return;
    }
    // A rewrite may be seen half done (truncated, not yet written): wait for its next event.
    if (text.trim() === '') return;
    const next = schedulerFor(text);
    if (next) current = next;
    else onBadMode(text.slice(0, 40));
  };
  load();
  let watcher: FSWatcher | null = null;
  try {
    watcher = watch(file, load);
    watcher.unref();
  } catch {
    // No file to watch: the default stays.
  }
  return {
    schedule: (flush) => current(flush),
    close: () => watcher?.close(),
  };
}
