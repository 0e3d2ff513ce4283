import { describe, expect, it } from 'vitest';
import { applyMessage, type Mirror } from './apply-message';
import type { StationState } from '../../../shared/contract/index';

const base = { obs: { link: 'disconnected' }, alerts: { items: [], quiet: { on: false, by: null, since: null } } } as unknown as StationState;
const empty: Mirror = { state: null, rev: 0, role: null, actor: null, clockOffsetMs: 0 };

describe('applyMessage', () => {
  it('takes the snapshot, then applies the next patch', () => {
    let m = applyMessage(empty, { t: 'snapshot', rev: 4, state: base }, 1_000).mirror;
    const out = applyMessage(m, { t: 'patch', rev: 5, domain: 'alerts', value: { items: [], quiet: { on: false, by: null, since: null } } }, 1_000);
    expect(out.resync).toBe(false);
    m = out.mirror;
    expect(m.rev).toBe(5);
  });

  it('asks for a resync when a patch is missing instead of applying out of order', () => {
    const m = applyMessage(empty, { t: 'snapshot', rev: 4, state: base }, 1_000).mirror;
    const out = applyMessage(m, { t: 'patch', rev: 7, domain: 'alerts', value: { items: [], quiet: { on: false, by: null, since: null } } }, 1_000);
    expect(out.resync).toBe(true);
    expect(out.mirror.rev).toBe(4);
    expect(out.mirror.state).toBe(base);
  });

  it('ignores a patch older than the snapshot it already has', () => {
    const m = applyMessage(empty, { t: 'snapshot', rev: 9, state: base }, 1_000).mirror;
    const out = applyMessage(m, { t: 'patch', rev: 9, domain: 'alerts', value: { items: [], quiet: { on: false, by: null, since: null } } }, 1_000);
    expect(out.mirror).toBe(m);
  });

  it('keeps the role and name the station greets with', () => {
    const m = applyMessage(empty, { t: 'hello', role: 'moderator', roles: ['moderator', 'customer-service'], actor: 'Ana', at: 61_000 }, 1_000).mirror;
    expect(m.role).toBe('moderator');
    expect(m.roles).toEqual(['moderator', 'customer-service']);
    expect(m.actor).toBe('Ana');
    // The station's clock runs a minute ahead of this machine's: the view's clocks follow the station.
    expect(m.clockOffsetMs).toBe(60_000);
  });
});

describe('the station\'s clock realigned while the view is connected', () => {
  const HOUR = 3_600_000;
  const withShift = (shift: number) => ({ ...base, station: { clockShiftMs: shift } }) as unknown as StationState;

  it('follows the shift the station publishes, so an age read after a realignment is not off by the step', () => {
    // Hello at station time 61 s when this machine's monotonic clock read 1 s; the snapshot says no shift yet.
    let m = applyMessage(empty, { t: 'hello', role: 'moderator', roles: ['moderator'], actor: 'Ana', at: 61_000 }, 1_000).mirror;
    m = applyMessage(m, { t: 'snapshot', rev: 1, state: withShift(0) }, 1_000).mirror;
    expect(m.clockOffsetMs).toBe(60_000);
    // The station realigned an hour back: its times from now on are an hour lower, and so is "now" here.
    m = applyMessage(m, { t: 'patch', rev: 2, domain: 'station', value: withShift(-HOUR).station }, 5_000).mirror;
    expect(m.clockOffsetMs).toBe(60_000 - HOUR);
    // A resync snapshot carrying the same shift changes nothing; a later forward step is followed too.
    m = applyMessage(m, { t: 'snapshot', rev: 3, state: withShift(-HOUR) }, 6_000).mirror;
    expect(m.clockOffsetMs).toBe(60_000 - HOUR);
    m = applyMessage(m, { t: 'patch', rev: 4, domain: 'station', value: withShift(0).station }, 7_000).mirror;
    expect(m.clockOffsetMs).toBe(60_000);
  });

  it('a hello after a realignment already carries the new time: the shift it was taken under is not added again', () => {
    let m = applyMessage(empty, { t: 'hello', role: 'moderator', roles: ['moderator'], actor: 'Ana', at: 61_000 - HOUR }, 1_000).mirror;
    m = applyMessage(m, { t: 'snapshot', rev: 9, state: withShift(-HOUR) }, 1_000).mirror;
    expect(m.clockOffsetMs).toBe(60_000 - HOUR);
    // Reconnected: a fresh hello and snapshot, same shift.
    m = applyMessage(m, { t: 'hello', role: 'moderator', roles: ['moderator'], actor: 'Ana', at: 71_000 - HOUR }, 11_000).mirror;
    m = applyMessage(m, { t: 'snapshot', rev: 12, state: withShift(-HOUR) }, 11_000).mirror;
    expect(m.clockOffsetMs).toBe(60_000 - HOUR);
  });
});
