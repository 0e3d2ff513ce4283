// The OBS link against a real OBS Studio 29 (obs-websocket 5.1) and a real nginx-rtmp ingest,
// through Baton's HTTP API: passwords, scene switching checked by an independent client, stream
// health, an ingest outage, OBS crashing and coming back, and the backup ingest.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPidAlive, waitUntil } from '../../peers/process-control';
import { startObsRig, type ObsRig } from '../../peers/obs-rig';

let rig: ObsRig;
const pids: number[] = [];

beforeAll(async () => {
  rig = await startObsRig({ withBackup: true });
  pids.push(...rig.obs.livePids(), rig.ingest.pid, rig.backup?.pid ?? -1);
});

afterAll(async () => {
  if (!rig) return;
  await rig.close();
  // Everything the rig started is gone (the restarted OBS has a new PID: check the live list too).
  expect(pids.filter((p) => p > 0 && isPidAlive(p))).toEqual([]);
  expect(rig.obs.livePids()).toEqual([]);
});

describe('Baton ↔ real OBS Studio', () => {
  it('refuses the wrong password with its own message, and does not keep trying', async () => {
    const r = await rig.api('obs.connect', { url: rig.obs.url, password: 'not-the-password' });
    expect(r.status).toBe(502);
    expect(r.body.error?.message).toBe(`OBS refused the password for ${rig.obs.url} (wrong password). Check Tools → WebSocket Server Settings in OBS.`);
    expect(rig.obsState()).toMatchObject({ link: 'disconnected', synced: false, programScene: null });
  });

  it('connects with the right password and resyncs the scene list in OBS’s order', async () => {
    const r = await rig.api('obs.connect', { url: rig.obs.url, password: rig.password });
    expect(r.status).toBe(200);
    expect(r.body.result).toEqual({ link: 'connected', linkError: null });
    expect(rig.obsState()).toMatchObject({
      link: 'connected',
      synced: true,
      authDisabled: false,
      scenes: [...rig.obs.scenes],
      programScene: rig.obs.scenes[0],
      studioMode: false,
      stream: { phase: 'idle' },
      health: { expectedFps: 30 },
      ingest: { active: 'primary', hasBackup: true },
    });
    expect(rig.obsState().obsVersion).toMatch(/^OBS 29\.\d+\.\d+, obs-websocket 5\./);
  });

  it('obs.switchScene over HTTP changes OBS’s program scene, as another client sees it', async () => {
    const observer = await rig.observer();
    const seen: string[] = [];
    observer.on('CurrentProgramSceneChanged', ({ sceneName }) => seen.push(sceneName));
    for (const scene of ['Product Demo', 'Offer', 'Host Cam']) {
      const r = await rig.api('obs.switchScene', { scene });
      expect(r.status).toBe(200);
      expect(r.body.result).toEqual({ programScene: scene, previewScene: null });
      expect((await observer.call('GetCurrentProgramScene')).currentProgramSceneName).toBe(scene);
    }
    // OBS 29 may fold quick successive cuts into one event; the last one always arrives.
    await waitUntil(() => Promise.resolve(seen.at(-1) === 'Host Cam'), { timeoutMs: 1_000, description: 'the observer sees the last cut' });
    expect(rig.obsState().programScene).toBe('Host Cam');
    const missing = await rig.api('obs.switchScene', { scene: 'No Such Scene' });
    expect(missing.status).toBe(409);
    expect(missing.body.error?.message).toContain('OBS has no scene "No Such Scene"');
  });

  it('follows a cut made in OBS by someone else', async () => {
    const observer = await rig.observer();
    await observer.call('SetCurrentProgramScene', { sceneName: 'Intro' });
    await rig.waitFor((s) => s.programScene === 'Intro', 2_000, 'Baton follows the cut');
  });

  it('start streaming: Baton reports a bitrate above 0 within 5 s', async () => {
    const t0 = performance.now();
    const r = await rig.api('obs.startStream');
    expect(r.body).toEqual({ ok: true, result: { phase: 'live' } });
    await rig.waitFor((s) => (s.health.sample?.bitrateKbps ?? 0) > 0, 5_000 - (performance.now() - t0), 'bitrate > 0');
    const elapsed = performance.now() - t0;
    const sample = rig.obsState().health.sample;
    console.log(`StartStream → Baton bitrate ${sample?.bitrateKbps} kbps after ${elapsed.toFixed(0)} ms`);
    expect(sample).toMatchObject({ streaming: true, reconnecting: false });
    expect(await rig.ingest.bytesIn(rig.obs.streamKey)).toBeGreaterThan(0);
  });

  it('kill the ingest: "reconnecting" within 2 s, red with the reason; recovers once it returns', async () => {
    await rig.waitFor((s) => s.history.filter((p) => (p.bitrateKbps ?? 0) > 0).length >= 3, 5_000, 'a few live samples');
    await rig.ingest.kill();
    const toReconnecting = await rig.waitFor((s) => s.stream.phase === 'reconnecting', 2_000, 'reconnecting');
    await rig.waitFor((s) => s.health.level === 'red', 2_000, 'health red');
    console.log(`ingest killed → Baton "reconnecting" in ${toReconnecting.toFixed(0)} ms; reasons: ${rig.obsState().health.reasons.join('; ')}`);
    expect(rig.obsState().health.reasons.some((r) => /^ingest unreachable, OBS reconnecting \(try \d+\)$/.test(r))).toBe(true);
    const alert = rig.station.core.snapshot().state.alerts.items.find((a) => a.key === 'obs.health.reconnecting' && a.clearedAt === null);
    expect(alert?.level).toBe('critical');
    await rig.ingest.restart();
    const toLive = await rig.waitFor((s) => s.stream.phase === 'live', 15_000, 'live again');
    await rig.waitFor((s) => s.health.reasons.every((r) => !r.startsWith('ingest unreachable')), 3_000, 'reconnect reason cleared');
    console.log(`ingest back → Baton "live" in ${toLive.toFixed(0)} ms (${rig.obsState().stream.reconnects} reconnect(s) this stream)`);
    expect(rig.obsState().stream.reconnects).toBeGreaterThanOrEqual(1);
  });

  it('moves the stream to the backup ingest and confirms it started there', async () => {
    const backup = rig.backup;
    if (!backup) throw new Error('rig has no backup ingest');
    const t0 = performance.now();
    const r = await rig.api('obs.switchIngest', { to: 'backup' });
    expect(r.body).toEqual({ ok: true, result: { active: 'backup', phase: 'live' } });
    console.log(`switch to backup ingest: ${(performance.now() - t0).toFixed(0)} ms to STARTED`);
    await waitUntil(async () => (await backup.bytesIn(rig.obs.streamKey)) > 0, { timeoutMs: 5_000, description: 'bytes at the backup ingest' });
    const observer = await rig.observer();
    const service = await observer.call('GetStreamServiceSettings');
    expect(service.streamServiceSettings['server']).toBe(backup.rtmpUrl);
    expect(rig.obsState().ingest).toMatchObject({ active: 'backup', server: backup.rtmpUrl, switching: false });
    expect((await rig.api('obs.switchIngest', { to: 'primary' })).body).toEqual({ ok: true, result: { active: 'primary', phase: 'live' } });
  });

  it('a start against a dead ingest is a failed start, not "stopped"', async () => {
    expect((await rig.api('obs.stopStream')).body).toEqual({ ok: true, result: { phase: 'idle' } });
    await rig.ingest.kill();
    const r = await rig.api('obs.startStream');
    expect(r.status).toBe(502);
    expect(r.body.error?.message).toContain('STARTING → STOPPED without STARTED');
    expect(rig.obsState().stream.phase).toBe('failed_start');
    await rig.waitFor((s) => s.health.level === 'red', 2_000, 'red after a failed start');
    await rig.ingest.restart();
  });

  it('kill OBS and restart it: controls off at once, a switch meanwhile is refused, back and resynced within 5 s', async () => {
    const observer = await rig.observer();
    await observer.call('SetCurrentProgramScene', { sceneName: 'Offer' });
    await rig.waitFor((s) => s.programScene === 'Offer', 2_000, 'program Offer');
    await rig.obs.kill();
    const toDown = await rig.waitFor((s) => !s.synced, 2_000, 'link down after the kill');
    expect(rig.obsState()).toMatchObject({ programScene: null, previewScene: null, scenes: [], stream: { phase: 'unknown' } });
    expect(rig.obsState().lostAt).not.toBeNull();

    await new Promise((r) => setTimeout(r, 1_100));
    const refused = await rig.api('obs.switchScene', { scene: 'Product Demo' });
    expect(refused.status).toBe(409);
    expect(refused.body.error?.message).toMatch(/^OBS link is down \(lost [1-9]\d* s ago\) — not sent\./);

    const t0 = performance.now();
    await rig.obs.restart();
    const obsUp = performance.now() - t0;
    await rig.waitFor((s) => s.synced, 5_000, 'Baton reconnected and resynced');
    const total = performance.now() - t0;
    console.log(`OBS killed → Baton link down in ${toDown.toFixed(0)} ms; OBS restart ${obsUp.toFixed(0)} ms; Baton resynced ${(total - obsUp).toFixed(0)} ms later (${total.toFixed(0)} ms from restart)`);
    expect(total).toBeLessThan(5_000);

    const fresh = await rig.observer();
    const program = (await fresh.call('GetCurrentProgramScene')).currentProgramSceneName;
    // The refused switch was not queued and replayed on reconnect.
    expect(program).not.toBe('Product Demo');
    expect(rig.obsState()).toMatchObject({ link: 'connected', synced: true, programScene: program, scenes: [...rig.obs.scenes] });
    const again = await rig.api('obs.switchScene', { scene: 'Product Demo' });
    expect(again.status).toBe(200);
    expect((await fresh.call('GetCurrentProgramScene')).currentProgramSceneName).toBe('Product Demo');
  });

  it('stores the health samples for the post-show timeline', async () => {
    const r = await rig.api<{ samples: { at: number; bitrateKbps: number | null; level: string }[]; truncated: boolean }>('obs.history', { from: 0 });
    expect(r.status).toBe(200);
    const samples = r.body.result?.samples ?? [];
    expect(samples.length).toBeGreaterThan(5);
    expect(samples.some((s) => (s.bitrateKbps ?? 0) > 0)).toBe(true);
    expect(samples.some((s) => s.level === 'red')).toBe(true);
  });
});
