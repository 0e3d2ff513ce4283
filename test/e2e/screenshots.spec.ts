// The README's screenshots: the three views on a busy rehearsal (three offers selling, the demo
// comment replay running, the show clock on with no OBS linked, one offer paused by its 5xx rule)
// at 1920×1080 and 1366×768, and the host at 1280×720. Runs only with BATON_SCREENSHOTS=1
// (`npm run screenshots`; the config leaves it out otherwise, so `npm test` never rewrites
// committed files). It asserts the banners are up before it shoots: a broken rig fails instead of
// writing empty pictures.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { writeBusyShow } from './busy-show';

const busy = writeBusyShow();
test.use({ stationOptions: { showFile: busy.file } });

const OUT = resolve(import.meta.dirname, '../../docs/screenshots');
// Each offer's orders at its own price (the busy show's fixture sets them).
const OFFERS = [
  { id: 'glow-kit-live', price: 39 },
  { id: 'lip-tint-trio', price: 35 },
  { id: 'serum-duo', price: 59 },
];
const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
];
const CHAT = [
  { author: 'bia.rocha', text: 'tem o kit glow ainda? quero dois', lang: 'pt' },
  { author: 'lucia.mx', text: '¿Cuánto tarda el envío a Lima?', lang: 'es' },
  { author: 'rina_sky', text: 'kak, serum duo bisa COD?', lang: 'id' },
  { author: 'jordan.k', text: 'my order from last week never arrived and nobody answers my emails', lang: 'en' },
  { author: 'mel.beauty', text: 'is the lip tint trio cruelty free?', lang: 'en' },
];

async function settle(page: Page, size: { width: number; height: number }) {
  await page.setViewportSize(size);
  // Fonts, the list's windowing and the charts re-lay out on resize; shoot once they have.
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(800);
}

test('docs/screenshots: producer, host and moderator on a busy rehearsal at both sizes', async ({ station, context }) => {
  // Generous: four pages re-laid out at three sizes on a machine shared with other test runs.
  test.setTimeout(300_000);
  expect((await station.api('show.clock', { action: 'start' })).status).toBe(200);
  expect((await station.api('cue.goto', { cueId: 'glow-kit-offer.2' })).status).toBe(200);
  // Three offers selling; then the store answers serum-duo's calls with 5xx and its rule pauses it.
  for (let n = 0; n < 6; n++) {
    const events = OFFERS.flatMap(({ id: offerId, price }, k) => [
      { id: `v${n}-${k}`, type: 'view', offerId, count: 40 + ((n * 7 + k * 13) % 25) },
      { id: `c${n}-${k}`, type: 'add_to_cart', offerId, count: 5 + ((n + k) % 5) },
      { id: `k${n}-${k}`, type: 'checkout', offerId, count: 2 + ((n * 3 + k) % 3) },
      ...Array.from({ length: 2 + ((n + k) % 3) }, (_, i) => ({
        id: `o${n}-${k}-${i}`,
        type: 'order',
        offerId,
        orderId: `o${n}-${k}-${i}`,
        amount: price,
        currency: 'USD',
      })),
    ]);
    expect((await station.api('offer.ingest', { events })).status).toBe(200);
  }
  expect(
    (
      await station.api('offer.ingest', {
        events: Array.from({ length: 6 }, (_, i) => ({ id: `5xx-${i}`, type: 'store_5xx', offerId: 'serum-duo', count: 1 })),
      })
    ).status,
  ).toBe(200);
  expect(
    (await station.api('comments.ingest', { comments: CHAT.map((c, i) => ({ platform: 'tiktok', id: `shot-${i}`, ...c })) }))
      .status,
  ).toBe(200);

  const producer = await station.openView(context, 'producer');
  const host = await station.openView(context, 'host');
  const ana = await station.openView(context, 'moderator', { query: 'as=Ana%20Reyes' });
  const dewi = await station.openView(context, 'moderator', { query: 'as=Dewi%20Santoso' });
  await expect(producer.getByTestId('emergency-obs-link-lost')).toBeVisible();
  await expect(producer.locator('[data-testid="emergency-offer-rule-paused"]')).toBeVisible();
  await expect(host.getByTestId('emergency-obs-link-lost')).toBeVisible();
  await expect(producer.getByTestId('comments-summary')).not.toContainText('Comments · 0');

  // Two moderators at work on "All open": Dewi holds a comment, Ana has one open.
  for (const desk of [ana, dewi]) await desk.getByTestId('queue-all').click();
  const rows = ana.getByTestId('comment-row');
  await expect(rows.first()).toBeVisible();
  await dewi.getByTestId('comment-row').nth(1).click();
  await dewi.keyboard.press('c');
  await rows.first().click();
  await ana.keyboard.press('c');
  await expect(rows.first().getByTestId('comment-holder')).toHaveText('You are replying');

  mkdirSync(OUT, { recursive: true });
  for (const size of SIZES) {
    for (const [name, page] of [
      ['producer', producer],
      ['host', host],
      ['moderator', ana],
    ] as const) {
      await settle(page, size);
      await page.screenshot({ path: `${OUT}/${name}-${size.width}x${size.height}.png` });
    }
  }
  // The host's second monitor is often a 720p screen.
  await settle(host, { width: 1280, height: 720 });
  await host.screenshot({ path: `${OUT}/host-1280x720.png` });
});
