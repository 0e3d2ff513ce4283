// The doors a viewer-facing machine holds a key to: an overlay page (its token sits in OBS's browser
// source URL, so a stream operator or a screenshot has it) and a button panel (Companion on a
// borrowed laptop). Each key opens only its own feed; what an overlay page learns is the text on
// air and nothing else; no other site's page may read any answer (no CORS, Origin checked).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { readFileSync } from 'node:fs';
import { startHostileStation, type HostileStation } from './hostile-station';

let s: HostileStation;
let deviceToken = '';
let overlayToken = '';
beforeAll(async () => {
  s = await startHostileStation();
  const r = await fetch(`${s.url}/api/device-tokens`, { headers: { authorization: `Bearer ${s.tokens.producer}` } });
  const { result } = (await r.json()) as { result: { tokens: { kind: string; token: string }[] } };
  deviceToken = result.tokens.find((t) => t.kind === 'device')?.token ?? '';
  overlayToken = result.tokens.find((t) => t.kind === 'overlay')?.token ?? '';
  expect(deviceToken).not.toBe('');
  expect(overlayToken).not.toBe('');
});
afterAll(async () => {
  await s.stop();
});

const wsUrl = (path: string, token: string) => `${s.url.replace(/^http/, 'ws')}${path}?token=${encodeURIComponent(token)}`;

/** Opens a socket and collects what it is sent until it closes or `ms` pass. */
function listen(path: string, token: string, headers: Record<string, string> = {}, ms = 1_500): Promise<{ frames: string[]; code: number | null; status: number | null }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(wsUrl(path, token), { headers });
    const frames: string[] = [];
    let status: number | null = null;
    const timer = setTimeout(() => {
      ws.close();
      resolve({ frames, code: null, status });
    }, ms);
    ws.on('message', (d: Buffer) => frames.push(d.toString('utf8')));
    ws.on('unexpected-response', (_req, res) => {
      status = res.statusCode ?? null;
      clearTimeout(timer);
      resolve({ frames, code: null, status });
    });
    ws.on('error', () => undefined);
    ws.on('close', (code) => {
      clearTimeout(timer);
      resolve({ frames, code, status });
    });
  });
}

describe('an overlay token', () => {
  it('opens only the overlay feed: no snapshot, no commands, no event stream, no panel feed', async () => {
    const auth = { authorization: `Bearer ${overlayToken}`, 'content-type': 'application/json' };
    expect((await fetch(`${s.url}/api/state`, { headers: auth })).status).toBe(401);
    expect((await fetch(`${s.url}/api/commands/show.get`, { method: 'POST', headers: auth, body: '{}' })).status).toBe(401);
    expect((await fetch(`${s.url}/api/device-tokens`, { headers: auth })).status).toBe(401);
    const events = await listen('/api/events', overlayToken);
    expect(events.frames.join('')).not.toContain('"snapshot"');
    const panel = await listen('/api/device', overlayToken);
    expect(panel.code).toBe(4401);
    expect(panel.frames.join('')).not.toContain('"map"');
  });

  it('learns only the text on air: no token, contact, path or configuration of the station', async () => {
    // A viewer's question with markup in it is pinned, and the producer puts every overlay on air.
    const markup = '<img src=x onerror=alert(1)> is it <b>vegan</b>?';
    const ingested = await s.api('comments.ingest', { comments: [{ platform: 'tiktok', id: 'q1', author: '<script>x</script>', text: markup }] });
    expect(ingested.status, JSON.stringify(ingested.body)).toBe(200);
    const pinned = await s.api('comment.pin', { id: 'tiktok:q1' });
    expect(pinned.status, JSON.stringify(pinned.body)).toBe(200);
    // No wait between the pin's reply and the show: the pin it acknowledged is what overlay.show reads.
    const question = await s.api('overlay.show', { overlay: 'question', visible: true });
    expect(question.status, JSON.stringify(question.body)).toBe(200);
    for (const overlay of ['offer', 'countdown', 'lower-third']) {
      const r = await s.api('overlay.show', { overlay, visible: true });
      expect(r.status, `${overlay}: ${JSON.stringify(r.body)}`).toBe(200);
    }
    const feed = await listen('/api/overlay', overlayToken);
    const text = feed.frames.join('\n');
    expect(text).toContain('"t":"content"');
    const content = (JSON.parse(feed.frames.find((f) => f.includes('"content"'))!) as { content: Record<string, unknown> }).content;
    expect(Object.keys(content).sort()).toEqual(['countdown', 'lowerThird', 'offer', 'question']);
    // The markup arrives as text, and the page draws it with textContent (checked below).
    expect(content.question).toEqual({ author: '<script>x</script>', text: markup });
    for (const t of Object.values(s.tokens)) expect(text).not.toContain(t);
    expect(text).not.toContain(deviceToken);
    const show = JSON.parse(readFileSync('resources/demo-show/show.json', 'utf8')) as { people: { email?: string; phone?: string }[] };
    for (const p of show.people) {
      if (p.email) expect(text).not.toContain(p.email);
      if (p.phone) expect(text).not.toContain(p.phone);
    }
    for (const word of ['dataDir', 'secret', 'token', 'audit', 'hmac', 'obs', 'webhook', 'url']) expect(text.toLowerCase()).not.toContain(`"${word.toLowerCase()}`);
  });

  it('is read-only: a page that talks is closed, and a frame over 1 KB too', async () => {
    const ws = new WebSocket(wsUrl('/api/overlay', overlayToken));
    await new Promise<void>((r) => ws.once('open', () => r()));
    const closed = new Promise<number>((r) => ws.once('close', (code) => r(code)));
    ws.send(JSON.stringify({ t: 'command', name: 'offer.pause', args: { offerId: 'x' } }));
    expect(await closed).toBe(1008);
  });
});

