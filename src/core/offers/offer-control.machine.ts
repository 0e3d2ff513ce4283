// One offer's commerce toggle as a pure state machine: `step(state, event) → { state, effects }`.
// It owns the durable intent (live/paused), the one store operation driving towards it (coalesced,
// idempotent, retried with backoff) and the phase views show — `paused` only after a read-back.
import type { OfferPhase } from '../../shared/contract/index';
import { backoffDelay } from '../../shared/time/backoff';
import type { StoreErrorKind, StoreOrder, StoreReading } from './commerce.adapter';
import type { ControlRow } from './offers.repo';
import type { OfferTiming } from './offers.ports';
import { faultWords } from './store-fault.text';

export type Target = 'live' | 'paused';
type Observed = Target | 'partial' | null;

/** A failed store call as data: what went wrong, whether waiting may fix it, whether the store was reached. */
export interface StoreFault {
  kind: StoreErrorKind;
  message: string;
  retryable: boolean;
  /** False when the call failed before reaching the store (no credential stored, say). */
  contacted: boolean;
}

export type StoreAnswer = { ok: true; reading: StoreReading } | { ok: false; fault: StoreFault };

export interface ControlConfig {
  offerId: string;
  offerName: string;
  timing: OfferTiming;
}

export interface ControlAudit {
  actor: string;
  command: string;
  args: unknown;
  outcome: string;
  detail: string | null;
  durationMs: number;
}

export type FailureCode = 'conflict' | 'failed' | 'unavailable';
export type Settlement = { ok: true; phase: OfferPhase } | { ok: false; code: FailureCode; message: string };

interface Waiter {
  id: number;
  target: Target;
}

export interface ControlState {
  intent: Target;
  pending: boolean;
  pendingSince: number | null;
  reason: string | null;
  requestedBy: string | null;
  opKey: string | null;
  confirmedAt: number | null;
  capReachedAt: number | null;
  bonusRemoval: string | null;
  observed: Observed;
  storeReachable: boolean | null;
  lastError: string | null;
  /** The kind of the failure in lastError, for replies in Baton's own words; null when it is not a store fault. */
  lastFault: StoreErrorKind | null;
  lastReadAt: number | null;
  readFailed: boolean;
  attempts: number;
  nextRetryAt: number | null;
  /** The deadline passed, or the store refused, or nobody is waiting: show `error`, not `pausing`. */
  errorShown: boolean;
  /** Bumped by every new intent, so a read that started before it cannot overwrite its outcome. */
  generation: number;
  /** The store operation in flight, if any: at most one at a time; `owner` = the command that started it. */
  call: { target: Target; key: string; owner: number | null } | null;
  retryWaiting: boolean;
  /** The read in flight, if any; `poll` = order listing follows. */
  read: { generation: number; poll: boolean } | null;
  polling: boolean;
  waiters: Waiter[];
  /** `offer.refresh` callers waiting for the read in flight. */
  refreshers: number[];
  active: boolean;
  closed: boolean;
}

export type ControlEvent =
  | { type: 'request'; target: Target; actor: string; reason: string | null; waiter: number; now: number }
  | { type: 'refresh'; waiter: number }
  | { type: 'storeAnswered'; target: Target; key: string; answer: StoreAnswer; durationMs: number; now: number }
  | { type: 'readAnswered'; answer: StoreAnswer; now: number }
  | { type: 'ordersAnswered'; orders: StoreOrder[] | null; fault: StoreFault | null }
  | { type: 'retryFired' }
  | { type: 'deadlineFired'; waiter: number }
  | { type: 'pollTick' }
  | { type: 'nudge' }
  | { type: 'activate' }
  | { type: 'close' }
  | { type: 'setCap'; reachedAt: number | null; bonusRemoval: string | null; now: number };

