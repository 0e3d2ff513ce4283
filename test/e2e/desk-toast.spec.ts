// The moderator's "Copied — paste it in …" toast at 1366×768 and 1920×1080: it used to float in the
// bottom-right corner, over the comment detail the moderator was reading (its buttons, the reply's
// text). It must cover nothing the moderator needs: not the detail, not the list's rows, not the queues.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

async function overlap(page: Page, a: string, b: string): Promise<number> {
  return page.evaluate(
    ([sa, sb]) => {
      const ra = document.querySelector(sa!)!.getBoundingClientRect();
      const rb = document.querySelector(sb!)!.getBoundingClientRect();
      const w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
      const h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
      return w > 0 && h > 0 ? Math.round(w * h) : 0;
    },
    [a, b],
  );
}

for (const size of SIZES) {
  test(`moderator ${size.width}×${size.height}: the Copied toast covers neither the detail, the list nor the queues`, async ({ station, context }) => {
    const comments = Array.from({ length: 30 }, (_, i) => ({ platform: 'tiktok', id: `t${i}`, author: `viewer.${i}`, text: `how much is shipping to city ${i}?`, lang: 'en' }));
    expect((await station.api('comments.ingest', { comments })).status).toBe(200);
    const page = await station.openView(context, 'moderator', { query: 'as=Ana%20Reyes' });
    await page.setViewportSize(size);
    await page.getByTestId('queue-all').click();
    await page.getByTestId('comment-row').first().click();
    await page.keyboard.press('r');
    await expect(page.getByTestId('macro-picker')).toBeVisible();
    await page.keyboard.press('1');
    const toast = page.getByTestId('toast-ok');
    await expect(toast).toContainText(/Copied|Sent/);
    for (const region of ['.mod-detail', '.mod-list', '.mod-side', '.mod-bar']) {
      expect(await overlap(page, '[data-testid="toast-ok"]', region), `toast over ${region}`).toBe(0);
    }
    await page.screenshot({ path: test.info().outputPath('desk-toast.png') });
    // Whole on screen, and its words readable (13 px or more).
    const box = (await toast.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(size.height);
    expect(parseFloat(await toast.evaluate((el) => getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(13);
  });
}
