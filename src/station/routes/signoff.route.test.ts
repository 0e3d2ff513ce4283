import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { DispatchResult } from '../../core/dispatch/dispatcher';
import type { Caller } from '../../core/dispatch/handler';
import { createSignoffRoutes } from './signoff.route';
import { createRouteTable } from '../transport/route-table';
import { parseTarget, sendError } from '../transport/http-util';

const servers: Server[] = [];
const JSON_TYPE = { 'content-type': 'application/json' };
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

/** The route in front of a recording dispatcher: view answers with Priya, decisions echo their caller. */
async function serve(view: DispatchResult = { ok: true, result: { approver: 'Priya Shah' } }) {
  const calls: { name: string; args: unknown; caller: Caller }[] = [];
  const table = createRouteTable(createSignoffRoutes({
    dispatch: (name, args, caller) => {
      calls.push({ name, args, caller });
      return Promise.resolve(name === 'script.signoffView' ? view : { ok: true, result: { by: caller.actor } });
    },
  }));
  const server = createServer((req, res) => {
    const parsed = parseTarget(req.url);
    if (!parsed.ok) return void res.writeHead(400).end();
    const m = table.match(req.method ?? 'GET', parsed.target.path);
    if (m.kind === 'none') return void res.writeHead(418).end();
    if (m.kind === 'method') return void res.writeHead(405, { allow: m.allow.join(', ') }).end();
    void Promise.resolve(m.route.handle({ req, res, target: parsed.target, rest: m.rest })).catch((e: unknown) => sendError(res, { code: 'invalid_args', message: String(e) }));
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/signoff`, calls };
}

describe('sign-off route', () => {
  it('dispatches the decision in the approver’s own name, learnt from the link', async () => {
    const s = await serve();
    const res = await fetch(s.url, { method: 'POST', headers: JSON_TYPE, body: JSON.stringify({ link: 'L'.repeat(32), decision: 'approve' }) });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ ok: true, result: { by: 'Priya Shah (own sign-off link)' } });
    expect(s.calls.map((c) => c.name)).toEqual(['script.signoffView', 'script.signoff']);
  });

  it('stops at a refused link, answers bad JSON with 400 and other methods with 405, and leaves other paths alone', async () => {
    const refused = await serve({ ok: false, error: { code: 'conflict', message: 'This sign-off link expired.' } });
    const r = await fetch(refused.url, { method: 'POST', headers: JSON_TYPE, body: JSON.stringify({ link: 'x', decision: 'approve' }) });
    expect(r.status).toBe(409);
    expect(refused.calls.map((c) => c.name)).toEqual(['script.signoffView']);

    const s = await serve();
    expect((await fetch(s.url, { method: 'POST', headers: JSON_TYPE, body: '{"link":' })).status).toBe(400);
    expect((await fetch(s.url, { method: 'PUT', body: '{}' })).status).toBe(405);
    expect((await fetch(s.url.replace('/api/signoff', '/api/other'))).status).toBe(418);
    expect(s.calls).toEqual([]);
  });

  it('refuses a decision that is not JSON (a cross-site form posts text/plain)', async () => {
    const s = await serve();
    const r = await fetch(s.url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ link: 'L'.repeat(32), decision: 'approve' }) });
    expect(r.status).toBe(415);
    expect(s.calls).toEqual([]);
  });
});
