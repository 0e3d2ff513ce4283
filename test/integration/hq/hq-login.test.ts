// HQ's sign-in, as someone on the studio network would try it. The link HQ prints carries the
// admin token once; what the browser keeps must be a session of its own (never the token itself),
// marked Secure whenever the request came over TLS (a TLS proxy in front says so), one that
// sign-out ends, that nobody can choose for someone else, and a token guessed at is throttled.
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { hqOnEngine } from '../../support/hq-on-engine';

/** Signs in with the printed link and answers the cookie the browser would keep (name=value). */
async function signIn(url: string, token: string, headers: Record<string, string> = {}): Promise<{ cookie: string; setCookie: string }> {
  const r = await fetch(`${url}/calendar?token=${encodeURIComponent(token)}`, { redirect: 'manual', headers });
  expect(r.status).toBe(303);
  const setCookie = r.headers.get('set-cookie') ?? '';
  return { cookie: setCookie.split(';')[0] ?? '', setCookie };
}

describe('HQ sign-in', () => {
  let t = 0;
  const env = hqOnEngine('pglite', { monotonic: () => t });

  it('keeps a session in the cookie, not the admin token: HttpOnly, SameSite=Strict, host-only; Secure when the request came over TLS, not on plain-HTTP localhost', async () => {
    const plain = await signIn(env.hq.url, env.hq.adminToken);
    expect(plain.setCookie).not.toContain(env.hq.adminToken);
    expect(plain.setCookie).toMatch(/^hq_session=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=\/$/);
    expect((await fetch(`${env.hq.url}/calendar`, { headers: { cookie: plain.cookie } })).status).toBe(200);
    // Behind a TLS proxy (it says how the browser came in).
    const tls = await signIn(env.hq.url, env.hq.adminToken, { 'x-forwarded-proto': 'https' });
    expect(tls.setCookie).toMatch(/; Secure/);
    expect(tls.setCookie).toMatch(/HttpOnly; SameSite=Strict/);
    const forwarded = await signIn(env.hq.url, env.hq.adminToken, { forwarded: 'for=10.0.0.9;proto=https' });
    expect(forwarded.setCookie).toMatch(/; Secure/);
  });

  it('sign-out ends the session on the server: the old cookie no longer signs anyone in', async () => {
    const { cookie } = await signIn(env.hq.url, env.hq.adminToken);
    const out = await fetch(`${env.hq.url}/logout`, { method: 'POST', redirect: 'manual', headers: { cookie, origin: env.hq.url } });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/^hq_session=; .*Max-Age=0/);
    expect((await fetch(`${env.hq.url}/calendar`, { headers: { cookie } })).status).toBe(401);
    expect((await fetch(`${env.hq.url}/api/stations`, { headers: { cookie } })).status).toBe(401);
  });

  it('a session id the browser brought along (fixed by someone else) signs nobody in, and signing in issues a fresh one', async () => {
    const planted = 'hq_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    expect((await fetch(`${env.hq.url}/calendar`, { headers: { cookie: planted } })).status).toBe(401);
    const { cookie } = await signIn(env.hq.url, env.hq.adminToken, { cookie: planted });
    expect(cookie).not.toBe(planted);
    expect((await fetch(`${env.hq.url}/calendar`, { headers: { cookie: planted } })).status).toBe(401);
    // The admin token itself in the cookie (what HQ used to keep) is no session either.
    expect((await fetch(`${env.hq.url}/calendar`, { headers: { cookie: `hq_token=${env.hq.adminToken}` } })).status).toBe(401);
  });

  it('a cookie or a path with a broken %-escape is no value, answered as such — not a 503 and a line in HQ’s error log', async () => {
    const board = await fetch(`${env.hq.url}/postmortem`, { headers: { ...env.admin(), cookie: 'hq_name=%zz; hq_session=%E0%A4%A' } });
    expect(board.status).toBe(200);
    const revoke = await fetch(`${env.hq.url}/api/stations/%zz/revoke`, { method: 'POST', headers: env.admin() });
    expect(revoke.status).toBe(404);
  });

  it('the station list (API and page) carries no station token’s hash', async () => {
    await env.issue('hash-studio');
    const api = await (await fetch(`${env.hq.url}/api/stations`, { headers: env.admin() })).text();
    expect(api).toContain('hash-studio');
    expect(api).not.toMatch(/token_hash|[0-9a-f]{64}/);
  });

  it('the link’s redirect stays on HQ: a path that normalises to //elsewhere is not a redirect off the site', async () => {
    // Sent byte for byte (fetch would normalise the path before sending it).
    const raw = (path: string) =>
      new Promise<{ status: number; location: string }>((done, fail) => {
        const { hostname, port } = new URL(env.hq.url);
        const req = request({ hostname, port, path: `${path}?token=${env.hq.adminToken}` }, (res) => {
          res.resume();
          done({ status: res.statusCode ?? 0, location: String(res.headers.location ?? '') });
        });
        req.on('error', fail);
        req.end();
      });
    for (const path of ['/.//evil.example/x', '/a/..//evil.example']) {
      const r = await raw(path);
      expect(r.status).toBe(303);
      expect(r.location).toMatch(/^\/(?!\/)/);
    }
  });

  it('a session idle for longer than its limit is over', async () => {
    const { cookie } = await signIn(env.hq.url, env.hq.adminToken);
    t += 13 * 3_600_000;
    expect((await fetch(`${env.hq.url}/calendar`, { headers: { cookie } })).status).toBe(401);
  });
});

