// The producer's OBS panel in Chromium against the headless station: with no OBS the link is shown
// lost and counting with every control off; with a real OBS Studio (Xvfb) and nginx-rtmp the
// producer connects, cuts with the keyboard, goes live with a double Shift+S, watches the
// figures, and sees the link lost (not a stale scene) when OBS is killed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OBSWebSocket from 'obs-websocket-js/json';
import { test, expect } from './fixtures';
import { startObsStudio, type ObsStudio } from '../peers/obs-studio';
import { startRtmpIngest, type RtmpIngest } from '../peers/rtmp-ingest';
import { findFreePort, randomSecret, stopAll } from '../peers/process-control';

test('with no OBS configured the link shows lost and counting, and every OBS control is off', async ({ station, context }) => {
  const page = await station.openView(context, 'producer');
  const panel = page.getByTestId('obs-panel');
  const link = panel.getByTestId('obs-link');
  await expect(link).toHaveAttribute('data-link', 'disconnected');
  await expect(link).toContainText(/^OBS link lost — \d+ s$/);
  const first = Number((await link.innerText()).match(/(\d+) s/)?.[1]);
  await expect(link).not.toHaveText(`OBS link lost — ${first} s`, { timeout: 3_000 });
  await expect(panel.getByTestId('obs-link-detail')).toContainText('Not connected');
  await expect(panel.getByTestId('obs-scenes-empty')).toBeVisible();
  await expect(panel.getByTestId('obs-stream-button')).toBeDisabled();
  await expect(panel.getByTestId('obs-phase')).toHaveText('UNKNOWN');
  await expect(panel.getByTestId('obs-health-level')).toHaveText('NO LINK');
  await expect(page.getByTestId('status-air')).toHaveText('NO OBS LINK');
  // The connect form lives in Setup, and starts from the show's address.
  await page.getByTestId('tab-setup').click();
  await expect(page.getByTestId('obs-setup').getByLabel('OBS WebSocket address')).toHaveValue('ws://127.0.0.1:4455');

  const host = await station.openView(context, 'host');
  await expect(host.getByTestId('obs-badge')).toContainText('OBS LINK LOST');

  const r = await station.api('obs.switchScene', { scene: 'Intro' });
  expect(r.status).toBe(409);
  expect(r.body.error?.message).toMatch(/^OBS link is down \(lost \d+ s ago\) — not sent\./);
});

test('connecting to an address where OBS is not running says so, and keeps trying', async ({ station, context }) => {
  const page = await station.openView(context, 'producer');
  const url = `ws://127.0.0.1:${await findFreePort()}`;
  await page.getByTestId('tab-setup').click();
  const setup = page.getByTestId('obs-setup');
  await setup.getByLabel('OBS WebSocket address').fill(url);
  await setup.getByTestId('obs-connect').click();
  await expect(setup.getByTestId('obs-link')).toHaveAttribute('data-link', 'connecting');
  await page.getByTestId('tab-live').click();
  const panel = page.getByTestId('obs-panel');
  await expect(panel.getByTestId('obs-link')).toContainText(/OBS link lost — \d+ s · reconnecting/);
  await expect(panel.getByTestId('obs-link-detail')).toHaveText(`OBS not running at ${url} (connection refused). Start OBS, or check its WebSocket server is on.`);
  await expect(panel.getByTestId('obs-stream-button')).toBeDisabled();
});

test.describe('with a real OBS Studio', () => {
  let workDir: string;
  let ingest: RtmpIngest | null = null;
  let obs: ObsStudio | null = null;
  const password = randomSecret();

  test.beforeEach(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'baton-obs-e2e-'));
    ingest = await startRtmpIngest({ workDir });
    obs = await startObsStudio({ workDir, password, rtmpUrl: ingest.rtmpUrl });
  });

  test.afterEach(async () => {
    await stopAll([obs, ingest]);
    rmSync(workDir, { recursive: true, force: true });
  });

  test('the producer connects, cuts with keys 1–9, goes live with Shift+S twice, and sees a crash as a lost link', async ({ station, context }) => {
    test.setTimeout(60_000);
    if (!obs || !ingest) throw new Error('OBS did not start');
    const studio = obs;
    const page = await station.openView(context, 'producer');
    await page.getByTestId('tab-setup').click();
    const setup = page.getByTestId('obs-setup');
    await setup.getByLabel('OBS WebSocket address').fill(studio.url);
    await setup.getByLabel('OBS WebSocket password').fill(password);
    await setup.getByTestId('obs-connect').click();
    await expect(setup.getByTestId('obs-link')).toHaveAttribute('data-synced', 'true');
    await page.getByTestId('tab-live').click();
    const panel = page.getByTestId('obs-panel');
    await expect(panel.getByTestId('obs-link')).toHaveAttribute('data-synced', 'true');
    await expect(panel.getByTestId('obs-link')).toContainText(`OBS linked · ${studio.url}`);

    const scenes = panel.getByTestId('obs-scenes');
    for (const [i, name] of studio.scenes.entries()) await expect(scenes.getByTestId(`obs-scene-${i + 1}`)).toContainText(name);
    await expect(scenes.getByTestId('obs-scene-1')).toHaveAttribute('data-role', 'program');

    const observer = new OBSWebSocket();
    await observer.connect(studio.url, password, { rpcVersion: 1 });
    try {
      // Keys act on the page, not in the form's inputs.
      await panel.getByRole('heading', { name: 'Scenes' }).click();
      await page.keyboard.press('3');
      await expect(scenes.getByTestId('obs-scene-3')).toHaveAttribute('data-role', 'program');
      await expect(scenes.getByTestId('obs-scene-1')).toHaveAttribute('data-role', 'none');
      expect((await observer.call('GetCurrentProgramScene')).currentProgramSceneName).toBe(studio.scenes[2]);
      await scenes.getByTestId('obs-scene-2').click();
      await expect(scenes.getByTestId('obs-scene-2')).toHaveAttribute('data-role', 'program');
      expect((await observer.call('GetCurrentProgramScene')).currentProgramSceneName).toBe(studio.scenes[1]);

      // One Shift+S only arms; the second goes live.
      await page.keyboard.press('Shift+S');
      await expect(panel.getByTestId('obs-stream-button')).toHaveText(/Confirm: go LIVE/);
      expect((await observer.call('GetStreamStatus')).outputActive).toBe(false);
      await page.keyboard.press('Shift+S');
      await expect(panel.getByTestId('obs-phase')).toHaveText('ON AIR');
      await expect(panel.getByTestId('obs-figures')).toContainText(/\d+ kbps/, { timeout: 5_000 });
      await expect(panel.getByTestId('obs-spark-bitrate')).not.toHaveAttribute('data-points', '0');
      await expect(page.getByTestId('status-air')).toContainText('ON AIR');
      expect((await observer.call('GetStreamStatus')).outputActive).toBe(true);
    } finally {
      await observer.disconnect();
    }

    await studio.kill();
    await expect(panel.getByTestId('obs-link')).toContainText(/OBS link lost — \d+ s/);
    await expect(panel.getByTestId('obs-scenes-empty')).toBeVisible();
    await expect(panel.getByTestId('obs-phase')).toHaveText('UNKNOWN');
    await expect(panel.getByTestId('obs-stream-button')).toBeDisabled();

    await studio.restart();
    await expect(panel.getByTestId('obs-link')).toHaveAttribute('data-synced', 'true', { timeout: 8_000 });
    await expect(scenes.getByTestId('obs-scene-1')).toBeEnabled();
  });
});
