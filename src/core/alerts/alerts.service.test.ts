import { describe, expect, it } from 'vitest';
import { createStateStore } from '../state/state.store';
import { initialState } from '../state/initial-state';
import type { HandlerContext } from '../dispatch/handler';
import { createAlertsService, REOPEN_WINDOW_MS } from './alerts.service';

function rig() {
  let t = 1_000_000;
  const state = createStateStore(initialState({ version: 't', startedAt: 0, mode: 'headless', url: '', lan: false, dataDir: ':memory:', views: { producer: 0, host: 0, moderator: 0, approver: 0, commerce: 0, 'customer-service': 0, observer: 0 } }));
  const records: { command: string; args: unknown }[] = [];
  const alerts = createAlertsService({ state, clock: { now: () => t }, record: (e) => records.push(e) });
  const ctx = { caller: { actor: 'Maya', role: 'producer', via: 'http' }, now: t, write: () => undefined } as unknown as HandlerContext;
  return { state, alerts, records, ctx, items: () => state.get('alerts').items, tick: (ms: number) => (t += ms) };
}

describe('alerts', () => {
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
});
