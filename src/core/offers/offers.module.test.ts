import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../core';
import type { OfferView, ServerMessage } from '../../shared/contract/index';
import { DEMO_SHOW, createTestClock, createTestCore, host, producer, type TestClock } from '../../../test/support/test-core';
import type { OffersPorts } from './offers.ports';
import { systemTimers } from '../platform/timers';
import { REHEARSAL_RATES } from './sandbox.simulator';
import { until } from '../../../test/support/until';
import { postOverFetch } from './http-json';

const afterReply = () => new Promise<void>((resolve) => setImmediate(resolve));

const OFFER = 'glow-kit-live';
const cores: Core[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function ports(over: Partial<OffersPorts['sandbox']> = {}): OffersPorts {
  return {
    post: postOverFetch(fetch),
    timers: systemTimers,
    timing: { requestTimeoutMs: 500, deadlineMs: 400, retryBaseMs: 10, retryMaxMs: 50, pollMs: 50 },
    sandbox: { simulate: false, tickMs: 20, latencyMs: 30, random: seeded(7), rates: REHEARSAL_RATES, ...over },
  };
}

async function demoCore(opts: { dataDir?: string; clock?: TestClock; sandbox?: Partial<OffersPorts['sandbox']> } = {}) {
  const clock = opts.clock ?? createTestClock();
  const core = createTestCore({ clock, ports: { offers: ports(opts.sandbox) }, ...(opts.dataDir ? { dataDir: opts.dataDir } : {}) });
  cores.push(core);
  core.show.loadFile(DEMO_SHOW);
  await core.start();
  await until(() => offer(core).state === 'live');
  return { core, clock };
}

const offer = (core: Core): OfferView => {
  const o = core.snapshot().state.offers.items.find((i) => i.id === OFFER);
  if (!o) throw new Error('no demo offer');
  return o;
};

const orders = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => ({ type: 'order' as const, offerId: OFFER, orderId: `o-${from + i}`, amount: 39, currency: 'USD' }));