export type ControlEffect =
  | { type: 'callStore'; target: Target; key: string; reason: string | null }
  | { type: 'readStore' }
  | { type: 'listOrders' }
  | { type: 'scheduleRetry'; delayMs: number }
  | { type: 'cancelRetry' }
  | { type: 'scheduleDeadline'; waiter: number; delayMs: number }
  | { type: 'settle'; waiter: number; outcome: Settlement }
  /**
   * The durable row. `waiter` names the waiting command whose own attempt confirmed the intent:
   * the confirmation is then written in that command's transaction (if it is lost, the row still
   * says pending and a restart drives the idempotent call again). Every other write is at once.
   */
  | { type: 'persist'; row: ControlRow; now: number; waiter: number | null }
  /**
   * A row for the audit chain. `waiter` names the command whose own attempt this was, while that
   * command still waits: the row then belongs to the command's transaction. Otherwise (a retry
   * the timer started, a drift seen by a poll) it is a row of its own.
   */
  | { type: 'audit'; entry: ControlAudit; waiter: number | null }
  | { type: 'alert'; level: 'info' | 'warn' | 'critical'; key: string; message: string }
  | { type: 'clearAlert'; key: string }
  | { type: 'publish' }
  | { type: 'reading'; reading: StoreReading }
  | { type: 'orders'; orders: StoreOrder[] }
  | { type: 'warn'; message: string; error: string }
  | { type: 'startPolling'; everyMs: number }
  | { type: 'shutdown' };

export interface Step {
  state: ControlState;
  effects: ControlEffect[];
}

const UNREACHABLE: ReadonlySet<StoreErrorKind> = new Set(['unreachable', 'timeout']);
/** Errors a person must fix are retried far less often than a store that is merely down. */
const SLOW_RETRY_FACTOR = 6;
const STOPPING = 'The offers module is stopping.';

const verbOf = (t: Target) => (t === 'paused' ? 'pause' : 'resume');
const observedOf = (r: StoreReading): Target | 'partial' => (r.paused === true ? 'paused' : r.paused === false ? 'live' : 'partial');
const pendingAlert = (c: ControlConfig) => `offers.pending.${c.offerId}`;
const driftAlert = (c: ControlConfig) => `offers.drift.${c.offerId}`;

/** The state after a (re)start, from the durable intent row: an unfinished intent is still pending. */
export function initialState(row: ControlRow | null, now: number): ControlState {
  return {
    intent: row?.intent ?? 'live',
    pending: row?.pending ?? false,
    pendingSince: row?.pending ? (row.requestedAt ?? now) : null,
    reason: row?.reason ?? null,
    requestedBy: row?.requestedBy ?? null,
    opKey: row?.opKey ?? null,
    confirmedAt: row?.confirmedAt ?? null,
    capReachedAt: row?.capReachedAt ?? null,
    bonusRemoval: row?.bonusRemoval ?? null,
    observed: null,
    storeReachable: null,
    lastError: null,
    lastFault: null,
    lastReadAt: null,
    readFailed: false,
    attempts: 0,
    nextRetryAt: null,
    errorShown: false,
    generation: 0,
    call: null,
    retryWaiting: false,
    read: null,
    polling: false,
    waiters: [],
    refreshers: [],
    active: false,
    closed: false,
  };
}

export function phaseOf(s: ControlState): OfferPhase {
  if (s.pending) return s.errorShown ? 'error' : s.intent === 'paused' ? 'pausing' : 'resuming';
  if (s.observed === 'partial') return 'error';
  if (s.observed === null) return s.readFailed ? 'error' : 'unknown';
  return s.observed;
}

export function rowOf(s: ControlState): ControlRow {
  return {
    intent: s.intent,
    pending: s.pending,
    reason: s.reason,
    requestedBy: s.requestedBy,
    requestedAt: s.pendingSince,
    opKey: s.opKey,
    confirmedAt: s.confirmedAt,
    capReachedAt: s.capReachedAt,
    bonusRemoval: s.bonusRemoval,
  };
}

/** Retry delay after a failed attempt: quick doubling for a store that is down, slow for a person's fix. */
export function retryDelay(timing: OfferTiming, attempts: number, retryable: boolean): number {
  return retryable ? backoffDelay(attempts, { baseMs: timing.retryBaseMs, maxMs: timing.retryMaxMs, jitter: 0 }, () => 0) : timing.retryMaxMs * SLOW_RETRY_FACTOR;
}

