// The commerce page at a laptop's size: every column of the offers table, the Toggle column last, sits
// inside its panel (it was clipped at the panel's right edge at 1366×768), also with a paused offer's
// reason and a person who must ask the toggle owner (the longest button).
import { resolve } from 'node:path';
import type { Locator } from '@playwright/test';
import { test, expect } from './fixtures';
import { writeBusyShowWithLongOfferNames } from './busy-show';

/** Each reason field shows its whole placeholder: "Reason (required)" was cut to "Reason (requi" on
 * the busy show at 1366×768, where the Stock column lists more SKUs and squeezes the Toggle column. */
async function placeholdersWhole(panel: Locator) {
  const inputs = panel.locator('tbody input');
  expect(await inputs.count()).toBe(await panel.locator('tbody tr').count());
  let required = 0;
  for (const input of await inputs.all()) {
    const fit = await input.evaluate((el: HTMLInputElement) => {
      const style = getComputedStyle(el);
      const ctx = document.createElement('canvas').getContext('2d');
      if (!ctx) return null;
      ctx.font = style.font;
      const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return { label: el.getAttribute('aria-label'), placeholder: el.placeholder, text: Math.ceil(ctx.measureText(el.placeholder).width), room };
    });
    expect(fit).not.toBeNull();
    if (fit?.placeholder === 'Reason (required)') required += 1;
    expect(fit?.text, `${fit?.label}: "${fit?.placeholder}" in a field with ${fit?.room} px for text`).toBeLessThanOrEqual(fit?.room ?? 0);
  }
  expect(required, 'a live offer asks for a reason').toBeGreaterThan(0);
}

const SHOTS = process.env.BATON_SCREENSHOTS === '1' ? resolve(import.meta.dirname, '../../docs/screenshots') : null;

test('commerce at 1366×768: the offers table’s last column is inside the panel', async ({ station, browser }) => {
  const offers = (await (await fetch(`${station.url}/api/state`, { headers: { authorization: `Bearer ${station.tokens.producer}` } })).json()) as {
    state: { offers: { items: { id: string }[] } };
  };
  const first = offers.state.offers.items[0]?.id;
  expect(first).toBeTruthy();
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await station.openView(context, 'commerce');
  const panel = page.getByTestId('commerce-offers');
  await expect(panel.locator('tbody tr')).not.toHaveCount(0);
  await placeholdersWhole(panel);
  await panel.screenshot({ path: test.info().outputPath('commerce-offers-live-1366x768.png') });
  // Then with the first offer paused: its reason under its state, the longest row.
  expect((await station.api('offer.pause', { offerId: first, reason: 'Store reports the bundle price wrong on the checkout page; checking with the brand' })).status).toBe(200);
  await expect(panel.getByText('Store reports the bundle price wrong')).toBeVisible();
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

test.describe('on the busy show of the views tour (three offers, one with a 60-character name)', () => {
  const busy = writeBusyShowWithLongOfferNames();
  test.use({ stationOptions: { showFile: busy.file } });

  test('commerce at 1366×768: every reason field shows its whole placeholder', async ({ station, browser }) => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await station.openView(context, 'commerce');
    const panel = page.getByTestId('commerce-offers');
    await expect(panel.locator('tbody tr')).toHaveCount(3);
    await placeholdersWhole(panel);
    await page.screenshot({ path: test.info().outputPath('commerce-busy-1366x768.png') });
    await context.close();
  });
});
