// Issue 13's headline emergency, on screen against the real peers: mid-show (show clock running, the
// stream live to a real nginx-rtmp) OBS Studio crashes (SIGKILL, as a crash) → within 2 s the
// producer's console and the host's card show "OBS link lost" full width, with time since, cause and
// "Reconnect to OBS now"; health is red (NO OBS LINK, never GREEN). Pressing the action while OBS is still down starts a fresh
// attempt at once (the backoff starts over) and keeps the banner, its time since and the critical
// alert. OBS comes back with the stream off → the link resyncs by itself and the banner becomes
// "Stream stopped" with "Restart stream"; pressing it puts bytes on the ingest again, clears the
// banners on both views, and health leaves RED.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { startObsStudio, type ObsStudio } from '../peers/obs-studio';
import { startRtmpIngest, type RtmpIngest } from '../peers/rtmp-ingest';
import { randomSecret, stopAll, waitUntil } from '../peers/process-control';
import { startStationProcess, type StationProcess } from '../peers/station-process';
import { writeBusyShow } from './busy-show';
import { hostEmergencyScreen, openRigView, producerEmergencyScreen } from './screen-checks';

interface StationState {
  state: {
    obs: { link: string; synced: boolean; reconnectAttempt: number; lostAt: number | null };
    alerts: { items: { key: string; level: string; clearedAt: number | null }[] };
  };
}

let workDir: string;
let ingest: RtmpIngest | null = null;
let obs: ObsStudio | null = null;
let station: StationProcess | null = null;
let showDir: string | null = null;
const password = randomSecret();

/** In the page: sets window.__shownAt to Date.now() when an element with this test id first appears. */
function stampWhenShown(testId: string) {
  const w = window as unknown as { __shownAt: number | null };
  w.__shownAt = null;
  const observer = new MutationObserver(() => {
    if (document.querySelector(`[data-testid="${testId}"]`) === null) return;
    w.__shownAt = Date.now();
    observer.disconnect();
  });
  observer.observe(document.body, { childList: true, subtree: true });
}

/** "42 s" or "1 min 5 s" (formatAge) in seconds; throws on anything else. */
function ageSeconds(text: string): number {
  const m = text.match(/^(?:(\d+) min )?(\d+) s$/);
  if (!m) throw new Error(`not an age: ${text}`);
  return Number(m[1] ?? 0) * 60 + Number(m[2]);
}

test.beforeEach(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'baton-obs-crash-e2e-'));
  ingest = await startRtmpIngest({ workDir: join(workDir, 'ingest') });
  obs = await startObsStudio({ workDir, password, rtmpUrl: ingest.rtmpUrl });
  const show = writeBusyShow((s) => ({ ...s, obs: { ...(s.obs as object), url: obs?.url, ingest: { primary: { server: ingest?.rtmpUrl } } } }));
  showDir = show.dir;
  station = await startStationProcess({ showFile: show.file });
});

test.afterEach(async () => {
  await station?.stop();
  await stopAll([obs, ingest]);
  rmSync(workDir, { recursive: true, force: true });
  if (showDir) rmSync(showDir, { recursive: true, force: true });
});

