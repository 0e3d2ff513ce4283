// The producer console is one screen: at 1920×1080 and 1366×768, on a busy show (three offers,
// comments replaying, the show clock running, two emergency banners up), the status bar, every
// offer's PAUSE, the current cue and the alert count are inside the viewport and the page itself
// does not scroll. (The README's screenshots of this scene: `npm run screenshots`.)
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { writeBusyShow } from './busy-show';
import { currentRowWhole, insideViewport, unclipped } from './screen-checks';

const busy = writeBusyShow();
test.use({ stationOptions: { showFile: busy.file } });
const OFFERS = ['glow-kit-live', 'lip-tint-trio', 'serum-duo'];

/** The cue after the current one in the deck list: whole in the list's visible area, or, where the list is
 * too short for it, cut under a visible "more below" line that counts it (the list says it scrolls). */
async function nextRowWholeOrSaid(page: Page, what: string) {
  const state = await page.getByTestId('deck-list').evaluate((list) => {
    const cur = list.querySelector('.deck-cue.is-current');
    let next = cur?.nextElementSibling ?? null;
    while (next && !next.classList.contains('deck-cue')) next = next.nextElementSibling;
    if (!next) return { whole: true, below: 0 };
    const l = list.getBoundingClientRect();
    const bottom = l.top + list.clientTop + list.clientHeight;
    const below = Array.from(list.querySelectorAll('.deck-cue')).filter((c) => c.getBoundingClientRect().bottom > bottom + 0.5).length;
    return { whole: next.getBoundingClientRect().bottom <= bottom + 0.5, below };
  });
  if (state.whole) return;
  const more = page.getByTestId('deck-more');
  await insideViewport(page, more, `${what}: the "more below" line`);
  await unclipped(more, `${what}: the "more below" line`);
  await expect(more, `${what}: the next cue is cut, and the line says so`).toHaveText(new RegExp(`^▼ ${state.below} more cues? below`));
  expect(parseFloat(await more.evaluate((el) => getComputedStyle(el).fontSize)), `${what}: the line's size`).toBeGreaterThanOrEqual(13);
  const [m, cur] = [(await more.boundingBox())!, (await page.getByTestId('deck-list').locator('.deck-cue.is-current').boundingBox())!];
  expect(m.y + m.height <= cur.y + 0.5 || cur.y + cur.height <= m.y + 0.5, `${what}: the line is over the current cue`).toBe(true);
}

