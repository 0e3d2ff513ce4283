// The station's "now" every view aligns to (the session's hello) and the times it stamps are on one
// timeline. The core stamps on steady wall time (its wall clock read once at start, plus monotonic time
// since: core.ts), so a view that connects after NTP stepped the station's clock an hour reads a
// comment received 30 s ago as 30 s old, and its SLA turns red after 60 s of real time, not at once
// (step forward) nor an hour late (step back).
import { afterEach, describe, expect, it } from 'vitest';
import { createTestClock, createTestCore, DEMO_SHOW, moderator, producer } from '../../../test/support/test-core';
import type { Core } from '../../core/core';
import type { CommentRecord, ServerMessage } from '../../shared/contract/index';
import { openSession } from './session';
import { readFileSync } from 'node:fs';
import { createDefaultPorts } from '../default-ports';
import { systemTimers, type Timers } from '../../core/platform/timers';
import { verifyAuditChain } from '../../core/storage/audit-verify';

const HOUR = 3_600_000;
const cores: Core[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
});

/** The station's time as a view opened now is told it (the hello's `at`). */
function helloAt(core: Core): number {
  const got: ServerMessage[] = [];
  const s = openSession(core, { actor: 'Ana', role: 'moderator', via: 'test' }, { view: true, onInternalError: () => {} });
  s.start((m) => got.push(m));
  s.close();
  const hello = got.find((m) => m.t === 'hello');
  if (!hello) throw new Error('no hello');
  return hello.at;
}

/** The comment as the moderator's desk reads it. */
async function comment(core: Core, id: string): Promise<CommentRecord> {
  const r = await core.dispatch('comments.list', {}, moderator);
  const c = r.ok ? r.result.comments.find((x) => x.id === id) : undefined;
  if (!c) throw new Error(`no ${id} for the moderator`);
  return c;
}

describe.each([
  ['forward', HOUR],
  ['back', -HOUR],
])('the station\'s wall clock stepped an hour %s mid-show', (_dir, step) => {
  it('a view connecting after the step is told a time 30 s after a comment received 30 s ago; the overlay\'s, the device feed\'s and the audit\'s time is the same', async () => {
    const clock = createTestClock();
    const core = createTestCore({ clock });
    cores.push(core);
    core.show.loadFile(DEMO_SHOW);
    const r = await core.dispatch('comments.ingest', { comments: [{ platform: 'tiktok', id: 'q1', author: 'viewer-q1', text: 'does it ship to Lima?', lang: 'en' }] }, producer);
    expect(r.ok).toBe(true);
    clock.advance(30_000);
    clock.set(clock.now() + step);
    const q1 = await comment(core, 'tiktok:q1');
    expect(helloAt(core) - q1.receivedAt).toBe(30_000);
    // core.now() is what the overlay's hello and the device feed's ages read.
    expect(core.now() - q1.receivedAt).toBe(30_000);
    // What the core stamps after the step (here an audit row; cue and offer windows alike) is on the same clock.
    await core.dispatch('show.clock', { action: 'start' }, producer);
    expect(core.audit.list({ limit: 1 })[0]).toMatchObject({ command: 'show.clock', at: q1.receivedAt + 30_000 });
    clock.advance(31_000);
    expect(helloAt(core) - q1.receivedAt).toBe(61_000);
  });
});

// After a step the station's times would stay off from the OS clock by the step for the rest of
// the run (audit rows, comment times, show-day records, HQ facts). It realigns when nothing that
// runs on its clock would move (no show live), with one audit row saying so; while the show is
// live it holds and tells the producer, once.
const CLOCK_CHECK_MS = 5_000;

/** The default ports with timers a test drives: the clock check's every() is kept, everything else runs for real. */
function drivenCore(clock: ReturnType<typeof createTestClock>) {
  const checks: (() => void)[] = [];
  const ports = createDefaultPorts();
  const timers: Timers = {
    ...systemTimers,
    every: (ms, fn) => {
      if (ms !== CLOCK_CHECK_MS) return systemTimers.every(ms, fn);
      checks.push(fn);
      return () => void checks.splice(checks.indexOf(fn), 1);
    },
  };
  const core = createTestCore({
    clock,
    ports: { offers: { ...ports.offers, timers, sandbox: { ...ports.offers.sandbox, simulate: false } } },
  });
  cores.push(core);
  return { core, check: () => checks.forEach((f) => f()) };
}

const clockShow = () => ({
  ...(JSON.parse(readFileSync(DEMO_SHOW, 'utf8')) as Record<string, unknown>),
  checklist: [{ id: 'stock-counted', label: 'Warehouse confirmed stock', kind: 'manual', owner: 'sam' }],
});