/** The one transition function. Never mutates `state`; effects are run by the driver in order. */
export function step(config: ControlConfig, state: ControlState, event: ControlEvent): Step {
  const m = new Mutation(config, state);
  m.apply(event);
  return { state: m.s, effects: m.effects };
}

/**
 * The step's working copy, field by field. A spread (`{ ...state, waiters: [...] }`) was most of a
 * step's own time: V8 clones a 27-field object through its generic path, and a step runs twice on a
 * click's path (the request, the store's answer) after the station sat idle. Every field is named,
 * so a field added to ControlState and not here does not compile.
 */
function copyOf(s: ControlState): ControlState {
  return {
    intent: s.intent,
    pending: s.pending,
    pendingSince: s.pendingSince,
    reason: s.reason,
    requestedBy: s.requestedBy,
    opKey: s.opKey,
    confirmedAt: s.confirmedAt,
    capReachedAt: s.capReachedAt,
    bonusRemoval: s.bonusRemoval,
    observed: s.observed,
    storeReachable: s.storeReachable,
    lastError: s.lastError,
    lastFault: s.lastFault,
    lastReadAt: s.lastReadAt,
    readFailed: s.readFailed,
    attempts: s.attempts,
    nextRetryAt: s.nextRetryAt,
    errorShown: s.errorShown,
    generation: s.generation,
    call: s.call,
    retryWaiting: s.retryWaiting,
    read: s.read,
    polling: s.polling,
    waiters: s.waiters.slice(),
    refreshers: s.refreshers.slice(),
    active: s.active,
    closed: s.closed,
  };
}

/** One step's working copy and its effect list; the machine's rules are its methods. */
class Mutation {
  s: ControlState;
  effects: ControlEffect[] = [];

  constructor(
    private readonly c: ControlConfig,
    state: ControlState,
  ) {
    this.s = copyOf(state);
  }

  apply(e: ControlEvent): void {
    switch (e.type) {
      case 'request':
        return this.request(e.target, e.actor, e.reason, e.waiter, e.now);
      case 'refresh':
        return this.refresh(e.waiter);
      case 'storeAnswered':
        return this.storeAnswered(e.target, e.key, e.answer, e.durationMs, e.now);
      case 'readAnswered':
        return this.readAnswered(e.answer, e.now);
      case 'ordersAnswered':
        return this.ordersAnswered(e.orders, e.fault);
      case 'retryFired':
        if (this.s.retryWaiting && !this.s.closed) {
          this.s.retryWaiting = false;
          if (this.s.pending) this.attempt();
        }
        return;
      case 'deadlineFired':
        return this.deadline(e.waiter);
      case 'pollTick':
        return this.poll();
      case 'nudge':
        if (this.s.closed) return;
        if (this.s.retryWaiting) this.wakeRetry();
        else if (!this.s.pending && !this.s.call && !this.s.read) this.startRead(false);
        return;
      case 'activate':
        if (this.s.active || this.s.closed) return;
        this.s.active = true;
        if (this.s.pending) {
          if (!this.s.call && !this.s.retryWaiting) this.attempt();
        } else this.poll();
        this.effects.push({ type: 'startPolling', everyMs: this.c.timing.pollMs });
        return;
      case 'close':
        return this.close();
      case 'setCap':
        this.s.capReachedAt = e.reachedAt;
        this.s.bonusRemoval = e.bonusRemoval;
        this.persist(e.now);
        this.publish();
        return;
    }
  }

  private publish() {
    this.effects.push({ type: 'publish' });
  }

  private persist(now: number, waiter: number | null = null) {
    this.effects.push({ type: 'persist', row: rowOf(this.s), now, waiter });
  }

  private settle(which: (w: Waiter) => boolean, outcome: (w: Waiter) => Settlement) {
    const keep: Waiter[] = [];
    const settled: Waiter[] = [];
    for (const w of this.s.waiters) (which(w) ? settled : keep).push(w);
    this.s.waiters = keep;
    // Newest first, as the waiters were always settled.
    for (const w of settled.reverse()) this.effects.push({ type: 'settle', waiter: w.id, outcome: outcome(w) });
  }