describe('HQ throttles a token guessed at', () => {
  let t = 0;
  const env = hqOnEngine('pglite', { monotonic: () => t });

  it('after 10 wrong tokens from one address it answers 429 for a minute — even the right token — then takes the right one again; stations keep reporting', async () => {
    const station = await env.issue('guess-studio');
    for (let i = 0; i < 10; i++) expect((await fetch(`${env.hq.url}/calendar?token=bhqa_wrong${i}`, { redirect: 'manual' })).status).toBe(401);
    const locked = await fetch(`${env.hq.url}/calendar?token=${env.hq.adminToken}`, { redirect: 'manual' });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await fetch(`${env.hq.url}/api/stations`, { headers: { authorization: 'Bearer bhqa_wrong' } })).status).toBe(429);
    const ingest = await fetch(`${env.hq.url}/api/ingest`, { method: 'POST', headers: { authorization: `Bearer ${station}` }, body: JSON.stringify({ stationId: 'guess-studio', batchId: 'guess-studio:1', sentAt: Date.now(), facts: [] }) });
    expect(ingest.status).not.toBe(429);
    t += 61_000;
    expect((await fetch(`${env.hq.url}/calendar?token=${env.hq.adminToken}`, { redirect: 'manual' })).status).toBe(303);
  });
});

describe('HQ behind its TLS proxy (--behind-tls) throttles the client, not the proxy', () => {
  let t = 0;
  const env = hqOnEngine('pglite', { monotonic: () => t, behindTls: true });
  // The proxy is on HQ's machine (these requests come from loopback) and appends the address it saw
  // to X-Forwarded-For, after whatever the client put there (nginx's $proxy_add_x_forwarded_for).
  const viaProxy = (client: string, claimed?: string) => ({ 'x-forwarded-for': claimed ? `${claimed}, ${client}` : client });
  const tryToken = (token: string, headers: Record<string, string>) => fetch(`${env.hq.url}/calendar?token=${encodeURIComponent(token)}`, { redirect: 'manual', headers });

  it('one client guessing locks out that client only: a colleague through the same proxy still signs in', async () => {
    for (let i = 0; i < 10; i++) expect((await tryToken(`bhqa_wrong${i}`, viaProxy('203.0.113.9'))).status).toBe(401);
    expect((await tryToken(env.hq.adminToken, viaProxy('203.0.113.9'))).status).toBe(429);
    expect((await tryToken(env.hq.adminToken, viaProxy('198.51.100.7'))).status).toBe(303);
    t += 61_000;
  });

  it('a client naming a fresh address of its own in each request is still one client: the proxy’s last entry counts', async () => {
    for (let i = 0; i < 10; i++) expect((await tryToken(`bhqa_wrong${i}`, viaProxy('203.0.113.10', `10.0.0.${i}`))).status).toBe(401);
    const locked = await tryToken(env.hq.adminToken, viaProxy('203.0.113.10', '10.0.0.99'));
    expect(locked.status).toBe(429);
    expect((await fetch(`${env.hq.url}/api/stations`, { headers: { authorization: 'Bearer bhqa_wrong', ...viaProxy('203.0.113.10', '10.9.9.9') } })).status).toBe(429);
    t += 61_000;
  });
});

describe('HQ without a proxy (no --behind-tls) ignores X-Forwarded-For', () => {
  // The throttle's clock stands still: the minute cannot end while the test runs.
  const env = hqOnEngine('pglite', { monotonic: () => 0 });

  it('a direct client naming a fresh address in each request is throttled by its socket', async () => {
    for (let i = 0; i < 10; i++) {
      const r = await fetch(`${env.hq.url}/calendar?token=bhqa_wrong${i}`, { redirect: 'manual', headers: { 'x-forwarded-for': `10.1.0.${i}` } });
      expect(r.status).toBe(401);
    }
    expect((await fetch(`${env.hq.url}/calendar?token=${env.hq.adminToken}`, { redirect: 'manual', headers: { 'x-forwarded-for': '10.1.0.200' } })).status).toBe(429);
  });
});
