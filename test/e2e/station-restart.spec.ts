// Views survive the station: producer, host and moderator views stay open while the station
// stops and starts again on the same port and data folder. While it is gone the host's card keeps
// its approved text at full strength with "station lost — keep going, the producer knows"; once
// it is back each view reconnects by itself, shows the restored state and follows new changes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { freePort, startStationProcess, type StationProcess } from '../peers/station-process';
import { SHOTS, axeClean, hostEmergencyScreen, producerEmergencyScreen } from './screen-checks';

let dataDir: string;
let stations: StationProcess[] = [];

test.beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'baton-restart-e2e-'));
  stations = [];
});
test.afterEach(async () => {
  for (const s of stations) await s.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('a station restart under open views: the host keeps reading, every view reconnects with the restored state', async ({ context }) => {
  test.setTimeout(420_000);
  const port = await freePort();
  const first = await startStationProcess({ dataDir, port });
  stations.push(first);
  const open = async (path: string, opts: { countTries?: boolean } = {}) => {
    const page = await context.newPage();
    // Every try the view makes to reach the station opens a WebSocket: counted in the page itself.
    if (opts.countTries)
      await page.addInitScript(() => {
        const Real = window.WebSocket;
        const w = window as unknown as { __tries: number };
        w.__tries = 0;
        window.WebSocket = class extends Real {
          constructor(url: string | URL, protocols?: string | string[]) {
            super(url, protocols);
            w.__tries += 1;
          }
        };
      });
    await page.goto(`${first.url}/${path}`);
    await expect(page.getByTestId('connection')).toHaveText('STATION LINKED');
    return page;
  };
  const producer = await open(`producer?token=${first.tokens.producer}`, { countTries: true });
  const host = await open(`host?token=${first.tokens.host}`);
  const moderator = await open(`moderator?token=${first.tokens.moderator}&as=Ana%20Reyes`);
  expect((await first.api('cue.goto', { cueId: 'glow-kit-offer.2' })).status).toBe(200);
  const hostText = host.getByTestId('host-cue-text');
  await expect(hostText).toHaveText(/^Tap the pinned Glow Kit below/);

  await first.stop();
  stations = [];
  const lost = host.getByTestId('emergency-station-lost');
  await expect(lost).toContainText('Station lost — keep going, the producer knows.');
  await expect(hostText).toHaveText(/^Tap the pinned Glow Kit below/);
  expect(await hostText.evaluate((el) => getComputedStyle(el.closest('main') ?? el).opacity)).toBe('1');
  await expect(producer.getByTestId('emergency-station-lost')).toBeVisible();
  await expect(moderator.getByTestId('station-lost')).toBeVisible();
  // The host's card says one plain line, never the producer's "frozen"; both screens whole at their sizes.
  await expect(lost.getByTestId('emergency-cause')).toHaveText('Station lost — keep going, the producer knows.');
  await hostEmergencyScreen(host, 'emergency-station-lost', 'emergency-station-lost');
  await expect(hostText).toHaveText(/^Tap the pinned Glow Kit below/);
  // The producer's banner has an action like every other one: "Reconnect now", and it says when the
  // view tries by itself next.
  await producerEmergencyScreen(producer, 'emergency-station-lost', 'emergency-station-lost', { action: 'button' });
  const producerLost = producer.getByTestId('emergency-station-lost');
  await expect(producerLost.getByTestId('emergency-action')).toHaveText('Reconnect now');
  await expect(producerLost.getByTestId('emergency-cause')).toContainText(/next try in \d+ s/i);
  await moderator.setViewportSize({ width: 1366, height: 768 });
  await axeClean(moderator, 'moderator with the station lost');
  await moderator.screenshot({ path: `${SHOTS}/emergency-station-lost-moderator-1366x768.png` });

  // "Reconnect now" tries at once: pressed while the view waits for its own next try, the press itself
  // opens the WebSocket (in the click, before any timer of the view could run).
  const cause = producerLost.getByTestId('emergency-cause');
  await expect(cause).toContainText(/next try in [2-9] s/i, { timeout: 30_000 });
  const pressed = await producer.evaluate(() => {
    const banner = document.querySelector('[data-testid="emergency-station-lost"]')!;
    const waiting = /next try in \d+ s/i.test(banner.querySelector('[data-testid="emergency-cause"]')!.textContent ?? '');
    const w = window as unknown as { __tries: number };
    const before = w.__tries;
    banner.querySelector<HTMLButtonElement>('[data-testid="emergency-action"]')!.click();
    return { waiting, tries: w.__tries - before };
  });
  expect(pressed).toEqual({ waiting: true, tries: 1 });
  await expect(producerLost, 'still lost: the station is down').toBeVisible();

  const second = await startStationProcess({ dataDir, port });
  stations.push(second);
  // Back: the banner clears (by the view's own next try, at most 6 s away).
  await expect(producerLost).toHaveCount(0, { timeout: 15_000 });
  for (const page of [producer, host, moderator])
    await expect(page.getByTestId('connection')).toHaveText('STATION LINKED', { timeout: 30_000 });
  await expect(lost).toHaveCount(0);
  await expect(producer.getByTestId('emergencies')).toHaveCount(0);
  // The restored deck position, then a change made on the new station reaches every view.
  await expect(producer.getByTestId('deck-current')).toHaveAttribute('data-cue-id', 'glow-kit-offer.2');
  await expect(hostText).toHaveText(/^Tap the pinned Glow Kit below/);
  expect((await second.api('cue.next', {})).status).toBe(200);
  await expect(hostText).toHaveText(/^Standard shipping takes 3–5 working days/);
  await expect(producer.getByTestId('deck-current')).toHaveAttribute('data-cue-id', 'glow-kit-offer.3');
  await expect(moderator.getByTestId('moderator-view')).toBeVisible();
  await expect(moderator.getByTestId('moderator-name')).toHaveText('Ana Reyes');
});

test('an overlay page (OBS browser source) recovers by itself after a station restart and follows the new station', async ({
  context,
}) => {
  test.setTimeout(120_000);
  const port = await freePort();
  const first = await startStationProcess({ dataDir, port });
  stations.push(first);
  const list = await fetch(`${first.url}/api/device-tokens`, { headers: { authorization: `Bearer ${first.tokens.producer}` } });
  const overlay = ((await list.json()) as { result: { tokens: { kind: string; token: string }[] } }).result.tokens.find(
    (t) => t.kind === 'overlay',
  )!;
  expect((await first.api('overlay.show', { overlay: 'offer', visible: true })).status).toBe(200);
  const page = await context.newPage();
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(`${first.url}/overlay/offer?token=${overlay.token}`);
  const box = page.locator('#offer');
  await expect(box).toHaveAttribute('data-state', 'live');
  await expect(box.locator('.price')).toHaveText('$39.00');

  await first.stop();
  stations = [];
  const second = await startStationProcess({ dataDir, port });
  stations.push(second);
  // The same page, never reloaded: it reconnects with its token, shows the restored overlay, and
  // a pause confirmed by the new station reaches it.
  await expect(box.locator('.price')).toHaveText('$39.00', { timeout: 30_000 });
  const paused = await second.api<{ state: string }>('offer.pause', { offerId: 'glow-kit-live', reason: 'after the restart' });
  expect(paused.body.result?.state).toBe('paused');
  await expect(box).toHaveAttribute('data-state', 'paused', { timeout: 10_000 });
  await expect(box).not.toContainText('$39.00');
});
