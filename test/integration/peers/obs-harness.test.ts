// Proves the OBS and RTMP harnesses against the real programs: auth, scenes, streaming bytes, and
// that a clean stop leaves nothing running. Prints the figures the OBS link is designed around.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OBSWebSocket, { OBSWebSocketError } from 'obs-websocket-js/json';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startObsStudio, type ObsStudio } from '../../peers/obs-studio.js';
import { isPidAlive, randomSecret, stopAll, waitUntil } from '../../peers/process-control.js';
import { startRtmpIngest, type RtmpIngest } from '../../peers/rtmp-ingest.js';

function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

function closeCode(client: OBSWebSocket): Promise<number> {
  return new Promise((resolve) => {
    client.once('ConnectionClosed', (error: OBSWebSocketError) => resolve(error.code));
  });
}

describe('OBS Studio harness', () => {
  const workDir = mkdtempSync(join(tmpdir(), 'baton-obs-harness-'));
  const password = randomSecret();
  let ingest: RtmpIngest | undefined;
  let obs: ObsStudio | undefined;
  const clients: OBSWebSocket[] = [];

  function client(): OBSWebSocket {
    const c = new OBSWebSocket();
    clients.push(c);
    return c;
  }

  function started(): { obs: ObsStudio; ingest: RtmpIngest } {
    if (obs === undefined || ingest === undefined) throw new Error('harness did not start');
    return { obs, ingest };
  }

  beforeAll(async () => {
    ingest = await startRtmpIngest({ workDir });
    const t0 = performance.now();
    obs = await startObsStudio({ workDir, password, rtmpUrl: ingest.rtmpUrl });
    console.log(
      `OBS start (Xvfb + trayer + OBS to WebSocket upgrade): ${(performance.now() - t0).toFixed(0)} ms; OBS alone ${obs.lastStartMs.toFixed(0)} ms`,
    );
  });

  afterAll(async () => {
    await Promise.allSettled(clients.map((c) => c.disconnect()));
    await stopAll([obs, ingest]);
    rmSync(workDir, { recursive: true, force: true });
  });

  it('accepts the right password and lists the configured scenes', async () => {
    const { obs } = started();
    const ws = client();
    const t0 = performance.now();
    const hello = await ws.connect(obs.url, password, { rpcVersion: 1 });
    console.log(
      `obs-websocket connect with auth: ${(performance.now() - t0).toFixed(1)} ms (server ${hello.obsWebSocketVersion})`,
    );
    const list = await ws.call('GetSceneList');
    const names = list.scenes.map((scene) => scene['sceneName'] as string);
    expect(new Set(names)).toEqual(new Set(obs.scenes));
    expect(list.currentProgramSceneName).toBe(obs.scenes[0]);
  });

  it('rejects a wrong password with close code 4009', async () => {
    const { obs } = started();
    const ws = client();
    const failure = await ws.connect(obs.url, 'not-the-password', { rpcVersion: 1 }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(OBSWebSocketError);
    expect((failure as OBSWebSocketError).code).toBe(4009);
  });

  it('switches program scenes and reports the round trip', async () => {
    const { obs } = started();
    const ws = client();
    await ws.connect(obs.url, password, { rpcVersion: 1 });
    const samples: number[] = [];
    for (let i = 0; i < 20; i += 1) {
      const scene = obs.scenes[(i + 1) % obs.scenes.length] ?? '';
      const t0 = performance.now();
      await ws.call('SetCurrentProgramScene', { sceneName: scene });
      samples.push(performance.now() - t0);
    }
    const current = await ws.call('GetCurrentProgramScene');
    expect(current.currentProgramSceneName).toBe(obs.scenes[20 % obs.scenes.length]);
    samples.sort((a, b) => a - b);
    console.log(
      `SetCurrentProgramScene RTT over ${samples.length}: median ${percentile(samples, 50).toFixed(1)} ms, p95 ${percentile(samples, 95).toFixed(1)} ms, max ${percentile(samples, 100).toFixed(1)} ms`,
    );
  });

  it('streams to the ingest: bytes_in for key "test" within 5 s of StartStream', async () => {
    const { obs, ingest } = started();
    const ws = client();
    await ws.connect(obs.url, password, { rpcVersion: 1 });
    const t0 = performance.now();
    await ws.call('StartStream');
    await waitUntil(async () => (await ingest.bytesIn(obs.streamKey)) > 0, {
      timeoutMs: 5_000,
      intervalMs: 100,
      description: 'ingest bytes_in for the OBS stream',
    });
    console.log(
      `StartStream to first bytes at the ingest: ${(performance.now() - t0).toFixed(0)} ms`,
    );
    await ws.call('StopStream');
  });

  it('comes back on the same port after a crash (SIGKILL then restart)', async () => {
    const { obs } = started();
    const ws = client();
    await ws.connect(obs.url, password, { rpcVersion: 1 });
    const closed = closeCode(ws);
    const oldPid = obs.pid;
    await obs.kill();
    expect(await closed).toBe(1006);
    expect(isPidAlive(oldPid)).toBe(false);
    await obs.restart();
    console.log(`OBS restart after SIGKILL: ${obs.lastStartMs.toFixed(0)} ms to WebSocket upgrade`);
    const again = client();
    await again.connect(obs.url, password, { rpcVersion: 1 });
    const list = await again.call('GetSceneList');
    expect(list.scenes).toHaveLength(obs.scenes.length);
  });

  it('stops cleanly on SIGINT and leaves no process behind', async () => {
    const { obs } = started();
    const ws = client();
    await ws.connect(obs.url, password, { rpcVersion: 1 });
    const closed = closeCode(ws);
    const pids = obs.livePids();
    expect(pids).toHaveLength(3);
    await obs.stop();
    expect(await closed).toBe(1001);
    expect(pids.filter(isPidAlive)).toEqual([]);
    expect(obs.livePids()).toEqual([]);
  });
});
