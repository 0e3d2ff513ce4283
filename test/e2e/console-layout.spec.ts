// The producer console is one screen: at 1920×1080 and 1366×768, on a busy show (three offers,
// comments replaying, the show clock running, an emergency banner up), the status bar, every
// offer's PAUSE, the current cue and the alert count are inside the viewport and the page itself
// does not scroll. BATON_SCREENSHOTS=1 also writes the three views into docs/screenshots.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { writeBusyShow } from './busy-show';

const busy = writeBusyShow();
test.use({ stationOptions: { showFile: busy.file } });
const OFFERS = ['glow-kit-live', 'lip-tint-trio', 'serum-duo'];
const SHOTS = process.env.BATON_SCREENSHOTS === '1' ? resolve(import.meta.dirname, '../../docs/screenshots') : null;

async function insideViewport(page: Page, target: Locator, what: string) {
  await expect(target, what).toBeVisible();
  const box = await target.boundingBox();
  const vp = page.viewportSize();
  if (!box || !vp) throw new Error(`${what}: no box`);
  expect(box.y, `${what} top`).toBeGreaterThanOrEqual(0);
  expect(box.x, `${what} left`).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height, `${what} bottom (viewport ${vp.height})`).toBeLessThanOrEqual(vp.height);
  expect(box.x + box.width, `${what} right (viewport ${vp.width})`).toBeLessThanOrEqual(vp.width);
}

for (const size of [
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
]) {
  test(`the producer console fits ${size.width}×${size.height} with no page scroll on a busy show`, async ({ station, context }) => {
    // Reporting to an HQ that is away: the status bar carries "HQ: offline since …" as well.
    expect((await station.api('hq.configure', { url: 'http://127.0.0.1:9', stationId: 'layout', token: 'bhq_layout-test-token' })).status).toBe(200);
    const producer = await station.openView(context, 'producer');
    await producer.setViewportSize(size);
    // Busy: the show clock runs (with no OBS: an emergency banner), comments flow, cues move on.
    expect((await station.api('show.clock', { action: 'start' })).status).toBe(200);
    expect((await station.api('cue.goto', { cueId: 'glow-kit-offer.2' })).status).toBe(200);
    await expect(producer.getByTestId('emergency-obs-link-lost')).toBeVisible();
    await expect(producer.getByTestId('comments-summary')).not.toContainText('Comments · 0');

    await insideViewport(producer, producer.getByTestId('status-bar'), 'status bar');
    for (const id of OFFERS) await insideViewport(producer, producer.getByTestId(`status-pause-${id}`), `PAUSE ${id}`);
    await insideViewport(producer, producer.getByTestId('deck-current'), 'current cue');
    await insideViewport(producer, producer.getByTestId('status-alerts'), 'alert count');
    // The banner is counted: no OBS was ever linked, so no alert was raised for it, and the count still says it.
    await expect(producer.getByTestId('status-alerts-critical')).toHaveText(/^[1-9]\d* crit$/);
    await expect(producer.getByTestId('status-hq')).toContainText(/HQ: offline since \d\d:\d\d/);
    await insideViewport(producer, producer.getByTestId('status-hq'), 'HQ sync state');
    await insideViewport(producer, producer.getByTestId('emergency-action'), 'emergency action');
    await insideViewport(producer, producer.getByTestId('onair-panel'), 'on-air panel');
    const scroll = await producer.evaluate(() => ({
      doc: document.documentElement.scrollHeight - document.documentElement.clientHeight,
      body: document.body.scrollHeight - document.body.clientHeight,
      docW: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    }));
    expect(scroll).toEqual({ doc: 0, body: 0, docW: 0 });
    // The page's title and icon carry the state from the task bar.
    await expect(producer).toHaveTitle(/^⚠ 1 · OFF AIR — Producer · /);
    expect(await producer.locator('link[rel="icon"]').getAttribute('href')).toMatch(/^data:image\/svg\+xml,/);

    if (SHOTS) {
      mkdirSync(SHOTS, { recursive: true });
      await producer.screenshot({ path: `${SHOTS}/producer-${size.width}x${size.height}.png` });
      const host = await station.openView(context, 'host');
      await host.setViewportSize(size);
      await expect(host.getByTestId('emergency-obs-link-lost')).toBeVisible();
      await host.screenshot({ path: `${SHOTS}/host-${size.width}x${size.height}.png` });
      const moderator = await station.openView(context, 'moderator', { query: 'as=Ana%20Reyes' });
      await moderator.setViewportSize(size);
      await moderator.waitForTimeout(1500);
      await moderator.screenshot({ path: `${SHOTS}/moderator-${size.width}x${size.height}.png` });
    }
  });
}

test('Setup, Audit and Post-show are tabs of their own; Live holds no set-up form', async ({ station, context }) => {
  const producer = await station.openView(context, 'producer');
  await expect(producer.getByLabel('OBS WebSocket address')).toHaveCount(0);
  await producer.getByTestId('tab-setup').click();
  await expect(producer.getByTestId('obs-setup').getByLabel('OBS WebSocket address')).toBeVisible();
  await expect(producer.getByTestId('show-panel')).toBeVisible();
  await expect(producer).toHaveURL(/#setup$/);
  await producer.getByTestId('tab-audit').click();
  await expect(producer.getByTestId('audit-panel')).toBeVisible();
  await producer.getByTestId('tab-live').click();
  await expect(producer.getByTestId('cue-deck')).toBeVisible();
});
