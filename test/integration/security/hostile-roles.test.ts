// Issue 12, rows M1 and H4 (read side), against a real station process: each role sees what its
// job needs — one policy, applied the same over HTTP state, the WebSocket stream and show.get.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostileStation, type HostileStation } from './hostile-station';
import { ROLES, type Role } from '../../../src/shared/contract/roles';

let s: HostileStation;
beforeAll(async () => {
  s = await startHostileStation();
});
afterAll(async () => {
  await s.stop();
});

const CONTACTS = /@lumen\.example|\+44 20/;

async function stateOf(role: Role) {
  const r = await fetch(`${s.url}/api/state`, { headers: { authorization: `Bearer ${s.tokens[role]}` } });
  return (await r.json()) as { state: Record<string, Record<string, unknown>> };
}

describe('M1: the snapshot per role', () => {
  it('gives the producer the audit trail, contacts, paths and configuration', async () => {
    const { state } = await stateOf('producer');
    expect(JSON.stringify(state)).toMatch(CONTACTS);
    expect(state.station?.dataDir).toBe(s.dataDir);
    expect((state.audit?.recent as unknown[]).length).toBeGreaterThan(0);
    expect(JSON.stringify(state.show)).toContain('ws://127.0.0.1:4455');
  });

  for (const role of ['host', 'moderator'] as const) {
    it(`gives the ${role} no audit trail, no contacts, no paths, no OBS or store configuration (HTTP)`, async () => {
      const { state } = await stateOf(role);
      const text = JSON.stringify(state);
      expect(text).not.toMatch(CONTACTS);
      expect(text).not.toContain(s.dataDir);
      expect(text).not.toContain('ws://127.0.0.1:4455');
      expect(text).not.toContain('rtmp://');
      expect(state.audit).toEqual({ recent: [], count: 0, headHash: null });
      expect((state.alerts as { items: unknown[] }).items).toEqual([]);
      // What the role's view needs is still there.
      expect((state.show?.current as { title: string }).title).toBeTruthy();
      expect(state.cues).toBeDefined();
      expect((state.offers?.items as unknown[]).length).toBeGreaterThan(0);
    });
  }

  // Every other role, the show's new ones included: the same redaction, whatever its slice.
  for (const role of ROLES.filter((r) => r !== 'producer')) {
    it(`gives the ${role} no audit trail, contacts, paths or configuration, over HTTP and show.get`, async () => {
      const { state } = await stateOf(role);
      const text = JSON.stringify(state);
      expect(text).not.toMatch(CONTACTS);
      expect(text).not.toContain(s.dataDir);
      expect(text).not.toContain('ws://127.0.0.1:4455');
      expect(state.audit).toEqual({ recent: [], count: 0, headHash: null });
      const show = await s.api('show.get', {}, role);
      expect(show.status).toBe(200);
      expect(JSON.stringify(show.body)).not.toMatch(CONTACTS);
    });
  }

  it('keeps the KPIs (revenue, orders) from the host and moderator by command as well as in the snapshot', async () => {
    for (const role of ['host', 'moderator'] as const) {
      expect((await stateOf(role)).state.kpis?.revenue, role).toBe(0);
      const r = await s.api('kpi.get', {}, role);
      expect(r.status, role).toBe(403);
      expect(JSON.stringify(r.body)).not.toMatch(/revenue/);
    }
    expect((await s.api('kpi.get', {}, 'commerce')).status).toBe(200);
  });

  it('filters show.get, open to every role, the same way', async () => {
    const host = await s.api('show.get', {}, 'host');
    expect(host.status).toBe(200);
    expect(JSON.stringify(host.body)).not.toMatch(CONTACTS);
    const producer = await s.api('show.get', {}, 'producer');
    expect(JSON.stringify(producer.body)).toMatch(CONTACTS);
  });
});

describe('M1/H4: the event stream per role', () => {
  it('never streams audit rows or contacts to the host or moderator, and keeps their revs gap-free', async () => {
    const host = await s.ws('host');
    const moderator = await s.ws('moderator');
    const producer = await s.ws('producer');
    for (const w of [host, moderator, producer]) await w.next((m) => m.t === 'snapshot');
    // Producer actions that write audit rows and patch the audit, alerts and kpis domains.
    for (let i = 0; i < 5; i++) await s.api('show.clock', { action: 'reset' });
    await s.api('preflight.run', {});
    await producer.next((m) => m.t === 'event' && (m.event as { name: string }).name === 'audit.appended');
    await new Promise((r) => setTimeout(r, 300));
    for (const w of [host, moderator]) {
      const text = JSON.stringify(w.messages);
      expect(text).not.toContain('audit.appended');
      expect(text).not.toMatch(CONTACTS);
      expect(text).not.toContain(s.dataDir);
      const revs = w.messages.filter((m) => m.t === 'snapshot' || m.t === 'patch').map((m) => m.rev as number);
      for (let i = 1; i < revs.length; i++) expect(revs[i]).toBe((revs[i - 1] ?? 0) + 1);
      expect(w.messages.some((m) => m.t === 'patch' && (m.domain === 'audit' || m.domain === 'preflight'))).toBe(false);
    }
    for (const w of [host, moderator, producer]) w.close();
  });

  it('refuses alert.ack to the host and moderator: alerts are the producer’s', async () => {
    expect((await s.api('alert.ack', { id: 'x' }, 'host')).status).toBe(403);
    expect((await s.api('alert.ack', { id: 'x' }, 'moderator')).status).toBe(403);
    expect((await s.api('alert.ack', { id: 'x' }, 'producer')).status).toBe(409);
  });

  it('refuses alert.ackAll to the host and moderator too: neither can silence the producer’s banner, alerts they cannot even read', async () => {
    const open = async () => ((await stateOf('producer')).state.alerts?.items as { ackedAt: number | null; clearedAt: number | null }[]).filter((a) => a.ackedAt === null && a.clearedAt === null).length;
    const before = await open();
    for (const role of ['host', 'moderator'] as const) {
      const r = await s.api('alert.ackAll', {}, role);
      expect(r.status, role).toBe(403);
      expect(r.body.error?.code).toBe('forbidden');
    }
    expect(await open()).toBeGreaterThanOrEqual(before);
    expect((await s.api('alert.ackAll', {}, 'producer')).status).toBe(200);
  });
});