  private noteTrouble(f: StoreFault) {
    if (UNREACHABLE.has(f.kind)) this.s.storeReachable = false;
    else if (f.contacted) this.s.storeReachable = true;
  }

  private raisePending() {
    const s = this.s;
    this.effects.push({
      type: 'alert',
      level: 'critical',
      key: pendingAlert(this.c),
      message: `${this.c.offerName}: the ${verbOf(s.intent)} is NOT confirmed by the store — ${s.lastError ?? 'no answer yet'}. Baton keeps the intent and retries until the store confirms.`,
    });
  }

  /**
   * One store call towards the intent. The key is the same for every retry of one intent. `owner`
   * is the waiting command whose click started this call (null for a timer's retry or a restart).
   */
  private attempt(owner: number | null = null) {
    const s = this.s;
    const key = s.opKey ?? `${this.c.offerId}:${s.intent}`;
    s.attempts += 1;
    s.nextRetryAt = null;
    s.call = { target: s.intent, key, owner };
    this.publish();
    this.effects.push({ type: 'callStore', target: s.intent, key, reason: s.reason });
  }

  private wakeRetry(owner: number | null = null) {
    this.s.retryWaiting = false;
    this.effects.push({ type: 'cancelRetry' });
    this.attempt(owner);
  }

  private request(target: Target, actor: string, reason: string | null, waiter: number, now: number) {
    const s = this.s;
    if (s.closed) {
      this.effects.push({ type: 'settle', waiter, outcome: { ok: false, code: 'unavailable', message: STOPPING } });
      return;
    }
    if (!s.pending && s.intent === target && s.observed === target) {
      this.effects.push({ type: 'settle', waiter, outcome: { ok: true, phase: phaseOf(s) } });
      return;
    }
    if (!s.pending || s.intent !== target) {
      this.settle(
        (w) => w.target !== target,
        (w) => ({
          ok: false,
          code: 'conflict',
          message: `${actor} asked to ${verbOf(target)} ${this.c.offerName} before the ${verbOf(w.target)} was confirmed; the ${verbOf(target)} goes ahead.`,
        }),
      );
      s.generation += 1;
      s.intent = target;
      s.pending = true;
      s.pendingSince = now;
      s.reason = target === 'paused' ? reason : null;
      s.requestedBy = actor;
      s.opKey = `${this.c.offerId}:${target}:${now.toString(36)}:${s.generation}`;
      s.attempts = 0;
      s.lastError = null;
      s.lastFault = null;
      s.errorShown = false;
      this.persist(now);
      this.effects.push({ type: 'clearAlert', key: driftAlert(this.c) });
    } else if (s.errorShown) {
      s.errorShown = false; // a retry click: a fresh deadline, and try right now
    }
    s.waiters.push({ id: waiter, target });
    this.effects.push({ type: 'scheduleDeadline', waiter, delayMs: this.c.timing.deadlineMs });
    this.publish();
    if (s.call) return; // the call in flight ends by driving the newest intent
    if (s.retryWaiting) this.wakeRetry(waiter);
    else this.attempt(waiter);
  }

  private confirm(target: Target, now: number, owner: number | null) {
    const s = this.s;
    const wasError = s.errorShown;
    s.pending = false;
    s.observed = target;
    s.confirmedAt = now;
    s.lastError = null;
    s.lastFault = null;
    s.errorShown = false;
    s.nextRetryAt = null;
    s.storeReachable = true;
    this.persist(now, owner);
    this.settle(
      () => true,
      () => ({ ok: true, phase: target }),
    );
    this.effects.push({ type: 'clearAlert', key: pendingAlert(this.c) });
    if (wasError) {
      this.effects.push({
        type: 'alert',
        level: 'info',
        key: `offers.confirmed.${this.c.offerId}`,
        message: `${this.c.offerName}: the store confirmed the ${verbOf(target)} after ${s.attempts} attempts.`,
      });
    }
    this.publish();
  }

