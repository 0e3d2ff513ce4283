// The moderator desk at 1366×768 with long offer names (a 60-character name, one in Arabic with
// emoji, one with markup in it): each offer's name takes at most two lines and its state stays
// whole, so the six queues and the desk's figures stay on screen. A five-line name pushed them off.
import { test, expect } from './fixtures';
import { writeBusyShow } from './busy-show';
import { unclipped } from './screen-checks';

const NAMES = ['Glow Kit live bundle — serum, tint and sun stick, with a pouch', 'Lip Tint trio — Red, Nude and Berry, with a mirror and a pouch', '✨ ثنائي السيروم — Serum duo 💧🔥 <b>limited</b>'];
const busy = writeBusyShow((show) => {
  (show.offers as Array<Record<string, unknown>>).forEach((o, i) => (o.name = NAMES[i]));
  return show;
});
test.use({ stationOptions: { showFile: busy.file } });

test('desk at 1366×768: long offer names take two lines at most; the queues and figures stay in view', async ({ station, browser }) => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const desk = await station.openView(context, 'moderator', { query: 'as=Ana%20Reyes' });
  const offer = desk.getByTestId('desk-offer-serum-duo');
  // Rendered as text, never as markup.
  await expect(offer).toHaveAttribute('title', /<b>limited<\/b>/);
  await expect(desk.locator('.desk-offers b')).toHaveCount(0);
  for (const id of ['glow-kit-live', 'lip-tint-trio', 'serum-duo']) {
    const name = desk.getByTestId(`desk-offer-${id}`).locator('.desk-offer-name');
    const lines = await name.evaluate((el) => Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)));
    expect(lines, `${id}: lines of its name`).toBeLessThanOrEqual(2);
    await expect(desk.getByTestId(`desk-offer-${id}`).locator('strong')).toHaveText('LIVE');
  }
  // Shown without scrolling the queue column (it scrolls inside itself) or the page.
  const column = await desk.locator('.mod-queues').boundingBox();
  expect(column).not.toBeNull();
  const floor = Math.min(768, (column?.y ?? 0) + (column?.height ?? 0));
  for (const id of ['queue-spam', 'desk-figures']) {
    const box = await desk.getByTestId(id).boundingBox();
    expect(box, id).not.toBeNull();
    expect((box?.y ?? 0) + (box?.height ?? 0), `${id} bottom inside the queue column (${floor})`).toBeLessThanOrEqual(floor + 0.5);
  }
  await context.close();
});

test('desk at 1366×768: a long handle and a list of candidate SKUs wrap inside the comment’s details, not past the pane’s edge', async ({ station, browser }) => {
  const handle = 'a_very_long_handle_that_never_ends_and_keeps_going_on_and_on';
  expect(
    (await station.api('comments.ingest', { comments: [{ platform: 'tiktok', id: 'long-1', author: handle, text: 'is the lip tint trio cruelty free?', lang: 'en' }] })).status,
  ).toBe(200);
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const desk = await station.openView(context, 'moderator', { query: 'as=Ana%20Reyes' });
  await desk.getByTestId('queue-all').click();
  await desk.getByTestId('comment-row').filter({ hasText: 'lip tint trio cruelty' }).click();
  const detail = desk.getByTestId('comment-detail');
  await expect(detail).toContainText(handle);
  // "lip tint" fits the trio's three SKUs: the details list them all.
  await expect(desk.getByTestId('detail-candidates')).toContainText('LIP-TINT-BERRY');
  const pane = (await desk.locator('.mod-detail').boundingBox())!;
  for (const dd of await detail.locator('.facts dd').all()) {
    await unclipped(dd, `detail fact "${(await dd.textContent())?.slice(0, 30)}"`);
    const box = (await dd.boundingBox())!;
    expect(box.x + box.width, `detail fact "${(await dd.textContent())?.slice(0, 30)}": right edge inside the pane (${pane.x + pane.width})`).toBeLessThanOrEqual(pane.x + pane.width + 0.5);
  }
  const sideways = await desk.locator('.mod-detail').evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(sideways, 'the details pane scrolls sideways').toBe(0);
  await context.close();
});
