// The commerce and observer offer tables at a laptop's size on a busy show (three offers, one paused
// by its rule with a long reason): each SKU sits on one line with its count. The Stock column was
// squeezed to a few letters and broke SKUs at their hyphens ("BNDL- / GLOW- / KIT 494"), which
// reads as three products.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { writeBusyShow } from './busy-show';

const busy = writeBusyShow();
test.use({ stationOptions: { showFile: busy.file } });

/** Each stock line's text and how many line boxes it takes. */
async function stockLines(page: Page) {
  return page.locator('.stock-line').evaluateAll((els) =>
    els.map((el) => {
      const lh = parseFloat(getComputedStyle(el).lineHeight) || parseFloat(getComputedStyle(el).fontSize) * 1.2;
      return { text: el.textContent ?? '', lines: Math.round(el.getBoundingClientRect().height / lh) };
    }),
  );
}

test('commerce and observer at 1366×768: every SKU and its stock count stay on one line; a greyed Pause says why', async ({ station, browser }) => {
  expect((await station.api('offer.ingest', { events: Array.from({ length: 6 }, (_, i) => ({ id: `5xx-${i}`, type: 'store_5xx', offerId: 'serum-duo', count: 1 })) })).status).toBe(200);
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  for (const role of ['commerce', 'observer'] as const) {
    const page = await station.openView(context, role);
    await expect(page.locator('.stock-line').filter({ hasText: 'LIP-TINT-BERRY' })).toBeVisible();
    await expect(page.getByText(/paused/i).first()).toBeVisible();
    const lines = await stockLines(page);
    expect(lines.length, role).toBeGreaterThanOrEqual(6);
    expect(lines.filter((l) => l.lines !== 1), `${role}: stock lines broken over several lines`).toEqual([]);
    const over = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(over, `${role}: horizontal overflow`).toBe(0);
    if (role === 'commerce') {
      // A greyed-out Pause says why it is greyed out, and the field says it is needed.
      const pause = page.getByTestId('commerce-pause-glow-kit-live');
      await expect(pause).toBeDisabled();
      await expect(pause).toHaveAttribute('title', 'Type a reason first');
      await expect(page.getByLabel('Reason for Glow Kit live bundle')).toHaveAttribute('placeholder', 'Reason (required)');
      await page.getByLabel('Reason for Glow Kit live bundle').fill('oversold in the warehouse');
      await expect(pause).toBeEnabled();
    }
    await page.close();
  }
  await context.close();
});
