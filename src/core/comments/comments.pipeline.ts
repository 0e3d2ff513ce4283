// The one ingest path for every source and for `comments.ingest`: classify at once (cheap, in
// process), buffer, and write in one transaction every few milliseconds. A submitter's promise
// resolves only after its rows are committed, with how many were new and how many duplicates
// (INSERT OR IGNORE on the unique id decides, so duplicates within a batch are caught too).
import type { CommentRecord } from '../../shared/contract/index';
import type { Logger } from '../platform/logger';
import type { PendingComment } from './comment.model';
import type { CommentsRepo } from './comments.repo';

export interface SubmitOutcome {
  accepted: number;
  duplicates: number;
}

export interface IngestPipeline {
  /** Queues classified comments; resolves after they are committed (rejects if the disk refused). */
  submit(rows: PendingComment[]): Promise<SubmitOutcome>;
  /** Commits whatever is buffered now (before a command reads or changes a comment). */
  flushNow(): void;
  pending(): number;
  close(): void;
}

interface Waiter {
  count: number;
  resolve(o: SubmitOutcome): void;
  reject(e: Error): void;
}

export function createIngestPipeline(deps: {
  repo: CommentsRepo;
  log: Logger;
  /** Told about the comments that were new, in commit order, right after the commit. */
  onCommitted(records: CommentRecord[]): void;
  onWriteFailed(message: string): void;
  flushMs: number;
  maxBatch: number;
}): IngestPipeline {
  let rows: PendingComment[] = [];
  let waiters: Waiter[] = [];
  let timer: NodeJS.Timeout | null = null;
  let closed = false;

  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (rows.length === 0) return;
    const batch = rows;
    const batchWaiters = waiters;
    rows = [];
    waiters = [];
    let seqs: (number | null)[];
    try {
      seqs = deps.repo.insertBatch(batch);
    } catch (error) {
      const message = `comments could not be written: ${(error as Error).message}`;
      deps.log.error('comment batch write failed', { rows: batch.length, error: (error as Error).message });
      deps.onWriteFailed(message);
      for (const w of batchWaiters) w.reject(new Error(message));
      return;
    }
    const committed: CommentRecord[] = [];
    seqs.forEach((seq, i) => {
      if (seq === null) return;
      const { showId: _s, triageIntent: _t, raw: _r, ...record } = batch[i] as PendingComment;
      committed.push({ ...record, seq });
    });
    let offset = 0;
    for (const w of batchWaiters) {
      const mine = seqs.slice(offset, offset + w.count);
      offset += w.count;
      const accepted = mine.filter((s) => s !== null).length;
      w.resolve({ accepted, duplicates: w.count - accepted });
    }
    if (committed.length) deps.onCommitted(committed);
  };

  return {
    submit(batch) {
      if (closed) return Promise.reject(new Error('the station is stopping'));
      if (batch.length === 0) return Promise.resolve({ accepted: 0, duplicates: 0 });
      return new Promise<SubmitOutcome>((resolve, reject) => {
        rows.push(...batch);
        waiters.push({ count: batch.length, resolve, reject });
        if (rows.length >= deps.maxBatch) flush();
        else if (!timer) timer = setTimeout(flush, deps.flushMs);
      });
    },
    flushNow: flush,
    pending: () => rows.length,
    close() {
      flush();
      closed = true;
    },
  };
}