describe('a panel token', () => {
  it('opens neither the overlay feed nor the producer’s token list', async () => {
    const overlay = await listen('/api/overlay', deviceToken);
    expect(overlay.code).toBe(4401);
    expect(overlay.frames.join('')).not.toContain('"content"');
    expect((await fetch(`${s.url}/api/device-tokens`, { headers: { authorization: `Bearer ${deviceToken}` } })).status).toBe(401);
  });
});

describe('another site’s page', () => {
  it('opens no feed and gets no CORS grant on any door', async () => {
    const evil = { origin: 'https://evil.example' };
    for (const path of ['/api/overlay', '/api/device', '/api/events']) {
      const r = await listen(path, path === '/api/overlay' ? overlayToken : path === '/api/device' ? deviceToken : s.tokens.producer, evil);
      expect(r.frames, path).toEqual([]);
      expect(r.status, path).toBe(403);
    }
    for (const [method, path] of [['OPTIONS', '/api/commands/show.get'], ['GET', '/overlay/offer'], ['GET', '/api/health'], ['OPTIONS', '/api/device-tokens']] as const) {
      const r = await fetch(`${s.url}${path}`, { method, headers: { ...evil, 'access-control-request-method': 'POST' } });
      expect(r.headers.get('access-control-allow-origin'), `${method} ${path}`).toBeNull();
      expect(r.headers.get('access-control-allow-credentials'), `${method} ${path}`).toBeNull();
    }
  });
});

describe('the overlay page', () => {
  it('is served only to GET, never cached, holds no data, and draws text only', async () => {
    const r = await fetch(`${s.url}/overlay/question?token=${encodeURIComponent(overlayToken)}`);
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(r.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await r.text();
    // The token stays in the URL: the page does not echo it, so a saved page or a proxy's cache holds none.
    expect(html).not.toContain(overlayToken);
    // Text only: nothing in the page turns feed content into markup.
    expect(html).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|\.html\(/);
    expect(html).toContain('textContent');
    for (const method of ['POST', 'PUT', 'DELETE']) {
      expect((await fetch(`${s.url}/overlay/question`, { method, body: method === 'DELETE' ? undefined : 'x' })).status, method).toBe(405);
    }
    expect(s.alive()).toBe(true);
  });
});