async function goLive(core: Core) {
  expect((await core.dispatch('show.import', { show: clockShow() }, producer)).ok).toBe(true);
  await core.start();
  await core.dispatch('preflight.run', {}, producer);
  expect((await core.dispatch('preflight.tick', { id: 'stock-counted', done: true }, producer)).ok).toBe(true);
  const go = await core.dispatch('show.go', {}, producer);
  expect(go.ok).toBe(true);
}

const clockAlerts = (core: Core) => core.snapshot().state.alerts.items.filter((a) => a.key === 'station:clock-step');
const realigned = (core: Core) => core.audit.list({ limit: 50, command: 'station.clock.realigned' });

describe.each([
  ['forward', HOUR, '+1 h 00 m'],
  ['back', -HOUR, '−1 h 00 m'],
])('the system clock stepped an hour %s', (_dir, step, words) => {
  it('with no show live, the station realigns at its next check: one audit row by the station with the offset, then its times are the OS clock\'s, and the chain still verifies', async () => {
    const clock = createTestClock();
    const { core, check } = drivenCore(clock);
    core.show.loadFile(DEMO_SHOW);
    await core.start();
    clock.advance(10_000);
    clock.set(clock.now() + step);
    check();
    const rows = realigned(core);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor: 'system:station', at: clock.now(), args: { offsetSeconds: step / 1000 } });
    expect(rows[0]!.detail).toContain(words);
    expect(core.now()).toBe(clock.now());
    expect(helloAt(core)).toBe(clock.now());
    await core.dispatch('show.clock', { action: 'start' }, producer);
    expect(core.audit.list({ limit: 1 })[0]).toMatchObject({ command: 'show.clock', at: clock.now() });
    // Checked again, nothing more to do: one row per step, not one per check.
    clock.advance(CLOCK_CHECK_MS);
    check();
    expect(realigned(core)).toHaveLength(1);
    expect(clockAlerts(core)).toEqual([]);
    expect(verifyAuditChain(core.db)).toMatchObject({ ok: true });
    // The views are told by how much the station's clock moved (a view connected before keeps its ages right).
    expect(core.snapshot().state.station.clockShiftMs).toBe(step);
  });

  it('while the show is live it holds its times steady and tells the producer once; after END it realigns and the notice clears', async () => {
    const clock = createTestClock();
    const { core, check } = drivenCore(clock);
    await goLive(core);
    const steadyBefore = core.now();
    clock.advance(60_000);
    clock.set(clock.now() + step);
    for (let i = 0; i < 5; i += 1) {
      check();
      clock.advance(CLOCK_CHECK_MS);
    }
    expect(realigned(core)).toEqual([]);
    expect(core.now()).toBe(steadyBefore + 60_000 + 5 * CLOCK_CHECK_MS);
    const notices = clockAlerts(core);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ level: 'warn', count: 1, clearedAt: null, message: `System clock moved ${words}; show times stay steady and will realign after the show` });
    await core.dispatch('alert.quiet', { on: false }, producer);
    expect(core.audit.list({ limit: 1 })[0]).toMatchObject({ command: 'alert.quiet', at: core.now() });
    expect(core.audit.list({ limit: 1 })[0]!.at).not.toBe(clock.now());

    const end = await core.dispatch('show.end', {}, producer);
    expect(end.ok).toBe(true);
    // The show's record is on one clock: its length is the time that passed, not the step.
    if (end.ok) expect(end.result.end.figures.durationSeconds).toBe(60 + 5 * CLOCK_CHECK_MS / 1000);
    check();
    expect(realigned(core)).toHaveLength(1);
    expect(realigned(core)[0]).toMatchObject({ actor: 'system:station', at: clock.now(), args: { offsetSeconds: step / 1000 } });
    expect(clockAlerts(core)[0]).toMatchObject({ clearedAt: clock.now() });
    expect(helloAt(core)).toBe(clock.now());
    expect(verifyAuditChain(core.db)).toMatchObject({ ok: true });
  });
});

