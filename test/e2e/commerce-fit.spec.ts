// The commerce page at a laptop's size: every column of the offers table, the Toggle column last, sits
// inside its panel (it was clipped at the panel's right edge at 1366×768), also with a paused offer's
// reason and a person who must ask the toggle owner (the longest button).
import { resolve } from 'node:path';
import { test, expect } from './fixtures';

const SHOTS = process.env.BATON_SCREENSHOTS === '1' ? resolve(import.meta.dirname, '../../docs/screenshots') : null;

test('commerce at 1366×768: the offers table’s last column is inside the panel', async ({ station, browser }) => {
  const offers = (await (await fetch(`${station.url}/api/state`, { headers: { authorization: `Bearer ${station.tokens.producer}` } })).json()) as {
    state: { offers: { items: { id: string }[] } };
  };
  const first = offers.state.offers.items[0]?.id;
  expect(first).toBeTruthy();
  expect((await station.api('offer.pause', { offerId: first, reason: 'Store reports the bundle price wrong on the checkout page; checking with the brand' })).status).toBe(200);
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await station.openView(context, 'commerce');
  const panel = page.getByTestId('commerce-offers');
  await expect(panel.locator('tbody tr')).not.toHaveCount(0);
  const box = await panel.boundingBox();
  expect(box).not.toBeNull();
  const right = (box?.x ?? 0) + (box?.width ?? 0);
  const lastHead = await panel.locator('thead th').last().boundingBox();
  expect(lastHead, 'Toggle header').not.toBeNull();
  expect((lastHead?.x ?? 0) + (lastHead?.width ?? 0), 'Toggle header right edge').toBeLessThanOrEqual(right + 0.5);
  const rows = await panel.locator('tbody tr').count();
  for (let i = 0; i < rows; i++) {
    const row = panel.locator('tbody tr').nth(i);
    for (const el of [row.locator('td').last(), row.locator('td').last().locator('button')]) {
      const b = await el.boundingBox();
      expect(b, `row ${i}`).not.toBeNull();
      expect((b?.x ?? 0) + (b?.width ?? 0), `row ${i}: right edge inside the panel (${right})`).toBeLessThanOrEqual(right + 0.5);
    }
  }
  // Nothing scrolls sideways inside the panel either (a clipped column would hide behind a scrollbar).
  const sideways = await panel.evaluate((el) => Array.from(el.querySelectorAll('*')).some((n) => n.scrollWidth - n.clientWidth > 1 && getComputedStyle(n).overflowX !== 'visible'));
  expect(sideways, 'a part of the panel scrolls sideways').toBe(false);
  await page.screenshot({ path: test.info().outputPath('commerce-1366x768.png') });
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/commerce-1366x768.png` });
  await context.close();
});
