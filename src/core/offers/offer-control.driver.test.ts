import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../storage/database';
import { silentLogger } from '../platform/logger';
import { systemTimers } from '../platform/timers';
import type { Offer } from '../../shared/show/show.schema';
import { unheard, webhookGlowKit } from '../../../test/support/offer-control-fixture';
import { CommandFailure } from '../dispatch/command-failure';
import { StoreError } from './commerce.adapter';
import { createOffersRepo, type OffersRepo } from './offers.repo';
import { createOfferController, type ControlAudit, type OfferController } from './offer-control.driver';
import type { AuditInput } from '../storage/audit-writer';
import type { OfferTiming } from './offers.ports';
import { createFakeStore, storeDown, type FakeStore } from '../../../test/support/fake-commerce-store';
import { until } from '../../../test/support/until';
import { createStateStore } from '../state/state.store';
import { initialState } from '../state/initial-state';
import { createAlertsService } from '../alerts/alerts.service';

const TIMING: OfferTiming = { requestTimeoutMs: 200, deadlineMs: 250, retryBaseMs: 10, retryMaxMs: 40, pollMs: 30 };
const offer: Offer = webhookGlowKit;
const PENDING = 'offers.pending.glow-kit-live';
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Attempt rows follow the answer to a click, in the same turn. */
const afterReply = () => new Promise<void>((resolve) => setImmediate(resolve));

function alertsService() {
  const state = createStateStore(initialState({ version: 't', startedAt: 0, mode: 'headless', url: '', lan: false, dataDir: ':memory:', views: { producer: 0, host: 0, moderator: 0, approver: 0, commerce: 0, 'customer-service': 0, observer: 0 } }));
  const service = createAlertsService({ state, clock: { now: () => Date.now(), monotonic: () => performance.now() }, record: () => {} });
  return Object.assign(service, { items: () => state.get('alerts').items });
}

function openAlerts(service: ReturnType<typeof alertsService>) {
  const open = (key: string) => service.items().find((a) => a.key === key && a.clearedAt === null);
  return { get: (key: string) => open(key)?.message, has: (key: string) => open(key) !== undefined };
}

interface Rig {
  db: Db;
  repo: OffersRepo;
  store: FakeStore;
  audits: ControlAudit[];
  /** The open alarms' messages by key, from a real alerts service. */
  alerts: { get(key: string): string | undefined; has(key: string): boolean };
  phases: string[];
  c: OfferController;
  make(store?: FakeStore): OfferController;
}

const rigs: Rig[] = [];
afterEach(() => {
  for (const r of rigs.splice(0)) {
    r.c.close();
    r.db.close();
  }
});

function rig(store = createFakeStore()): Rig {
  const db = openDatabase({ file: ':memory:' });
  const repo = createOffersRepo(db);
  const audits: ControlAudit[] = [];
  const service = alertsService();
  const alerts = openAlerts(service);
  const phases: string[] = [];
  const r = { db, repo, store, audits, alerts, phases } as Partial<Rig> as Rig;
  r.make = (s = store) => {
    const c: OfferController = createOfferController({
      showId: 'show-1',
      offer,
      adapter: s,
      repo,
      clock: { now: () => Date.now(), monotonic: () => performance.now() },
      timers: systemTimers,
      log: silentLogger,
      timing: TIMING,
      audit: (e) => audits.push(e),
      alert: (level, key, message) => service.raise({ source: 'offers', key, level, message }),
      clearAlert: (key, upTo) => service.clear(key, upTo),
      alertStamp: () => service.stamp(),
      changed: () => {
        const p = c?.view().state;
        if (p && phases[phases.length - 1] !== p) phases.push(p);
      },
      onReading: () => {},
      onOrders: () => {},
      scrub: (text) => text,
    });
    return c;
  };
  r.c = r.make();
  rigs.push(r);
  return r;
}

