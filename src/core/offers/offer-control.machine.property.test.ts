// Property tests of the offer control machine: fast-check generates sequences of clicks, store
// answers (ok, 5xx, timeout, refusal, a read-back that disagrees), timer firings and restarts, and
// a model store plays them out. No real timers: the machine is pure, the harness is the clock.
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { OfferPhase } from '../../shared/contract/index';
import type { StoreReading } from './commerce.adapter';
import type { ControlRow } from './offers.repo';
import { initialState, phaseOf, step, type ControlConfig, type ControlEvent, type ControlState, type StoreAnswer, type Target } from './offer-control.machine';

const config: ControlConfig = {
  offerId: 'glow',
  offerName: 'Glow Kit',
  timing: { requestTimeoutMs: 100, deadlineMs: 1000, retryBaseMs: 10, retryMaxMs: 80, pollMs: 500 },
};

type StoreTruth = Target | 'partial';
/** How the store answers one pause/resume: applied or not, and what the caller hears. */
type CallOutcome = 'ok' | '5xx' | '5xx-applied' | 'timeout' | 'timeout-applied' | 'wrong-read-back' | 'refused' | 'unreachable';

type Command =
  | { t: 'click'; target: Target; actor: string }
  | { t: 'answerCall'; outcome: CallOutcome }
  | { t: 'answerRead'; ok: boolean }
  | { t: 'answerOrders'; ok: boolean }
  | { t: 'fireRetry' }
  | { t: 'fireDeadline'; pick: number }
  | { t: 'pollTick' }
  | { t: 'nudge' }
  | { t: 'refresh' }
  | { t: 'activate' }
  | { t: 'restart'; inFlightLands: boolean };

const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ t: fc.constant('click' as const), target: fc.constantFrom<Target>('paused', 'live'), actor: fc.constantFrom('Maya', 'Leo', 'system:trigger') }) },
  {
    weight: 6,
    arbitrary: fc.record({
      t: fc.constant('answerCall' as const),
      outcome: fc.constantFrom<CallOutcome>('ok', '5xx', '5xx-applied', 'timeout', 'timeout-applied', 'wrong-read-back', 'refused', 'unreachable'),
    }),
  },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('answerRead' as const), ok: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('answerOrders' as const), ok: fc.boolean() }) },
  { weight: 3, arbitrary: fc.constant({ t: 'fireRetry' as const }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('fireDeadline' as const), pick: fc.nat(5) }) },
  { weight: 1, arbitrary: fc.constant({ t: 'pollTick' as const }) },
  { weight: 1, arbitrary: fc.constant({ t: 'nudge' as const }) },
  { weight: 1, arbitrary: fc.constant({ t: 'refresh' as const }) },
  { weight: 1, arbitrary: fc.constant({ t: 'activate' as const }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('restart' as const), inFlightLands: fc.boolean() }) },
);

const readingOf = (truth: StoreTruth): StoreReading => ({
  paused: truth === 'paused' ? true : truth === 'live' ? false : 'partial',
  detail: `store is ${truth}`,
  stock: null,
  bonusActive: null,
});

/** The machine plus a model store and the timers and calls it asked for. */
class World {
  state: ControlState;
  row: ControlRow | null = null;
  store: StoreTruth = 'live';
  call: { target: Target; key: string } | null = null;
  reads = 0;
  orders = 0;
  retry = false;
  deadlines: number[] = [];
  now = 1_000;
  nextWaiter = 1;
  /** Every waiter ever created, and how often each was settled. */
  settled = new Map<number, number>();
  lastClicked: Target | null = null;
  /** Commands that were handed their own attempt's audit row (for their transaction). */
  owners = new Set<number>();
  violations: string[] = [];

  constructor() {
    this.state = initialState(null, this.now);
  }