test('OBS crashes mid-show: "OBS link lost" on producer and host within 2 s; reconnect now; OBS back → "Restart stream" brings the stream back', async ({ context }) => {
  // Five screens checked and shot on the way, OBS started twice, on a machine shared by several test runs.
  test.setTimeout(240_000);
  if (!station || !obs || !ingest) throw new Error('rig did not start');
  const st = station;
  const studio = obs;
  const rtmp = ingest;
  const state = async () => (await (await fetch(`${st.url}/api/state`, { headers: { authorization: `Bearer ${st.tokens.producer}` } })).json()) as StationState;
  /** The level of the open (not cleared) station alert under `key`, or null. */
  const alertLevel = async (key: string) => (await state()).state.alerts.items.find((a) => a.key === key && a.clearedAt === null)?.level ?? null;
  // With the link down the status bar says NO OBS LINK in red and rates nothing (no GREEN, no chip).
  const linkLostHealth = async () => {
    await expect(producer.getByTestId('status-air')).toHaveText('NO OBS LINK');
    await expect(producer.getByTestId('status-health')).not.toContainText(/GREEN|AMBER/);
  };
  const open = (role: 'producer' | 'host') => openRigView(context, st, role);

  // Live: OBS linked, the show clock running, the stream on air with bytes at the ingest, no banner.
  expect((await st.api('obs.connect', { url: studio.url, password })).status).toBe(200);
  const producer = await open('producer');
  const host = await open('host');
  await expect(producer.getByTestId('obs-link')).toHaveAttribute('data-synced', 'true');
  expect((await st.api('show.clock', { action: 'start' })).status).toBe(200);
  expect((await st.api('obs.startStream', {})).status).toBe(200);
  await expect(producer.getByTestId('status-air')).toHaveAttribute('data-on-air', '1', { timeout: 30_000 });
  await waitUntil(async () => (await rtmp.bytesIn(studio.streamKey)) > 0, { timeoutMs: 10_000, description: 'bytes at the ingest' });
  await expect(producer.getByTestId('emergencies')).toHaveCount(0);
  await expect(host.getByTestId('emergencies')).toHaveCount(0);

  // OBS crashes. Each page stamps the moment the banner enters its DOM (Playwright's own polling
  // would add up to a second of its interval to the figure).
  for (const page of [producer, host]) await page.evaluate(stampWhenShown, 'emergency-obs-link-lost');
  const crashedPid = studio.pid;
  const killedAt = Date.now();
  await studio.kill();
  const killMs = Date.now() - killedAt;
  const lost = producer.getByTestId('emergency-obs-link-lost');
  await expect(lost).toBeVisible({ timeout: 5_000 });
  await expect(host.getByTestId('emergency-obs-link-lost')).toBeVisible({ timeout: 5_000 });
  const shownMs = await Promise.all([producer, host].map(async (page) => (await page.evaluate(() => (window as unknown as { __shownAt: number }).__shownAt)) - killedAt));
  console.log(`OBS killed (SIGKILL returned after ${killMs} ms) → "OBS link lost" on the producer after ${shownMs[0]} ms, on the host after ${shownMs[1]} ms`);
  // Soft: a late banner fails the test, and the rest of the scenario still runs and reports.
  expect.soft(shownMs[0], 'producer: banner within 2 s of the crash').toBeLessThanOrEqual(2_000);
  expect.soft(shownMs[1], 'host: banner within 2 s of the crash').toBeLessThanOrEqual(2_000);
  await expect(lost.getByTestId('emergency-cause')).toContainText('OBS link lost during the show');
  await expect(lost.getByTestId('emergency-cause')).toContainText('The stream may still be live; Baton cannot see it.');
  await expect(lost.getByTestId('emergency-since')).toHaveText(/^\d+ s$/);
  await expect(lost.getByTestId('emergency-action')).toHaveText('Reconnect to OBS now');
  await expect(host.getByTestId('emergency-obs-link-lost')).toContainText('OBS link lost during the show');
  await expect(host.getByTestId('emergency-obs-link-lost')).toContainText("Keep going. The producer's move: Reconnect to OBS now.");
  await linkLostHealth();
  await expect(producer.getByTestId('status-air')).toHaveText('NO OBS LINK');
  // The stream really died with OBS: nothing reaches the ingest any more.
  await waitUntil(async () => (await rtmp.bytesIn(studio.streamKey)) === 0, { timeoutMs: 10_000, description: 'the stream gone from the ingest' });
  expect(studio.isRunning()).toBe(false);
  await producerEmergencyScreen(producer, 'emergency-obs-link-lost', 'emergency-obs-link-lost', { action: 'button' });
  await hostEmergencyScreen(host, 'emergency-obs-link-lost', 'emergency-obs-link-lost');
  await producer.setViewportSize({ width: 1366, height: 768 });

  // "Reconnect to OBS now" while OBS is still down: the station tries at once, from a fresh backoff
  // (the attempt count starts over), and the banner, its time since and the critical alert all stay.
  await waitUntil(async () => (await state()).state.obs.reconnectAttempt >= 5, { timeoutMs: 20_000, description: 'five reconnect attempts while OBS is down' });
  const before = (await state()).state.obs;
  expect(await alertLevel('obs.link')).toBe('critical');
  const sinceBefore = ageSeconds(await lost.getByTestId('emergency-since').innerText());
  const pressedAt = Date.now();
  await lost.getByTestId('emergency-action').click();
  // Left alone the count only grows: any drop is the press's fresh attempt.
  await waitUntil(async () => (await state()).state.obs.reconnectAttempt < before.reconnectAttempt, { timeoutMs: 5_000, intervalMs: 25, description: 'the attempt count starting over after the press' });
  console.log(`reconnect attempts before the press: ${before.reconnectAttempt}; started over within ${Date.now() - pressedAt} ms`);
  const after = (await state()).state.obs;
  expect(after.link).toBe('connecting');
  expect(after.lostAt, 'the loss is still dated from the crash').toBe(before.lostAt);
  await expect(lost).toBeVisible();
  await expect(host.getByTestId('emergency-obs-link-lost')).toBeVisible();
  expect(ageSeconds(await lost.getByTestId('emergency-since').innerText()), 'time since kept counting from the crash').toBeGreaterThanOrEqual(sinceBefore);
  await linkLostHealth();
  expect(await alertLevel('obs.link'), 'the station alert stays critical after the press').toBe('critical');

  // OBS comes back, with the stream off (as after any crash): the link resyncs by itself and the
  // banner becomes "Stream stopped" with "Restart stream" — never "Start stream", it was live this show.
  await studio.restart();
  expect(studio.pid).not.toBe(crashedPid);
  await expect(producer.getByTestId('obs-link')).toHaveAttribute('data-synced', 'true', { timeout: 10_000 });
  const stopped = producer.getByTestId('emergency-stream-stopped');
  await expect(stopped).toBeVisible();
  await expect(lost).toHaveCount(0);
  await expect(host.getByTestId('emergency-obs-link-lost')).toHaveCount(0);
  await expect(stopped.getByTestId('emergency-cause')).toContainText('Stream stopped while the show clock runs');
  await expect(stopped.getByTestId('emergency-action')).toHaveText('Restart stream');
  await expect(host.getByTestId('emergency-stream-stopped')).toContainText('Restart stream');
  await expect(producer.getByTestId('status-health')).toContainText('RED');
  await producerEmergencyScreen(producer, 'emergency-stream-stopped', 'emergency-obs-crash-stream-stopped', { action: 'button' });
  await hostEmergencyScreen(host, 'emergency-stream-stopped', 'emergency-obs-crash-stream-stopped');
  await producer.setViewportSize({ width: 1366, height: 768 });

  await stopped.getByTestId('emergency-action').click();
  await expect(producer.getByTestId('status-air')).toHaveAttribute('data-on-air', '1', { timeout: 30_000 });
  await waitUntil(async () => (await rtmp.bytesIn(studio.streamKey)) > 0, { timeoutMs: 10_000, description: 'bytes at the ingest again' });
  await expect(producer.getByTestId('emergencies')).toHaveCount(0);
  await expect(host.getByTestId('emergencies')).toHaveCount(0);
  await expect(producer.getByTestId('status-health')).not.toContainText('RED', { timeout: 15_000 });
  console.log(`health once the stream is back: ${await producer.getByTestId('status-health').innerText()}`);
  expect(await alertLevel('obs.link')).toBeNull();
});
