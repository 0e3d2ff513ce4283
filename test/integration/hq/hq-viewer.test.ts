// HQ's read-only viewer: a second printed link for whoever should see the calendar, attribution
// and the board without being able to change anything. Every state-changing route refuses it with
// 403 — on the server, whatever the page shows — and nothing changes; the admin's changes are
// recorded in HQ's audit with who made them.
import { describe, expect, it } from 'vitest';
import { hqOnEngine } from '../../support/hq-on-engine';

const VIEWER = 'bhqv_viewer-token-for-the-tests-0123456789';
const ITEM = 'vw-a/alert/obs-dropped';

describe('HQ’s viewer reads and changes nothing', () => {
  const env = hqOnEngine('pglite', { viewerToken: VIEWER });

  /** Everything a change could touch, read as the admin. */
  const world = async () => ({
    stations: await (await fetch(`${env.hq.url}/api/stations`, { headers: env.admin() })).json(),
    ingest: ((await (await fetch(`${env.hq.url}/api/metrics`, { headers: env.admin() })).json()) as { ingest: unknown }).ingest,
    items: await env.hq.db.query('SELECT item_key, owner, due FROM postmortem_items ORDER BY item_key'),
    audit: await env.hq.db.query('SELECT id FROM hq_audit ORDER BY id'),
  });

  it('reads every view and the API', async () => {
    const cookie = await env.signIn(VIEWER);
    for (const path of ['/calendar', '/attribution', '/attribution.csv', '/postmortem', '/experiments', '/stations', '/api/stations', '/api/metrics']) {
      expect((await fetch(`${env.hq.url}${path}`, { headers: { cookie } })).status, path).toBe(200);
    }
    const listed = await fetch(`${env.hq.url}/api/stations`, { headers: { authorization: `Bearer ${VIEWER}` } });
    expect(listed.status).toBe(200);
    // The board offers a viewer no forms (the server refuses their posts anyway, below).
    const board = await (await fetch(`${env.hq.url}/postmortem`, { headers: { cookie: `${cookie}; hq_name=Mallory` } })).text();
    expect(board).toContain('data-testid="read-only"');
    expect(board).not.toMatch(/action="\/postmortem\//);
  });

  const routes: [string, string, string][] = [
    ['issue a station token', '/api/stations', JSON.stringify({ id: 'vw-a' })],
    ['revoke a station', '/api/stations/vw-a/revoke', ''],
    ['reset the ingest metrics', '/api/metrics/reset', ''],
    ['name itself on the board', '/postmortem/me', 'name=Mallory'],
    ['set an owner on the board', '/postmortem/item', `key=${encodeURIComponent(ITEM)}&owner=Mallory&due=2026-12-31`],
  ];

  it.each(routes)('may not %s: 403 by session and by bearer, and nothing changes', async (_what, path, body) => {
    await env.issue('vw-a');
    const token = await env.issue('vw-a');
    await fetch(`${env.hq.url}/api/ingest`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: JSON.stringify({ stationId: 'vw-a', batchId: 'vw-a:1', sentAt: Date.now(), facts: [] }) });
    const before = await world();
    const cookie = `${await env.signIn(VIEWER)}; hq_name=Mallory`;
    const bySession = await fetch(`${env.hq.url}${path}`, { method: 'POST', redirect: 'manual', headers: { cookie, origin: env.hq.url, 'content-type': 'application/x-www-form-urlencoded' }, body });
    expect(bySession.status).toBe(403);
    expect(bySession.headers.get('set-cookie')).toBeNull();
    const byBearer = await fetch(`${env.hq.url}${path}`, { method: 'POST', redirect: 'manual', headers: { authorization: `Bearer ${VIEWER}` }, body });
    expect(byBearer.status).toBe(403);
    expect(await world()).toEqual(before);
  });

  it('the admin’s changes are audited with who made them; a viewer may still sign out', async () => {
    const admin = `${await env.signIn()}; hq_name=Ines`;
    const issued = await fetch(`${env.hq.url}/api/stations`, { method: 'POST', headers: { cookie: admin, origin: env.hq.url }, body: JSON.stringify({ id: 'vw-b' }) });
    expect(issued.status).toBe(200);
    expect((await fetch(`${env.hq.url}/api/stations/vw-b/revoke`, { method: 'POST', headers: env.admin() })).status).toBe(200);
    const rows = await env.hq.db.query<{ actor: string; action: string; target: string }>("SELECT actor, action, target FROM hq_audit WHERE target = 'station vw-b' ORDER BY id");
    expect(rows).toEqual([
      { actor: 'Ines (admin session)', action: 'station.token', target: 'station vw-b' },
      { actor: 'admin (admin token)', action: 'station.revoke', target: 'station vw-b' },
    ]);
    const viewer = await env.signIn(VIEWER);
    expect((await fetch(`${env.hq.url}/logout`, { method: 'POST', headers: { cookie: viewer, origin: env.hq.url } })).status).toBe(200);
    expect((await fetch(`${env.hq.url}/calendar`, { headers: { cookie: viewer } })).status).toBe(401);
  });
});