for (const size of [
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
]) {
  test(`the producer console fits ${size.width}×${size.height} with no page scroll on a busy show`, async ({ station, context }) => {
    // Reporting to an HQ that is away: the status bar carries "HQ: offline since …" as well.
    expect((await station.api('hq.configure', { url: 'http://127.0.0.1:9', stationId: 'layout', token: 'bhq_layout-test-token' })).status).toBe(200);
    const producer = await station.openView(context, 'producer');
    await producer.setViewportSize(size);
    // Busy: the show clock runs (with no OBS: an emergency banner), comments flow, cues move on.
    expect((await station.api('show.clock', { action: 'start' })).status).toBe(200);
    expect((await station.api('cue.goto', { cueId: 'glow-kit-offer.2' })).status).toBe(200);
    // A second emergency: the store answers serum-duo with 5xx and its rule pauses it.
    expect((await station.api('offer.ingest', { events: Array.from({ length: 6 }, (_, i) => ({ id: `5xx-${i}`, type: 'store_5xx', offerId: 'serum-duo', count: 1 })) })).status).toBe(200);
    await expect(producer.getByTestId('emergency-obs-link-lost')).toBeVisible();
    await expect(producer.getByTestId('emergency-offer-rule-paused')).toBeVisible();
    await expect(producer.getByTestId('comments-summary')).not.toContainText('Comments · 0');

    await insideViewport(producer, producer.getByTestId('status-bar'), 'status bar');
    for (const id of OFFERS.filter((o) => o !== 'serum-duo')) await insideViewport(producer, producer.getByTestId(`status-pause-${id}`), `PAUSE ${id}`);
    await insideViewport(producer, producer.getByTestId('status-resume-serum-duo'), 'RESUME serum-duo');
    await insideViewport(producer, producer.getByTestId('deck-current'), 'current cue');
    // The deck's own controls show under the current cue without scrolling its panel: all five, so
    // picking a cue, arming it and going there need no scroll with two emergencies up.
    for (const id of ['deck-current', 'cue-prev', 'cue-next', 'cue-jump', 'cue-arm', 'cue-go']) {
      await unclipped(producer.getByTestId(id), id);
      await insideViewport(producer, producer.getByTestId(id), id);
    }
    // The deck list under the controls scrolls to the current cue and shows it whole (at 1366×768 it
    // once was a 10-pixel strip, at 1920×1080 a sticky segment header sat over half the cue).
    await currentRowWhole(producer, 'current cue in the deck list');
    await nextRowWholeOrSaid(producer, 'next cue in the deck list');
    expect((await station.api('cue.next', {})).status).toBe(200);
    await expect(producer.getByTestId('deck-list').locator('.deck-cue.is-current')).toHaveAttribute('data-cue-id', 'glow-kit-offer.3');
    await currentRowWhole(producer, 'current cue in the deck list after Next');
    await nextRowWholeOrSaid(producer, 'next cue in the deck list after Next');
    // Armed: the cue's id and Disarm sit whole on one line under the current cue, on screen, at both sizes.
    expect((await station.api('cue.arm', { cueId: 'urgency.1' })).status).toBe(200);
    await expect(producer.getByTestId('deck-armed-id')).toHaveText('urgency.1');
    for (const id of ['deck-armed-id', 'cue-disarm', 'cue-go']) {
      await unclipped(producer.getByTestId(id), id);
      await insideViewport(producer, producer.getByTestId(id), id);
    }
    // One row of controls: Go has not wrapped under Previous.
    const [prevBox, goBox] = [await producer.getByTestId('cue-prev').boundingBox(), await producer.getByTestId('cue-go').boundingBox()];
    expect(Math.abs((goBox?.y ?? -99) - (prevBox?.y ?? 99)), 'Go on the row of Previous').toBeLessThan(4);
    const disarm = await producer.getByTestId('cue-disarm').boundingBox();
    expect(disarm?.height, 'Disarm on one line').toBeLessThan(40);
    expect((await station.api('cue.arm', { cueId: null })).status).toBe(200);
    await expect(producer.getByTestId('deck-armed')).toHaveCount(0);
    // The header names the person who acts, whole; the key they act through is the tooltip.
    const whoami = producer.getByTestId('whoami');
    await expect(whoami.locator('.whoami-name')).toHaveText('Maya Okafor');
    expect(await whoami.locator('.whoami-name').evaluate((el) => el.scrollWidth - el.clientWidth), 'person’s name cut').toBeLessThanOrEqual(0);
    await expect(whoami).toHaveAttribute('title', 'Maya Okafor (maya) via Producer (station automation key) — producer');
    // Nothing on the header's right gives way to the tabs: the link state and the clock stay whole.
    for (const el of [whoami, producer.getByTestId('connection'), producer.getByTestId('station-header').locator('time')]) await insideViewport(producer, el, 'header right side');
    // No OBS link: said once, by the air cell; the health cell has no chip of its own, only why.
    await expect(producer.getByTestId('status-air')).toHaveText('NO OBS LINK');
    await expect(producer.getByTestId('status-health').locator('.badge')).toHaveCount(0);
    await expect(producer.getByTestId('status-bar')).not.toContainText(/\bNO LINK\b/);
    expect(await producer.getByTestId('status-health').evaluate((el) => el.getBoundingClientRect().height), 'health cell on one line').toBeLessThan(30);
    await insideViewport(producer, producer.getByTestId('status-alerts'), 'alert count');
    // The segment and its time left (the show clock runs) are in the status bar, whole and in view.
    const segment = producer.getByTestId('status-segment');
    await expect(segment.locator('.status-seg-time')).toHaveText(/^\d\d:\d\d (left|over)$/);
    await expect(segment.locator('.status-label')).not.toHaveText('');
    await insideViewport(producer, segment, 'segment and time left');
    await unclipped(segment.locator('.status-seg-time'), 'segment time left');
    // The banner is counted: no OBS was ever linked, so no alert was raised for it, and the count still says it.
    await expect(producer.getByTestId('status-alerts-critical')).toHaveText(/^[1-9]\d* crit$/);
    await expect(producer.getByTestId('status-hq')).toContainText(/HQ: offline since \d\d:\d\d/);
    await insideViewport(producer, producer.getByTestId('status-hq'), 'HQ sync state');
    for (const action of await producer.getByTestId('emergency-action').all()) await insideViewport(producer, action, 'emergency action');
    await insideViewport(producer, producer.getByTestId('onair-panel'), 'on-air panel');
    // Words of one's own to the host in an emergency ("Stretch, the duo is paused"): the talkback's field
    // and Send are whole in the on-air panel, no scroll of it first (at 1366×768 both sat under its edge).
    await unclipped(producer.getByTestId('talkback-text'), 'talkback field');
    await unclipped(producer.getByTestId('onair-panel').getByRole('button', { name: 'Send' }), 'talkback Send');
    // With no OBS link the scenes column is a help sentence: whole inside the OBS panel, not cut by its scroll.
    await unclipped(producer.getByTestId('obs-scenes-empty'), 'OBS scenes help');
    const scroll = await producer.evaluate(() => ({
      doc: document.documentElement.scrollHeight - document.documentElement.clientHeight,
      body: document.body.scrollHeight - document.body.clientHeight,
      docW: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    }));
    expect(scroll).toEqual({ doc: 0, body: 0, docW: 0 });
    // The page's title and icon carry the state from the task bar.
    await expect(producer).toHaveTitle(/^⚠ 2 · OFF AIR · 1 PAUSED — Producer · /);
    expect(await producer.locator('link[rel="icon"]').getAttribute('href')).toMatch(/^data:image\/svg\+xml,/);
  });
}

