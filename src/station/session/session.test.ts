// The session every transport uses: hello then the role's snapshot, patches renumbered for a
// role that does not see every domain (no false gaps), and a dispatch that never rejects.
import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore, DEMO_SHOW } from '../../../test/support/test-core';
import type { Core } from '../../core/core';
import type { ServerMessage } from '../../shared/contract/index';
import { openSession } from './session';

let core: Core;
afterEach(async () => {
  await core.close();
});

const flush = () => new Promise((r) => setTimeout(r, 20));

describe('openSession', () => {
  it('keeps the audit slice newest first, counted, headed by the last row: read right after a command and as published', async () => {
    core = createTestCore();
    core.show.loadFile(DEMO_SHOW);
    const got: ServerMessage[] = [];
    const s = openSession(core, { actor: 'Pat', role: 'producer', via: 'test' }, { view: true, onInternalError: () => {} });
    s.start((m) => got.push(m));
    const before = core.snapshot().state.audit;
    const producer = { actor: 'p', role: 'producer', via: 'test' } as const;
    await core.dispatch('show.clock', { action: 'start' }, producer);
    await core.dispatch('show.clock', { action: 'reset' }, producer);
    // Read in the turn of the reply, before anything was published.
    const now = core.snapshot().state.audit;
    expect(now.count).toBe(before.count + 2);
    expect(now.recent.slice(0, 2).map((e) => e.args)).toEqual([{ action: 'reset' }, { action: 'start' }]);
    expect(now.headHash).toBe(now.recent[0]?.hash);
    expect(now.recent.slice(2)).toEqual(before.recent.slice(0, now.recent.length - 2));
    await flush();
    const patches = got.filter((m): m is Extract<ServerMessage, { t: 'patch' }> => m.t === 'patch' && m.domain === 'audit');
    expect(patches.at(-1)?.value).toEqual(now);
  });

  it('streams hello, snapshot and gap-free patches to a host while hidden domains change', async () => {
    core = createTestCore();
    core.show.loadFile(DEMO_SHOW);
    const got: ServerMessage[] = [];
    const s = openSession(core, { actor: 'Leo', role: 'host', via: 'test' }, { view: true, onInternalError: () => {} });
    s.start((m) => got.push(m));
    expect(got.map((m) => m.t)).toEqual(['hello', 'snapshot']);
    expect(core.snapshot().state.station.views.host).toBe(1);
    core.alerts.raise({ source: 'test', key: 'k', level: 'warn', message: 'hidden from the host' });
    await core.dispatch('show.clock', { action: 'start' }, { actor: 'p', role: 'producer', via: 'test' });
    await flush();
    const revs = got.filter((m) => m.t === 'snapshot' || m.t === 'patch').map((m) => (m as { rev: number }).rev);
    revs.forEach((r, i) => expect(r).toBe(revs[0]! + i));
    expect(got.some((m) => m.t === 'patch' && (m.domain === 'alerts' || m.domain === 'audit'))).toBe(false);
    expect(got.some((m) => m.t === 'event' && m.event.name === 'audit.appended')).toBe(false);
    // A change still waiting for its flush when the view asks for a snapshot (here a view count; on a busy
    // machine the checklist's timer) goes out first, so the snapshot's rev is the last one the host was sent.
    core.setViewCount('producer', +1);
    s.resync();
    const sent = got.filter((m) => m.t === 'snapshot' || m.t === 'patch').map((m) => (m as { rev: number }).rev);
    expect(got.at(-1)).toMatchObject({ t: 'snapshot' });
    expect(sent.at(-1)).toBe(sent.at(-2));
    sent.slice(0, -1).forEach((r, i) => expect(r).toBe(sent[0]! + i));
    core.setViewCount('producer', -1);
    s.close();
    expect(core.snapshot().state.station.views.host).toBe(0);
  });

  it('answers a bad name without calling the core, and a core failure as internal', async () => {
    core = createTestCore();
    const errors: string[] = [];
    const broken = { ...core, dispatch: () => Promise.reject(new Error('boom')) } as unknown as Core;
    const s = openSession(broken, { actor: 'p', role: 'producer', via: 'test' }, { view: false, onInternalError: (e) => errors.push(String(e)) });
    expect(await s.dispatch(42, {})).toMatchObject({ ok: false, error: { code: 'invalid_args', issues: [{ path: 'name' }] } });
    expect(await s.dispatch('station.whoami', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(errors).toEqual(['Error: boom']);
  });

  it('greets a person with every role their link opens, acts in the chosen one, and counts the opened view for the roster', async () => {
    core = createTestCore();
    core.show.loadFile(DEMO_SHOW);
    await core.dispatch('people.invite', { personId: 'sam' }, { actor: 'p', role: 'producer', via: 'test' });
    const got: ServerMessage[] = [];
    const s = openSession(core, { actor: 'Sam Lee (sam)', role: 'observer', roles: ['commerce', 'observer'], via: 'test', personId: 'sam', name: 'Sam Lee' }, { view: true, onInternalError: () => {} });
    s.start((m) => got.push(m));
    expect(got[0]).toMatchObject({ t: 'hello', role: 'observer', roles: ['commerce', 'observer'], person: { id: 'sam' } });
    const listed = await core.dispatch('people.list', {}, { actor: 'p', role: 'producer', via: 'test' });
    expect(listed.ok && listed.result.people.find((p) => p.id === 'sam')?.opened).toEqual(['observer']);
    s.close();
  });
});