  private storeAnswered(target: Target, key: string, answer: StoreAnswer, durationMs: number, now: number) {
    const s = this.s;
    if (!s.call || s.call.key !== key || s.call.target !== target) return; // not the call this state started
    // The command whose click started this call, if it still waits for its answer.
    const owner = s.call.owner !== null && s.waiters.some((w) => w.id === s.call?.owner) ? s.call.owner : null;
    s.call = null;
    let fault: StoreFault | null = null;
    if (answer.ok) {
      s.lastReadAt = now;
      s.observed = observedOf(answer.reading);
      s.storeReachable = true;
      s.readFailed = false;
      this.effects.push({ type: 'reading', reading: answer.reading });
      if (s.observed !== target) {
        fault = { kind: 'protocol', message: `the store's read-back after the ${verbOf(target)} shows ${answer.reading.detail}`, retryable: true, contacted: true };
      }
    } else {
      fault = answer.fault;
      this.noteTrouble(fault);
    }
    this.effects.push({
      type: 'audit',
      entry: {
        actor: s.requestedBy ?? 'system:offers',
        command: `offer.${verbOf(target)}.attempt`,
        args: { offerId: this.c.offerId, attempt: s.attempts, key, reason: s.reason },
        outcome: fault ? `failed:${fault.kind}` : 'confirmed',
        detail: fault ? fault.message : answer.ok ? answer.reading.detail : null,
        durationMs,
      },
      // Still waiting (not settled by a newer intent or its deadline): the row is the command's.
      waiter: owner,
    });
    if (s.closed || !s.pending) return;
    if (s.intent !== target || s.opKey !== key) {
      s.attempts = 0; // a newer intent arrived while this call was in flight: drive that one
      this.attempt(s.waiters.findLast((w) => w.target === s.intent)?.id ?? null);
      return;
    }
    if (!fault) {
      this.confirm(target, now, owner);
      return;
    }
    s.lastError = fault.message;
    s.lastFault = fault.kind;
    if (!fault.retryable) {
      s.errorShown = true;
      // The issuer is told the kind of failure in our words; the store's text stays in lastError.
      const message = `The store refused the ${verbOf(target)}: ${faultWords(fault.kind)}. The intent is kept; fix it and press ${verbOf(target)} again.`;
      this.settle(
        () => true,
        () => ({ ok: false, code: 'failed', message }),
      );
    } else if (s.waiters.length === 0) {
      s.errorShown = true;
    }
    if (s.errorShown) this.raisePending();
    const delayMs = retryDelay(this.c.timing, s.attempts, fault.retryable);
    s.nextRetryAt = now + delayMs;
    s.retryWaiting = true;
    this.effects.push({ type: 'scheduleRetry', delayMs });
    this.publish();
  }

  private deadline(waiter: number) {
    const s = this.s;
    const w = s.waiters.find((x) => x.id === waiter);
    if (!w) return;
    if (!s.pending) {
      this.settle(
        (x) => x === w,
        () => ({ ok: true, phase: phaseOf(s) }),
      );
      return;
    }
    s.errorShown = true;
    this.raisePending();
    this.publish();
    const n = s.attempts;
    this.settle(
      (x) => x === w,
      () => ({
        ok: false,
        code: 'unavailable',
        message: `The store has not confirmed the ${verbOf(w.target)} of ${this.c.offerName} within ${Math.round(this.c.timing.deadlineMs / 1000)} s (${n} attempt${n === 1 ? '' : 's'}): ${s.lastFault === null && s.lastError !== null ? 'the store does not show it yet' : faultWords(s.lastFault)}. The intent is kept and Baton retries until the store confirms; the offer shows ERROR meanwhile.`,
      }),
    );
  }

  private startRead(poll: boolean) {
    this.s.read = { generation: this.s.generation, poll };
    if (poll) this.s.polling = true;
    this.effects.push({ type: 'readStore' });
  }