  send(event: ControlEvent) {
    const before = phaseOf(this.state);
    const given = this.state;
    const copy = structuredClone(given);
    const out = step(config, given, event);
    // Pure: the state a step was given is never changed (the driver keeps no other copy of it).
    if (!isDeepStrictEqual(given, copy)) this.violations.push(`${event.type} changed the state it was given`);
    if (out.state === given || out.state.waiters === given.waiters || out.state.refreshers === given.refreshers) this.violations.push(`${event.type} returned the state it was given`);
    this.state = out.state;
    const after = phaseOf(this.state);
    if (after === 'paused' && before !== 'paused') {
      const confirming = (event.type === 'storeAnswered' || event.type === 'readAnswered') && event.answer.ok && event.answer.reading.paused === true;
      if (!confirming) this.violations.push(`shown paused after ${event.type} without a confirming read-back`);
    }
    if (after === 'paused' && this.store !== 'paused') this.violations.push(`shown paused while the store is ${this.store}`);
    for (const e of out.effects) {
      switch (e.type) {
        case 'callStore':
          if (this.call) this.violations.push('two store operations at once');
          this.call = { target: e.target, key: e.key };
          break;
        case 'readStore':
          this.reads += 1;
          break;
        case 'listOrders':
          this.orders += 1;
          break;
        case 'scheduleRetry':
          this.retry = true;
          break;
        case 'cancelRetry':
          this.retry = false;
          break;
        case 'scheduleDeadline':
          this.deadlines.push(e.waiter);
          break;
        case 'settle':
          this.settled.set(e.waiter, (this.settled.get(e.waiter) ?? 0) + 1);
          this.deadlines = this.deadlines.filter((w) => w !== e.waiter);
          if (e.outcome.ok && e.outcome.phase === 'paused' && this.store !== 'paused') this.violations.push('answered paused while the store is not');
          break;
        case 'persist':
          this.row = e.row;
          // Only the confirmation of a click's own attempt goes into its command's transaction.
          if (e.waiter !== null && (event.type !== 'storeAnswered' || this.settled.get(e.waiter) !== 0 || e.row.pending)) {
            this.violations.push(`a ${event.type} write handed to a command`);
          }
          break;
        case 'audit':
          if (e.waiter === null) break;
          // Only a click's own attempt goes into its command's transaction, once, while it waits.
          if (event.type !== 'storeAnswered') this.violations.push(`a ${event.type} row handed to a command`);
          if (this.settled.get(e.waiter) !== 0) this.violations.push('a row handed to a command that already has its answer');
          if (this.owners.has(e.waiter)) this.violations.push('two attempt rows handed to one command');
          this.owners.add(e.waiter);
          break;
        case 'shutdown':
          this.retry = false;
          break;
        default:
          break;
      }
    }
  }

  waiter(): number {
    const id = this.nextWaiter++;
    this.settled.set(id, 0);
    return id;
  }

  answerCall(outcome: CallOutcome) {
    const call = this.call;
    if (!call) return;
    this.call = null;
    let answer: StoreAnswer;
    const applied = outcome === 'ok' || outcome === '5xx-applied' || outcome === 'timeout-applied';
    if (applied) this.store = call.target;
    if (outcome === 'wrong-read-back') this.store = 'partial';
    if (outcome === 'ok' || outcome === 'wrong-read-back') answer = { ok: true, reading: readingOf(this.store) };
    else if (outcome === '5xx' || outcome === '5xx-applied') answer = { ok: false, fault: { kind: 'server', message: 'HTTP 502', retryable: true, contacted: true } };
    else if (outcome === 'timeout' || outcome === 'timeout-applied') answer = { ok: false, fault: { kind: 'timeout', message: 'no answer in 4 s', retryable: true, contacted: false } };
    else if (outcome === 'refused') answer = { ok: false, fault: { kind: 'auth', message: 'HTTP 401', retryable: false, contacted: true } };
    else answer = { ok: false, fault: { kind: 'unreachable', message: 'connection refused', retryable: true, contacted: false } };
    this.send({ type: 'storeAnswered', target: call.target, key: call.key, answer, durationMs: 1, now: this.now });
  }

  answerRead(ok: boolean) {
    if (this.reads === 0) return;
    this.reads -= 1;
    const answer: StoreAnswer = ok ? { ok: true, reading: readingOf(this.store) } : { ok: false, fault: { kind: 'unreachable', message: 'refused', retryable: true, contacted: false } };
    this.send({ type: 'readAnswered', answer, now: this.now });
  }

