import { describe, expect, it } from 'vitest';
import { createHealthAlerts } from './health.alerts';
import type { Finding } from './health.rules';
import { createTestClock } from '../../../test/support/test-core';

function rig() {
  const calls: string[] = [];
  const alerts = {
    raise: (a: { key: string; level: string; message: string }) => void calls.push(`raise ${a.key} ${a.level}`),
    clear: (key: string) => void calls.push(`clear ${key}`),
  };
  // The show's sustain time is 10 s: a condition must last that long to be found, and be gone that long to end.
  const clock = createTestClock();
  const inner = createHealthAlerts(alerts, { clearHoldMs: () => 10_000, clock });
  // The findings of a sample taken `ms` after the first (time passing: both clocks move).
  const health = { apply: (findings: Finding[], ms: number) => (clock.advance(ms - clock.monotonic()), inner.apply(findings)), clearAll: () => inner.clearAll() };
  return { calls, health };
}

const dropped: Finding = { key: 'dropped', level: 'amber', message: 'dropped frames 2.1% over 10 s' };

describe('OBS health findings as alerts', () => {
  it('the clear hold is timed on the monotonic clock: a wall clock stepped back neither holds the alert for hours nor, stepped forward, ends it at once', () => {
    const calls: string[] = [];
    const clock = createTestClock();
    const alerts = { raise: (a: { key: string }) => void calls.push(`raise ${a.key}`), clear: (key: string) => void calls.push(`clear ${key}`) };
    const health = createHealthAlerts(alerts, { clearHoldMs: () => 10_000, clock });
    health.apply([dropped]);
    clock.advance(1_000);
    health.apply([]);
    // NTP steps the clock forward an hour: the condition has been gone one second, not an hour.
    clock.set(clock.now() + 3_600_000);
    clock.advance(1_000);
    health.apply([]);
    expect(calls).toEqual(['raise obs.health.dropped']);
    // … and back two hours: it has still been gone for the hold once ten seconds have passed.
    clock.set(clock.now() - 2 * 3_600_000);
    clock.advance(9_000);
    health.apply([]);
    expect(calls).toEqual(['raise obs.health.dropped', 'clear obs.health.dropped']);
  });

  it('a drop rate hovering at its threshold (found, not found, found … every second) is one alert, not a raise and a clear per sample', () => {
    const r = rig();
    for (let s = 0; s < 120; s++) r.health.apply(s % 2 === 0 ? [dropped] : [], s * 1000);
    expect(r.calls).toEqual(['raise obs.health.dropped warn']);
  });

  it('the alert clears once the condition has been gone for the hold; back before that, nothing changes', () => {
    const r = rig();
    r.health.apply([dropped], 0);
    for (let s = 1; s <= 9; s++) r.health.apply([], s * 1000);
    r.health.apply([dropped], 10_000);
    expect(r.calls).toEqual(['raise obs.health.dropped warn']);
    for (let s = 11; s <= 20; s++) r.health.apply([], s * 1000);
    expect(r.calls).toEqual(['raise obs.health.dropped warn']);
    r.health.apply([], 21_000);
    expect(r.calls).toEqual(['raise obs.health.dropped warn', 'clear obs.health.dropped']);
  });

  it('a state of the stream (reconnecting) ends at once when OBS says so', () => {
    const r = rig();
    r.health.apply([{ key: 'reconnecting', level: 'red', message: 'ingest unreachable, OBS reconnecting (try 1)' }], 0);
    r.health.apply([], 1000);
    expect(r.calls).toEqual(['raise obs.health.reconnecting critical', 'clear obs.health.reconnecting']);
  });

  it('worse is raised at once; clearAll ends every alert up', () => {
    const r = rig();
    r.health.apply([dropped], 0);
    r.health.apply([{ ...dropped, level: 'red' }], 1000);
    r.health.apply([], 2000);
    r.health.clearAll();
    expect(r.calls).toEqual(['raise obs.health.dropped warn', 'raise obs.health.dropped critical', 'clear obs.health.dropped']);
    r.health.apply([], 30_000);
    expect(r.calls).toHaveLength(3);
  });
});
