// The role policy as data: every role's view is a full StationState (views never meet a missing
// domain), configuration reaches only the producer, and every hidden domain has a blank.
import { describe, expect, it } from 'vitest';
import { ROLES } from '../../shared/contract/roles';
import { ROLE_POLICY, canSeeEvent, domainView, resultView, seesEverything, showView, stateView } from '../../shared/contract/role-policy';
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
});
