import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../core';
import { createTestCore, DEMO_SHOW, host, producer } from '../../../test/support/test-core';
import { startFakeObs, type FakeObs } from '../../../test/support/fake-obs-server';
import { connectObsWebSocket } from './obs.client';
import { DEFAULT_OBS_TIMING, type ObsTiming } from './obs.ports';
import { OBS_PASSWORD_SECRET, OBS_SETTINGS } from './obs.module';
import { MAX_SCENE_NAME, MAX_SCENES } from './obs.text';
import { until } from '../../../test/support/until';
import { stateView } from '../../shared/contract/role-policy';

const FAST: ObsTiming = {
  ...DEFAULT_OBS_TIMING,
  connectTimeoutMs: 500,
  requestTimeoutMs: 400,
  backoffBaseMs: 20,
  backoffCapMs: 80,
  sampleIntervalMs: 0,
  confirmTimeoutMs: 1_000,
  settleMs: 60,
  startNoticeMs: 150,
  storeBatch: 3,
};

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function fake(options: Parameters<typeof startFakeObs>[0] = {}): Promise<FakeObs> {
  const f = await startFakeObs(options);
  cleanups.push(() => f.close());
  return f;
}

function core(timing: Partial<ObsTiming> = {}, secrets: Record<string, string> = {}): Core {
  const c = createTestCore({
    clock: { now: () => Date.now(), monotonic: () => performance.now() },
    secrets,
    ports: { obs: { connect: connectObsWebSocket, timing: { ...FAST, ...timing }, random: () => 0.5 } },
  });
  cleanups.push(() => c.close());
  return c;
}

async function connected(c: Core, obs: FakeObs, password = 'secret') {
  const r = await c.dispatch('obs.connect', { url: obs.url, password }, producer);
  expect(r).toEqual({ ok: true, result: { link: 'connected', linkError: null } });
  return c;
}
const obsState = (c: Core) => c.snapshot().state.obs;
const alert = (c: Core, key: string) => c.snapshot().state.alerts.items.find((a) => a.key === key && a.clearedAt === null);

