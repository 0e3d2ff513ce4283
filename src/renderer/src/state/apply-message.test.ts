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
