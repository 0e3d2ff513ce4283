// Runs one offer's control machine: feeds it clicks, store answers and timer firings, and carries
// out the effects it asks for (store calls, timers, the durable row, alerts, audit rows, views).
// A click's own attempt row goes into the click's command transaction; other rows follow replies.
import type { OfferPhase } from '../../shared/contract/index';
import type { Offer } from '../../shared/show/show.schema';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import type { Timers } from '../platform/timers';
import type { AuditInput } from '../storage/audit-writer';
import { CommandFailure } from '../dispatch/command-failure';
import { asStoreError, type CommerceAdapter, type StoreOrder, type StoreReading } from './commerce.adapter';
import type { OffersRepo } from './offers.repo';
import type { OfferTiming } from './offers.ports';
import {
  initialState,
  phaseOf,
  step,
  type ControlAudit,
  type ControlConfig,
  type ControlEffect,
  type ControlEvent,
  type ControlState,
  type Settlement,
  type StoreAnswer,
  type StoreFault,
  type Target,
} from './offer-control.machine';

export type { ControlAudit, Target } from './offer-control.machine';

export interface ControllerDeps {
  showId: string;
  offer: Offer;
  adapter: CommerceAdapter;
  repo: OffersRepo;
  clock: Clock;
  timers: Timers;
  log: Logger;
  timing: OfferTiming;
  audit(entry: ControlAudit): void;
  alert(level: 'info' | 'warn' | 'critical', key: string, message: string): void;
  /** Ends the alarm under `key` unless it was raised again after `upTo` (an `alertStamp()`). */
  clearAlert(key: string, upTo: number): void;
  /** The alerts' stamp now: a clear that runs later is given the one taken when it was decided. */
  alertStamp(): number;
  /** Something in the view changed: the module republishes the offers slice. */
  changed(): void;
  /** Every read-back (stock, bonus) and every batch of new orders from the store. */
  onReading(reading: StoreReading): void;
  onOrders(orders: StoreOrder[]): void;
  /** The store's text with the offer's credential taken out, before it is kept or logged. */
  scrub(text: string): string;
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
  /**
   * Resolves with the confirmed phase; rejects with a CommandFailure when refused, failed or late.
   * `audit` and `write` take the attempt's row and the confirmation's durable write while the
   * request waits (the command's `ctx.audit` and `ctx.write`: they land in its transaction);
   * without them they are written on their own.
   */
  request(target: Target, by: { actor: string; reason: string | null } & Partial<CommandSinks>): Promise<OfferPhase>;
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

/** Where a waiting command takes the rows and writes of its own attempt (its transaction). */
export interface CommandSinks {
  audit(row: AuditInput): void;
  write(fn: () => void): void;
}

interface Pending {
  resolve(phase: OfferPhase): void;
  reject(error: CommandFailure): void;
  cancelDeadline: (() => void) | null;
  sinks: CommandSinks | null;
}

/**
 * Effects that can wait until the caller has its answer: audit rows of no waiting command (a
 * timer's retry, a drift), the order bookkeeping, the end of an alarm (a confirmation's clear of
 * "NOT confirmed" is a rebuild of the alerts and an audit transaction of the alerts' own) and an
 * info note (`infoNote`: the store confirmed after failures). The view is marked stale at once
 * (the state store builds it when it is read or published), so whoever reads the state after the
 * answer (an in-process caller can, before any deferred work runs) never sees an older phase. A
 * waiting command's own attempt row is handed to it at once.
 * A deferred clear carries the alerts' stamp from when it was decided, so an alarm raised again
 * in between (the next click failing in the same turn) survives it.
 */
const AFTER_REPLY: ReadonlySet<ControlEffect['type']> = new Set(['audit', 'orders', 'warn', 'clearAlert']);

/** Effects that write to storage (the audit chain, the offer's durable row, order bookkeeping). */
const DURABLE: ReadonlySet<ControlEffect['type']> = new Set(['persist', 'audit', 'orders']);

/**
 * Effects that start a store call run before the rest of their step, right after its durable row:
 * the intent is on disk before any call towards it starts (a crash in between must not leave the
 * store changed by a station that remembers nothing), and the request is on its way before the
 * step's bookkeeping (alerts, timers, the view) runs. Nothing else in a step depends on them.
 */
const STARTS_IO: ReadonlySet<ControlEffect['type']> = new Set(['callStore', 'readStore', 'listOrders']);

/**
 * An idle offer's poll makes two store calls, the state read and the order listing. Sent back to
 * back they leave the store's connection idle for the rest of the period (5 s), and a store server
 * with Node's default keep-alive (5 s, Vendure's) tells the client to let go of it after 3 s
 * (undici keeps a connection for the server's hint less 2 s): a click in the last 2 s of every
 * period then opened a new connection — over the internet a TCP and TLS handshake on the click's
 * path. Spread over the period, the listing half a period after the read began, the store sees
 * the same two calls per period and the connection is never idle for more than half of one. The
 * sandbox holds no connection, so its listing follows its read at once, as before. A listing that
 * goes later must not lose orders: the adapter's order cursor starts when it began watching, not
 * at its first listing (that cursor is what broke the order cap the first time this landed).
 */
const ORDERS_AFTER_READ = 0.5;


export function createOfferController(deps: ControllerDeps): OfferController {
  const { offer, adapter, repo, clock, timers, showId } = deps;
  const config: ControlConfig = { offerId: offer.id, offerName: offer.name, timing: deps.timing };
  let state: ControlState = initialState(repo.control(showId, offer.id), clock.now());
  const calls = new Map<number, Pending>();
  let nextId = 1;
  let cancelRetry: (() => void) | null = null;
  let stopPolling: (() => void) | null = null;
  /** The poll's order listing, waiting for its half of the period (ORDERS_AFTER_READ). */
  let cancelListing: (() => void) | null = null;
  /** When the last state read began (clock ms), to place the poll's listing after it. */
  let readStartedAt = 0;
  /** Effects waiting for the end of the turn, each with the alerts' stamp when it was queued. */
  let later: { effect: ControlEffect; stamp: number }[] = [];
  let laterScheduled = false;
  /** Set once close() has flushed: the storage may be closed next, so later rows are logged, not written. */
  let closed = false;

  const faultOf = (error: unknown): StoreFault => {
    const e = asStoreError(error);
    return { kind: e.kind, message: deps.scrub(e.message), retryable: e.retryable, contacted: e.contacted };
  };

  const send = (event: ControlEvent) => {
    const out = step(config, state, event);
    state = out.state;
    for (const effect of out.effects) if (effect.type === 'persist') run(effect);
    for (const effect of out.effects) if (STARTS_IO.has(effect.type)) run(effect);
    for (const effect of out.effects) {
      if (effect.type === 'persist' || STARTS_IO.has(effect.type)) continue;
      if ((AFTER_REPLY.has(effect.type) || infoNote(effect)) && !ownedRow(effect)) queueLater(effect);
      else run(effect);
    }
  };

  /** A note for the record (the store confirmed after failures), no call for a person: it waits too. */
  const infoNote = (effect: ControlEffect): boolean => effect.type === 'alert' && effect.level === 'info';
  /** The row of a waiting command's own attempt, which that command's transaction takes. */
  const ownedRow = (effect: ControlEffect): boolean => effect.type === 'audit' && effect.waiter !== null && !!calls.get(effect.waiter)?.sinks;
  /** Bumped by every durable write, so a queued older one never overwrites a newer one. */
  let persisted = 0;

  const queueLater = (effect: ControlEffect) => {
    later.push({ effect, stamp: deps.alertStamp() });
    if (laterScheduled) return;
    laterScheduled = true;
    timers.defer(flushLater);
  };

  const flushLater = () => {
    laterScheduled = false;
    const batch = later;
    later = [];
    for (const { effect, stamp } of batch) run(effect, stamp);
  };

  const answered = async (work: () => Promise<StoreReading>): Promise<StoreAnswer> => {
    try {
      return { ok: true, reading: await work() };
    } catch (e) {
      return { ok: false, fault: faultOf(e) };
    }
  };

  const callStore = async (target: Target, key: string, reason: string | null) => {
    const started = performance.now();
    const answer = await answered(() => adapter.setPaused(target === 'paused', { key, reason }));
    send({ type: 'storeAnswered', target, key, answer, durationMs: performance.now() - started, now: clock.now() });
  };

  const readStore = async () => {
    // Monotonic: the listing's wait is a duration; a wall clock stepped back while the read is out put it off by the step.
    readStartedAt = clock.monotonic();
    const answer = await answered(() => adapter.read());
    send({ type: 'readAnswered', answer, now: clock.now() });
  };

  const listOrders = async () => {
    try {
      send({ type: 'ordersAnswered', orders: await adapter.pollOrders(), fault: null });
    } catch (e) {
      send({ type: 'ordersAnswered', orders: null, fault: faultOf(e) });
    }
  };

  const settle = (id: number, outcome: Settlement) => {
    const p = calls.get(id);
    if (!p) return;
    calls.delete(id);
    p.cancelDeadline?.();
    if (outcome.ok) p.resolve(outcome.phase);
    else p.reject(new CommandFailure(outcome.code, outcome.message));
  };

  /** `stamp`: for a clear, the alerts' stamp when it was decided (now, unless it was deferred). */
  const run = (effect: ControlEffect, stamp?: number): void => {
    if (closed && DURABLE.has(effect.type)) {
      // A store answer that arrives after close (a call was in flight) must not throw out of a timer into a
      // closed database: the station is stopping; the next start reads the store again and carries the intent on.
      deps.log.warn('offer controller closed: a late row was not written', { offer: offer.id, effect: effect.type });
      return;
    }
    switch (effect.type) {
      case 'callStore':
        void callStore(effect.target, effect.key, effect.reason);
        return;
      case 'readStore':
        void readStore();
        return;
      case 'listOrders': {
        // Only a poll's read is followed by a listing, in the step that takes the read's answer.
        const wait = adapter.rehearsal ? 0 : Math.max(0, deps.timing.pollMs * ORDERS_AFTER_READ - (clock.monotonic() - readStartedAt));
        if (wait === 0) {
          void listOrders();
          return;
        }
        cancelListing?.();
        cancelListing = timers.after(wait, () => {
          cancelListing = null;
          void listOrders();
        });
        return;
      }
      case 'scheduleRetry':
        cancelRetry?.();
        cancelRetry = timers.after(effect.delayMs, () => {
          cancelRetry = null;
          send({ type: 'retryFired' });
        });
        return;
      case 'cancelRetry':
        cancelRetry?.();
        cancelRetry = null;
        return;
      case 'scheduleDeadline': {
        const p = calls.get(effect.waiter);
        if (p) p.cancelDeadline = timers.after(effect.delayMs, () => send({ type: 'deadlineFired', waiter: effect.waiter }));
        return;
      }
      case 'settle':
        settle(effect.waiter, effect.outcome);
        return;
      case 'persist': {
        const seq = ++persisted;
        const sinks = effect.waiter !== null ? calls.get(effect.waiter)?.sinks : null;
        if (!sinks) repo.saveControl(showId, offer.id, effect.row, effect.now);
        else sinks.write(() => seq === persisted && repo.saveControl(showId, offer.id, effect.row, effect.now));
        return;
      }
      case 'audit': {
        const sinks = effect.waiter !== null ? calls.get(effect.waiter)?.sinks : null;
        if (sinks) sinks.audit({ ...effect.entry, at: clock.now() });
        else deps.audit(effect.entry);
        return;
      }
      case 'alert':
        deps.alert(effect.level, effect.key, effect.message);
        return;
      case 'clearAlert':
        deps.clearAlert(effect.key, stamp ?? deps.alertStamp());
        return;
      case 'publish':
        deps.changed();
        return;
      case 'reading':
        deps.onReading(effect.reading);
        return;
      case 'orders':
        deps.onOrders(effect.orders);
        return;
      case 'warn':
        deps.log.warn(effect.message, { offer: offer.id, error: effect.error });
        return;
      case 'startPolling':
        stopPolling?.();
        stopPolling = timers.every(effect.everyMs, () => send({ type: 'pollTick' }));
        return;
      case 'shutdown':
        cancelRetry?.();
        cancelRetry = null;
        stopPolling?.();
        stopPolling = null;
        cancelListing?.();
        cancelListing = null;
        adapter.close();
        return;
    }
  };

  /** A promise the machine settles later through a `settle` effect. */
  const ask = (make: (id: number) => ControlEvent, sinks: CommandSinks | null = null): Promise<OfferPhase> => {
    const id = nextId++;
    const promise = new Promise<OfferPhase>((resolve, reject) => calls.set(id, { resolve, reject, cancelDeadline: null, sinks }));
    send(make(id));
    return promise;
  };

  return {
    offer,
    adapter,
    request: (target, by) =>
      ask((waiter) => ({ type: 'request', target, actor: by.actor, reason: by.reason, waiter, now: clock.now() }), by.audit && by.write ? { audit: by.audit, write: by.write } : null),
    refresh: () => ask((waiter) => ({ type: 'refresh', waiter })),
    nudge: () => send({ type: 'nudge' }),
    activate: () => send({ type: 'activate' }),
    view: () => ({
      state: phaseOf(state),
      intent: state.intent,
      pending: state.pending,
      pendingSince: state.pendingSince,
      reason: state.reason,
      requestedBy: state.requestedBy,
      storeReachable: state.storeReachable,
      lastError: state.lastError,
      attempts: state.attempts,
      nextRetryAt: state.nextRetryAt,
      confirmedAt: state.confirmedAt,
      lastReadAt: state.lastReadAt,
    }),
    cap: () => ({ reachedAt: state.capReachedAt, bonusRemoval: state.bonusRemoval }),
    setCap: (reachedAt, bonusRemoval) => send({ type: 'setCap', reachedAt, bonusRemoval, now: clock.now() }),
    close: () => {
      send({ type: 'close' });
      flushLater();
      closed = true;
    },
  };
}