describe('offer controller', () => {
  it('a store answer that arrives after close writes nothing: the storage may already be closed, and a late row must never throw out of a timer', async () => {
    const r = rig(createFakeStore({ latencyMs: 40 }));
    const p = r.c.request('paused', { actor: 'Maya', reason: 'x' }).catch(() => 'refused');
    r.c.close();
    r.db.close();
    const rows = r.audits.length;
    // The in-flight call answers after close; its rows and writes would hit a closed database.
    await wait(120);
    await afterReply();
    expect(await p).toBe('refused');
    expect(r.audits.length).toBe(rows);
  });

  // A crash between the store call and the intent's row would leave a store paused by a station
  // that remembers no pause: the row must be durable before the call starts, whatever the client's
  // own scheduling of its bytes.
  it('writes the durable intent before the store call starts', async () => {
    const store = createFakeStore();
    const seen: unknown[] = [];
    const setPaused = store.setPaused.bind(store);
    const r = rig(store);
    store.setPaused = (paused, op) => {
      seen.push(r.repo.control('show-1', offer.id));
      return setPaused(paused, op);
    };
    await r.c.request('paused', { actor: 'Maya', reason: 'checkout broken' });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ intent: 'paused', pending: true, reason: 'checkout broken', requestedBy: 'Maya' });
  });

  it('shows pausing until the read-back confirms, then paused; every attempt is audited', async () => {
    const r = rig(createFakeStore({ latencyMs: 30 }));
    const p = r.c.request('paused', { actor: 'Maya', reason: 'checkout broken' });
    expect(r.c.view().state).toBe('pausing');
    expect(r.c.view().pending).toBe(true);
    await expect(p).resolves.toBe('paused');
    expect(r.c.view()).toMatchObject({ state: 'paused', intent: 'paused', pending: false, reason: 'checkout broken', requestedBy: 'Maya' });
    // The attempt row follows right after the answer.
    await until(() => r.audits.length === 1);
    expect(r.phases).toEqual(['pausing', 'paused']);
    expect(r.audits[0]).toMatchObject({ actor: 'Maya', command: 'offer.pause.attempt', outcome: 'confirmed' });
    expect(r.audits[0]?.durationMs).toBeGreaterThanOrEqual(25);
  });

  it("hands the click's own attempt row to its command before the answer; the timer's retries stay rows of their own", async () => {
    const store = createFakeStore();
    store.stuck = 'partial';
    const r = rig(store);
    const own: AuditInput[] = [];
    const writes: (() => void)[] = [];
    const p = r.c.request('paused', { actor: 'Maya', reason: 'x', audit: (row) => own.push(row), write: (fn) => writes.push(fn) });
    await until(() => r.audits.length >= 1); // the first retry, after the click's own attempt failed
    store.stuck = null;
    await expect(p).resolves.toBe('paused');
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({ actor: 'Maya', command: 'offer.pause.attempt', outcome: 'failed:protocol', args: { attempt: 1 } });
    expect(typeof own[0]?.at).toBe('number');
    // A timer's retry confirmed it, not the click's own attempt: the confirmation is written at once.
    expect(writes).toEqual([]);
    expect(r.repo.control('show-1', 'glow-kit-live')).toMatchObject({ intent: 'paused', pending: false });
    await afterReply();
    expect(r.audits.map((a) => (a.args as { attempt: number }).attempt)).toEqual(r.audits.map((_, i) => i + 2));
    expect(r.audits[r.audits.length - 1]?.outcome).toBe('confirmed');
  });

  it('joins repeated clicks into one store operation', async () => {
    const r = rig(createFakeStore({ latencyMs: 40 }));
    const results = await Promise.all([
      r.c.request('paused', { actor: 'Maya', reason: 'a' }),
      r.c.request('paused', { actor: 'Maya', reason: 'b' }),
      r.c.request('paused', { actor: 'Leo', reason: 'c' }),
    ]);
    expect(results).toEqual(['paused', 'paused', 'paused']);
    expect(r.store.calls.filter((c) => c.op === 'set')).toHaveLength(1);
    expect(r.c.view().reason).toBe('a');
    // Idempotent: pausing a paused offer does not touch the store again.
    await expect(r.c.request('paused', { actor: 'Maya', reason: 'again' })).resolves.toBe('paused');
    expect(r.store.calls.filter((c) => c.op === 'set')).toHaveLength(1);
  });

  it('never says paused when the read-back disagrees', async () => {
    const store = createFakeStore();
    store.stuck = 'partial';
    const r = rig(store);
    const p = r.c.request('paused', { actor: 'Maya', reason: 'x' });
    await expect(p).rejects.toMatchObject({ code: 'unavailable' });
    expect(r.c.view().state).toBe('error');
    expect(r.c.view().lastError).toContain("read-back after the pause shows");
    await afterReply();
    expect(r.audits.every((a) => a.outcome === 'failed:protocol')).toBe(true);
    expect(r.audits.length).toBeGreaterThan(1);
    store.stuck = null;
    await until(() => r.c.view().state === 'paused');
  });

  it('keeps the intent while the store is down, answers error at the deadline, completes when it returns', async () => {
    const store = createFakeStore();
    store.down = storeDown();
    const r = rig(store);
    const started = Date.now();
    const err = await r.c.request('paused', { actor: 'Maya', reason: 'oversell' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CommandFailure);
    expect((err as CommandFailure).code).toBe('unavailable');
    // The issuer hears the kind of failure in our words; the store's own text is the producer's lastError.
    expect((err as CommandFailure).message).toContain('could not be reached');
    expect((err as CommandFailure).message).not.toContain('connection refused');
    expect(r.c.view().lastError).toContain('connection refused');
    expect(Date.now() - started).toBeGreaterThanOrEqual(TIMING.deadlineMs - 5);
    expect(r.c.view()).toMatchObject({ state: 'error', intent: 'paused', pending: true, storeReachable: false });
    expect(r.alerts.get('offers.pending.glow-kit-live')).toContain('NOT confirmed');
    expect(r.repo.control('show-1', 'glow-kit-live')).toMatchObject({ intent: 'paused', pending: true, reason: 'oversell' });
    await afterReply();
    const failedAttempts = r.audits.length;
    expect(failedAttempts).toBeGreaterThan(2);
    expect(r.audits.every((a) => a.outcome === 'failed:unreachable' && a.actor === 'Maya')).toBe(true);

    store.down = null;
    await until(() => r.c.view().state === 'paused');
    await afterReply();
    expect(r.audits[r.audits.length - 1]?.outcome).toBe('confirmed');
    expect(r.alerts.has('offers.pending.glow-kit-live')).toBe(false);
    expect(r.alerts.get('offers.confirmed.glow-kit-live')).toContain('confirmed the pause');
    expect(r.repo.control('show-1', 'glow-kit-live')).toMatchObject({ pending: false });
  });

  it('fails at once when the store refuses, keeping the intent for a retry', async () => {
    const store = createFakeStore();
    store.down = new StoreError('auth', 'fake-store refused Baton’s credentials (HTTP 401)', 401);
    const r = rig(store);
    const started = Date.now();
    await expect(r.c.request('paused', { actor: 'Maya', reason: 'x' })).rejects.toMatchObject({ code: 'failed' });
    expect(Date.now() - started).toBeLessThan(TIMING.deadlineMs);
    expect(r.c.view()).toMatchObject({ state: 'error', pending: true });
    expect(r.c.view().lastError).toContain('HTTP 401');
    // The retry button: the same request again, now that the credentials are fixed.
    store.down = null;
    await expect(r.c.request('paused', { actor: 'Maya', reason: 'x' })).resolves.toBe('paused');
  });

  // A recovery click (the store refused, is fixed, and the producer presses again) ends the "NOT
  // confirmed" alarm: a rebuild of the alerts and an audit transaction of their own, which the
  // click's answer must not wait for.
  it('a recovery click is answered before its "NOT confirmed" alarm ends; the alarm ends right after', async () => {
    const store = createFakeStore();
    store.down = new StoreError('auth', 'fake-store refused Baton’s credentials (HTTP 401)', 401);
    const r = rig(store);
    await expect(r.c.request('paused', { actor: 'Maya', reason: 'x' })).rejects.toMatchObject({ code: 'failed' });
    expect(r.alerts.get(PENDING)).toContain('pause is NOT confirmed');
    store.down = null;
    await expect(r.c.request('paused', { actor: 'Maya', reason: 'x' })).resolves.toBe('paused');
    expect(r.alerts.has(PENDING)).toBe(true);
    await afterReply();
    expect(r.alerts.has(PENDING)).toBe(false);
  });

  it('an alarm raised again in the same turn survives the deferred clear of the one before it', async () => {
    const store = createFakeStore();
    store.down = new StoreError('auth', 'fake-store refused Baton’s credentials (HTTP 401)', 401);
    const r = rig(store);
    await expect(r.c.request('paused', { actor: 'Maya', reason: 'x' })).rejects.toMatchObject({ code: 'failed' });
    store.down = null;
    await expect(r.c.request('paused', { actor: 'Maya', reason: 'x' })).resolves.toBe('paused');
    // Still in the turn that confirmed the pause (its clear has not run): a resume the store refuses
    // without a wait (a credential gone, say) raises the alarm again.
    const setPaused = store.setPaused.bind(store);
    store.setPaused = (paused, op) => (paused ? setPaused(paused, op) : Promise.reject(new StoreError('auth', 'no credential stored', null, false)));
    await expect(r.c.request('live', { actor: 'Maya', reason: null })).rejects.toMatchObject({ code: 'failed' });
    expect(r.alerts.get(PENDING)).toContain('resume is NOT confirmed');
    await afterReply();
    await afterReply();
    expect(r.alerts.get(PENDING)).toContain('resume is NOT confirmed');
  });

  it('lets a resume supersede an unconfirmed pause, and tells the pause waiter', async () => {
    const store = createFakeStore({ latencyMs: 30 });
    const r = rig(store);
    const pause = r.c.request('paused', { actor: 'Maya', reason: 'x' });
    await wait(5);
    const resume = r.c.request('live', { actor: 'Maya', reason: null });
    await expect(pause).rejects.toMatchObject({ code: 'conflict' });
    await expect(resume).resolves.toBe('live');
    expect(store.paused).toBe(false);
    expect(r.c.view()).toMatchObject({ state: 'live', intent: 'live', pending: false });
  });

  it('carries an unfinished intent over a restart', async () => {
    const store = createFakeStore();
    store.down = storeDown();
    const r = rig(store);
    await r.c.request('paused', { actor: 'Maya', reason: 'x' }).catch(() => undefined);
    r.c.close();
    store.down = null;
    const again = r.make(store);
    r.c = again;
    expect(again.view()).toMatchObject({ intent: 'paused', pending: true, state: 'pausing' });
    again.activate();
    await until(() => again.view().state === 'paused');
    await until(() => r.audits.some((a) => a.outcome === 'confirmed'));
    // A call already on its way when the first station stopped may land too (and is audited).
    expect(r.audits.filter((a) => a.outcome === 'confirmed').length).toBeGreaterThanOrEqual(1);
    expect(r.audits[r.audits.length - 1]?.outcome).toBe('confirmed');
  });

  it('reads the store at start, and reports a change made outside Baton', async () => {
    const store = createFakeStore();
    const r = rig(store);
    expect(r.c.view().state).toBe('unknown');
    r.c.activate();
    await until(() => r.c.view().state === 'live');
    store.paused = true;
    await until(() => r.c.view().state === 'paused', 2000);
    expect(r.c.view().intent).toBe('paused');
    expect(r.alerts.get('offers.drift.glow-kit-live')).toContain('outside Baton');
    await afterReply();
    expect(r.audits.some((a) => a.command === 'offer.drift')).toBe(true);
  });

  it('shows error (not a last-known state) when the first read fails', async () => {
    const store = createFakeStore();
    store.down = storeDown();
    const r = rig(store);
    await expect(r.c.refresh()).rejects.toMatchObject({ code: 'unavailable' });
    expect(r.c.view()).toMatchObject({ state: 'error', storeReachable: false });
  });

  it('shows storeReachable null until the store was contacted, not true on a missing credential', async () => {
    const store = createFakeStore();
    const r = rig(store);
    expect(r.c.view().storeReachable).toBeNull();
    store.down = new StoreError('config', 'no HMAC key for the store webhook: store it with offer.credentials', null, false);
    await expect(r.c.refresh()).rejects.toMatchObject({ code: 'unavailable' });
    expect(r.c.view()).toMatchObject({ state: 'error', storeReachable: null });
    // A store that answered, even with a refusal, was reached.
    store.down = new StoreError('auth', 'fake-store refused Baton’s credentials (HTTP 401)', 401);
    await expect(r.c.refresh()).rejects.toMatchObject({ code: 'unavailable' });
    expect(r.c.view().storeReachable).toBe(true);
  });

  it('waits for retries and deadlines on the injected timers only', async () => {
    const store = createFakeStore();
    store.down = storeDown();
    const db = openDatabase({ file: ':memory:' });
    const waits: { ms: number; fn: () => void }[] = [];
    const c = createOfferController({
      showId: 'show-1',
      offer,
      adapter: store,
      repo: createOffersRepo(db),
      clock: { now: () => Date.now(), monotonic: () => performance.now() },
      timers: { after: (ms, fn) => (waits.push({ ms, fn }), () => undefined), every: () => () => undefined, defer: (fn) => fn() },
      log: silentLogger,
      timing: TIMING,
      ...unheard,
    });
    const answer = c.request('paused', { actor: 'Maya', reason: 'x' }).catch((e: unknown) => e);
    await until(() => c.view().nextRetryAt !== null);
    expect(waits.map((w) => w.ms)).toEqual([TIMING.deadlineMs, TIMING.retryBaseMs]);
    await wait(50); // no real timer drives a retry
    expect(store.calls.filter((x) => x.op === 'set')).toHaveLength(1);
    store.down = null;
    waits[1]?.fn(); // the retry timer fires
    await expect(answer).resolves.toBe('paused');
    expect(store.calls.filter((x) => x.op === 'set')).toHaveLength(2);
    c.close();
    db.close();
  });
});
