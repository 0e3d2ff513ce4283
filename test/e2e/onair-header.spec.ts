// The On air panel at 1366×768 with a time-boxed offer running whose name is long: its title (which
// carries the window's countdown) stays on one line with the countdown whole, and the four tabs
// stay inside the panel. The title once wrapped to three lines and pushed Window, Rundown and
// Overlays off the panel's right edge.
import { test, expect } from './fixtures';
import { writeBusyShow } from './busy-show';

const LONG = 'Lip Tint trio — Red, Nude and Berry, with a mirror and a pouch';
const busy = writeBusyShow((show) => {
  (show.offers as Array<Record<string, unknown>>)[1]!.name = LONG;
  return show;
});
test.use({ stationOptions: { showFile: busy.file } });

test('On air panel at 1366×768: a running window’s title keeps its countdown and every tab in view', async ({ station, context }) => {
  const producer = await station.openView(context, 'producer');
  await producer.setViewportSize({ width: 1366, height: 768 });
  await producer.getByTestId('onair-tab-window').click();
  await producer.getByTestId('window-minutes-lip-tint-trio').fill('5');
  await producer.getByTestId('window-open-lip-tint-trio').click();
  await expect(producer.getByTestId('window-lip-tint-trio')).toHaveAttribute('data-phase', 'open');

  const panel = producer.getByTestId('onair-panel');
  const title = panel.locator('header h2');
  await expect(title).toHaveText(/^On air · 0[45]:\d\d · Lip Tint trio/);
  // One line; the tooltip has it whole; the countdown is not what gets cut.
  const t = await title.evaluate((el) => ({ h: el.getBoundingClientRect().height, lh: parseFloat(getComputedStyle(el).lineHeight) || parseFloat(getComputedStyle(el).fontSize) * 1.4 }));
  expect(Math.round(t.h / t.lh), 'title lines').toBe(1);
  await expect(title).toHaveAttribute('title', new RegExp(`${LONG}$`));
  const visibleText = await title.evaluate((el) => {
    const r = document.createRange();
    r.selectNodeContents(el);
    const box = el.getBoundingClientRect();
    // The countdown sits within the first part of the line that is drawn.
    const text = el.textContent ?? '';
    const at = text.search(/\d\d:\d\d/);
    r.setStart(el.firstChild!, at);
    r.setEnd(el.firstChild!, at + 5);
    return r.getBoundingClientRect().right <= box.right;
  });
  expect(visibleText, 'countdown inside the drawn title').toBe(true);

  const panelBox = (await panel.boundingBox())!;
  for (const tab of ['talkback', 'window', 'rundown', 'overlays']) {
    const b = (await panel.getByTestId(`onair-tab-${tab}`).boundingBox())!;
    expect(b.x + b.width, `${tab} tab right edge inside the panel`).toBeLessThanOrEqual(panelBox.x + panelBox.width + 0.5);
    expect(b.y, `${tab} tab top inside the panel`).toBeGreaterThanOrEqual(panelBox.y - 0.5);
  }
});
