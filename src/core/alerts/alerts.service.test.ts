import { describe, expect, it } from 'vitest';
import { createStateStore } from '../state/state.store';
import { initialState } from '../state/initial-state';
import type { HandlerContext } from '../dispatch/handler';
import { createAlertsService, REOPEN_WINDOW_MS } from './alerts.service';
import { createTestClock } from '../../../test/support/test-core';

function rig() {
  let t = 1_000_000;
  const state = createStateStore(initialState({ version: 't', startedAt: 0, mode: 'headless', url: '', lan: false, dataDir: ':memory:', views: { producer: 0, host: 0, moderator: 0, approver: 0, commerce: 0, 'customer-service': 0, observer: 0 } }));
  const records: { command: string; args: unknown }[] = [];
  const alerts = createAlertsService({ state, clock: { now: () => t, monotonic: () => t }, record: (e) => records.push(e) });
  const ctx = { caller: { actor: 'Maya', role: 'producer', via: 'http' }, now: t, write: () => undefined } as unknown as HandlerContext;
  return { state, alerts, records, ctx, items: () => state.get('alerts').items, tick: (ms: number) => (t += ms) };
}

/** A rig whose wall clock can step (NTP, a producer fixing the date) while monotonic time only passes. */
function steppingRig() {
  const clock = createTestClock();
  const state = createStateStore(initialState({ version: 't', startedAt: 0, mode: 'headless', url: '', lan: false, dataDir: ':memory:', views: { producer: 0, host: 0, moderator: 0, approver: 0, commerce: 0, 'customer-service': 0, observer: 0 } }));
  const alerts = createAlertsService({ state, clock, record: () => {} });
  return { clock, alerts, items: () => state.get('alerts').items };
}

