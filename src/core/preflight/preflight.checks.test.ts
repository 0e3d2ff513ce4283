import { testOrderProbe } from '../showday/test-order.probe';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { showSchema } from '../../shared/show/show.schema';
import { initialState } from '../state/initial-state';
import { evaluatePreflight, restamp } from './preflight.checks';
import type { StationState } from '../../shared/contract/index';

const show = showSchema.parse(JSON.parse(readFileSync('resources/demo-show/show.json', 'utf8')));
const base = (): StationState =>
  initialState({ version: 't', startedAt: 0, mode: 'headless', url: '', lan: false, dataDir: ':memory:', views: { producer: 1, host: 0, moderator: 0, approver: 0, commerce: 0, 'customer-service': 0, observer: 0 } });

describe('preflight', () => {
  it('is no-go on a fresh station: nothing is connected or loaded', () => {
    const p = evaluatePreflight(show, base(), new Map(), 0, null);
    expect(p.verdict).toBe('no-go');
    expect(p.checks.find((c) => c.id === 'obs-link')).toMatchObject({ status: 'fail' });
    expect(p.checks.find((c) => c.id === 'script-approved')).toMatchObject({ status: 'fail' });
    expect(p.checks.find((c) => c.id === 'host-card')).toMatchObject({ status: 'fail' });
    expect(p.checks.find((c) => c.id === 'stock-counted')).toMatchObject({ status: 'pending', kind: 'manual' });
  });

  it('passes OBS only when linked, resynced and with scenes', () => {
    const s = base();
    s.obs = { ...s.obs, link: 'connected', synced: false, scenes: ['Intro'] };
    expect(evaluatePreflight(show, s, new Map(), 0, null).checks.find((c) => c.id === 'obs-link')?.status).toBe('pending');
    s.obs = { ...s.obs, synced: true, programScene: 'Intro' };
    expect(evaluatePreflight(show, s, new Map(), 0, null).checks.find((c) => c.id === 'obs-link')?.status).toBe('pass');
  });

  it('counts a manual item only when ticked, and names who ticked it', () => {
    const ticks = new Map([['stock-counted', { done: true, by: 'Sam (commerce)', at: 5 }]]);
    const c = evaluatePreflight(show, base(), ticks, 0, null).checks.find((x) => x.id === 'stock-counted');
    expect(c).toMatchObject({ status: 'pass', checkedBy: 'Sam (commerce)' });
  });

  it('fails an unknown automatic check instead of passing it', () => {
    const odd = { ...show, checklist: [{ id: 'x', label: 'X', kind: 'auto' as const, check: 'lights.on' }] };
    const p = evaluatePreflight(odd, base(), new Map(), 0, null);
    expect(p.checks[0]).toMatchObject({ status: 'fail' });
    expect(p.checks[0]?.detail).toContain('unknown check');
  });

  it('is go when every item passes', () => {
    const only = { ...show, checklist: [{ id: 'host', label: 'Host card', kind: 'auto' as const, check: 'views.host' }] };
    const s = base();
    s.station = { ...s.station, views: { producer: 1, host: 1, moderator: 0, approver: 0, commerce: 0, 'customer-service': 0, observer: 0 } };
    expect(evaluatePreflight(only, s, new Map(), 0, null).verdict).toBe('go');
  });
});

describe('preflight: stream green for 60 s and script unchanged', () => {
  const only = (check: string) => ({ ...show, checklist: [{ id: 'x', label: 'X', kind: 'auto' as const, check }] });
  const live = (points: { at: number; level: 'green' | 'amber' | 'red' }[]) => {
    const s = base();
    s.obs = { ...s.obs, link: 'connected', stream: { ...s.obs.stream, phase: 'live' }, history: points.map((p) => ({ ...p, bitrateKbps: 4000, droppedFramesPct: 0 })) };
    return s;
  };
  const secs = (from: number, to: number, level: 'green' | 'amber' | 'red' = 'green') =>
    Array.from({ length: to - from + 1 }, (_, i) => ({ at: (from + i) * 1000, level }));
  const run = (s: StationState, now: number) => evaluatePreflight(only('stream.green60'), s, new Map(), now, null).checks[0]!;

  it('passes only after 60 s of green samples, not on the latest one', () => {
    expect(run(live(secs(100, 160)), 160_000)).toMatchObject({ status: 'pass' });
    expect(run(live(secs(130, 160)), 160_000)).toMatchObject({ status: 'pending', detail: 'green for 30 s of 60 s' });
  });

  it('restarts the count after an amber sample and fails on red', () => {
    const amber = [...secs(90, 139), { at: 140_000, level: 'amber' as const }, ...secs(141, 160)];
    expect(run(live(amber), 160_000)).toMatchObject({ status: 'pending', detail: 'green for 19 s of 60 s' });
    const red = [...secs(90, 139), { at: 140_000, level: 'red' as const }, ...secs(141, 160)];
    expect(run(live(red), 160_000)).toMatchObject({ status: 'fail' });
  });

  it('treats a hole in the samples as not watched', () => {
    const hole = [...secs(90, 120), ...secs(130, 160)];
    expect(run(live(hole), 160_000)).toMatchObject({ status: 'pending', detail: 'green for 30 s of 60 s' });
    expect(run(live(secs(90, 150)), 160_000)).toMatchObject({ status: 'pending', detail: 'green for 0 s of 60 s' });
  });

  it('fails when the loaded script is not the approved hash', () => {
    const s = base();
    const approval = { versionId: 'v1', hash: 'a'.repeat(64), approver: 'Priya', role: 'legal', at: 0, note: '', recordedBy: 'x', source: 'station' as const, via: 'email' as const };
    s.cues = { ...s.cues, loaded: { versionId: 'v1', showId: 's', number: 1, hash: 'b'.repeat(64), shortHash: 'bbbbbbbb', approval, loadedAt: 0, loadedBy: 'x' } };
    expect(evaluatePreflight(only('script.unchanged'), s, new Map(), 0, null).checks[0]).toMatchObject({ status: 'fail' });
    s.cues = { ...s.cues, loaded: { ...s.cues.loaded!, hash: 'a'.repeat(64) } };
    expect(evaluatePreflight(only('script.unchanged'), s, new Map(), 0, null).checks[0]).toMatchObject({ status: 'pass' });
  });
});

