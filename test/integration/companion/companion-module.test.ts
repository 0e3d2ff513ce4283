// The Companion module, built by @companion-module/tools and run as Companion runs it (a forked
// process speaking the module IPC), against a real station process: keys press real commands, the
// feedbacks colour from the station's device feed, and every key says STATION LOST while it is down.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startStationProcess, freePort, type StationProcess } from '../../peers/station-process';
import { until } from '../../support/until';
import { buildModuleIfStale, startCompanionHost, type CompanionHost } from './companion-host';

const RED = (200 << 16) | 0;
const GREEN = (0 << 16) | (140 << 8) | 60;
const DEVICE_TOKEN = `device-${Math.random().toString(36).slice(2)}-panel`;
const TOKENS = {
  producer: `producer-${Math.random().toString(36).slice(2)}`,
  host: `host-${Math.random().toString(36).slice(2)}`,
  moderator: `mod-${Math.random().toString(36).slice(2)}`,
};

let dataDir: string;
let port: number;
let station: StationProcess;
let companion: CompanionHost;

async function api<T>(name: string, args: unknown): Promise<{ status: number; body: { ok: boolean; result?: T } }> {
  const r = await fetch(`${station.url}/api/commands/${name}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKENS.producer}`, 'content-type': 'application/json' },
    body: JSON.stringify(args),
  });
  return { status: r.status, body: (await r.json()) as { ok: boolean; result?: T } };
}

async function start(): Promise<StationProcess> {
  return startStationProcess({ dataDir, port, env: { BATON_PRODUCER_TOKEN: TOKENS.producer } });
}

beforeAll(async () => {
  buildModuleIfStale();
  dataDir = mkdtempSync(join(tmpdir(), 'baton-companion-'));
  port = await freePort();
  // The tokens a first start would create, written ahead so the test knows them.
  const roles = (Object.keys(TOKENS) as (keyof typeof TOKENS)[]).map((role) => ({
    role,
    label: `${role} (test)`,
    token: TOKENS[role],
  }));
  writeFileSync(
    join(dataDir, 'secrets.json'),
    JSON.stringify({
      'api.tokens': JSON.stringify(roles),
      'device.tokens': JSON.stringify([{ kind: 'device', label: 'Deck A', token: DEVICE_TOKEN }]),
    }),
    { mode: 0o600 },
  );
  station = await start();
  companion = await startCompanionHost({ host: '127.0.0.1', port, token: DEVICE_TOKEN });
});