describe('obs.connect', () => {
  it('resyncs everything before reporting connected, and remembers the URL and the password', async () => {
    const obs = await fake();
    obs.model.program = 'Offer';
    obs.model.record = true;
    const c = await connected(core(), obs);
    expect(obsState(c)).toMatchObject({
      link: 'connected',
      synced: true,
      url: obs.url,
      linkError: null,
      lostAt: null,
      authDisabled: false,
      obsVersion: 'OBS 29.0.2, obs-websocket 5.1.0',
      scenes: ['Intro', 'Host Cam', 'Product Demo', 'Offer', 'Be Right Back'],
      programScene: 'Offer',
      previewScene: null,
      studioMode: false,
      stream: { phase: 'idle' },
      record: { active: true },
      health: { expectedFps: 30 },
    });
    const settings = c.db.prepare('SELECT key, value FROM settings WHERE key LIKE ?').all('obs.%');
    expect(settings).toEqual(
      expect.arrayContaining([
        { key: OBS_SETTINGS.url, value: obs.url },
        { key: OBS_SETTINGS.autoConnect, value: 'true' },
      ]),
    );
    // The password went to the secret store, and the audit row does not carry it.
    const row = c.audit.list({ limit: 5, command: 'obs.connect' })[0];
    expect(row?.args).toEqual({ url: obs.url, password: '[secret]' });
    expect(JSON.stringify(c.db.prepare('SELECT * FROM settings').all())).not.toContain('secret"');
  });

  it('sends the remembered password only to the host it was given for', async () => {
    const obs = await fake();
    const c = await connected(core(), obs);
    // Re-targeted to another host name without a password: the stored one must not follow.
    const elsewhere = obs.url.replace('127.0.0.1', 'localhost');
    const r = await c.dispatch('obs.connect', { url: elsewhere }, producer);
    expect(r.ok).toBe(false);
    expect(obs.received.filter((q) => q.type === 'Identify').length).toBeLessThanOrEqual(1);
    // Back to the host it was given for: remembered again.
    expect(await c.dispatch('obs.connect', { url: obs.url }, producer)).toEqual({ ok: true, result: { link: 'connected', linkError: null } });
  });

  it('refuses a wrong password with its own message, stays down and does not retry', async () => {
    const obs = await fake();
    const c = core();
    const r = await c.dispatch('obs.connect', { url: obs.url, password: 'nope' }, producer);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('failed');
    expect(r.error.message).toContain('OBS refused the password');
    expect(obsState(c)).toMatchObject({ link: 'disconnected', synced: false, programScene: null });
    expect(alert(c, 'obs.link')?.level).toBe('critical');
    const received = obs.received.length;
    await new Promise((r) => setTimeout(r, 200));
    expect(obs.received.length).toBe(received);
  });

  it('says OBS is not running, keeps trying in the background, and refuses controls meanwhile', async () => {
    const obs = await fake();
    await obs.stop();
    const c = core();
    const r = await c.dispatch('obs.connect', { url: obs.url, password: 'secret' }, producer);
    expect(r).toEqual({ ok: true, result: { link: 'connecting', linkError: `OBS not running at ${obs.url} (connection refused). Start OBS, or check its WebSocket server is on.` } });
    expect(alert(c, 'obs.link')?.message).toContain('OBS not running at');
    const refused = await c.dispatch('obs.switchScene', { scene: 'Offer' }, producer);
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('conflict');
      expect(refused.error.message).toMatch(/^OBS link is down \(lost \d+ s ago\) — not sent\. OBS not running at/);
    }
    await obs.restart();
    await until(() => obsState(c).synced);
    expect(alert(c, 'obs.link')).toBeUndefined();
  });

  it('warns when obs-websocket has authentication off', async () => {
    const obs = await fake({ password: null });
    const c = await connected(core(), obs, '');
    expect(obsState(c).authDisabled).toBe(true);
    expect(alert(c, 'obs.authDisabled')?.message).toContain('anyone on the network can control OBS');
  });

  it('reconnects on start from the remembered settings without holding the start up', async () => {
    const obs = await fake();
    const c = core({}, { [OBS_PASSWORD_SECRET]: 'secret' });
    c.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(OBS_SETTINGS.url, obs.url);
    const t0 = performance.now();
    await c.start();
    expect(performance.now() - t0).toBeLessThan(50);
    await until(() => obsState(c).synced);
    expect(obsState(c).programScene).toBe('Intro');
  });

  it('obs.disconnect closes the link and turns auto-connect off', async () => {
    const obs = await fake();
    const c = await connected(core(), obs);
    expect(await c.dispatch('obs.disconnect', {}, producer)).toEqual({ ok: true, result: { link: 'disconnected' } });
    expect(obsState(c)).toMatchObject({ link: 'disconnected', synced: false, scenes: [], programScene: null });
    expect(c.db.prepare('SELECT value FROM settings WHERE key = ?').get(OBS_SETTINGS.autoConnect)).toEqual({ value: 'false' });
    await until(() => obs.clients() === 0);
  });
});

