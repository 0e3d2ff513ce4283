// The role policy as data: every role's view is a full StationState (views never meet a missing
// domain), configuration reaches only the producer, and every hidden domain has a blank.
import { describe, expect, it } from 'vitest';
import { ROLES } from '../../shared/contract/roles';
import { commands } from '../../shared/contract/index';
import { KPI_OWNER, ROLE_POLICY, canSeeDomain, canSeeEvent, domainView, resultView, seesEverything, showView, stateView } from '../../shared/contract/role-policy';
import type { Domain, StationState } from '../../shared/contract/state';
import { createTestCore, DEMO_SHOW } from '../../../test/support/test-core';
import { evaluatePreflight } from '../../core/preflight/preflight.checks';
import type { Show } from '../../shared/show/show.schema';

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
      'kpi.get': 'kpis',
    };
    for (const [name, domain] of Object.entries(reads)) {
      const spec = commands[name as keyof typeof commands];
      for (const role of spec.roles) {
        // The host's card reads one script line by command though its slice carries no versions (first release).
        if ((role === 'host' || role === 'moderator') && domain === 'scripts') continue;
        // The host may list comments (the public chat) by command though its card's slice leaves the queues out.
        if (role === 'host' && domain === 'comments') continue;
        expect(canSeeDomain(role, domain), `${role} may call ${name} but does not see ${domain}`).toBe(true);
      }
    }
  });

  it('lists a reply of unknown outcome to the desks, not on the host\'s card', () => {
    const state = demoState();
    const unsure = { id: 1, platform: 'twitch', room: '#north', text: 'Ships in 3 days', by: 'Ana', at: 0 };
    const withUnsure: StationState = { ...state, comments: { ...state.comments, unsurePosts: [unsure] } };
    expect(stateView('moderator', withUnsure).comments.unsurePosts).toEqual([unsure]);
    expect(stateView('customer-service', withUnsure).comments.unsurePosts).toEqual([unsure]);
    expect(stateView('host', withUnsure).comments.unsurePosts).toEqual([]);
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

  it('keeps configuration out of preflight details and the GO record for roles without it (they named feed addresses, OBS link errors and probe targets)', () => {
    const base = demoState();
    const show = { ...base.show.current, checklist: [
      { id: 'obs', label: 'OBS', kind: 'auto', check: 'obs.connected' },
      { id: 'chat', label: 'Chat', kind: 'auto', check: 'comments.sources' },
      { id: 'backup', label: 'Backup ingest', kind: 'auto', check: 'ingest.backup' },
      { id: 'order', label: 'Test order', kind: 'auto', check: 'store.testOrder' },
      { id: 'script', label: 'Script', kind: 'auto', check: 'script.loaded' },
    ] } as unknown as Show;
    const now = 1_000_000;
    const state: StationState = {
      ...base,
      obs: { ...base.obs, link: 'disconnected', linkError: 'connect ECONNREFUSED 10.20.0.7:4455' } as StationState['obs'],
      comments: { ...base.comments, sources: [{ id: 'irc', kind: 'irc', label: 'Chat', status: 'error', detail: 'irc.secret-host.example:6697 refused SASL for bot-account', lastMessageAt: null, received: 0, rehearsal: false, canReply: true }] },
      showday: { ...base.showday, probes: {
        'ingest.backup': { status: 'fail', detail: 'rtmp://backup.ingest.example/live/sk_live_abc no handshake', at: now },
        'store.testOrder': { status: 'fail', detail: 'https://shop-admin.example/admin-api answered 401', at: now },
      } } as StationState['showday'],
    };
    const preflight = evaluatePreflight(show, state, new Map(), now, now);
    const go = { showId: 's', title: 't', rehearsal: false, at: now, by: 'Maya', verdict: 'go-overridden', checks: preflight.checks, overrides: [], script: null, offers: [], roster: { views: {}, tickedBy: [] } };
    const full = { ...state, preflight, showday: { ...state.showday, go } } as StationState;
    const secrets = /10\.20\.0\.7|secret-host|bot-account|backup\.ingest|sk_live|shop-admin/;
    // The producer reads them all; every other role reads the status and where to find the details.
    expect(JSON.stringify(stateView('producer', full))).toMatch(secrets);
    for (const role of ['host', 'moderator', 'approver', 'commerce', 'customer-service', 'observer'] as const) {
      const view = stateView(role, full);
      expect(JSON.stringify(view), role).not.toMatch(secrets);
    }
    const observed = stateView('observer', full).preflight.checks;
    expect(observed.map((c) => c.status)).toEqual(preflight.checks.map((c) => c.status));
    expect(observed.find((c) => c.id === 'chat')?.detail).toMatch(/producer view/);
    // A check without configuration keeps its detail.
    expect(observed.find((c) => c.id === 'script')?.detail).toBe(preflight.checks.find((c) => c.id === 'script')?.detail);
  });

  it('keeps OBS’s stream server address to the producer: it can carry a passphrase (SRT) or a token in its query', () => {
    const base = demoState();
    const state: StationState = { ...base, obs: { ...base.obs, ingest: { ...base.obs.ingest, active: 'primary', server: 'srt://ingest.example:9000?streamid=live&passphrase=hunter2hunter2' } } };
    expect(JSON.stringify(stateView('producer', state))).toContain('hunter2');
    for (const role of ['host', 'moderator', 'approver', 'commerce', 'customer-service', 'observer'] as const) {
      const view = stateView(role, state);
      expect(JSON.stringify(view), role).not.toMatch(/hunter2|ingest\.example/);
      // Which ingest is live (primary or backup) stays readable.
      if (canSeeDomain(role, 'obs')) expect(view.obs.ingest.active).toBe('primary');
    }
  });

  it('an OBS link alert reads as a link problem for the observer, without OBS’s address (as the obs domain does)', () => {
    const base = demoState();
    const alert = { id: 'a1', level: 'critical' as const, source: 'obs', key: 'obs.link', message: 'OBS link not up: connect ECONNREFUSED 10.20.0.7:4455', raisedAt: 1, updatedAt: 1, clearedAt: null, ackedBy: null, ackedAt: null, count: 1, raises: [1], clearedBy: null, quiet: false };
    const state: StationState = { ...base, alerts: { ...base.alerts, items: [alert] } };
    expect(stateView('producer', state).alerts.items[0]?.message).toContain('10.20.0.7');
    const observed = stateView('observer', state).alerts.items[0];
    expect(observed).toMatchObject({ key: 'obs.link', level: 'critical' });
    expect(observed?.message).not.toContain('10.20.0.7');
    expect(observed?.message).toMatch(/OBS link/);
  });

  it('keeps a store’s error text (it names the store’s host) to the producer; the others read the offer’s state and a plain summary', () => {
    const base = demoState();
    const err = 'POST https://shop-admin.internal.example:3000/admin-api failed: connect ECONNREFUSED 10.1.2.3:3000';
    const offer = { ...base.offers.items[0]!, state: 'error' as const, intent: 'paused' as const, pending: true, storeReachable: false, lastError: err, attempts: 3 };
    const alert = { id: 'a2', level: 'critical' as const, source: 'offers', key: `offers.pending.${offer.id}`, message: `${offer.name}: the pause is NOT confirmed by the store — ${err}. Baton keeps the intent and retries until the store confirms.`, raisedAt: 1, updatedAt: 1, clearedAt: null, ackedBy: null, ackedAt: null, count: 1, raises: [1], clearedBy: null, quiet: false, audience: ['commerce' as const] };
    const state: StationState = { ...base, offers: { ...base.offers, items: [offer] }, alerts: { ...base.alerts, items: [alert] } };
    expect(stateView('producer', state).offers.items[0]?.lastError).toBe(err);
    for (const role of ROLES.filter((r) => r !== 'producer' && canSeeDomain(r, 'offers'))) {
      const view = stateView(role, state);
      const seen = view.offers.items[0]!;
      expect(JSON.stringify(view)).not.toMatch(/shop-admin|10\.1\.2\.3|ECONNREFUSED/);
      expect(seen).toMatchObject({ state: 'error', intent: 'paused', pending: true, storeReachable: false, attempts: 3 });
      expect(seen.lastError).toMatch(/store error \(details in the producer view\)/);
    }
    expect(stateView('commerce', state).alerts.items[0]?.message).toMatch(new RegExp(`^${offer.name}: the pause is NOT confirmed by the store — store error`));
  });
});
