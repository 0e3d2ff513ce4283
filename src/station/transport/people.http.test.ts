// People over the wire: personal tokens against a real HTTP/WebSocket server. The station itself
// refuses what a person's duties forbid, and a revoked or expired link gets a 401 with the reason.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { DEMO_SHOW, createTestClock, createTestCore, producer, type TestClock } from '../../../test/support/test-core';
import type { ApiServer } from './api.server';
import { startTestApi } from '../../../test/support/test-api';
import type { Core } from '../../core/core';
import { ACCESS_ENDED_CLOSE_CODE } from '../../shared/contract/people.contract';

let core: Core;
let api: ApiServer;
let base: string;
let dir: string;
let clock: TestClock;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'baton-people-http-'));
  const show = JSON.parse(readFileSync(DEMO_SHOW, 'utf8')) as Record<string, unknown> & { checklist: unknown[]; people: unknown[] };
  show.toggle = { owner: 'sam' };
  show.checklist.push({ id: 'host-ready', label: 'Host ready', kind: 'manual', owner: 'leo' });
  writeFileSync(join(dir, 'show.json'), JSON.stringify(show));
  copyFileSync('resources/demo-show/script.md', join(dir, 'script.md'));
  copyFileSync('resources/demo-show/comments.jsonl', join(dir, 'comments.jsonl'));
  clock = createTestClock(Date.UTC(2026, 11, 3, 18, 0, 0));
  core = createTestCore({ clock });
  core.show.loadFile(join(dir, 'show.json'));
  ({ api, base } = await startTestApi(core));
  core.state.update('station', (s) => ({ ...s, url: base }));
});
afterEach(async () => {
  await api.close();
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

async function linkOf(personId: string): Promise<string> {
  const r = await core.dispatch('people.invite', { personId }, producer);
  if (!r.ok) throw new Error(r.error.message);
  return new URL(r.result.link).searchParams.get('token')!;
}
const post = async (name: string, body: unknown, token: string) => {
  const r = await fetch(`${base}/api/commands/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: r.status, body: (await r.json()) as { ok: boolean; result?: unknown; error?: { code: string; message: string } } };
};

describe('the station refuses, over HTTP', () => {
  it('the author approving their own script', async () => {
    const maya = await linkOf('maya');
    const source = readFileSync(join(dir, 'script.md'), 'utf8').replace('Hi everyone', 'Hello everyone');
    const saved = await post('script.save', { format: 'markdown', source }, maya);
    expect(saved.status).toBe(200);
    const v = (saved.body.result as { version: { id: string; hash: string; createdBy: string } }).version;
    expect(v.createdBy).toBe('Maya Okafor (maya)');
    const r = await post('script.approve', { versionId: v.id, hash: v.hash, approver: 'Maya Okafor', note: 'signed it myself', given: 'paper' }, maya);
    expect(r.status).toBe(403);
    expect(r.body.error?.message).toMatch(/You wrote version/);
  });

  it('a non-owner pausing an offer when the show names an owner; the owner may', async () => {
    const maya = await linkOf('maya');
    const r = await post('offer.pause', { offerId: 'glow-kit-live', reason: 'wrong price' }, maya);
    expect(r.status).toBe(403);
    expect(r.body.error?.message).toMatch(/Only Sam Lee/);
    expect((await post('offer.pauseRequest', { offerId: 'glow-kit-live', reason: 'wrong price' }, maya)).status).toBe(200);
    const sam = await linkOf('sam');
    const byOwner = await post('offer.pause', { offerId: 'glow-kit-live', reason: 'confirming' }, sam);
    expect(byOwner.status).not.toBe(403);
  });

  it('a moderator ticking a manual check owned by the host; the host may', async () => {
    const ana = await linkOf('ana');
    const r = await post('preflight.tick', { id: 'host-ready', done: true }, ana);
    expect(r.status).toBe(403);
    expect(r.body.error?.message).toMatch(/ticked by Leo Martins/);
    expect((await post('preflight.tick', { id: 'host-ready', done: true }, await linkOf('leo'))).status).toBe(200);
  });

  it('a revoked token (401 "revoked"), an expired token (401 "expired"), an unknown or malformed one; never echoing the token', async () => {
    const dewi = await linkOf('dewi');
    const ana = await linkOf('ana');
    expect((await post('station.whoami', {}, dewi)).body.result).toEqual({ actor: 'Dewi Santoso (dewi)', role: 'moderator' });
    await core.dispatch('people.revoke', { personId: 'dewi' }, producer);
    const revoked = await post('station.whoami', {}, dewi);
    expect(revoked.status).toBe(401);
    expect(revoked.body.error?.message).toMatch(/revoked/);
    expect(JSON.stringify(revoked.body)).not.toContain(dewi);
    expect((await post('station.whoami', {}, 'Z'.repeat(43))).body.error?.message).toMatch(/not valid/);
    expect((await post('station.whoami', {}, 'short')).status).toBe(401);
    clock.advance(Date.UTC(2026, 11, 4, 3, 0, 0) - clock.now());
    const expired = await post('station.whoami', {}, ana);
    expect(expired.status).toBe(401);
    expect(expired.body.error?.message).toMatch(/expired/);
    const rows = core.audit.list({ limit: 20 }).filter((e) => e.command === 'people.refused');
    expect(rows.map((e) => e.outcome)).toEqual(expect.arrayContaining(['refused:revoked', 'refused:expired', 'refused:unknown', 'refused:malformed']));
    expect(JSON.stringify(rows)).not.toContain(dewi);
    expect(JSON.stringify(rows)).not.toContain(ana);
  });
});

describe('revoking closes the person’s open views', () => {
  it('within a second, with the reason; other people’s views stay open', async () => {
    const dewiToken = await linkOf('dewi');
    const anaToken = await linkOf('ana');
    const open = (token: string) =>
      new Promise<{ ws: WebSocket; hello: Record<string, unknown> }>((resolve, reject) => {
        const ws = new WebSocket(`ws://127.0.0.1:${api.port}/api/events?token=${token}`);
        ws.once('error', reject);
        ws.on('message', (d: Buffer) => {
          const m = JSON.parse(d.toString()) as Record<string, unknown>;
          if (m.t === 'hello') resolve({ ws, hello: m });
        });
      });
    const dewi = await open(dewiToken);
    const ana = await open(anaToken);
    expect(dewi.hello).toMatchObject({ actor: 'Dewi Santoso (dewi)', role: 'moderator', person: { id: 'dewi', name: 'Dewi Santoso' } });
    const closed = new Promise<{ code: number; reason: string; at: number }>((resolve) => dewi.ws.once('close', (code, reason) => resolve({ code, reason: reason.toString(), at: Date.now() })));
    const t0 = Date.now();
    await core.dispatch('people.revoke', { personId: 'dewi' }, producer);
    const c = await closed;
    expect(c.code).toBe(ACCESS_ENDED_CLOSE_CODE);
    expect(c.reason).toMatch(/revoked/);
    expect(c.at - t0).toBeLessThan(1000);
    expect(ana.ws.readyState).toBe(WebSocket.OPEN);
    ana.ws.close();
  });
});
