// One offer's commerce toggle: the durable intent (live/paused), the operation that drives the
// store towards it (coalesced, idempotent, retried with backoff), and the phase every view shows —
// `paused` only once the store's read-back says so. Every attempt is an audit row.
import type { OfferPhase } from '../../shared/contract/index';
import type { Offer } from '../../shared/show/show.schema';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import { CommandFailure, conflict, failed, unavailable } from '../dispatch/command-failure';
import { asStoreError, StoreError, type CommerceAdapter, type StoreOrder, type StoreReading } from './commerce.adapter';
import type { OffersRepo } from './offers.repo';
import type { OfferTiming } from './offers.ports';

export type Target = 'live' | 'paused';
type Observed = Target | 'partial' | null;

export interface ControllerAudit {
  actor: string;
  command: string;
  args: unknown;
  outcome: string;
  detail: string | null;
  durationMs: number;
}

export interface ControllerDeps {
  showId: string;
  offer: Offer;
  adapter: CommerceAdapter;
  repo: OffersRepo;
  clock: Clock;
  log: Logger;
  timing: OfferTiming;
  audit(entry: ControllerAudit): void;
  alert(level: 'info' | 'warn' | 'critical', key: string, message: string): void;
  clearAlert(key: string): void;
  /** Something in the view changed: the module republishes the offers slice. */
  changed(): void;
  /** Every read-back (stock, bonus) and every batch of new orders from the store. */
  onReading(reading: StoreReading): void;
  onOrders(orders: StoreOrder[]): void;
}

export interface ControlView {
  state: OfferPhase;
  intent: Target;
  pending: boolean;
  pendingSince: number | null;
  reason: string | null;
  requestedBy: string | null;
  storeReachable: boolean | null;
  lastError: string | null;
  attempts: number;
  nextRetryAt: number | null;
  confirmedAt: number | null;
  lastReadAt: number | null;
}

export interface OfferController {
  readonly offer: Offer;
  readonly adapter: CommerceAdapter;
  /** Resolves with the confirmed phase; rejects with a CommandFailure when refused, failed or late. */
  request(target: Target, by: { actor: string; reason: string | null }): Promise<OfferPhase>;
  /** Reads the store now (unless an operation is running) and returns the phase. */
  refresh(): Promise<OfferPhase>;
  /** Wakes a waiting retry now (after credentials were stored, say). */
  nudge(): void;
  /** Starts background work: an unfinished intent carries on, idle offers are polled. */
  activate(): void;
  view(): ControlView;
  cap(): { reachedAt: number | null; bonusRemoval: string | null };
  setCap(reachedAt: number | null, bonusRemoval: string | null): void;
  close(): void;
}

interface Waiter {
  target: Target;
  resolve(phase: OfferPhase): void;
  reject(error: CommandFailure): void;
  timer: ReturnType<typeof setTimeout>;
}

const UNREACHABLE: ReadonlySet<StoreError['kind']> = new Set(['unreachable', 'timeout']);
/** Errors a person must fix are retried far less often than a store that is merely down. */
const SLOW_RETRY_FACTOR = 6;