describe('preflight: backup ingest probe', () => {
  const only = { ...show, checklist: [{ id: 'b', label: 'Backup ingest', kind: 'auto' as const, check: 'ingest.backup' }] };
  it('is pending until probed, then carries the probe, and goes stale after 10 minutes', () => {
    const s = base();
    expect(evaluatePreflight(only, s, new Map(), 0, null).checks[0]).toMatchObject({ status: 'pending' });
    s.showday = { ...s.showday, probes: { 'ingest.backup': { status: 'fail', detail: 'rtmp://b:1935: ECONNREFUSED', at: 1000 } } };
    expect(evaluatePreflight(only, s, new Map(), 2000, null).checks[0]).toMatchObject({ status: 'fail', detail: 'rtmp://b:1935: ECONNREFUSED' });
    expect(evaluatePreflight(only, s, new Map(), 1000 + 11 * 60_000, null).checks[0]).toMatchObject({ status: 'pending' });
  });
});

describe('preflight: test order', () => {
  const only = { ...show, checklist: [{ id: 't', label: 'Test order', kind: 'auto' as const, check: 'store.testOrder' }] };
  const order = { ok: true, store: 'vendure', step: 'done', reason: null, orderCode: 'ABC123', amount: 36.2, currency: 'USD', startedAt: 1000, placedAt: 1500, confirmedAt: 1600, refundedAt: 1700, cancelledAt: 1800, cancelled: true };
  it('is pending until an order was placed, carries its evidence, and a paid order left open fails', () => {
    const s = base();
    expect(evaluatePreflight(only, s, new Map(), 0, null).checks[0]).toMatchObject({ status: 'pending' });
    s.showday = { ...s.showday, probes: { 'store.testOrder': testOrderProbe([order], [], 2000) } };
    const pass = evaluatePreflight(only, s, new Map(), 3000, null).checks[0]!;
    expect(pass.status).toBe('pass');
    expect(pass.detail).toContain('order ABC123 36.20 USD placed');
    expect(pass.detail).toContain('(800 ms)');
    const stuck = { ...order, ok: false, step: 'cancel', reason: 'cancel: the order is Shipped after the cancel; finish it in the store', refundedAt: 1700, cancelledAt: null, cancelled: false };
    s.showday = { ...s.showday, probes: { 'store.testOrder': testOrderProbe([stuck], [], 2000) } };
    expect(evaluatePreflight(only, s, new Map(), 3000, null).checks[0]).toMatchObject({ status: 'fail', detail: expect.stringContaining('order ABC123 left open') });
    expect(evaluatePreflight(only, s, new Map(), 2000 + 31 * 60_000, null).checks[0]).toMatchObject({ status: 'pending' });
  });
  it('warns when a store cannot place test orders (a sandbox), and says why', () => {
    const s = base();
    s.showday = { ...s.showday, probes: { 'store.testOrder': testOrderProbe([], ['Glow Kit: the sandbox store cannot place a test order.'], 2000) } };
    expect(evaluatePreflight(only, s, new Map(), 3000, null).checks[0]).toMatchObject({ status: 'warn', detail: expect.stringContaining('sandbox') });
  });
});

describe('preflight: a verdict that did not change keeps its time', () => {
  // The checklist is re-evaluated on every OBS, offers or comments patch; stamping each auto check with
  // "now" made every re-evaluation a new preflight patch (22 in 6 s to the producer's page mid-show).
  it('re-evaluating an unchanged station gives the same preflight, so nothing is published', () => {
    const first = restamp(null, evaluatePreflight(show, base(), new Map(), 1_000, null), null);
    const again = restamp(first, evaluatePreflight(show, base(), new Map(), 2_000, null), null);
    expect(again).toEqual(first);
  });

  it('stamps a check whose verdict changed with the time it changed, and a run with the run’s time', () => {
    const first = restamp(null, evaluatePreflight(show, base(), new Map(), 1_000, null), null);
    const s = base();
    s.obs = { ...s.obs, link: 'connected', synced: true, scenes: ['Intro'], programScene: 'Intro' };
    const linked = restamp(first, evaluatePreflight(show, s, new Map(), 2_000, null), null);
    expect(linked.checks.find((c) => c.id === 'obs-link')).toMatchObject({ status: 'pass', checkedAt: 2_000 });
    expect(linked.checks.find((c) => c.id === 'script-approved')?.checkedAt).toBe(1_000);
    const run = restamp(linked, evaluatePreflight(show, s, new Map(), 3_000, 2_500), 2_500);
    expect(run.checks.filter((c) => c.kind === 'auto').every((c) => c.checkedAt === 2_500 || c.checkedAt === 3_000)).toBe(true);
    expect(run.checks.find((c) => c.id === 'obs-link')?.checkedAt).toBe(2_500);
  });
});