describe("alerts on the producer's screen across a realignment", () => {
  it.each([
    ['back (a clock an hour fast, put right)', -HOUR],
    ['forward (a clock an hour slow)', HOUR],
  ])("an alert raised before a step %s reads on the corrected clock: raised, acknowledged, its raises, and quiet mode's start", async (_what, step) => {
    const clock = createTestClock();
    const { core, check } = drivenCore(clock);
    core.show.loadFile(DEMO_SHOW);
    await core.start();
    await core.dispatch('alert.quiet', { on: true }, producer);
    core.alerts.raise({ source: 'obs', key: 'obs:test', level: 'critical', message: 'OBS link lost' });
    const raisedAt = clock.now();
    clock.advance(30_000);
    await core.dispatch('alert.ackAll', { upTo: 'critical' }, producer);
    clock.advance(30_000);
    // The OS clock is put right; nothing runs, so the station takes it at its next check.
    clock.set(clock.now() + step);
    check();
    expect(realigned(core)).toHaveLength(1);
    const alert = core.snapshot().state.alerts.items.find((a) => a.key === 'obs:test');
    expect(alert).toMatchObject({ raisedAt: raisedAt + step, updatedAt: raisedAt + step, ackedAt: raisedAt + 30_000 + step, raises: [raisedAt + step], clearedAt: null });
    // A minute ago on the corrected clock, as it was a minute ago on the old one.
    expect(clock.now() - alert!.raisedAt).toBe(60_000);
    expect(core.snapshot().state.alerts.quiet.since).toBe(raisedAt + step);
    // Raised after the step: on the new clock as it is.
    core.alerts.raise({ source: 'obs', key: 'obs:later', level: 'warn', message: 'later' });
    expect(core.snapshot().state.alerts.items.find((a) => a.key === 'obs:later')?.raisedAt).toBe(clock.now());
  });
});

describe('a small or returning difference', () => {
  it('a second under the threshold moves nothing; a notice raised live is withdrawn when the OS clock comes back', async () => {
    const clock = createTestClock();
    const { core, check } = drivenCore(clock);
    await goLive(core);
    clock.set(clock.now() + 900);
    check();
    expect(clockAlerts(core)).toEqual([]);
    clock.set(clock.now() + 10 * 60_000);
    check();
    expect(clockAlerts(core)).toMatchObject([{ clearedAt: null, message: expect.stringContaining('+10 m 01 s') }]);
    clock.set(clock.now() - 10 * 60_000 - 900);
    check();
    expect(clockAlerts(core)).toMatchObject([{ clearedAt: expect.any(Number) }]);
    expect(await core.dispatch('show.end', {}, producer)).toMatchObject({ ok: true });
    check();
    expect(realigned(core)).toEqual([]);
  });
});

describe('shows on either side of a realignment back', () => {
  it('the show day history lists the later show first, though its times are lower than the earlier show\'s', async () => {
    const clock = createTestClock();
    const { core, check } = drivenCore(clock);
    await goLive(core);
    clock.advance(20 * 60_000);
    const first = await core.dispatch('show.end', {}, producer);
    expect(first.ok).toBe(true);
    // The machine started an hour fast; NTP puts it right after the show, and the station realigns.
    clock.advance(5 * 60_000);
    clock.set(clock.now() - HOUR);
    check();
    expect(realigned(core)).toHaveLength(1);
    clock.advance(5 * 60_000);
    expect((await core.dispatch('show.go', {}, producer)).ok).toBe(true);
    clock.advance(10 * 60_000);
    const second = await core.dispatch('show.end', {}, producer);
    expect(second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(second.result.end.figures.endAt).toBeLessThan(first.result.end.figures.endAt);
    const h = await core.dispatch('show.history', {}, producer);
    expect(h.ok && h.result.shows.map((s) => s.goAt)).toEqual([second.result.end.figures.goAt, first.result.end.figures.goAt]);
  });
});

describe('the timeline of a show ended before a realignment back', () => {
  it('still holds the offer paused during it when over a page of rows on the new clock came after it (their times are lower than GO\'s)', async () => {
    const clock = createTestClock();
    const { core, check } = drivenCore(clock);
    await goLive(core);
    expect((await core.dispatch('offer.pause', { offerId: 'glow-kit-live', reason: 'wrong price on screen' }, producer)).ok).toBe(true);
    clock.advance(10 * 60_000);
    expect((await core.dispatch('show.end', { overrideReason: 'paused on purpose for the test' }, producer)).ok).toBe(true);
    clock.set(clock.now() - HOUR);
    check();
    expect(realigned(core)).toHaveLength(1);
    // Past the timeline's page of 1,000 audit rows, every one stamped before GO on the new clock.
    for (let i = 0; i < 1_050; i += 1) await core.dispatch('alert.quiet', { on: i % 2 === 0 }, producer);
    const r = await core.dispatch('show.timeline', {}, producer);
    if (!r.ok || !r.result.timeline) throw new Error('no timeline');
    expect(r.result.timeline.items.find((i) => i.kind === 'offer')).toMatchObject({ label: 'glow-kit-live paused', detail: 'wrong price on screen' });
  }, 20_000);
});