afterAll(async () => {
  await companion?.stop();
  await station?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('Companion module against a real station', () => {
  it('connects with the device token and declares its actions, feedbacks and variables', async () => {
    await until(
      () => companion.status()?.status === 'ok',
      10_000,
      () => `status ok (is ${JSON.stringify(companion.status())})\n${companion.output()}`,
    );
    expect(companion.actionIds()).toEqual(
      expect.arrayContaining(['cue_next', 'cue_prev', 'cue_go', 'scene_cut', 'take', 'offer_pause', 'offer_resume']),
    );
    expect(companion.feedbackIds()).toEqual(
      expect.arrayContaining(['offer_state', 'stream_health', 'on_air', 'current_segment', 'queue_overflow']),
    );
    await until(() => companion.variable('station') === 'connected', 5_000, 'station variable');
    expect(companion.variable('show_clock')).toBe('00:00');
  });

  it('colours the offer key green while live and red once the store confirmed the pause from the key', async () => {
    await companion.addFeedback('fb-offer', 'offer_state', { offerId: '' });
    await companion.addFeedback('fb-onair', 'on_air');
    await companion.addFeedback('fb-link', 'station_link');
    await until(
      () => companion.feedback('fb-offer')?.bgcolor === GREEN,
      10_000,
      () => `green offer key (is ${JSON.stringify(companion.feedback('fb-offer'))})`,
    );

    const pressed = await companion.execute('offer_pause', { offerId: '', reason: 'stock', custom: '' });
    expect(pressed).toMatchObject({ success: true });
    await until(
      () => companion.feedback('fb-offer')?.bgcolor === RED,
      5_000,
      () => `red offer key (is ${JSON.stringify(companion.feedback('fb-offer'))})`,
    );
    const state = await fetch(`${station.url}/api/state`, { headers: { authorization: `Bearer ${TOKENS.producer}` } }).then(
      (r) => r.json() as Promise<{ state: { offers: { items: { state: string; reason: string }[] } } }>,
    );
    expect(state.state.offers.items[0]).toMatchObject({ state: 'paused', reason: 'Stock problem (Stream Deck)' });
    expect(companion.variable('offer_glow-kit-live_state')).toBe('paused');

    const audit = await api<{ entries: { actor: string; command: string; outcome: string }[] }>('audit.list', {
      command: 'offer.pause',
      limit: 5,
    });
    expect(audit.body.result?.entries[0]).toMatchObject({ actor: 'device:Deck A', command: 'offer.pause', outcome: 'ok' });

    expect(await companion.execute('offer_resume', { offerId: '' })).toMatchObject({ success: true });
    await until(() => companion.feedback('fb-offer')?.bgcolor === GREEN, 5_000, 'green again after resume');
  });

  it('runs cue keys and reports the station’s refusal as the key’s error', async () => {
    const clock = await api('show.clock', { action: 'start' });
    expect(clock.status).toBe(200);
    const before = companion.variable('cue_position');
    expect(await companion.execute('cue_next')).toMatchObject({ success: true });
    await until(() => companion.variable('cue_position') !== before, 5_000, 'cue position to move');
    expect(String(companion.variable('cue_current'))).not.toBe('');
    const bad = await companion.execute('scene_cut', { scene: 'No Such Scene' });
    expect(bad.success).toBe(false);
    expect(bad.errorMessage).toBeTruthy();
  });

  it('opens and closes an offer window from keys, with its countdown variable and colours', async () => {
    expect(companion.actionIds()).toEqual(expect.arrayContaining(['window_open', 'window_close', 'talkback']));
    expect(companion.feedbackIds()).toEqual(expect.arrayContaining(['offer_window', 'talkback_unread']));
    await companion.addFeedback('fb-window', 'offer_window', { offerId: '' });
    expect(companion.variable('window_phase')).toBe('none');
    expect(await companion.execute('window_open', { offerId: '', minutes: 5 })).toMatchObject({ success: true });
    await until(() => companion.feedback('fb-window')?.bgcolor === GREEN, 5_000, () => `green window key (is ${JSON.stringify(companion.feedback('fb-window'))})`);
    await until(() => /^0[45]:\d\d$/.test(String(companion.variable('window_left'))), 5_000, () => `window countdown (is ${String(companion.variable('window_left'))})`);
    expect(companion.variable('window_phase')).toBe('open');
    const bad = await companion.execute('window_open', { offerId: '', minutes: 0 });
    expect(bad).toMatchObject({ success: false });
    expect(await companion.execute('window_close', { offerId: '', reason: 'stock', custom: '' })).toMatchObject({ success: true });
    await until(() => companion.variable('offer_glow-kit-live_state') === 'paused', 5_000, 'the window’s close paused the offer');
    await until(() => companion.variable('window_phase') === 'none', 5_000, 'the window ended once confirmed');
    const audit = await api<{ entries: { actor: string; command: string; args: { action?: string } }[] }>('audit.list', { command: 'offer.windowAdjust', limit: 1 });
    expect(audit.body.result?.entries[0]).toMatchObject({ actor: 'device:Deck A', args: { action: 'end' } });
    expect(await companion.execute('offer_resume', { offerId: '' })).toMatchObject({ success: true });
    await until(() => companion.variable('offer_glow-kit-live_state') === 'live', 5_000, 'live again');
  });

  it('sends talkback presets only while a host view is open, amber until the host reads them', async () => {
    await companion.addFeedback('fb-talk', 'talkback_unread');
    const refused = await companion.execute('talkback', { preset: 'wrap_30s' });
    expect(refused.success).toBe(false);
    expect(refused.errorMessage).toMatch(/no host view is open/i);
    const hostView = new WebSocket(`ws://127.0.0.1:${port}/api/events?token=${TOKENS.host}`);
    await new Promise((r) => hostView.once('open', r));
    try {
      await until(async () => (await companion.execute('talkback', { preset: 'wrap_30s' })).success, 5_000, 'talkback accepted with a host view open', 100);
      await until(() => companion.feedback('fb-talk')?.bgcolor === (230 << 16) + (150 << 8), 5_000, () => `amber talkback key (is ${JSON.stringify(companion.feedback('fb-talk'))})`);
      expect(companion.variable('talkback_text')).toBe('WRAP UP — 30 SECONDS');
      const ack = await fetch(`${station.url}/api/commands/talkback.ack`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKENS.host}`, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(ack.status).toBe(200);
      await until(() => companion.feedback('fb-talk')?.bgcolor === undefined, 5_000, 'the key clears once read');
    } finally {
      hostView.close();
    }
  });

  it('refuses commands a panel may not run and tokens it does not know', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/api/device?token=${DEVICE_TOKEN}`);
    const frames: { t: string; id?: string; ok?: boolean; message?: string | null }[] = [];
    ws.on('message', (d: Buffer) => frames.push(JSON.parse(d.toString()) as (typeof frames)[number]));
    await new Promise((r) => ws.once('open', r));
    ws.send(
      JSON.stringify({ t: 'command', id: 'x1', name: 'offer.credentials', args: { offerId: 'glow-kit-live', value: 'secret' } }),
    );
    await until(() => frames.some((f) => f.t === 'result' && f.id === 'x1'), 3_000, 'a result');
    expect(frames.find((f) => f.id === 'x1')).toMatchObject({ ok: false, message: 'A panel may not run offer.credentials.' });
    expect(frames[0]?.t).toBe('hello');
    expect(frames[1]?.t).toBe('full');
    ws.close();

    const stranger = new WebSocket(`ws://127.0.0.1:${port}/api/device?token=${TOKENS.producer}`);
    const code = await new Promise<number>((r) => stranger.once('close', (c: number) => r(c)));
    expect(code).toBe(4401);
  });

  it('shows STATION LOST on every key while the station is down, and recovers by itself', async () => {
    await station.kill();
    await until(() => companion.feedback('fb-offer')?.text === 'STATION LOST', 5_000, 'STATION LOST on the offer key');
    expect(companion.feedback('fb-onair')?.text).toBe('STATION LOST');
    expect(companion.feedback('fb-link')?.text).toBe('STATION LOST');
    expect(companion.variable('cue_current')).toBe('station lost');
    expect(companion.status()?.status).toBe('connection_failure');
    const pressed = await companion.execute('cue_next');
    expect(pressed).toMatchObject({ success: false, errorMessage: 'station lost' });

    station = await start();
    await until(() => companion.status()?.status === 'ok', 15_000, 'reconnected');
    await until(
      () => companion.feedback('fb-offer')?.bgcolor === GREEN,
      5_000,
      () => `offer key back (is ${JSON.stringify(companion.feedback('fb-offer'))})`,
    );
    expect(companion.feedback('fb-link')?.text).toBeUndefined();
  });

  it('a revoked device token closes the panel’s link and shows it as refused', async () => {
    const r = await fetch(`${station.url}/api/device-tokens/revoke`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKENS.producer}`, 'content-type': 'application/json' },
      body: JSON.stringify({ label: 'Deck A' }),
    });
    expect(await r.json()).toEqual({ ok: true, result: { removed: 1 } });
    await until(
      () => companion.status()?.status === 'authentication_failure',
      5_000,
      () => `refused (is ${JSON.stringify(companion.status())})`,
    );
    await until(() => companion.feedback('fb-offer')?.text === 'STATION LOST', 5_000, 'STATION LOST after the revocation');
  });
});