describe('scenes', () => {
  it('switches with exactly one request, answered when OBS confirms', async () => {
    const obs = await fake();
    const c = await connected(core(), obs);
    const before = obs.received.length;
    const r = await c.dispatch('obs.switchScene', { scene: 'Product Demo' }, producer);
    expect(r).toEqual({ ok: true, result: { programScene: 'Product Demo', previewScene: null } });
    expect(obs.model.program).toBe('Product Demo');
    // (The health sampler's own GetStats/GetStreamStatus may interleave.)
    const sent = obs.received.slice(before).map((q) => q.type).filter((t) => t !== 'GetStats' && t !== 'GetStreamStatus');
    expect(sent).toEqual(['SetCurrentProgramScene']);
    expect(obsState(c).programScene).toBe('Product Demo');
  });

  it('refuses an unknown scene with a clear message, and a host entirely', async () => {
    const obs = await fake();
    const c = await connected(core(), obs);
    const r = await c.dispatch('obs.switchScene', { scene: 'Nope' }, producer);
    expect(r).toEqual({ ok: false, error: { code: 'conflict', message: 'OBS has no scene "Nope" (renamed or removed?). Pick one from the current list.' } });
    const h = await c.dispatch('obs.switchScene', { scene: 'Offer' }, host);
    expect(h.ok ? null : h.error.code).toBe('forbidden');
  });

  it('follows OBS: program changes, list changes and renames made in OBS itself', async () => {
    const obs = await fake();
    const c = await connected(core(), obs);
    obs.model.program = 'Offer';
    obs.emit('CurrentProgramSceneChanged', { sceneName: 'Offer' });
    await until(() => obsState(c).programScene === 'Offer');
    obs.emit('SceneNameChanged', { oldSceneName: 'Offer', sceneName: 'Offer 2' });
    await until(() => obsState(c).programScene === 'Offer 2');
    expect(obsState(c).scenes).toContain('Offer 2');
    obs.model.scenes = ['Intro', 'Outro'];
    obs.emit('SceneListChanged', { scenes: [{ sceneIndex: 0, sceneName: 'Outro' }, { sceneIndex: 1, sceneName: 'Intro' }] });
    await until(() => obsState(c).scenes.length === 2);
    expect(obsState(c).scenes).toEqual(['Intro', 'Outro']);
    obs.model.scenes = ['Intro', 'Outro', 'New'];
    obs.emit('SceneCreated', { sceneName: 'New', isGroup: false });
    await until(() => obsState(c).scenes.length === 3);
  });

  it('treats what OBS says as hostile: a scene name that is not text, megabytes long, or one of thousands never reaches the views', async () => {
    const huge = 'x'.repeat(2 * 1024 * 1024);
    const many = Array.from({ length: 5000 }, (_, i) => `Scene ${i}`);
    const obs = await fake({ scenes: ['Intro', huge, ...many] });
    // The program scene as OBS reports it on connect: an object (a React child that crashes a view).
    obs.model.program = { evil: true } as never;
    const c = await connected(core(), obs);
    await until(() => obsState(c).scenes.length > 0);
    const first = obsState(c);
    expect(first.programScene).toBeNull();
    expect(first.scenes.length).toBeLessThanOrEqual(MAX_SCENES);
    expect(first.scenes.every((n) => typeof n === 'string' && n.length <= MAX_SCENE_NAME)).toBe(true);
    expect(first.scenes).toContain('Intro');
    // Events: a program change to an object, a rename to a megabyte, a list of junk.
    obs.model.program = 'Intro';
    obs.emit('CurrentProgramSceneChanged', { sceneName: { $gt: '' } });
    await until(() => obsState(c).programScene === 'Intro');
    obs.emit('SceneNameChanged', { oldSceneName: 'Intro', sceneName: huge });
    obs.emit('SceneListChanged', { scenes: [{ sceneIndex: 0, sceneName: 7 }, null, 'x', { sceneIndex: 'a', sceneName: 'Outro' }] });
    await until(() => obsState(c).scenes.length === 1);
    expect(obsState(c).scenes).toEqual(['Outro']);
    expect(JSON.stringify(c.snapshot().state.obs).length).toBeLessThan(200_000);
    expect(typeof obsState(c).programScene === 'string' || obsState(c).programScene === null).toBe(true);
  });

  it('in studio mode a switch sets the preview and take puts it on program', async () => {
    const obs = await fake();
    const c = await connected(core(), obs);
    obs.model.studioMode = true;
    obs.model.preview = 'Intro';
    obs.emit('StudioModeStateChanged', { studioModeEnabled: true });
    await until(() => obsState(c).studioMode);
    expect(obsState(c).previewScene).toBe('Intro');
    const sw = await c.dispatch('obs.switchScene', { scene: 'Offer' }, producer);
    expect(sw).toEqual({ ok: true, result: { programScene: 'Intro', previewScene: 'Offer' } });
    expect(obs.model.program).toBe('Intro');
    const take = await c.dispatch('obs.take', {}, producer);
    expect(take).toEqual({ ok: true, result: { programScene: 'Offer' } });
    expect(obs.model.program).toBe('Offer');
    await until(() => obsState(c).previewScene === 'Intro');
    obs.model.studioMode = false;
    obs.emit('StudioModeStateChanged', { studioModeEnabled: false });
    await until(() => !obsState(c).studioMode);
    expect(obsState(c).previewScene).toBeNull();
    const noTake = await c.dispatch('obs.take', {}, producer);
    expect(noTake.ok ? null : noTake.error.message).toContain('not in studio mode');
  });

  it('a switch OBS does not answer is reported, and the link is resynced rather than trusted', async () => {
    const obs = await fake();
    const c = await connected(core(), obs);
    obs.silence('SetCurrentProgramScene');
    const r = await c.dispatch('obs.switchScene', { scene: 'Offer' }, producer);
    expect(r.ok ? null : r.error).toEqual({
      code: 'unavailable',
      message: 'OBS did not confirm the switch to "Offer" within 400 ms; Baton is reconnecting to resync. Check OBS once the link is back.',
    });
    obs.unsilence();
    await until(() => c.audit.list({ limit: 20, command: 'obs.link.lost' }).length === 1);
    await until(() => obsState(c).synced);
  });
});

