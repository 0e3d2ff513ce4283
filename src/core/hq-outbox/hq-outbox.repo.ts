// The outbox table: facts are appended in the same transaction that advances the collector's
// cursors, read in seq order by the sender, and deleted once HQ has acknowledged them.
import type { HqFact, HqFactKind } from '../../shared/contract/index';
import type { Db } from '../storage/database';

export interface NewFact {
  showId: string;
  kind: HqFactKind;
  at: number;
  body: Record<string, unknown>;
}

export interface HqOutboxRepo {
  append(facts: readonly NewFact[]): void;
  /** The oldest unacknowledged facts, in seq order. */
  peek(limit: number): HqFact[];
  /** Forgets every fact up to and including `seq` (HQ holds them). */
  ack(seq: number): void;
  pending(): number;
  cursor(name: string): string | null;
  setCursor(name: string, value: string): void;
  /** Runs `fn` in one SQLite transaction (cursors and facts move together). */
  tx<T>(fn: () => T): T;
}

interface Row {
  seq: number;
  show_id: string;
  kind: HqFactKind;
  at: number;
  body: string;
}

export function createHqOutboxRepo(db: Db): HqOutboxRepo {
  const insert = db.prepare('INSERT INTO hq_outbox (show_id, kind, at, body) VALUES (?, ?, ?, ?)');
  const peek = db.prepare<[number], Row>('SELECT seq, show_id, kind, at, body FROM hq_outbox ORDER BY seq LIMIT ?');
  const del = db.prepare('DELETE FROM hq_outbox WHERE seq <= ?');
  const count = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM hq_outbox');
  const getCursor = db.prepare<[string], { value: string }>('SELECT value FROM hq_cursors WHERE name = ?');
  const putCursor = db.prepare('INSERT INTO hq_cursors (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value');
  return {
    append(facts) {
      for (const f of facts) insert.run(f.showId, f.kind, f.at, JSON.stringify(f.body));
    },
    peek: (limit) =>
      peek.all(limit).map((r) => ({ seq: r.seq, showId: r.show_id, kind: r.kind, at: r.at, body: JSON.parse(r.body) as Record<string, unknown> })),
    ack: (seq) => void del.run(seq),
    pending: () => count.get()?.n ?? 0,
    cursor: (name) => getCursor.get(name)?.value ?? null,
    setCursor: (name, value) => void putCursor.run(name, value),
    tx: (fn) => db.transaction(fn)(),
  };
}
