// HQ's session cookie is SameSite=Strict, which keeps it off requests from other *sites* — but every
// machine of the studio's domain (evil.studio.lan beside hq.studio.lan), and any other port of
// HQ's own address, is the same site. A page there could post a plain form to HQ with the admin's
// cookie: re-issue a station's token (the real station is refused from then on), revoke a station,
// or set owners on the post-mortem board. A change carried by the cookie must now come from HQ's own
// origin; a bearer token (which no form can send) is unaffected.
import { describe, expect, it } from 'vitest';
import { hqOnEngine } from '../../support/hq-on-engine';

const batch = (stationId: string, seq: number) =>
  JSON.stringify({ stationId, batchId: `${stationId}:${seq}`, sentAt: Date.now(), facts: [{ seq, showId: 'xs', kind: 'comment_minute', at: Date.UTC(2026, 11, 7, 19), body: { minute: Date.UTC(2026, 11, 7, 19), platform: 'tiktok', intent: 'q', queue: 'q', lang: 'en', rehearsal: false, count: 1 } }] });

describe('HQ takes no change carried by its cookie from another origin', () => {
  const env = hqOnEngine('pglite');

  it('refuses a form from a sibling host that would re-issue or revoke a station, and the station keeps reporting', async () => {
    const token = await env.issue('xs-studio');
    const cookie = await env.signIn();
    const host = new URL(env.hq.url).host;
    // What a browser sends for <form enctype="text/plain" action="http://hq…/api/stations"> on evil.studio.lan.
    const reissue = await fetch(`${env.hq.url}/api/stations`, { method: 'POST', headers: { cookie, origin: 'http://evil.studio.lan', 'content-type': 'text/plain', 'sec-fetch-site': 'same-site' }, body: '{"id":"xs-studio","x":"="}' });
    expect(reissue.status).toBe(403);
    const revoke = await fetch(`${env.hq.url}/api/stations/xs-studio/revoke`, { method: 'POST', headers: { cookie, origin: `http://${host.replace(/:\d+$/, ':8080')}`, 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
    expect(revoke.status).toBe(403);
    const board = await fetch(`${env.hq.url}/postmortem/me`, { method: 'POST', redirect: 'manual', headers: { cookie, origin: 'null', 'content-type': 'application/x-www-form-urlencoded' }, body: 'name=Mallory' });
    expect(board.status).toBe(403);
    const r = await fetch(`${env.hq.url}/api/ingest`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: batch('xs-studio', 1) });
    expect(r.status).toBe(200);
  });

  it('still takes HQ’s own forms (same origin) and the admin’s bearer token from anywhere', async () => {
    const cookie = await env.signIn();
    const own = await fetch(`${env.hq.url}/postmortem/me`, { method: 'POST', redirect: 'manual', headers: { cookie, origin: env.hq.url, 'content-type': 'application/x-www-form-urlencoded' }, body: 'name=Ines' });
    expect(own.status).toBe(303);
    expect(own.headers.get('set-cookie')).toMatch(/hq_name=Ines/);
    const bearer = await fetch(`${env.hq.url}/api/stations`, { method: 'POST', headers: { ...env.admin(), origin: 'http://elsewhere.example' }, body: JSON.stringify({ id: 'xs-other' }) });
    expect(bearer.status).toBe(200);
  });
});
