// Lets a command wait for what OBS reports next about the stream ("STARTED", "failed start"),
// catching notes that arrive before it starts waiting. A dropped link ends every wait at once.
import type { StreamNote } from './stream.tracker';

export type WaitEnd = StreamNote | 'lost' | 'timeout';

export interface NoteRecorder {
  /** Resolves with the first recorded note matching `want`, 'lost' or 'timeout'. */
  until(want: readonly StreamNote[], timeoutMs: number): Promise<WaitEnd>;
  dispose(): void;
}

export interface StreamWatch {
  notify(note: StreamNote): void;
  /** The link dropped: nothing more will be heard from this OBS session. */
  lost(): void;
  record(): NoteRecorder;
}

export function createStreamWatch(): StreamWatch {
  const recorders = new Set<{ push(note: StreamNote | 'lost'): void }>();
  return {
    notify: (note) => recorders.forEach((r) => r.push(note)),
    lost: () => recorders.forEach((r) => r.push('lost')),
    record() {
      const seen: (StreamNote | 'lost')[] = [];
      let waiter: ((note: StreamNote | 'lost') => void) | null = null;
      const entry = {
        push(note: StreamNote | 'lost') {
          seen.push(note);
          waiter?.(note);
        },
      };
      recorders.add(entry);
      return {
        until(want, timeoutMs) {
          return new Promise<WaitEnd>((resolve) => {
            const hit = (n: StreamNote | 'lost') => n === 'lost' || want.includes(n);
            // Consume up to the first match only: a second wait still sees the notes after it
            // (OBS can say STARTING and STOPPED before its answer to StartStream arrives).
            const index = seen.findIndex(hit);
            if (index >= 0) return resolve(seen.splice(0, index + 1)[index] as StreamNote | 'lost');
            const timer = setTimeout(() => {
              waiter = null;
              resolve('timeout');
            }, timeoutMs);
            waiter = (n) => {
              if (!hit(n)) return;
              seen.length = 0;
              clearTimeout(timer);
              waiter = null;
              resolve(n);
            };
          });
        },
        dispose: () => void recorders.delete(entry),
      };
    },
  };
}