describe('alerts', () => {
  it('the reopen window is measured on the monotonic clock: a wall clock stepped back does not turn an old alert into a flap, nor one stepped forward a flap into a new alert', () => {
    const back = steppingRig();
    back.alerts.raise({ source: 'obs', key: 'k', level: 'warn', message: 'x' });
    back.alerts.clear('k');
    back.clock.advance(2 * 3_600_000);
    back.clock.set(back.clock.now() - 2 * 3_600_000);
    back.alerts.raise({ source: 'obs', key: 'k', level: 'warn', message: 'x' });
    // Two hours after its end: a new alert, though the wall clock says no time has passed.
    expect(back.items()).toHaveLength(2);
    expect(back.items()[0]).toMatchObject({ count: 1, clearedAt: null });

    const forward = steppingRig();
    forward.alerts.raise({ source: 'obs', key: 'k', level: 'warn', message: 'x' });
    forward.alerts.clear('k');
    forward.clock.advance(30_000);
    forward.clock.set(forward.clock.now() + 3 * 3_600_000);
    forward.alerts.raise({ source: 'obs', key: 'k', level: 'warn', message: 'x' });
    // Thirty seconds after its end: the same alert back (a flap), though the wall clock jumped three hours.
    expect(forward.items()).toHaveLength(1);
    expect(forward.items()[0]).toMatchObject({ count: 2, clearedAt: null });
  });

  it('a flapping condition is one alert with a count and its raise times, and each end is recorded', () => {
    const r = rig();
    for (let i = 0; i < 12; i++) {
      r.alerts.raise({ source: 'obs', key: 'obs.health.bitrate', level: 'warn', message: 'bitrate low' });
      r.tick(20_000);
      r.alerts.clear('obs.health.bitrate');
      r.tick(30_000);
    }
    expect(r.items()).toHaveLength(1);
    expect(r.items()[0]).toMatchObject({ count: 12, clearedBy: 'condition' });
    expect(r.items()[0]?.raises).toHaveLength(12);
    expect(r.records.filter((x) => x.command === 'alert.cleared')).toHaveLength(12);
    expect(r.records.filter((x) => x.command === 'alert.reopened')).toHaveLength(11);
  });

  it('an acknowledged flap stays acknowledged unless it comes back worse; long after its end it is a new alert', async () => {
    const r = rig();
    r.alerts.raise({ source: 'obs', key: 'k', level: 'warn', message: 'x' });
    const id = r.items()[0]?.id ?? '';
    await r.alerts.handlers['alert.ack']({ id }, r.ctx);
    r.alerts.clear('k');
    r.alerts.raise({ source: 'obs', key: 'k', level: 'warn', message: 'x' });
    expect(r.items()[0]).toMatchObject({ id, count: 2, ackedBy: 'Maya' });
    r.alerts.clear('k');
    r.alerts.raise({ source: 'obs', key: 'k', level: 'critical', message: 'x worse' });
    expect(r.items()[0]).toMatchObject({ id, count: 3, ackedAt: null, level: 'critical' });
    r.alerts.clear('k');
    r.tick(REOPEN_WINDOW_MS + 1);
    r.alerts.raise({ source: 'obs', key: 'k', level: 'warn', message: 'again' });
    expect(r.items()).toHaveLength(2);
    expect(r.items()[0]).toMatchObject({ count: 1, message: 'again' });
  });

  it('Ack all acknowledges every open alert up to a level', async () => {
    const r = rig();
    r.alerts.raise({ source: 'a', key: 'a', level: 'info', message: 'a' });
    r.alerts.raise({ source: 'b', key: 'b', level: 'warn', message: 'b' });
    r.alerts.raise({ source: 'c', key: 'c', level: 'critical', message: 'c' });
    expect(await r.alerts.handlers['alert.ackAll']({ upTo: 'warn' }, r.ctx)).toEqual({ acked: 2 });
    expect(r.items().filter((a) => a.ackedAt === null).map((a) => a.key)).toEqual(['c']);
    expect(await r.alerts.handlers['alert.ackAll']({ upTo: 'critical' }, r.ctx)).toEqual({ acked: 1 });
  });

  it('quiet mode keeps new warnings quiet but never a critical alert', async () => {
    const r = rig();
    await r.alerts.handlers['alert.quiet']({ on: true }, r.ctx);
    expect(r.state.get('alerts').quiet).toMatchObject({ on: true, by: 'Maya' });
    r.alerts.raise({ source: 'comments', key: 'w', level: 'warn', message: 'overflow' });
    r.alerts.raise({ source: 'obs', key: 'c', level: 'critical', message: 'link lost' });
    expect(Object.fromEntries(r.items().map((a) => [a.key, a.quiet]))).toEqual({ w: true, c: false });
    await r.alerts.handlers['alert.quiet']({ on: false }, r.ctx);
    expect(r.state.get('alerts').quiet.on).toBe(false);
  });

  it('a flap that comes back is judged by quiet mode as it is then: quiet while it is on, loud again once it is off', async () => {
    const r = rig();
    const flap = () => {
      r.alerts.raise({ source: 'comments', key: 'q', level: 'warn', message: 'overflow' });
      r.tick(5_000);
      r.alerts.clear('q');
      r.tick(5_000);
    };
    flap();
    expect(r.items()[0]).toMatchObject({ count: 1, quiet: false });
    await r.alerts.handlers['alert.quiet']({ on: true }, r.ctx);
    r.alerts.raise({ source: 'comments', key: 'q', level: 'warn', message: 'overflow' });
    // Before: the reopen kept the quiet flag of its first raise, and a rehearsal's known flapping queue counted on.
    expect(r.items()[0]).toMatchObject({ count: 2, quiet: true, clearedAt: null });
    r.alerts.clear('q');
    await r.alerts.handlers['alert.quiet']({ on: false }, r.ctx);
    r.alerts.raise({ source: 'comments', key: 'q', level: 'warn', message: 'overflow' });
    expect(r.items()[0]).toMatchObject({ count: 3, quiet: false });
    expect(r.items()).toHaveLength(1);
  });

  it('a clear given a stamp ends the alarm it saw, never one raised after the stamp (a deferred clear cannot wipe the condition’s return)', () => {
    const r = rig();
    r.alerts.raise({ source: 'offers', key: 'k', level: 'critical', message: 'pause NOT confirmed' });
    const seen = r.alerts.stamp();
    // Raised again before the clear runs: the same message (a no-op on screen) and a new one.
    r.alerts.raise({ source: 'offers', key: 'k', level: 'critical', message: 'pause NOT confirmed' });
    r.alerts.clear('k', seen);
    expect(r.items()[0]?.clearedAt).toBeNull();
    r.alerts.raise({ source: 'offers', key: 'k', level: 'critical', message: 'resume NOT confirmed' });
    r.alerts.clear('k', seen);
    expect(r.items()[0]).toMatchObject({ clearedAt: null, message: 'resume NOT confirmed' });
    expect(r.records.filter((x) => x.command === 'alert.cleared')).toHaveLength(0);
    // Another key's raise does not spare it; a stamp taken after its raise ends it.
    r.alerts.clear('k', r.alerts.stamp());
    expect(r.items()[0]?.clearedAt).not.toBeNull();
    // Cleared, then back (a reopen) after the stamp: spared again.
    const later = r.alerts.stamp();
    r.alerts.raise({ source: 'offers', key: 'k', level: 'critical', message: 'pause NOT confirmed' });
    r.alerts.raise({ source: 'obs', key: 'other', level: 'warn', message: 'x' });
    r.alerts.clear('k', later);
    expect(r.items().find((a) => a.key === 'k')).toMatchObject({ clearedAt: null, count: 2 });
    r.alerts.clear('k', r.alerts.stamp());
    expect(r.items().find((a) => a.key === 'k')?.clearedAt).not.toBeNull();
    // Without a stamp, a clear ends whatever is open, as before.
    r.alerts.raise({ source: 'offers', key: 'k', level: 'critical', message: 'again' });
    r.alerts.clear('k');
    expect(r.items().find((a) => a.key === 'k')?.clearedAt).not.toBeNull();
  });

  it('after many keys came and went (its stamps pruned), a stamped clear still spares the newest raise', () => {
    const r = rig();
    for (let i = 0; i < 2000; i++) r.alerts.raise({ source: 'obs', key: `k${i}`, level: 'info', message: 'x' });
    // Only the newest alerts are kept: a key pushed out is no longer open, so its stamp may go; the newest still counts.
    const seen = r.alerts.stamp();
    r.alerts.raise({ source: 'obs', key: 'k1999', level: 'warn', message: 'worse' });
    r.alerts.clear('k1999', seen);
    expect(r.items().find((a) => a.key === 'k1999')?.clearedAt).toBeNull();
  });
});