describe('when the link drops', () => {
  it('shows nothing stale, refuses controls with the lost time, and resyncs to what OBS has now', async () => {
    const obs = await fake();
    const c = await connected(core(), obs);
    await obs.stop();
    await until(() => !obsState(c).synced);
    expect(obsState(c)).toMatchObject({ link: 'connecting', programScene: null, previewScene: null, scenes: [], stream: { phase: 'unknown' }, record: { active: null }, health: { level: 'unknown', sample: null } });
    expect(obsState(c).lostAt).not.toBeNull();
    // The first reconnect try is immediate; under load it may not have failed yet when the link reads down.
    await until(() => obsState(c).linkError?.includes('OBS not running at') === true);
    expect(c.audit.list({ limit: 20, command: 'obs.link.lost' })[0]?.detail).toContain('dropped (OBS crashed, or the network failed)');
    expect(alert(c, 'obs.link')).toMatchObject({ level: 'critical' });
    const count = obs.received.length;
    const r = await c.dispatch('obs.switchScene', { scene: 'Offer' }, producer);
    expect(r.ok ? null : r.error.message).toMatch(/^OBS link is down \(lost \d+ s ago\) — not sent\./);
    // Someone cut to another scene in OBS while the link was down.
    obs.model.program = 'Be Right Back';
    await obs.restart();
    await until(() => obsState(c).synced);
    expect(obsState(c).programScene).toBe('Be Right Back');
    expect(obs.received.slice(count).some((q) => q.type === 'SetCurrentProgramScene')).toBe(false);
    expect(alert(c, 'obs.link')).toBeUndefined();
  });

  it('"Reconnect to OBS now" after a crash retries at once and keeps the loss critical, dated from the crash', async () => {
    // The e2e crash of a real OBS: pressing the banner's reconnect turned the critical "OBS link lost"
    // into a warning "OBS link not up", as if OBS had never been linked.
    const obs = await fake();
    const c = await connected(core(), obs);
    await obs.stop();
    await until(() => obsState(c).linkError?.includes('OBS not running at') === true);
    const lostAt = obsState(c).lostAt;
    expect(alert(c, 'obs.link')).toMatchObject({ level: 'critical' });
    const r = await c.dispatch('obs.connect', { url: obs.url }, producer);
    expect(r.ok && r.result.link).toBe('connecting');
    expect(alert(c, 'obs.link')).toMatchObject({ level: 'critical' });
    expect(alert(c, 'obs.link')?.message).toMatch(/^OBS link lost/);
    expect(obsState(c).lostAt).toBe(lostAt);
    await obs.restart();
    await until(() => obsState(c).synced);
    expect(alert(c, 'obs.link')).toBeUndefined();
  });

  it('goes down at once when OBS says it is exiting', async () => {
    const obs = await fake();
    const c = await connected(core(), obs);
    obs.quit();
    await until(() => c.audit.list({ limit: 20, command: 'obs.link.lost' }).length === 1);
    expect(c.audit.list({ limit: 20, command: 'obs.link.lost' })[0]?.detail).toContain('is shutting down');
  });
});