test('Setup, Audit and Post-show are tabs of their own; Live holds no set-up form', async ({ station, context }) => {
  const producer = await station.openView(context, 'producer');
  await expect(producer.getByLabel('OBS WebSocket address')).toHaveCount(0);
  await expect(producer.getByTestId('people-panel')).toHaveCount(0);
  await expect(producer.getByTestId('script-editor')).toHaveCount(0);
  await producer.getByTestId('tab-setup').click();
  await expect(producer.getByTestId('obs-setup').getByLabel('OBS WebSocket address')).toBeVisible();
  await expect(producer.getByTestId('show-panel')).toBeVisible();
  await expect(producer).toHaveURL(/#setup$/);
  // People: the show's crew, each with an invitation to send.
  const people = producer.getByTestId('people-panel');
  await expect(people).toBeVisible();
  await expect(people.getByTestId('person-leo')).toContainText('Leo Martins');
  await expect(people.getByTestId('person-invite-leo')).toBeEnabled();
  // Products: the catalogue on the show panel, and each offer's rules and store in their own panel.
  await expect(producer.getByTestId('show-panel')).toContainText('Products');
  await expect(producer.getByTestId('show-panel')).toContainText('GLW-SER-30');
  await expect(producer.getByTestId('offer-setup-glow-kit-live')).toContainText('LIVEGLOW');
  // The script: Edit opens the editor on the current script, with Save.
  await producer.getByTestId('mode-edit').click();
  await expect(producer.getByTestId('script-editor')).toBeVisible();
  await expect(producer.getByTestId('script-source')).toHaveValue(/\S/);
  await expect(producer.getByTestId('script-save')).toBeVisible();
  await producer.getByTestId('tab-audit').click();
  await expect(producer.getByTestId('audit-panel')).toBeVisible();
  // Post-show: the package control, and one click writes it and says where.
  await producer.getByTestId('tab-post-show').click();
  await expect(producer).toHaveURL(/#post-show$/);
  const post = producer.getByTestId('post-show-panel');
  await expect(post).toBeVisible();
  const write = post.getByRole('button', { name: 'Write package' });
  await expect(write).toBeEnabled();
  await write.click();
  await expect(post.getByTestId('post-show-result')).toContainText('Written to');
  await producer.getByTestId('tab-live').click();
  await expect(producer.getByTestId('cue-deck')).toBeVisible();
});

test('the host card on the same busy show, at 1280×720, 1366×768 and 1920×1080: banners name the offer, nothing the host reads is cut', async ({ station, context }) => {
  expect((await station.api('show.clock', { action: 'start' })).status).toBe(200);
  expect((await station.api('cue.goto', { cueId: 'glow-kit-offer.2' })).status).toBe(200);
  expect((await station.api('offer.ingest', { events: Array.from({ length: 6 }, (_, i) => ({ id: `5xx-${i}`, type: 'store_5xx', offerId: 'serum-duo', count: 1 })) })).status).toBe(200);
  const host = await station.openView(context, 'host');
  const paused = host.getByTestId('emergency-offer-rule-paused');
  // With three offers on the card, "the CTA" alone would not say which one to skip.
  await expect(paused).toContainText('Do not read the Serum duo CTA.');
  await expect(host.getByTestId('emergency-obs-link-lost')).toBeVisible();
  for (const size of [
    { width: 1280, height: 720 },
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 },
  ]) {
    await host.setViewportSize(size);
    await insideViewport(host, host.getByTestId('host-cue-text'), `cue text at ${size.width}`);
    await unclipped(host.getByTestId('host-cue-text'), `cue text at ${size.width}`);
    // The next line is a whole line or more, never a sliver.
    await unclipped(host.getByTestId('host-next').locator('.host-clock-label'), `next line at ${size.width}`);
    await insideViewport(host, host.getByTestId('host-next').locator('.host-clock-label'), `next line at ${size.width}`);
    // The next cue's type is written as the card writes the current one: "NEXT · CTA", not "NEXT · cta".
    expect(await host.getByTestId('host-next').locator('.host-clock-label').innerText(), `next line's cue type at ${size.width}`).toMatch(/^NEXT · [^a-z]+$/);
    // Offer names beside the figures are whole at these sizes.
    const cut = await host.getByTestId('host-numbers').evaluate((el) => Array.from(el.querySelectorAll('.host-number-name')).filter((n) => n.scrollWidth > n.clientWidth).map((n) => n.textContent));
    expect(cut, `offer names cut at ${size.width}`).toEqual([]);
  }
});
