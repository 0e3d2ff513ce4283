// The moderator desk at 1366×768 on a busy show whose queues overflow (low limits, the demo replay
// running, three offers with one paused by its store rule): the toolbar is one row, every offer's
// state is whole above the queues, each queue tab's OVERFLOW line is whole, and no row's tags spill.
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
  // Every queue tab holds its own lines, top to bottom: a column too short for them scrolls, it never squeezes a tab
  // over its label, its count or its OVERFLOW line.
  const squeezed = await desk.locator('.queue-tab').evaluateAll((tabs) =>
    tabs.flatMap((t) => {
      const box = t.getBoundingClientRect();
      return Array.from(t.children)
        .map((c) => c.getBoundingClientRect())
        .filter((c) => c.height > 0 && (c.top < box.top - 0.5 || c.bottom > box.bottom + 0.5))
        .map(() => t.getAttribute('data-testid'));
    }),
  );
  expect(squeezed, 'queue tabs whose lines stick out of them').toEqual([]);

  // One row: every item of the toolbar sits on the same line.
  const bar = desk.locator('.mod-bar');
  const tops = await bar.evaluate((el) => Array.from(el.children).map((c) => Math.round(c.getBoundingClientRect().top + c.getBoundingClientRect().height / 2)));
  expect(Math.max(...tops) - Math.min(...tops), `toolbar rows (item centres ${tops.join(', ')})`).toBeLessThanOrEqual(4);
  await whole(desk.getByTestId('list-count'), bar, 'count');
  // The offers above the queues: each state whole, each name readable (cut at worst, never gone).
  for (const id of OFFERS) {
    const chip = desk.getByTestId(`desk-offer-${id}`);
    await whole(chip.locator('strong'), chip, `${id} state in its chip`);
    await whole(chip, desk.locator('.mod-side'), `${id} chip`);
    // Whole, or given more than 80 px ("Lip Tint trio" is whole in 80 px since its colon went).
    const name = await chip.locator('.desk-offer-name').evaluate((el) => ({ text: el.textContent, width: el.clientWidth, whole: el.scrollWidth <= el.clientWidth && el.scrollHeight <= el.clientHeight }));
    expect(name.whole || name.width > 80, `${id} name shown: ${JSON.stringify(name)}`).toBe(true);
  }
  // A row's tags (intent, SKU, who holds it) stay inside its 60 px: nothing spills onto the next row.
  await desk.getByTestId('comment-row').first().click();
  await desk.keyboard.press('c');
  await expect(desk.getByTestId('comment-holder').first()).toHaveText('You are replying');
  const spills = await desk.getByTestId('comment-row').evaluateAll((rows) =>
    rows.flatMap((r) => {
      const box = r.getBoundingClientRect();
      return Array.from(r.querySelectorAll('.comment-tags > *'))
        .map((t) => t.getBoundingClientRect())
        .filter((t) => t.height > 0 && (t.top < box.top - 0.5 || t.bottom > box.bottom + 0.5))
        .map(() => r.getAttribute('data-id'));
    }),
  );
  expect(spills, 'rows whose tags spill out of the row').toEqual([]);
  // The detail's actions stay in view however long the detail (the alerts above take height at 1366×768): the
  // moderator presses them, the facts and reasons above may scroll.
  await expect(desk.getByTestId('my-alerts')).toContainText(/\(3\)/, { timeout: 30_000 });
  // The row this moderator holds, with its group header and reasons: the detail at its longest.
  await desk.getByTestId('comment-row').filter({ hasText: 'You are replying' }).first().click();
  const pane = await desk.locator('.mod-detail').boundingBox();
  const buttons = await desk.locator('.detail-actions button').evaluateAll((els) => els.map((b) => ({ text: b.textContent ?? '', top: b.getBoundingClientRect().top, bottom: b.getBoundingClientRect().bottom })));
  expect(buttons.length, 'detail actions').toBeGreaterThanOrEqual(4);
  const cut = buttons.filter((b) => !pane || b.top < pane.y - 0.5 || b.bottom > pane.y + pane.height + 0.5).map((b) => b.text);
  expect(cut, 'detail actions out of the detail pane’s view').toEqual([]);
  expect(await desk.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 'page scrolls sideways').toBe(0);
});

test('the comment list scrolls on the compositor: its own layer, not repainted into the page each frame', async ({ station, context }) => {
  const desk = await station.openView(context, 'moderator', { query: 'as=Ana%20Reyes' });
  await desk.setViewportSize({ width: 1366, height: 768 });
  await desk.getByTestId('queue-all').click();
  await expect(desk.getByTestId('comment-row').first()).toBeVisible({ timeout: 20_000 });
  // Enough replayed comments that the list scrolls (a list that fits has nothing to scroll).
  await expect.poll(() => desk.getByTestId('comment-list').evaluate((el) => el.scrollHeight - el.clientHeight), { timeout: 60_000 }).toBeGreaterThan(600);
  const cdp = await context.newCDPSession(desk);
  await cdp.send('DOM.enable');
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '[data-testid="comment-list"]' });
  const { node } = await cdp.send('DOM.describeNode', { nodeId });
  const seen: number[] = [];
  cdp.on('LayerTree.layerTreeDidChange', (e: { layers?: { backendNodeId?: number }[] }) => seen.push(...(e.layers ?? []).map((l) => l.backendNodeId ?? 0)));
  await cdp.send('LayerTree.enable');
  for (let i = 0; i < 5; i++) {
    await desk.getByTestId('comment-list').evaluate((el) => (el.scrollTop += 120));
    await desk.waitForTimeout(200);
  }
  const layers = seen.map((backendNodeId) => ({ backendNodeId }));
  // Without a layer of its own (a transparent list could not keep LCD text on one), every scrolled
  // frame repainted and re-rastered the whole list.
  expect(layers.some((l) => l.backendNodeId === node.backendNodeId), `a compositing layer for the comment list (node ${node.backendNodeId}; layers of ${layers.map((l) => l.backendNodeId ?? '-').join(', ')})`).toBe(true);
  await cdp.detach();
});