  restart(inFlightLands: boolean) {
    this.send({ type: 'close' });
    // A call already sent when the station stopped either reached the store or it did not.
    if (this.call && inFlightLands) this.store = this.call.target;
    this.call = null;
    this.reads = 0;
    this.orders = 0;
    this.retry = false;
    this.deadlines = [];
    this.state = initialState(this.row, this.now);
    if (phaseOf(this.state) === 'paused') this.violations.push('shown paused right after a restart, before any read-back');
    this.send({ type: 'activate' });
  }

  play(c: Command) {
    this.now += 7;
    switch (c.t) {
      case 'click':
        this.lastClicked = c.target;
        this.send({ type: 'request', target: c.target, actor: c.actor, reason: c.target === 'paused' ? 'test' : null, waiter: this.waiter(), now: this.now });
        return;
      case 'answerCall':
        return this.answerCall(c.outcome);
      case 'answerRead':
        return this.answerRead(c.ok);
      case 'answerOrders':
        if (this.orders === 0) return;
        this.orders -= 1;
        this.send({ type: 'ordersAnswered', orders: c.ok ? [] : null, fault: c.ok ? null : { kind: 'server', message: 'HTTP 500', retryable: true, contacted: true } });
        return;
      case 'fireRetry':
        if (!this.retry) return;
        this.retry = false;
        this.send({ type: 'retryFired' });
        return;
      case 'fireDeadline': {
        const w = this.deadlines[c.pick % Math.max(1, this.deadlines.length)];
        if (w === undefined) return;
        this.deadlines = this.deadlines.filter((x) => x !== w);
        this.send({ type: 'deadlineFired', waiter: w });
        return;
      }
      case 'pollTick':
        return this.send({ type: 'pollTick' });
      case 'nudge':
        return this.send({ type: 'nudge' });
      case 'refresh':
        return this.send({ type: 'refresh', waiter: this.waiter() });
      case 'activate':
        return this.send({ type: 'activate' });
      case 'restart':
        return this.restart(c.inFlightLands);
    }
  }

  /** The store behaves from now on: answer everything truthfully and fire every timer. */
  settleDown(): void {
    let polled = false;
    for (let i = 0; i < 500; i++) {
      this.now += 7;
      if (this.call) this.answerCall('ok');
      else if (this.reads > 0) this.answerRead(true);
      else if (this.orders > 0) this.play({ t: 'answerOrders', ok: true });
      else if (this.retry) this.play({ t: 'fireRetry' });
      else if (this.deadlines.length) this.play({ t: 'fireDeadline', pick: 0 });
      else if (!polled) {
        polled = true; // the background read that follows any quiet spell
        this.send({ type: 'pollTick' });
      } else return;
    }
    this.violations.push('never settled with a well-behaved store');
  }
}

const sequences = fc.array(command, { minLength: 1, maxLength: 60 });

describe('offer control machine (property)', () => {
  it('shows paused only after a confirming read-back, never two store operations at once', () => {
    fc.assert(
      fc.property(sequences, (cmds) => {
        const w = new World();
        w.send({ type: 'activate' });
        for (const c of cmds) w.play(c);
        expect(w.violations).toEqual([]);
      }),
      { numRuns: 6_000 },
    );
  });

  it('the durable intent wins once the store behaves, and every click gets exactly one answer', () => {
    fc.assert(
      fc.property(sequences, fc.boolean(), (cmds, restartAtEnd) => {
        const w = new World();
        w.send({ type: 'activate' });
        for (const c of cmds) w.play(c);
        if (restartAtEnd) w.restart(false);
        w.settleDown();
        expect(w.violations).toEqual([]);
        const want: Target = w.lastClicked ?? 'live';
        const phase: OfferPhase = phaseOf(w.state);
        expect(w.state.pending).toBe(false);
        expect(w.state.intent).toBe(want);
        expect(w.store).toBe(want);
        expect(phase).toBe(want);
        expect(w.row?.intent ?? 'live').toBe(want);
        expect(w.row?.pending ?? false).toBe(false);
        // Clicks before a restart were answered at the close; none is answered twice.
        for (const [id, n] of w.settled) expect({ id, n }).toEqual({ id, n: 1 });
      }),
      { numRuns: 6_000 },
    );
  });
});
