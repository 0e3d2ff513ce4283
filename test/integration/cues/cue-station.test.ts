// The cue deck against a real station process: a clicker's HTTP `cue.next` reaches a host view's
// WebSocket as a patch; an unapproved version is refused with 409; a confirmed pause through the
// demo's sandbox store switches the card; and after `kill -9` the restarted station puts the host
// back on the same cue of the same approved version (WAL on a real data folder).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { ServerMessage, StationState } from '../../../src/shared/contract/index';
import { findFreePort, randomSecret, spawnManaged, waitUntil, type ManagedProcess } from '../../peers/process-control';

const ROOT = resolve(import.meta.dirname, '../../..');
const DEMO = join(ROOT, 'resources/demo-show/show.json');
type Api = <T>(name: string, args: unknown, token?: string) => Promise<{ status: number; body: { ok: boolean; result?: T; error?: { code: string; message: string } } }>;

describe('cue deck on a real station', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'baton-cues-int-'));
  const producer = randomSecret();
  let host = '';
  let moderator = '';
  let port = 0;
  let proc: ManagedProcess | null = null;
  const url = () => `http://127.0.0.1:${port}`;

  const start = async (name: string) => {
    proc = spawnManaged({
      name,
      command: process.execPath,
      args: ['--import', 'tsx', join(ROOT, 'src/station/headless.cli.ts'), '--headless', '--port', String(port), '--data', dataDir, '--show', DEMO],
      logPath: join(dataDir, `${name}.log`),
      cwd: ROOT,
      env: { ...process.env, BATON_PRODUCER_TOKEN: producer, BATON_QUIET: '1' },
    });
    const p = proc;
    await waitUntil(async () => (await fetch(`${url()}/api/health`).catch(() => null))?.ok === true, {
      timeoutMs: 30_000,
      description: 'station health',
      process: p,
    });
  };
  const api: Api = async (name, args, token = producer) => {
    const r = await fetch(`${url()}/api/commands/${name}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(args),
    });
    return { status: r.status, body: (await r.json()) as never };
  };
  const state = async (): Promise<StationState> => {
    const r = await fetch(`${url()}/api/state`, { headers: { authorization: `Bearer ${producer}` } });
    return ((await r.json()) as { state: StationState }).state;
  };

  beforeAll(async () => {
    port = await findFreePort();
    // Known tokens for host and moderator, written the way a first start writes them.
    host = randomSecret();
    moderator = randomSecret();
    const tokens = [
      { role: 'producer', label: 'producer (test)', token: randomSecret() },
      { role: 'host', label: 'host (test)', token: host },
      { role: 'moderator', label: 'moderator (test)', token: moderator },
    ];
    writeFileSync(join(dataDir, 'secrets.json'), JSON.stringify({ 'api.tokens': JSON.stringify(tokens) }), { mode: 0o600 });
    await start('station-1');
  });

  afterAll(async () => {
    await proc?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('the demo show arrives approved and loaded, the sign-off marked as from the show file', async () => {
    const s = await state();
    expect(s.cues.loaded).toMatchObject({ number: 1, approval: { approver: 'Priya Shah', source: 'show-file' } });
    expect(s.cues.current?.id).toBe('opening.1');
  });

  it('a clicker’s HTTP cue.next reaches a host view’s WebSocket as a patch and an event', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/api/events?token=${host}`);
    const seen: ServerMessage[] = [];
    ws.on('message', (d: Buffer) => seen.push(JSON.parse(d.toString('utf8')) as ServerMessage));
    await new Promise<void>((res, rej) => {
      ws.once('open', () => res());
      ws.once('error', rej);
    });
    await waitUntil(() => Promise.resolve(seen.some((m) => m.t === 'snapshot')), { timeoutMs: 5_000, description: 'snapshot' });

    const r = await api<{ cueId: string }>('cue.next', {}, host);
    expect(r.status).toBe(200);
    expect(r.body.result?.cueId).toBe('opening.2');
    await waitUntil(() => Promise.resolve(seen.some((m) => m.t === 'patch' && m.domain === 'cues' && m.value.current?.id === 'opening.2')), {
      timeoutMs: 5_000,
      description: 'cues patch',
    });
    expect(seen.some((m) => m.t === 'event' && m.event.name === 'cue.changed' && m.event.cueId === 'opening.2')).toBe(true);

    const forbidden = await api('cue.next', {}, moderator);
    expect(forbidden.status).toBe(403);
    ws.close();
  });

  it('refuses to load an unapproved version with 409 and the reason', async () => {
    const saved = await api<{ version: { id: string; number: number } }>('script.save', { format: 'markdown', source: '# X\n\n## Y\n\n- cta: The [Product Name] for [Price].\n' });
    expect(saved.status).toBe(200);
    const r = await api('script.load', { versionId: saved.body.result!.version.id });
    expect(r.status).toBe(409);
    expect(r.body.error?.message).toMatch(/Version 2 \([0-9a-f]{8}\) is not approved — it is a draft/);
    expect((await state()).cues.loaded?.number).toBe(1);
  });

  it('a confirmed pause in the sandbox store switches the card; resume switches it back', async () => {
    expect((await api('cue.goto', { cueId: 'glow-kit-offer.1' })).status).toBe(200);
    const paused = await api<{ state: string }>('offer.pause', { offerId: 'glow-kit-live', reason: 'integration test' });
    expect(paused.status, JSON.stringify(paused.body)).toBe(200);
    await waitUntil(async () => (await state()).cues.override?.reason === 'offer_paused', { timeoutMs: 5_000, description: 'override' });
    const s = await state();
    expect(s.offers.items[0]?.state).toBe('paused');
    expect(s.cues.override).toMatchObject({ cueId: 'offer-paused.1', text: expect.stringMatching(/^Quick pause on the Glow Kit/) });
    expect((await api('offer.resume', { offerId: 'glow-kit-live' })).status).toBe(200);
    await waitUntil(async () => (await state()).cues.override === null, { timeoutMs: 5_000, description: 'override cleared' });
  });

  it('after kill -9, the restarted station resumes on the same cue of the same version', async () => {
    expect((await api('cue.goto', { cueId: 'demo-lip-tint.2' })).status).toBe(200);
    expect((await api('show.clock', { action: 'start' })).status).toBe(200);
    const before = (await state()).cues;
    await proc!.kill();
    await start('station-2');
    const after = (await state()).cues;
    expect(after.current?.id).toBe('demo-lip-tint.2');
    expect(after.loaded?.hash).toBe(before.loaded?.hash);
    expect(after.showStartedAt).toBe(before.showStartedAt);
    // The show file's script was re-read: same hash, so no new version.
    expect((await state()).scripts.versions.map((v) => v.number)).toEqual([2, 1]);
  });
});
