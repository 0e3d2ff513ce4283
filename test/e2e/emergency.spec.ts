// Emergencies against a real OBS Studio (Xvfb) and two real nginx-rtmp ingests: mid-show the
// primary ingest dies → within 2 s the producer's console and the host's card show a full-width
// banner with the cause, the time since and "Switch to backup ingest"; pressing it moves the
// stream to the backup (bytes arrive there) and clears the banner. Health is never GREEN while the
// show clock runs and the stream is not live.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { startObsStudio, type ObsStudio } from '../peers/obs-studio';
import { startRtmpIngest, type RtmpIngest } from '../peers/rtmp-ingest';
import { randomSecret, stopAll, waitUntil } from '../peers/process-control';
import { startStationProcess, type StationProcess } from '../peers/station-process';
import OBSWebSocket from 'obs-websocket-js';
import { writeBusyShow } from './busy-show';
import { hostEmergencyScreen, openRigView, producerEmergencyScreen } from './screen-checks';

let workDir: string;
let primary: RtmpIngest | null = null;
let backup: RtmpIngest | null = null;
let obs: ObsStudio | null = null;
let station: StationProcess | null = null;
let showDir: string | null = null;
const password = randomSecret();

test.beforeEach(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'baton-emergency-e2e-'));
  primary = await startRtmpIngest({ workDir: join(workDir, 'primary') });
  backup = await startRtmpIngest({ workDir: join(workDir, 'backup') });
  obs = await startObsStudio({ workDir, password, rtmpUrl: primary.rtmpUrl });
  const show = writeBusyShow((s) => ({
    ...s,
    obs: { ...(s.obs as object), url: obs?.url, ingest: { primary: { server: primary?.rtmpUrl }, backup: { server: backup?.rtmpUrl } } },
  }));
  showDir = show.dir;
  station = await startStationProcess({ showFile: show.file });
});

test.afterEach(async () => {
  await station?.stop();
  await stopAll([obs, primary, backup]);
  rmSync(workDir, { recursive: true, force: true });
  if (showDir) rmSync(showDir, { recursive: true, force: true });
});

test('the primary ingest dies mid-show: banner on producer and host within 2 s; "Switch to backup ingest" brings the stream back', async ({ context }) => {
  // Seven screens checked and shot on the way, on a machine shared by several test runs.
  test.setTimeout(240_000);
  if (!station || !obs || !primary || !backup) throw new Error('rig did not start');
  const st = station;
  const studio = obs;
  const open = (role: 'producer' | 'host') => openRigView(context, st, role);
  expect((await st.api('obs.connect', { url: studio.url, password })).status).toBe(200);
  const producer = await open('producer');
  const host = await open('host');
  await expect(producer.getByTestId('obs-link')).toHaveAttribute('data-synced', 'true');

  // The show clock runs but the stream is not live yet: that is red, with a start action (nothing stopped yet).
  expect((await st.api('show.clock', { action: 'start' })).status).toBe(200);
  await expect(producer.getByTestId('emergency-stream-stopped')).toBeVisible({ timeout: 5_000 });
  await expect(producer.getByTestId('emergency-stream-stopped').getByTestId('emergency-action')).toContainText(/^Start stream/);
  await expect(producer.getByTestId('status-health')).toContainText('RED');
  await expect(producer.getByTestId('status-health')).toContainText('off air while the show clock runs');
  await expect(host.getByTestId('emergency-stream-stopped')).toBeVisible();
  await producerEmergencyScreen(producer, 'emergency-stream-stopped', 'emergency-stream-not-started', { action: 'button' });
  await producer.getByTestId('emergency-stream-stopped').getByTestId('emergency-action').click();
  await expect(producer.getByTestId('status-air')).toHaveAttribute('data-on-air', '1', { timeout: 15_000 });
  await expect(producer.getByTestId('emergencies')).toHaveCount(0);
  await expect(host.getByTestId('emergencies')).toHaveCount(0);
  await waitUntil(async () => (await primary!.bytesIn(studio.streamKey)) > 0, { timeoutMs: 10_000, description: 'bytes at the primary ingest' });

  // The ingest dies.
  const killedAt = Date.now();
  await primary.kill();
  const banner = producer.getByTestId('emergency-ingest-unreachable');
  await expect(banner).toBeVisible({ timeout: 2_000 });
  await expect(host.getByTestId('emergency-ingest-unreachable')).toBeVisible({ timeout: Math.max(1, 2_000 - (Date.now() - killedAt)) });
  const seenMs = Date.now() - killedAt;
  console.log(`primary ingest killed → banner on producer and host after ${seenMs} ms`);
  expect(seenMs).toBeLessThanOrEqual(2_000);
  await expect(banner.getByTestId('emergency-cause')).toContainText('Ingest unreachable');
  await expect(banner.getByTestId('emergency-since')).toHaveText(/^\d+ s$/);
  await expect(host.getByTestId('emergency-ingest-unreachable')).toContainText('Switch to backup ingest');
  // The host's card keeps its text at full strength: it is the producer who acts.
  await expect(host.getByTestId('host-cue-text')).toBeVisible();
  await expect(host.getByTestId('host-cue-text')).not.toHaveCSS('opacity', /^0\./);

  await producerEmergencyScreen(producer, 'emergency-ingest-unreachable', 'emergency-ingest-unreachable', { action: 'button' });
  await hostEmergencyScreen(host, 'emergency-ingest-unreachable', 'emergency-ingest-unreachable');
  await producer.setViewportSize({ width: 1366, height: 768 });
  const action = banner.getByTestId('emergency-action');
  await expect(action).toHaveText('Switch to backup ingest');
  await action.click();
  await expect(producer.getByTestId('emergencies')).toHaveCount(0, { timeout: 20_000 });
  await expect(host.getByTestId('emergencies')).toHaveCount(0);
  await expect(producer.getByTestId('status-air')).toHaveAttribute('data-on-air', '1');
  await expect(producer.getByTestId('status-air')).toContainText('ON AIR');
  await waitUntil(async () => (await backup!.bytesIn(studio.streamKey)) > 0, { timeoutMs: 10_000, description: 'bytes at the backup ingest' });

  // Someone stops the stream in OBS itself, mid-show: "Stream stopped", red, and Restart stream brings it back.
  const operator = new OBSWebSocket();
  await operator.connect(studio.url, password);
  try {
    await operator.call('StopStream');
  } finally {
    await operator.disconnect();
  }
  const stopped = producer.getByTestId('emergency-stream-stopped');
  await expect(stopped).toBeVisible({ timeout: 5_000 });
  await expect(stopped.getByTestId('emergency-cause')).toContainText('Stream stopped while the show clock runs');
  await expect(host.getByTestId('emergency-stream-stopped')).toContainText('Restart stream');
  await expect(producer.getByTestId('status-health')).toContainText('RED');
  await producerEmergencyScreen(producer, 'emergency-stream-stopped', 'emergency-stream-stopped', { action: 'button' });
  await hostEmergencyScreen(host, 'emergency-stream-stopped', 'emergency-stream-stopped');
  await stopped.getByTestId('emergency-action').click();
  await expect(producer.getByTestId('status-air')).toHaveAttribute('data-on-air', '1', { timeout: 15_000 });
  await expect(producer.getByTestId('emergencies')).toHaveCount(0);
  await expect(host.getByTestId('emergencies')).toHaveCount(0);
});
