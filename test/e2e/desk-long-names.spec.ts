// The moderator desk at 1366×768 with long offer names (a 60-character name, one in Arabic with
// emoji, one with markup in it): each offer's name takes at most two lines and its state stays
// whole, so the six queues and the desk's figures stay on screen. A five-line name pushed them off.
import { test, expect } from './fixtures';
import { writeBusyShow } from './busy-show';

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
