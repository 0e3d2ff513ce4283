// The store goes down with a pause pending, against a real Vendure store: on the busy show (the
// Glow Kit bound to Vendure, the other two offers in the sandbox, comments replaying, the show clock
// running) the producer presses PAUSE just after the store died. The producer's console and the
// host's card show the "store unreachable" banner with the cause and the time since; the one action
// opens the offer's page in Vendure's own admin; nothing says "paused" until the store is back and
// has confirmed it, and then the banner clears by itself.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { startStationProcess, type StationProcess } from '../peers/station-process';
import { startVendureStore, type VendureStore } from '../peers/vendure-store';
import { VENDURE_PASSWORD_SECRET } from '../peers/vendure-station';
import { writeBusyShow } from './busy-show';
import { SHOTS, axeClean, hostEmergencyScreen, producerEmergencyScreen } from './screen-checks';

const OFFER = 'glow-kit-live';
let workDir: string;
let store: VendureStore | null = null;
let station: StationProcess | null = null;
let showDir: string | null = null;

test.beforeEach(async () => {
  test.setTimeout(420_000);
  workDir = mkdtempSync(join(tmpdir(), 'baton-store-down-e2e-'));
  store = await startVendureStore({ workDir: join(workDir, 'vendure') });
  const s = store;
  const show = writeBusyShow((demo) => ({
    ...demo,
    offers: (demo.offers as Record<string, unknown>[]).map((o) =>
      o.id === OFFER
        ? {
            ...o,
            store: {
              adapter: 'vendure',
              adminApiUrl: s.adminApiUrl,
              username: s.username,
              passwordSecret: VENDURE_PASSWORD_SECRET,
              promotionId: s.seed.promotionId,
              variantIds: [s.seed.variantIdsBySku[s.seed.bundleSku]],
            },
          }
        : o,
    ),
  }));
  showDir = show.dir;
  station = await startStationProcess({ showFile: show.file, secrets: { [VENDURE_PASSWORD_SECRET]: s.password } });
});

test.afterEach(async () => {
  await station?.stop();
  await store?.stop();
  rmSync(workDir, { recursive: true, force: true });
  if (showDir) rmSync(showDir, { recursive: true, force: true });
});

test('the store dies with a pause pending: banner on producer and host, the action opens the offer in the store’s admin, cleared once the store confirms', async ({ context }) => {
  test.setTimeout(420_000);
  if (!station || !store) throw new Error('rig did not start');
  const st = station;
  const vendure = store;
  const open = async (role: 'producer' | 'host' | 'moderator') => {
    const page = await context.newPage();
    await page.goto(`${st.url}/${role}?token=${st.tokens[role]}${role === 'moderator' ? '&as=Ana%20Reyes' : ''}`);
    await expect(page.getByTestId('connection')).toHaveText('STATION LINKED');
    return page;
  };
  const producer = await open('producer');
  const host = await open('host');
  const moderator = await open('moderator');
  await producer.setViewportSize({ width: 1366, height: 768 });
  // The store has been read once: the offer is live in Vendure.
  await expect(producer.getByTestId(`status-pause-${OFFER}`)).toBeVisible({ timeout: 30_000 });
  await expect(producer.getByTestId('status-bar')).toContainText(/Glow Kit live bundle\s*LIVE/, { timeout: 30_000 });
  expect((await st.api('show.clock', { action: 'start' })).status).toBe(200);
  expect((await st.api('cue.goto', { cueId: 'glow-kit-offer.2' })).status).toBe(200);

  await vendure.kill();
  const pressedAt = Date.now();
  await producer.getByTestId(`status-pause-${OFFER}`).click();
  const banner = producer.getByTestId('emergency-store-unreachable');
  await expect(banner).toBeVisible({ timeout: 30_000 });
  console.log(`store killed, PAUSE pressed → "store unreachable" banner after ${Date.now() - pressedAt} ms`);
  await expect(banner.getByTestId('emergency-cause')).toContainText('Glow Kit live bundle: pause asked but Vendure');
  await expect(banner.getByTestId('emergency-cause')).toContainText('the offer may still be selling');
  const action = banner.getByTestId('emergency-action');
  await expect(action).toHaveText('Pause it in the Vendure admin');
  const adminUrl = `${vendure.baseUrl}/admin/marketing/promotions/${vendure.seed.promotionId}`;
  await expect(action).toHaveAttribute('href', adminUrl);
  // Never "PAUSED" while the store has not confirmed it.
  await expect(producer.getByTestId('status-bar')).not.toContainText(/Glow Kit live bundle\s*PAUSED/);
  const hostBanner = host.getByTestId('emergency-store-unreachable');
  await expect(hostBanner).toContainText('Do not read the Glow Kit live bundle CTA. The producer is on it.');
  await producerEmergencyScreen(producer, 'emergency-store-unreachable', 'emergency-store-unreachable', { action: 'link' });
  await hostEmergencyScreen(host, 'emergency-store-unreachable', 'emergency-store-unreachable');
  await moderator.setViewportSize({ width: 1366, height: 768 });
  await axeClean(moderator, 'moderator with a pause pending');
  await moderator.screenshot({ path: `${SHOTS}/emergency-store-unreachable-moderator-1366x768.png` });

  // The action works: the offer's page in the store's admin opens in a tab of its own, Baton stays.
  const asked = context.waitForEvent('request', (r) => r.url() === adminUrl);
  await action.click();
  await asked;
  await expect(producer.getByTestId('emergency-store-unreachable')).toBeVisible();

  // The store is back: the pending pause is confirmed by its read-back and the banner clears by itself.
  await vendure.restart();
  await expect(producer.getByTestId('emergency-store-unreachable')).toHaveCount(0, { timeout: 60_000 });
  await expect(host.getByTestId('emergency-store-unreachable')).toHaveCount(0);
  await expect(producer.getByTestId(`status-resume-${OFFER}`)).toBeVisible();
});