describe('the stream', () => {
  it('starts and stops, each confirmed by OBS’s own events', async () => {
    const obs = await fake();
    const c = await connected(core(), obs);
    expect(await c.dispatch('obs.startStream', {}, producer)).toEqual({ ok: true, result: { phase: 'live' } });
    expect(obsState(c).stream).toMatchObject({ phase: 'live', retry: 0 });
    const again = await c.dispatch('obs.startStream', {}, producer);
    expect(again.ok ? null : again.error).toEqual({ code: 'conflict', message: 'The stream is already live.' });
    expect(await c.dispatch('obs.stopStream', {}, producer)).toEqual({ ok: true, result: { phase: 'idle' } });
    const idle = await c.dispatch('obs.stopStream', {}, producer);
    expect(idle.ok ? null : idle.error).toEqual({ code: 'conflict', message: 'The stream is not running.' });
    const audit = c.audit.list({ limit: 50 }).map((e) => e.command);
    expect(audit).toEqual(expect.arrayContaining(['obs.stream.started', 'obs.stream.stopped']));
  });

  it('reports a failed start as a failure, red, with an alert — not as "stopped"', async () => {
    const obs = await fake();
    const c = await connected(core(), obs);
    obs.failStarts = true;
    const r = await c.dispatch('obs.startStream', {}, producer);
    expect(r.ok ? null : r.error.code).toBe('failed');
    expect(r.ok ? null : r.error.message).toContain('STARTING → STOPPED without STARTED');
    expect(obsState(c).stream.phase).toBe('failed_start');
    await until(() => obsState(c).health.level === 'red');
    expect(alert(c, 'obs.health.stream')?.level).toBe('critical');
  });

  it('keeps what the stream server’s address carries (an SRT passphrase, a key in its path) out of the audit trail, the stream’s error and the alerts; other roles read no address at all', async () => {
    const obs = await fake();
    obs.model.service.settings = { server: 'srt://ingest.example:9000/live/sk_hunter2hunter2?streamid=live&passphrase=hunter2hunter2' };
    const c = await connected(core(), obs);
    obs.failStarts = true;
    const r = await c.dispatch('obs.startStream', {}, producer);
    expect(r.ok).toBe(false);
    expect(obsState(c).stream.phase).toBe('failed_start');
    await until(() => obsState(c).health.level === 'red');
    // The producer still reads which ingest refused.
    expect(obsState(c).stream.lastError).toContain('srt://ingest.example:9000');
    const trail = JSON.stringify(c.audit.list({ limit: 50 }));
    expect(trail).toContain('obs.stream.failed_start');
    const o = obsState(c);
    for (const text of [trail, JSON.stringify([o.stream, o.health.reasons]), JSON.stringify(c.snapshot().state.alerts)]) expect(text).not.toContain('hunter2');
    for (const role of ['host', 'moderator', 'approver', 'commerce', 'customer-service', 'observer'] as const) {
      const view = stateView(role, c.snapshot().state);
      expect(JSON.stringify({ obs: view.obs, alerts: view.alerts }), role).not.toMatch(/hunter2|ingest\.example/);
    }
  });

  it('sends StartStream again when OBS swallows the first one, and waits out the settle time after STOPPED', async () => {
    const obs = await fake();
    const c = await connected(core(), obs);
    await c.dispatch('obs.startStream', {}, producer);
    await c.dispatch('obs.stopStream', {}, producer);
    const stoppedAt = Date.now();
    obs.swallowStarts = 1;
    const before = obs.received.length;
    expect(await c.dispatch('obs.startStream', {}, producer)).toEqual({ ok: true, result: { phase: 'live' } });
    const starts = obs.received.slice(before).filter((q) => q.type === 'StartStream');
    expect(starts).toHaveLength(2);
    expect((starts[0]?.at ?? 0) - stoppedAt).toBeGreaterThanOrEqual(FAST.settleMs - 5);
  });

  it('the settle wait after STOPPED is timed on the monotonic clock: a wall clock stepped back an hour does not hold the next start for an hour', async () => {
    const obs = await fake();
    const c = await connected(core(), obs);
    await c.dispatch('obs.startStream', {}, producer);
    await c.dispatch('obs.stopStream', {}, producer);
    const wall = Date.now.bind(Date);
    const stepped = vi.spyOn(Date, 'now').mockImplementation(() => wall() - 3_600_000);
    cleanups.push(() => stepped.mockRestore());
    const late = new Promise((r) => setTimeout(() => r('still waiting after 3 s'), 3_000).unref());
    expect(await Promise.race([c.dispatch('obs.startStream', {}, producer), late])).toEqual({ ok: true, result: { phase: 'live' } });
  });

  it('turns a reconnecting ingest red at once with the try number, and green again after', async () => {
    const obs = await fake();
    const c = await connected(core(), obs);
    await c.dispatch('obs.startStream', {}, producer);
    obs.model.stream.reconnecting = true;
    obs.emit('StreamStateChanged', { outputActive: false, outputState: 'OBS_WEBSOCKET_OUTPUT_RECONNECTING' });
    obs.emit('StreamStateChanged', { outputActive: false, outputState: 'OBS_WEBSOCKET_OUTPUT_RECONNECTING' });
    await until(() => obsState(c).health.reasons.includes('ingest unreachable, OBS reconnecting (try 2)'));
    expect(obsState(c).stream).toMatchObject({ phase: 'reconnecting', retry: 2, reconnects: 1 });
    expect(obsState(c).health.level).toBe('red');
    expect(alert(c, 'obs.health.reconnecting')?.message).toBe('ingest unreachable, OBS reconnecting (try 2)');
    obs.model.stream.reconnecting = false;
    obs.emit('StreamStateChanged', { outputActive: true, outputState: 'OBS_WEBSOCKET_OUTPUT_RECONNECTED' });
    await until(() => obsState(c).health.level === 'green');
    expect(alert(c, 'obs.health.reconnecting')).toBeUndefined();
  });

  it('samples health once a second, computes the bitrate, and stores every sample for obs.history', async () => {
    const obs = await fake();
    const c = core({ sampleIntervalMs: 100 });
    await c.start();
    await connected(c, obs);
    await c.dispatch('obs.startStream', {}, producer);
    // 300 kbps: 3 750 bytes per 100 ms.
    const pump = setInterval(() => {
      obs.model.stream.bytes += 3_750;
      obs.model.stream.total += 3;
    }, 100);
    cleanups.push(() => clearInterval(pump));
    await until(() => obsState(c).history.filter((p) => p.bitrateKbps !== null && p.bitrateKbps > 0).length >= 5);
    const bitrates = obsState(c).history.map((p) => p.bitrateKbps).filter((b): b is number => b !== null && b > 0);
    expect(Math.min(...bitrates)).toBeGreaterThan(150);
    expect(Math.max(...bitrates)).toBeLessThan(600);
    expect(obsState(c).health.sample).toMatchObject({ streaming: true, activeFps: 30, cpuPct: 7, memoryMb: 200 });
    const r = await c.dispatch('obs.history', { from: 0 }, host);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.result.samples.length).toBeGreaterThanOrEqual(obsState(c).history.length);
    expect(r.result.samples.some((s) => s.bitrateKbps !== null && s.bitrateKbps > 0)).toBe(true);
    expect(r.result.truncated).toBe(false);
  });
});