describe('offers module (demo show, sandbox store)', () => {
  it('lists the demo offer as a REHEARSAL sandbox offer, read from the store', async () => {
    const { core } = await demoCore();
    expect(offer(core)).toMatchObject({
      id: OFFER,
      code: 'LIVEGLOW',
      storeKind: 'sandbox',
      rehearsal: true,
      state: 'live',
      intent: 'live',
      storeReachable: true,
      cap: { orders: 200, bonus: 'free travel pouch', reached: false },
      stock: { 'BNDL-GLOW-KIT': 500 },
    });
    expect(offer(core).rules.map((r) => r.id)).toEqual(['pay-errors', 'store-5xx', 'chargebacks', 'oversell', 'cap', 'fulfilment']);
  });

  it('pauses: pausing → paused in the patches, answered after the store confirmed, audited with actor and reason', async () => {
    const { core } = await demoCore();
    const seen: string[] = [];
    core.subscribe((m: ServerMessage) => {
      if (m.t !== 'patch' || m.domain !== 'offers') return;
      const s = m.value.items[0]?.state;
      if (s && seen[seen.length - 1] !== s) seen.push(s);
    });
    const r = await core.dispatch('offer.pause', { offerId: OFFER, reason: 'wrong price live' }, producer);
    expect(r).toEqual({ ok: true, result: { state: 'paused' } });
    // The attempt row is already there: it was written in the command's transaction.
    core.state.flush();
    expect(seen).toEqual(['pausing', 'paused']);
    expect(offer(core)).toMatchObject({ state: 'paused', reason: 'wrong price live', requestedBy: producer.actor, pending: false });
    const audit = core.audit.list({ limit: 10 });
    const attempt = audit.find((e) => e.command === 'offer.pause.attempt');
    expect(attempt).toMatchObject({ actor: producer.actor, outcome: 'confirmed' });
    expect(attempt?.args).toMatchObject({ offerId: OFFER, reason: 'wrong price live', attempt: 1 });
    const cmd = audit.find((e) => e.command === 'offer.pause');
    expect(cmd).toMatchObject({ actor: producer.actor, outcome: 'ok' });
    expect(cmd?.durationMs).toBeGreaterThanOrEqual(25);

    expect(await core.dispatch('offer.resume', { offerId: OFFER }, producer)).toEqual({ ok: true, result: { state: 'live' } });
  });

  it("writes the pause's own attempt row in the command's transaction, just before the command's row", async () => {
    const { core } = await demoCore();
    const r = await core.dispatch('offer.pause', { offerId: OFFER, reason: 'wrong price live' }, producer);
    expect(r).toEqual({ ok: true, result: { state: 'paused' } });
    // No waiting for after the reply: the answer comes only once both rows are committed.
    const [cmd, attempt] = core.audit.list({ limit: 2 });
    expect(cmd).toMatchObject({ command: 'offer.pause', actor: producer.actor, outcome: 'ok' });
    expect(attempt).toMatchObject({ command: 'offer.pause.attempt', actor: producer.actor, outcome: 'confirmed', seq: (cmd?.seq ?? 0) - 1 });
    expect(attempt?.args).toMatchObject({ offerId: OFFER, attempt: 1, reason: 'wrong price live' });
  });

  it('a command row that cannot be written takes its attempt row with it (one transaction)', async () => {
    const { core } = await demoCore();
    core.db.exec(`CREATE TEMP TRIGGER refuse_pause BEFORE INSERT ON audit_log WHEN NEW.command = 'offer.pause'
      BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    const r = await core.dispatch('offer.pause', { offerId: OFFER, reason: 'wrong price live' }, producer);
    expect(r).toMatchObject({ ok: false, error: { code: 'internal' } });
    await afterReply();
    await afterReply();
    expect(core.audit.list({ limit: 20, command: 'offer.pause.attempt' })).toEqual([]);
    // The confirmation went with it: the durable row still says "pause pending", so a restart
    // would drive the (idempotent) pause again rather than trust an unrecorded confirmation.
    const row = core.db.prepare('SELECT intent, pending, confirmed_at AS confirmedAt FROM offer_control WHERE offer_id = ?').get(OFFER);
    expect(row).toMatchObject({ intent: 'paused', pending: 1 });
    core.db.exec('DROP TRIGGER refuse_pause');
    // A later retry-free resume is its own command and lands with its own attempt.
    expect(await core.dispatch('offer.resume', { offerId: OFFER }, producer)).toEqual({ ok: true, result: { state: 'live' } });
    expect(core.audit.list({ limit: 2 }).map((e) => e.command)).toEqual(['offer.resume', 'offer.resume.attempt']);
  });

  it('refuses the host, an unknown offer and an empty reason', async () => {
    const { core } = await demoCore();
    expect(await core.dispatch('offer.pause', { offerId: OFFER, reason: 'x' }, host)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const unknown = await core.dispatch('offer.pause', { offerId: 'nope', reason: 'x' }, producer);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(!unknown.ok && unknown.error.message).toContain('it has: glow-kit-live');
    expect(await core.dispatch('offer.pause', { offerId: OFFER, reason: '  ' }, producer)).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
    expect(offer(core).state).toBe('live');
  });

  it('auto-pauses on injected payment errors, as system:trigger, with the evidence recorded', async () => {
    const { core } = await demoCore();
    const events = [
      ...Array.from({ length: 7 }, () => ({ type: 'payment_ok' as const })),
      ...Array.from({ length: 3 }, () => ({ type: 'payment_error' as const, code: 'LIVEGLOW', message: 'gateway 502' })),
    ];
    const r = await core.dispatch('offer.ingest', { events }, producer);
    expect(r).toEqual({ ok: true, result: { accepted: 10, duplicates: 0, unmatched: 0 } });
    await until(() => offer(core).state === 'paused');
    const o = offer(core);
    expect(o.requestedBy).toBe('system:trigger:pay-errors');
    expect(o.reason).toContain('3 failed of 10 payments (30%)');
    await until(() => core.snapshot().state.offers.firings[0]?.outcome === 'paused (store confirmed)');
    const firing = core.snapshot().state.offers.firings[0];
    expect(firing).toMatchObject({ ruleId: 'pay-errors', kind: 'payment_error_rate', action: 'pause', evidence: '3 failed of 10 payments (30%) in the last 60 s; limit 20% over at least 10 payments' });
    const audit = core.audit.list({ limit: 20 });
    expect(audit.find((e) => e.command === 'offer.trigger.fired')).toMatchObject({ actor: 'system:trigger:pay-errors', outcome: 'pause' });
    expect(audit.find((e) => e.command === 'offer.pause')).toMatchObject({ actor: 'system:trigger:pay-errors', via: 'system', outcome: 'ok' });
    // A pause nobody clicked is an alert the producer reads, not only a line under the cue deck.
    await until(() => core.snapshot().state.alerts.items.some((a) => a.key === `offers.trigger.${OFFER}.pay-errors` && /store confirmed/.test(a.message)));
    const alert = core.snapshot().state.alerts.items.find((a) => a.key === `offers.trigger.${OFFER}.pay-errors`);
    expect(alert).toMatchObject({ level: 'critical' });
    expect(alert?.message).toContain('pause by rule "pay-errors" (payment error rate) — paused (store confirmed)');
  });

  it('raises an alarm for an alarm rule, once per cool-down', async () => {
    const { core, clock } = await demoCore();
    const cb = (id: string) => ({ type: 'chargeback' as const, id });
    await core.dispatch('offer.ingest', { events: [cb('a'), cb('b'), cb('c')] }, producer);
    expect(core.snapshot().state.offers.firings.map((f) => f.ruleId)).toEqual(['chargebacks']);
    const alert = core.snapshot().state.alerts.items.find((a) => a.key === `offers.trigger.${OFFER}.chargebacks`);
    expect(alert?.message).toContain('3 chargebacks in the last 600 s; limit 3');
    expect(offer(core).state).toBe('live');
    // Repeats by id are counted once; new ones inside the cool-down do not fire again.
    expect(await core.dispatch('offer.ingest', { events: [cb('a'), cb('d'), cb('e')] }, producer)).toMatchObject({ ok: true, result: { accepted: 2, duplicates: 1 } });
    expect(core.snapshot().state.offers.firings).toHaveLength(1);
    clock.advance(601_000);
    await core.dispatch('offer.ingest', { events: [cb('f'), cb('g'), cb('h')] }, producer);
    expect(core.snapshot().state.offers.firings).toHaveLength(2);
  });

  it('times a rule’s cool-down on the monotonic clock: a wall clock stepped forward does not end it early, nor stepped back hold the next firing off for the step', async () => {
    const { core, clock } = await demoCore();
    const cb = (id: string) => ({ type: 'chargeback' as const, id });
    await core.dispatch('offer.ingest', { events: [cb('a'), cb('b'), cb('c')] }, producer);
    expect(core.snapshot().state.offers.firings).toHaveLength(1);
    // NTP steps the wall clock an hour ahead a second later: the 600 s cool-down has not passed.
    clock.advance(1_000);
    clock.set(clock.now() + 3_600_000);
    await core.dispatch('offer.ingest', { events: [cb('d'), cb('e'), cb('f')] }, producer);
    expect(core.snapshot().state.offers.firings).toHaveLength(1);
    // … then two hours back, and the cool-down runs out: the next breach fires, on time.
    clock.set(clock.now() - 2 * 3_600_000);
    clock.advance(600_000);
    await core.dispatch('offer.ingest', { events: [cb('g'), cb('h'), cb('i')] }, producer);
    expect(core.snapshot().state.offers.firings).toHaveLength(2);
  });

  it('ends the bonus at the order cap, through the store, with audit entries', async () => {
    const { core } = await demoCore();
    await core.dispatch('offer.ingest', { events: orders(199) }, producer);
    expect(offer(core)).toMatchObject({ orders: 199, cap: { reached: false } });
    await core.dispatch('offer.ingest', { events: orders(3, 198) }, producer); // one repeat
    expect(offer(core).orders).toBe(201);
    expect(offer(core).cap).toMatchObject({ reached: true, bonusRemoval: 'removing' });
    await until(() => offer(core).cap?.bonusRemoval === 'removed');
    const audit = core.audit.list({ limit: 20 });
    expect(audit.find((e) => e.command === 'offer.cap.reached')?.detail).toContain('201 orders reached the cap of 200');
    expect(audit.find((e) => e.command === 'offer.bonus.remove')).toMatchObject({ outcome: 'confirmed', actor: 'system:offers:cap' });
    // The cap rule (an alarm in the demo show) fired too.
    expect(core.snapshot().state.offers.firings.some((f) => f.ruleId === 'cap')).toBe(true);
  });

  it('computes KPIs from events and tells sandbox data apart', async () => {
    const { core } = await demoCore();
    await core.dispatch(
      'offer.ingest',
      {
        events: [
          { type: 'view', count: 400 },
          { type: 'add_to_cart', count: 20 },
          { type: 'checkout', count: 10 },
          ...orders(4),
          { type: 'fulfilled', offerId: OFFER, latencySeconds: 3600 },
          { type: 'stock', sku: 'BNDL-GLOW-KIT', stock: 30 },
        ],
      },
      producer,
    );
    const k = await core.dispatch('kpi.get', {}, { ...host, actor: 'Commerce desk', role: 'commerce' });
    expect(k).toMatchObject({ ok: true, result: { kpis: { views: 400, viewToCart: 0.05, cartToCheckout: 0.5, orders: 4, aov: 39, revenue: 156, timeToFulfilSeconds: 3600, rehearsal: false } } });
    expect(offer(core)).toMatchObject({ stock: { 'BNDL-GLOW-KIT': 30 }, lowStock: ['BNDL-GLOW-KIT'] });
  });

  it('edits rules (validated, unique ids) and keeps the edit', async () => {
    const { core } = await demoCore();
    const rule = { id: 'tight-pay', kind: 'payment_error_rate', threshold: 0.1, windowSeconds: 30, minEvents: 5, action: 'pause', cooldownSeconds: 60 };
    expect(await core.dispatch('offer.rules', { offerId: OFFER, rules: [rule] }, producer)).toMatchObject({ ok: true });
    expect(offer(core).rules.map((r) => r.id)).toEqual(['tight-pay']);
    const bad = await core.dispatch('offer.rules', { offerId: OFFER, rules: [{ ...rule, kind: 'vibes' }] }, producer);
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
    expect(await core.dispatch('offer.rules', { offerId: OFFER, rules: [rule, rule] }, producer)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    core.show.loadFile(DEMO_SHOW); // a reload keeps the producer's edit
    expect(offer(core).rules.map((r) => r.id)).toEqual(['tight-pay']);
  });

  it('needs no credentials for the sandbox, and keeps the event key secret', async () => {
    const { core } = await demoCore();
    expect(await core.dispatch('offer.credentials', { offerId: OFFER, value: 'x' }, producer)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await core.dispatch('offer.eventSecret', { value: 'a-long-enough-secret' }, producer)).toEqual({ ok: true, result: { secret: 'commerce.events.hmac' } });
    const row = core.audit.list({ limit: 5 }).find((e) => e.command === 'offer.eventSecret');
    expect(JSON.stringify(row?.args)).not.toContain('a-long-enough-secret');
  });

  it('keeps a paused offer paused across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-offers-'));
    dirs.push(dir);
    const first = await demoCore({ dataDir: dir });
    await first.core.dispatch('offer.pause', { offerId: OFFER, reason: 'end of show' }, producer);
    await first.core.dispatch('offer.ingest', { events: orders(5) }, producer);
    await first.core.close();
    cores.splice(cores.indexOf(first.core), 1);
    const core = createTestCore({ dataDir: dir, ports: { offers: ports() } });
    cores.push(core);
    core.show.loadFile(DEMO_SHOW);
    await core.start();
    await until(() => offer(core).state === 'paused');
    expect(offer(core)).toMatchObject({ intent: 'paused', reason: 'end of show', orders: 5 });
    expect(core.snapshot().state.kpis.orders).toBe(5);
  });

  it('remembers the rule windows across a restart: errors before a crash still count after it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-offers-'));
    dirs.push(dir);
    const clock = createTestClock();
    const first = await demoCore({ dataDir: dir, clock });
    const before = [
      ...Array.from({ length: 5 }, () => ({ type: 'payment_ok' as const })),
      ...Array.from({ length: 2 }, () => ({ type: 'payment_error' as const, code: 'LIVEGLOW', message: 'gateway 502' })),
    ];
    await first.core.dispatch('offer.ingest', { events: before }, producer); // 2 of 7: under the 10-payment minimum
    expect(offer(first.core).state).toBe('live');
    await first.core.close();
    cores.splice(cores.indexOf(first.core), 1);

    clock.advance(20_000); // back within the 60 s window
    const { core } = await demoCore({ dataDir: dir, clock });
    const after = [{ type: 'payment_ok' as const }, ...Array.from({ length: 2 }, () => ({ type: 'payment_error' as const, code: 'LIVEGLOW', message: 'gateway 502' }))];
    await core.dispatch('offer.ingest', { events: after }, producer);
    await until(() => offer(core).state === 'paused');
    expect(core.snapshot().state.offers.firings[0]?.evidence).toBe('4 failed of 10 payments (40%) in the last 60 s; limit 20% over at least 10 payments');
  });

  it('lets signals older than the window go after a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-offers-'));
    dirs.push(dir);
    const clock = createTestClock();
    const first = await demoCore({ dataDir: dir, clock });
    const errors = Array.from({ length: 9 }, () => ({ type: 'payment_error' as const, code: 'LIVEGLOW', message: 'gateway 502' }));
    await first.core.dispatch('offer.ingest', { events: errors }, producer);
    await first.core.close();
    cores.splice(cores.indexOf(first.core), 1);

    clock.advance(120_000); // the nine errors are two minutes old: outside the 60 s window
    const { core } = await demoCore({ dataDir: dir, clock });
    await core.dispatch('offer.ingest', { events: [{ type: 'payment_error' as const, code: 'LIVEGLOW', message: 'gateway 502' }] }, producer);
    await new Promise((r) => setTimeout(r, 100));
    expect(offer(core).state).toBe('live');
    expect(core.snapshot().state.offers.firings).toEqual([]);
  });

  it('simulates shoppers in rehearsal: orders while live, none while paused', async () => {
    const { core } = await demoCore({ sandbox: { simulate: true, tickMs: 10, rates: { ...REHEARSAL_RATES, viewsPerSecond: [100, 100], viewToCart: 0.1, cartToCheckout: 1, paymentFailure: 0 } } });
    await until(() => core.snapshot().state.kpis.orders >= 5);
    expect(core.snapshot().state.kpis).toMatchObject({ rehearsal: true });
    expect(core.snapshot().state.kpis.viewToCart).not.toBeNull();
    await core.dispatch('offer.pause', { offerId: OFFER, reason: 'rehearse the pause' }, producer);
    const at = core.snapshot().state.kpis.orders;
    const views = core.snapshot().state.kpis.views;
    await until(() => core.snapshot().state.kpis.views > views + 20);
    expect(core.snapshot().state.kpis.orders).toBe(at);
    expect(offer(core).stock?.['BNDL-GLOW-KIT']).toBe(500 - at);
  });
});
