// A button panel over a real WebSocket against a real core: under a named toggle owner, a panel
// pauses and resumes offers only as the person it was issued for, and the audit names that person.
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { DEMO_SHOW, createTestCore } from '../../../test/support/test-core';
import { createMemorySecretStore } from '../../core/platform/secret-store';
import { silentLogger } from '../../core/platform/logger';
import type { Core } from '../../core/core';
import { createDeviceTokenService, type DeviceTokenService } from '../auth/device-token.service';
import { createRateLimiter, DEFAULT_LIMITS } from '../transport/rate-limit';
import { createDeviceSocket, type DeviceSocket } from './device-socket';

interface Rig {
  core: Core;
  devices: DeviceTokenService;
  url: string;
}

const open: { server: Server; socket: DeviceSocket; core: Core; dir: string }[] = [];
afterEach(async () => {
  for (const r of open.splice(0)) {
    await r.socket.close();
    await new Promise<void>((res) => r.server.close(() => res()));
    await r.core.close();
    rmSync(r.dir, { recursive: true, force: true });
  }
});

async function rig(toggle: Record<string, string> | null): Promise<Rig> {
  const dir = mkdtempSync(join(tmpdir(), 'baton-panel-'));
  const show = JSON.parse(readFileSync(DEMO_SHOW, 'utf8')) as Record<string, unknown>;
  if (toggle) show.toggle = toggle;
  writeFileSync(join(dir, 'show.json'), JSON.stringify(show));
  copyFileSync('resources/demo-show/script.md', join(dir, 'script.md'));
  copyFileSync('resources/demo-show/comments.jsonl', join(dir, 'comments.jsonl'));
  const devices = createDeviceTokenService({ secrets: createMemorySecretStore() });
  const core = createTestCore({ devices });
  core.show.loadFile(join(dir, 'show.json'));
  const socket = createDeviceSocket({ core, devices, log: silentLogger, limiter: createRateLimiter(DEFAULT_LIMITS, () => Date.now()) });
  const server = createServer((_req, res) => res.end());
  server.on('upgrade', (req, s, head) => {
    if (!socket.upgrade(req, s, head, new URL(req.url ?? '/', 'http://station'))) s.destroy();
  });
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', () => res()));
  open.push({ server, socket, core, dir });
  const port = (server.address() as { port: number }).port;
  return { core, devices, url: `ws://127.0.0.1:${port}/api/device` };
}

interface Result {
  ok: boolean;
  message: string | null;
}

async function panel(url: string, token: string) {
  const ws = new WebSocket(`${url}?token=${encodeURIComponent(token)}`);
  const waiting = new Map<string, (r: Result) => void>();
  ws.on('message', (d: Buffer) => {
    const f = JSON.parse(d.toString('utf8')) as { t: string; id?: string } & Result;
    if (f.t === 'result' && f.id) waiting.get(f.id)?.(f);
  });
  await new Promise<void>((res, rej) => {
    ws.once('open', () => res());
    ws.once('error', rej);
  });
  let n = 0;
  const run = (name: string, args: unknown) =>
    new Promise<Result>((res) => {
      const id = `c${++n}`;
      waiting.set(id, res);
      ws.send(JSON.stringify({ t: 'command', id, name, args }));
    });
  return { run, close: () => ws.close() };
}

const offerId = 'glow-kit-live';
const forbidden = (r: Result) => r.ok === false && /toggle/.test(r.message ?? '');

describe('a button panel under a named toggle owner', () => {
  it('a panel issued for nobody cannot pause or resume, and is told how to ask (the rule used to apply to people only)', async () => {
    const s = await rig({ owner: 'sam', deputy: 'maya' });
    const deck = s.devices.issue('device', 'Stream Deck A');
    const p = await panel(s.url, deck.token);
    const pause = await p.run('offer.pause', { offerId, reason: 'wrong price' });
    expect(forbidden(pause)).toBe(true);
    expect(pause.message).toMatch(/Stream Deck A.*Sam Lee \(deputy Maya Okafor\)/);
    expect(forbidden(await p.run('offer.resume', { offerId }))).toBe(true);
    // The one-click request stays open to it: the toggle owner confirms.
    expect(await p.run('offer.pauseRequest', { offerId, reason: 'price on screen is wrong' })).toMatchObject({ ok: true });
    const refusals = s.core.audit.list({ limit: 20 }).filter((e) => e.command === 'offer.pause' && e.outcome === 'refused:forbidden');
    expect(refusals.map((e) => e.actor)).toEqual(['device:Stream Deck A']);
    p.close();
  });

  it('a panel issued for the toggle owner acts as them, and the audit names the person and the panel', async () => {
    const s = await rig({ owner: 'sam' });
    const deck = s.devices.issue('device', 'Sam deck', 'sam');
    const p = await panel(s.url, deck.token);
    const pause = await p.run('offer.pause', { offerId, reason: 'stock check' });
    expect(forbidden(pause)).toBe(false);
    const rows = s.core.audit.list({ limit: 20 }).filter((e) => e.command === 'offer.pause');
    expect(rows[0]?.actor).toBe('Sam Lee (sam) via panel Sam deck');
    p.close();
  });

  it('a panel issued for someone who is not the owner is refused as that person would be', async () => {
    const s = await rig({ owner: 'sam' });
    const deck = s.devices.issue('device', 'Host deck', 'leo');
    const p = await panel(s.url, deck.token);
    const pause = await p.run('offer.pause', { offerId, reason: 'x' });
    expect(forbidden(pause)).toBe(true);
    expect(pause.message).toMatch(/Only Sam Lee/);
    p.close();
  });

  it('devices.issue binds a panel to a person of the loaded show only, never an overlay', async () => {
    const s = await rig({ owner: 'sam' });
    const producer = { actor: 'Maya (producer)', role: 'producer' as const, via: 'test' as const };
    const bound = await s.core.dispatch('devices.issue', { kind: 'device', label: 'Sam deck', person: 'sam' }, producer);
    expect(bound).toMatchObject({ ok: true, result: { device: { label: 'Sam deck', person: 'sam' } } });
    expect(await s.core.dispatch('devices.issue', { kind: 'device', label: 'X', person: 'nobody' }, producer)).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
    expect(await s.core.dispatch('devices.issue', { kind: 'overlay', label: 'X', person: 'sam' }, producer)).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
  });

  it('without a named toggle owner, a panel pauses as before', async () => {
    const s = await rig(null);
    const deck = s.devices.issue('device', 'Deck');
    const p = await panel(s.url, deck.token);
    expect(forbidden(await p.run('offer.pause', { offerId, reason: 'x' }))).toBe(false);
    p.close();
  });
});
