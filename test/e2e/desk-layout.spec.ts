// The moderator desk at 1366×768 on a busy show whose queues overflow (low limits, the demo replay
// running, three offers with one paused by its store rule): the toolbar is one row, every offer's
// state is whole in it, and each queue tab's OVERFLOW line is whole, not cut.
import type { Locator } from '@playwright/test';
import { test, expect } from './fixtures';
import { writeBusyShow } from './busy-show';

const busy = writeBusyShow((show) => ({ ...show, comments: { ...(show.comments as Record<string, unknown>), overflow: { backlog: 2, oldestSeconds: 1 } } }));
test.use({ stationOptions: { showFile: busy.file } });
const OFFERS = ['glow-kit-live', 'lip-tint-trio', 'serum-duo'];

/** The element's whole box lies inside `within`'s box (nothing of it clipped away). */
async function whole(target: Locator, within: Locator, what: string) {
  const [a, b] = [await target.boundingBox(), await within.boundingBox()];
  if (!a || !b) throw new Error(`${what}: no box`);
  expect(a.x, `${what} left`).toBeGreaterThanOrEqual(b.x - 0.5);
  expect(a.x + a.width, `${what} right`).toBeLessThanOrEqual(b.x + b.width + 0.5);
}

test('the desk at 1366×768 with overflowing queues: one toolbar row, offer states and OVERFLOW lines whole', async ({ station, context }) => {
  expect((await station.api('offer.ingest', { events: Array.from({ length: 6 }, (_, i) => ({ id: `5xx-${i}`, type: 'store_5xx', offerId: 'serum-duo', count: 1 })) })).status).toBe(200);
  const desk = await station.openView(context, 'moderator', { query: 'as=Ana%20Reyes' });
  await desk.setViewportSize({ width: 1366, height: 768 });
  await desk.getByTestId('queue-all').click();
  // Both reasons at once (count and age): the longest line a tab carries.
  const overflow = desk.locator('.queue-overflow').filter({ hasText: /waiting · oldest \d+ s/ }).first();
  await expect(overflow).toBeVisible({ timeout: 20_000 });
  await expect(desk.getByTestId('desk-offer-serum-duo')).toHaveAttribute('data-state', 'paused');

  for (const line of await desk.locator('.queue-overflow').all()) {
    const cut = await line.evaluate((el) => ({ w: el.scrollWidth - el.clientWidth, h: el.scrollHeight - el.clientHeight }));
    expect(cut, `OVERFLOW line cut: ${await line.textContent()}`).toEqual({ w: 0, h: 0 });
    await whole(line, line.locator('xpath=..'), 'OVERFLOW line');
  }

  // One row: every item of the toolbar sits on the same line.
  const bar = desk.locator('.mod-bar');
  const tops = await bar.evaluate((el) => Array.from(el.children).map((c) => Math.round(c.getBoundingClientRect().top + c.getBoundingClientRect().height / 2)));
  expect(Math.max(...tops) - Math.min(...tops), `toolbar rows (item centres ${tops.join(', ')})`).toBeLessThanOrEqual(4);
  for (const id of OFFERS) {
    const chip = desk.getByTestId(`desk-offer-${id}`);
    await whole(chip.locator('strong'), chip, `${id} state in its chip`);
    await whole(chip, bar.locator('.desk-offers'), `${id} chip`);
  }
  await whole(desk.getByTestId('list-count'), bar, 'count');
  expect(await desk.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 'page scrolls sideways').toBe(0);
});