export function createOfferController(deps: ControllerDeps): OfferController {
  const { offer, adapter, repo, clock, timing, showId } = deps;
  const row = repo.control(showId, offer.id);
  let intent: Target = row?.intent ?? 'live';
  let pending = row?.pending ?? false;
  let pendingSince = row?.pending ? (row.requestedAt ?? clock.now()) : null;
  let reason = row?.reason ?? null;
  let requestedBy = row?.requestedBy ?? null;
  let opKey = row?.opKey ?? null;
  let confirmedAt = row?.confirmedAt ?? null;
  let capReachedAt = row?.capReachedAt ?? null;
  let bonusRemoval = row?.bonusRemoval ?? null;
  let observed: Observed = null;
  let storeReachable: boolean | null = null;
  let lastError: string | null = null;
  let lastReadAt: number | null = null;
  let readFailed = false;
  let attempts = 0;
  let nextRetryAt: number | null = null;
  /** The deadline passed, or the store refused, or nobody is waiting: show `error`, not `pausing`. */
  let errorShown = false;
  let looping = false;
  let polling = false;
  let closed = false;
  let active = false;
  /** Bumped by every new intent, so a read that started before it cannot overwrite its outcome. */
  let generation = 0;
  let wake: (() => void) | null = null;
  let pollTimer: ReturnType<typeof setInterval> | null = null;
  const waiters: Waiter[] = [];
  const pendingAlert = `offers.pending.${offer.id}`;
  const driftAlert = `offers.drift.${offer.id}`;

  const verbOf = (t: Target) => (t === 'paused' ? 'pause' : 'resume');

  const phase = (): OfferPhase => {
    if (pending) return errorShown ? 'error' : intent === 'paused' ? 'pausing' : 'resuming';
    if (observed === 'partial') return 'error';
    if (observed === null) return readFailed ? 'error' : 'unknown';
    return observed;
  };

  const persist = () => {
    repo.saveControl(
      showId,
      offer.id,
      { intent, pending, reason, requestedBy, requestedAt: pendingSince, opKey, confirmedAt, capReachedAt, bonusRemoval },
      clock.now(),
    );
  };

  const observedOf = (r: StoreReading): Target | 'partial' => (r.paused === true ? 'paused' : r.paused === false ? 'live' : 'partial');

  const noteTrouble = (e: StoreError) => {
    storeReachable = !UNREACHABLE.has(e.kind);
  };

  const settleWaiters = (fn: (w: Waiter) => void, which: (w: Waiter) => boolean = () => true) => {
    for (let i = waiters.length - 1; i >= 0; i--) {
      const w = waiters[i];
      if (!w || !which(w)) continue;
      waiters.splice(i, 1);
      clearTimeout(w.timer);
      fn(w);
    }
  };

  const raisePending = () => {
    deps.alert(
      'critical',
      pendingAlert,
      `${offer.name}: the ${verbOf(intent)} is NOT confirmed by the store — ${lastError ?? 'no answer yet'}. Baton keeps the intent and retries until the store confirms.`,
    );
  };

  const confirm = (target: Target) => {
    const wasError = errorShown;
    pending = false;
    observed = target;
    confirmedAt = clock.now();
    lastError = null;
    errorShown = false;
    nextRetryAt = null;
    storeReachable = true;
    persist();
    settleWaiters((w) => w.resolve(target));
    deps.clearAlert(pendingAlert);
    if (wasError) {
      deps.alert('info', `offers.confirmed.${offer.id}`, `${offer.name}: the store confirmed the ${verbOf(target)} after ${attempts} attempts.`);
    }
    deps.changed();
  };

  const sleepOrWake = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(done, ms);
      function done() {
        clearTimeout(t);
        if (wake === done) wake = null;
        resolve();
      }
      wake = done;
    });

  const loop = async () => {
    if (looping) return;
    looping = true;
    try {
      while (!closed && pending) {
        const target = intent;
        const key = opKey ?? `${offer.id}:${target}`;
        attempts += 1;
        nextRetryAt = null;
        deps.changed();
        const started = performance.now();
        let error: StoreError | null = null;
        let reading: StoreReading | null = null;
        try {
          reading = await adapter.setPaused(target === 'paused', { key, reason });
          lastReadAt = clock.now();
          observed = observedOf(reading);
          storeReachable = true;
          readFailed = false;
          deps.onReading(reading);
          if (observed !== target) error = new StoreError('protocol', `the store's read-back after the ${verbOf(target)} shows ${reading.detail}`);
        } catch (e) {
          error = asStoreError(e);
          noteTrouble(error);
        }
        deps.audit({
          actor: requestedBy ?? 'system:offers',
          command: `offer.${verbOf(target)}.attempt`,
          args: { offerId: offer.id, attempt: attempts, key, reason },
          outcome: error ? `failed:${error.kind}` : 'confirmed',
          detail: error ? error.message : (reading?.detail ?? null),
          durationMs: performance.now() - started,
        });
        if (closed) return;
        if (intent !== target || opKey !== key) {
          attempts = 0; // a newer intent arrived while this call was in flight: drive that one
          continue;
        }
        if (!error) {
          confirm(target);
          return;
        }
        lastError = error.message;
        if (!error.retryable) {
          errorShown = true;
          settleWaiters((w) => w.reject(failed(`The store refused the ${verbOf(target)}: ${error.message}. The intent is kept; fix it and press ${verbOf(target)} again.`)));
        } else if (waiters.length === 0) {
          errorShown = true;
        }
        if (errorShown) raisePending();
        const delay = error.retryable
          ? Math.min(timing.retryBaseMs * 2 ** Math.min(attempts - 1, 20), timing.retryMaxMs)
          : timing.retryMaxMs * SLOW_RETRY_FACTOR;
        nextRetryAt = clock.now() + delay;
        deps.changed();
        await sleepOrWake(delay);
      }
    } finally {
      looping = false;
      nextRetryAt = null;
    }
  };

  const readNow = async (): Promise<void> => {
    const gen = generation;
    try {
      const reading = await adapter.read();
      if (closed || gen !== generation || pending) return;
      lastReadAt = clock.now();
      storeReachable = true;
      readFailed = false;
      deps.onReading(reading);
      const seen = observedOf(reading);
      const before = observed;
      observed = seen;
      if (seen === 'partial') {
        lastError = `the store shows a half-applied pause (${reading.detail}); press Pause or Resume to settle it`;
      } else {
        lastError = null;
        if (seen !== intent) {
          // Changed in the store's own admin, not through Baton: the store is the truth.
          const was = intent;
          intent = seen;
          confirmedAt = clock.now();
          persist();
          deps.audit({
            actor: 'system:offers',
            command: 'offer.drift',
            args: { offerId: offer.id, expected: was, found: seen },
            outcome: 'observed',
            detail: reading.detail,
            durationMs: 0,
          });
          deps.alert('warn', driftAlert, `${offer.name} was set ${seen.toUpperCase()} in the store outside Baton (${reading.detail}).`);
        } else if (before === null && confirmedAt === null) {
          confirmedAt = clock.now();
        }
      }
    } catch (e) {
      if (closed || gen !== generation || pending) return;
      const error = asStoreError(e);
      noteTrouble(error);
      lastError = `reading the store failed: ${error.message}`;
      readFailed = true;
    } finally {
      deps.changed();
    }
  };

  const poll = async () => {
    if (polling || looping || closed) return;
    polling = true;
    try {
      await readNow();
      if (closed) return;
      try {
        const orders = await adapter.pollOrders();
        if (orders && orders.length) deps.onOrders(orders);
      } catch (e) {
        const error = asStoreError(e);
        noteTrouble(error);
        deps.log.warn('offers: order poll failed', { offer: offer.id, error: error.message });
      }
    } finally {
      polling = false;
    }
  };

  return {
    offer,
    adapter,
    request(target, by) {
      if (closed) return Promise.reject(unavailable('The offers module is stopping.'));
      if (!pending && intent === target && observed === target) return Promise.resolve(phase());
      if (!pending || intent !== target) {
        settleWaiters(
          (w) => w.reject(conflict(`${by.actor} asked to ${verbOf(target)} ${offer.name} before the ${verbOf(w.target)} was confirmed; the ${verbOf(target)} goes ahead.`)),
          (w) => w.target !== target,
        );
        generation += 1;
        intent = target;
        pending = true;
        pendingSince = clock.now();
        reason = target === 'paused' ? by.reason : null;
        requestedBy = by.actor;
        opKey = `${offer.id}:${target}:${pendingSince.toString(36)}:${generation}`;
        attempts = 0;
        lastError = null;
        errorShown = false;
        persist();
        deps.clearAlert(driftAlert);
      } else if (errorShown) {
        errorShown = false; // a retry click: a fresh deadline, and try right now
      }
      const promise = new Promise<OfferPhase>((resolve, reject) => {
        const waiter: Waiter = {
          target,
          resolve,
          reject,
          timer: setTimeout(() => {
            settleWaiters(
              (w) => {
                if (!pending) {
                  w.resolve(phase());
                  return;
                }
                errorShown = true;
                raisePending();
                deps.changed();
                w.reject(
                  unavailable(
                    `The store has not confirmed the ${verbOf(target)} of ${offer.name} within ${Math.round(timing.deadlineMs / 1000)} s (${attempts} attempt${attempts === 1 ? '' : 's'}): ${lastError ?? 'no answer yet'}. The intent is kept and Baton retries until the store confirms; the offer shows ERROR meanwhile.`,
                  ),
                );
              },
              (w) => w === waiter,
            );
          }, timing.deadlineMs),
        };
        waiters.push(waiter);
      });
      deps.changed();
      if (looping) wake?.();
      else void loop();
      return promise;
    },
    async refresh() {
      if (closed) throw unavailable('The offers module is stopping.');
      if (!pending && !looping) {
        await readNow();
        if (readFailed) throw unavailable(`${offer.name}: ${lastError ?? 'the store did not answer'}`);
      }
      return phase();
    },
    nudge() {
      wake?.();
      if (!pending && !looping) void readNow();
    },
    activate() {
      if (active || closed) return;
      active = true;
      if (pending) void loop();
      else void poll();
      pollTimer = setInterval(() => void poll(), timing.pollMs);
      pollTimer.unref?.();
    },
    view: () => ({
      state: phase(),
      intent,
      pending,
      pendingSince,
      reason,
      requestedBy,
      storeReachable,
      lastError,
      attempts,
      nextRetryAt,
      confirmedAt,
      lastReadAt,
    }),
    cap: () => ({ reachedAt: capReachedAt, bonusRemoval }),
    setCap(reachedAt, removal) {
      capReachedAt = reachedAt;
      bonusRemoval = removal;
      persist();
      deps.changed();
    },
    close() {
      if (closed) return;
      closed = true;
      if (pollTimer) clearInterval(pollTimer);
      settleWaiters((w) => w.reject(unavailable(`The station stopped before the store confirmed; the ${verbOf(w.target)} intent is kept and resumes at the next start.`)));
      wake?.();
      adapter.close();
    },
  };
}