describe('the backup ingest', () => {
  async function withIngestShow(c: Core) {
    const show = JSON.parse(readFileSync(DEMO_SHOW, 'utf8')) as { obs: Record<string, unknown> };
    show.obs = {
      ...show.obs,
      ingest: { primary: { server: 'rtmp://127.0.0.1:19350/live' }, backup: { server: 'rtmp://127.0.0.1:19351/live', keySecret: 'obs/stream.backupKey' } },
    };
    const r = await c.dispatch('show.import', { show }, producer);
    expect(r.ok).toBe(true);
  }

  it('stops, swaps the server and key, settles, starts and confirms STARTED', async () => {
    const obs = await fake();
    const c = await connected(core({}, { 'obs/stream.backupKey': 'backup-key' }), obs);
    await withIngestShow(c);
    expect(obsState(c).ingest).toMatchObject({ active: 'primary', hasBackup: true, switching: false });
    await c.dispatch('obs.startStream', {}, producer);
    const before = obs.received.length;
    const r = await c.dispatch('obs.switchIngest', { to: 'backup' }, producer);
    expect(r).toEqual({ ok: true, result: { active: 'backup', phase: 'live' } });
    expect(obs.model.service.settings).toMatchObject({ server: 'rtmp://127.0.0.1:19351/live', key: 'backup-key' });
    const steps = obs.received.slice(before).filter((q) => q.type !== 'GetStats' && q.type !== 'GetStreamStatus');
    expect(steps.map((q) => q.type)).toEqual(['StopStream', 'SetStreamServiceSettings', 'StartStream']);
    expect(obsState(c).ingest).toMatchObject({ active: 'backup', server: 'rtmp://127.0.0.1:19351/live', switching: false });
    expect(JSON.stringify(obsState(c))).not.toContain('backup-key');
    // Back to the primary, whose key the show does not name: OBS keeps the key it has.
    expect(await c.dispatch('obs.switchIngest', { to: 'primary' }, producer)).toEqual({ ok: true, result: { active: 'primary', phase: 'live' } });
    expect(obs.model.service.settings).toMatchObject({ server: 'rtmp://127.0.0.1:19350/live', key: 'backup-key' });
  });

  it('explains what is missing when the show has no backup or its key is not set', async () => {
    const obs = await fake();
    const c = await connected(core(), obs);
    await withIngestShow(c);
    const r = await c.dispatch('obs.switchIngest', { to: 'backup' }, producer);
    expect(r.ok ? null : r.error).toEqual({ code: 'conflict', message: 'The stream key secret "obs/stream.backupKey" for the backup ingest is not set on this station.' });
    const bare = await connected(core(), obs);
    const none = await bare.dispatch('obs.switchIngest', { to: 'backup' }, producer);
    expect(none.ok ? null : none.error.message).toBe('The show lists no ingest servers (obs.ingest in the show file).');
  });
});