  private refresh(waiter: number) {
    const s = this.s;
    if (s.closed) {
      this.effects.push({ type: 'settle', waiter, outcome: { ok: false, code: 'unavailable', message: STOPPING } });
      return;
    }
    if (s.pending || s.call || s.retryWaiting) {
      this.effects.push({ type: 'settle', waiter, outcome: { ok: true, phase: phaseOf(s) } });
      return;
    }
    s.refreshers.push(waiter);
    if (!s.read) this.startRead(false);
  }

  private poll() {
    const s = this.s;
    if (s.closed || s.polling || s.read || s.call || s.retryWaiting || s.pending) return;
    this.startRead(true);
  }

  private readAnswered(answer: StoreAnswer, now: number) {
    const s = this.s;
    const read = s.read;
    if (!read) return;
    s.read = null;
    if (s.closed) return;
    if (read.generation === s.generation && !s.pending) this.takeReading(answer, now);
    this.publish();
    const refreshers = s.refreshers;
    s.refreshers = [];
    for (const id of refreshers) {
      this.effects.push({
        type: 'settle',
        waiter: id,
        outcome: s.readFailed
          ? { ok: false, code: 'unavailable', message: `${this.c.offerName}: reading the store failed: ${faultWords(s.lastFault)}` }
          : { ok: true, phase: phaseOf(s) },
      });
    }
    if (read.poll) this.effects.push({ type: 'listOrders' });
  }

  private takeReading(answer: StoreAnswer, now: number) {
    const s = this.s;
    if (!answer.ok) {
      this.noteTrouble(answer.fault);
      s.lastError = `reading the store failed: ${answer.fault.message}`;
      s.lastFault = answer.fault.kind;
      s.readFailed = true;
      return;
    }
    const reading = answer.reading;
    s.lastReadAt = now;
    s.storeReachable = true;
    s.readFailed = false;
    this.effects.push({ type: 'reading', reading });
    const seen = observedOf(reading);
    const before = s.observed;
    s.observed = seen;
    if (seen === 'partial') {
      s.lastError = `the store shows a half-applied pause (${reading.detail}); press Pause or Resume to settle it`;
      s.lastFault = null;
      return;
    }
    s.lastError = null;
    s.lastFault = null;
    if (seen !== s.intent) {
      // Changed in the store's own admin, not through Baton: the store is the truth.
      const was = s.intent;
      s.intent = seen;
      s.confirmedAt = now;
      this.persist(now);
      this.effects.push({
        type: 'audit',
        entry: { actor: 'system:offers', command: 'offer.drift', args: { offerId: this.c.offerId, expected: was, found: seen }, outcome: 'observed', detail: reading.detail, durationMs: 0 },
        waiter: null,
      });
      this.effects.push({
        type: 'alert',
        level: 'warn',
        key: driftAlert(this.c),
        message: `${this.c.offerName} was set ${seen.toUpperCase()} in the store outside Baton (${reading.detail}).`,
      });
    } else if (before === null && s.confirmedAt === null) {
      s.confirmedAt = now;
    }
  }

  private ordersAnswered(orders: StoreOrder[] | null, fault: StoreFault | null) {
    const s = this.s;
    s.polling = false;
    if (s.closed) return;
    if (fault) {
      this.noteTrouble(fault);
      this.effects.push({ type: 'warn', message: 'offers: order poll failed', error: fault.message });
      return;
    }
    if (orders && orders.length) this.effects.push({ type: 'orders', orders });
  }

  private close() {
    const s = this.s;
    if (s.closed) return;
    s.closed = true;
    s.retryWaiting = false;
    this.settle(
      () => true,
      (w) => ({
        ok: false,
        code: 'unavailable',
        message: `The station stopped before the store confirmed; the ${verbOf(w.target)} intent is kept and resumes at the next start.`,
      }),
    );
    for (const id of s.refreshers) this.effects.push({ type: 'settle', waiter: id, outcome: { ok: false, code: 'unavailable', message: STOPPING } });
    s.refreshers = [];
    this.effects.push({ type: 'shutdown' });
  }
}
