// HQ's own record of ingest timing, measured inside HQ (request in → acknowledgement written), so
// that a load generator sharing the machine cannot inflate HQ's figure with its own event loop.
export interface IngestTimings {
  n: number;
  facts: number;
  p50: number;
  p99: number;
  max: number;
}

export interface IngestStats {
  /** One acknowledged batch: the whole request, and the part spent in the database transaction. */
  record(totalMs: number, dbMs: number, facts: number): void;
  summary(): { request: IngestTimings; db: IngestTimings };
  reset(): void;
}

/** Keeps at most `cap` samples (the newest); enough for a 60 s bench at 50 batches/s many times over. */
export function createIngestStats(cap = 200_000): IngestStats {
  let total: number[] = [];
  let db: number[] = [];
  let facts = 0;
  const pct = (sorted: readonly number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]! : 0);
  const timings = (samples: readonly number[]): IngestTimings => {
    const s = [...samples].sort((a, b) => a - b);
    return { n: s.length, facts, p50: pct(s, 50), p99: pct(s, 99), max: s.length ? s[s.length - 1]! : 0 };
  };
  return {
    record(totalMs, dbMs, n) {
      if (total.length >= cap) {
        total = total.slice(cap / 2);
        db = db.slice(cap / 2);
      }
      total.push(totalMs);
      db.push(dbMs);
      facts += n;
    },
    summary: () => ({ request: timings(total), db: timings(db) }),
    reset() {
      total = [];
      db = [];
      facts = 0;
    },
  };
}
