// An adapter's durable notes for one offer (thresholds to restore, an order cursor, the sandbox's
// own state), kept in SQLite. Never credentials: those stay in the secret store.
import type { OffersRepo } from './offers.repo';

export interface AdapterMemo {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

export function createRepoMemo(repo: OffersRepo, showId: string, offerId: string): AdapterMemo {
  return {
    get: (key) => repo.memo(showId, offerId, key),
    set: (key, value) => repo.setMemo(showId, offerId, key, value),
  };
}

export function createMemoryMemo(initial: Record<string, string> = {}): AdapterMemo & { values: Map<string, string> } {
  const values = new Map(Object.entries(initial));
  return { values, get: (k) => values.get(k) ?? null, set: (k, v) => void values.set(k, v) };
}
