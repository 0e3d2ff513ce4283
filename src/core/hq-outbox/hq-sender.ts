// Sends the outbox to HQ, one batch at a time and off the command path: a show never waits for
// HQ. Acknowledged facts are deleted; failures back off (with jitter) and are retried forever;
// the producer sees synced / N behind / offline since T in the `hq` state.
import type { HqAck, HqBatch, HqSyncState } from '../../shared/contract/index';
import type { HqOutboxRepo } from './hq-outbox.repo';
import { toWellFormed } from '../storage/well-formed-text';
import { clip } from '../../shared/text/clip';
import type { HqCollector } from './hq-outbox.collector';
import { oneLine } from '../../shared/text/one-line';

export type HqPostResult = { ok: true; ack: HqAck } | { ok: false; reason: string; permanent: boolean };

/** The transport to HQ (HTTP in the station, a direct call in tests). Must never throw. */
export type HqPost = (batch: HqBatch) => Promise<HqPostResult>;

export interface HqSenderDeps {
  stationId: string;
  repo: HqOutboxRepo;
  collector: HqCollector;
  post: HqPost;
  now: () => number;
  onState: (s: HqSyncState) => void;
  batchSize?: number;
  /** Idle poll when nothing is waiting. */
  idleMs?: number;
  maxBackoffMs?: number;
  random?: () => number;
}

export interface HqSender {
  /** Collect and send now rather than at the next poll. */
  wake(): void;
  /** Resolves once the outbox is empty and HQ has acknowledged everything (tests, shutdown). */
  drained(timeoutMs: number): Promise<boolean>;
  close(): Promise<void>;
}

/** HQ's reasons are shown to the producer: at most this long, no control characters. */
const MAX_REASON = 200;

/**
 * The facts HQ flagged in its answer, read as untrusted (HQ is another machine): entries that are
 * not `{seq: number, reason: string}` are not counted, and the reason is cleaned and bounded.
 */
export function flaggedIn(ack: HqAck): { count: number; lastReason: string | null } {
  const list: unknown = (ack as { rejected?: unknown }).rejected;
  if (!Array.isArray(list)) return { count: 0, lastReason: null };
  let count = 0;
  let lastReason: string | null = null;
  for (const r of list.slice(0, 100_000) as unknown[]) {
    if (typeof r !== 'object' || r === null) continue;
    const { seq, reason } = r as { seq?: unknown; reason?: unknown };
    if (typeof seq !== 'number' || typeof reason !== 'string') continue;
    count += 1;
    lastReason = clip(toWellFormed(oneLine(reason)), MAX_REASON).trim();
  }
  return { count, lastReason };
}

export function backoffMs(failures: number, max: number, random: () => number): number {
  const base = Math.min(max, 250 * 2 ** Math.min(failures, 16));
  return Math.round(base / 2 + (random() * base) / 2);
}

export function startHqSender(deps: HqSenderDeps): HqSender {
  const batchSize = deps.batchSize ?? 500;
  const idleMs = deps.idleMs ?? 500;
  const maxBackoff = deps.maxBackoffMs ?? 30_000;
  const random = deps.random ?? Math.random;
  let closed = false;
  let failures = 0;
  let timer: NodeJS.Timeout | null = null;
  let wakeUp: (() => void) | null = null;
  let sync: HqSyncState = { configured: true, state: 'behind', behind: deps.repo.pending(), since: deps.now(), lastError: null };
  let flagged = { count: 0, lastReason: null as string | null };
  const drainWaiters = new Set<() => void>();

  const setSync = (next: Omit<HqSyncState, 'configured' | 'since' | 'flagged'>) => {
    const since = next.state === sync.state ? sync.since : deps.now();
    const sameFlags = (sync.flagged?.count ?? 0) === flagged.count;
    if (next.state === sync.state && next.behind === sync.behind && next.lastError === sync.lastError && sameFlags) return;
    sync = { configured: true, ...next, since, ...(flagged.count > 0 ? { flagged } : {}) };
    deps.onState(sync);
  };
  deps.onState(sync);

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      wakeUp = () => {
        if (timer) clearTimeout(timer);
        timer = null;
        wakeUp = null;
        resolve();
      };
      timer = setTimeout(() => wakeUp?.(), ms);
    });

  const step = async (): Promise<number> => {
    deps.collector.collect();
    const facts = deps.repo.peek(batchSize);
    if (facts.length === 0) {
      setSync({ state: 'synced', behind: 0, lastError: null });
      for (const w of drainWaiters) w();
      return idleMs;
    }
    // The same facts always travel under the same id, so HQ can tell a resend from a new batch.
    const batchId = `${deps.stationId}:${facts[0]!.seq}-${facts[facts.length - 1]!.seq}`;
    const r = await deps.post({ stationId: deps.stationId, batchId, sentAt: deps.now(), facts });
    if (closed) return 0;
    if (r.ok) {
      failures = 0;
      deps.repo.ack(Math.min(r.ack.ackedSeq, facts[facts.length - 1]!.seq));
      const now = flaggedIn(r.ack);
      if (now.count > 0) flagged = { count: flagged.count + now.count, lastReason: now.lastReason };
      const behind = deps.repo.pending();
      setSync({ state: behind > 0 ? 'behind' : 'synced', behind, lastError: null });
      if (behind === 0) for (const w of drainWaiters) w();
      return behind > 0 ? 0 : idleMs;
    }
    failures += 1;
    setSync({ state: 'offline', behind: deps.repo.pending(), lastError: r.reason });
    return backoffMs(r.permanent ? failures + 4 : failures, maxBackoff, random);
  };

  const loop = async () => {
    while (!closed) {
      let wait: number;
      try {
        wait = await step();
      } catch (error) {
        // A local fault (the database closing under us): report it and keep trying.
        failures += 1;
        setSync({ state: 'offline', behind: sync.behind, lastError: `station: ${(error as Error).message}` });
        wait = backoffMs(failures, maxBackoff, random);
      }
      if (closed) break;
      if (wait > 0) await sleep(wait);
    }
  };
  const running = loop();

  return {
    wake: () => wakeUp?.(),
    drained(timeoutMs) {
      return new Promise((resolve) => {
        const done = (v: boolean) => {
          clearTimeout(t);
          drainWaiters.delete(ok);
          resolve(v);
        };
        const ok = () => {
          if (deps.repo.pending() === 0) done(true);
        };
        const t = setTimeout(() => done(false), timeoutMs);
        drainWaiters.add(ok);
        wakeUp?.();
      });
    },
    async close() {
      closed = true;
      wakeUp?.();
      await running;
    },
  };
}
