// The role policy as data: every role's view is a full StationState (views never meet a missing
// domain), configuration reaches only the producer, and every hidden domain has a blank.
import { describe, expect, it } from 'vitest';
import { ROLES } from '../../shared/contract/roles';
import { commands } from '../../shared/contract/index';
import { KPI_OWNER, ROLE_POLICY, canSeeDomain, canSeeEvent, domainView, resultView, seesEverything, showView, stateView } from '../../shared/contract/role-policy';
import type { Domain, StationState } from '../../shared/contract/state';
import { createTestCore, DEMO_SHOW } from '../../../test/support/test-core';

function demoState(): StationState {
  const core = createTestCore();
  core.show.loadFile(DEMO_SHOW);
  const state = core.snapshot().state;
  void core.close();
  return state;
}

describe('role policy', () => {
  it('lets only the producer see everything', () => {
    expect(ROLES.filter(seesEverything)).toEqual(['producer']);
    for (const role of ROLES) expect(canSeeEvent(role, { name: 'audit.appended', entry: {} as never })).toBe(role === 'producer');
  });

  it('gives every role a value for every domain, blank where hidden', () => {
    const state = demoState();
    for (const role of ROLES) {
      const view = stateView(role, state);
      expect(Object.keys(view).sort()).toEqual(Object.keys(state).sort());
      for (const d of Object.keys(state) as Domain[]) expect(() => domainView(role, d, state[d])).not.toThrow();
    }
    expect(stateView('producer', state)).toBe(state);
  });

  it('strips contacts, paths, OBS and store configuration for host and moderator', () => {
    const state = { ...demoState(), station: { ...demoState().station, dataDir: '/srv/baton', tlsFingerprint: 'AB:CD' } };
    for (const role of ['host', 'moderator'] as const) {
      const text = JSON.stringify(stateView(role, state));
      expect(text).not.toMatch(/@lumen\.example|\/srv\/baton|AB:CD|ws:\/\/127|rtmp:\/\//);
      expect(ROLE_POLICY[role].configuration).toBe(false);
    }
    const show = state.show.current!;
    const seen = showView(show);
    expect(seen.people.every((p) => Object.keys(p.contact).length === 0)).toBe(true);
    expect(seen.offers.map((o) => o.store.adapter)).toEqual(show.offers.map((o) => o.store.adapter));
    expect(JSON.stringify(resultView('moderator', 'show.get', { show }))).not.toMatch(/@lumen\.example/);
    expect(resultView('producer', 'show.get', { show })).toEqual({ show });
  });

  it('declares a slice for the show roles: approver, commerce, customer service and a read-only observer', () => {
    expect(ROLES).toEqual(expect.arrayContaining(['approver', 'commerce', 'customer-service', 'observer']));
    expect(ROLE_POLICY.approver.domains).toEqual(expect.arrayContaining(['scripts', 'cues']));
    for (const d of ['comments', 'offers', 'obs', 'audit'] as const) expect(canSeeDomain('approver', d)).toBe(false);
    expect(ROLE_POLICY.commerce.domains).toEqual(expect.arrayContaining(['offers', 'kpis', 'alerts']));
    expect(canSeeDomain('commerce', 'comments')).toBe(false);
    expect(ROLE_POLICY['customer-service'].domains).toEqual(expect.arrayContaining(['comments', 'offers']));
    for (const d of ['audit', 'hq'] as const) expect(canSeeDomain('observer', d)).toBe(false);
    for (const role of ['approver', 'commerce', 'customer-service', 'observer'] as const) expect(ROLE_POLICY[role].configuration).toBe(false);
  });

  it('gives the observer no command that changes anything', () => {
    const writes = Object.entries(commands).filter(([, spec]) => spec.kind === 'write' && spec.roles.includes('observer'));
    expect(writes.map(([n]) => n)).toEqual([]);
  });

  it('lets a role read by command only the domains its slice shows', () => {
    // A read command returns one domain's data: a role that may call it must see that domain.
    const reads: Record<string, Parameters<typeof canSeeDomain>[1]> = {
      'comments.list': 'comments',
      'obs.history': 'obs',
      'script.get': 'scripts',
      'script.diff': 'scripts',
      'audit.list': 'audit',
      'show.history': 'showday',
    };
    for (const [name, domain] of Object.entries(reads)) {
      const spec = commands[name as keyof typeof commands];
      for (const role of spec.roles) {
        // The host's card reads one script line by command though its slice carries no versions (first release).
        if (role === 'host' || (role === 'moderator' && domain === 'scripts')) continue;
        expect(canSeeDomain(role, domain), `${role} may call ${name} but does not see ${domain}`).toBe(true);
      }
    }
  });

  it('shows an alert to the roles it is addressed to; the producer and observer read them all', () => {
    const state = demoState();
    const alert = (key: string, audience?: StationState['alerts']['items'][number]['audience']) => ({
      id: key, level: 'warn' as const, source: 'kpi', key, message: key, raisedAt: 0, updatedAt: 0, clearedAt: null, ackedBy: null, ackedAt: null, count: 1, raises: [0], clearedBy: null, quiet: false,
      ...(audience ? { audience } : {}),
    });
    const withAlerts: StationState = { ...state, alerts: { ...state.alerts, items: [alert('kpi:c2c', [KPI_OWNER.cartToCheckout]), alert('kpi:v2c', [KPI_OWNER.viewToCart]), alert('obs.link')] } };
    const keys = (role: (typeof ROLES)[number]) => stateView(role, withAlerts).alerts.items.map((a) => a.key);
    expect(keys('producer')).toEqual(['kpi:c2c', 'kpi:v2c', 'obs.link']);
    expect(keys('commerce')).toEqual(['kpi:c2c']);
    expect(keys('moderator')).toEqual(['kpi:v2c']);
    expect(keys('customer-service')).toEqual([]);
    expect(keys('host')).toEqual([]);
    expect(keys('observer')).toEqual(['kpi:c2c', 'kpi:v2c', 'obs.link']);
  });

  it('keeps probe details and refusals out of non-producer show-day views', () => {
    const state = demoState();
    const day = { ...state.showday, probes: { 'ingest.backup': { status: 'fail' as const, detail: 'rtmp://10.0.0.9/live refused', at: 1 } }, refusals: [{ at: 1, reason: 'x' }] };
    const seen = stateView('commerce', { ...state, showday: day }).showday;
    expect(seen.probes).toEqual({});
    expect(seen.refusals).toEqual([]);
  });
});
