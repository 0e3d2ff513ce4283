// The host's card on a 720p monitor when everything stacks up at once: two emergencies (OBS lost
// while the show clock runs, an offer paused by its rule), a second offer paused by hand, an unread
// talkback, three offers' numbers with long names and a pinned question. The approved cue text must
// still be on screen and readable; before, the stack above it pushed it off the card entirely.
import { test, expect } from './fixtures';
import { writeBusyShowWithLongOfferNames } from './busy-show';

const busy = writeBusyShowWithLongOfferNames();
test.use({ stationOptions: { showFile: busy.file } });
const HD = { width: 1280, height: 720 };

type Fixtures = Parameters<Parameters<typeof test>[2]>[0];

/** Everything at once: the show running on the offer's cue, the serum duo paused by its rule (store
 *  errors), the lip tint paused by hand, a pinned question, then the host's card at 720p and a talkback. */
async function crowdHost(station: Fixtures['station'], context: Fixtures['context']) {
  expect((await station.api('show.clock', { action: 'start' })).status).toBe(200);
  expect((await station.api('cue.goto', { cueId: 'glow-kit-offer.2' })).status).toBe(200);
  expect((await station.api('offer.ingest', { events: Array.from({ length: 6 }, (_, i) => ({ id: `5xx-${i}`, type: 'store_5xx', offerId: 'serum-duo', count: 1 })) })).status).toBe(200);
  expect((await station.api('offer.pause', { offerId: 'lip-tint-trio', reason: 'wrong price on the checkout page' })).status).toBe(200);
  expect((await station.api('comments.ingest', { comments: [{ platform: 'tiktok', id: 'q1', author: 'mel.beauty', text: 'is the lip tint trio cruelty free?', lang: 'en' }] })).status).toBe(200);
  await expect.poll(async () => (await station.api('comment.pin', { id: 'tiktok:q1' })).status).toBe(200);
  const host = await station.openView(context, 'host');
  await host.setViewportSize(HD);
  expect((await station.api('talkback.send', { text: 'Stretch — the serum duo is paused, talk texture' })).status).toBe(200);
  return host;
}

test('host at 1280×720 with talkback, two paused offers and two emergencies: the cue text stays on screen', async ({ station, context }) => {
  const host = await crowdHost(station, context);
  await expect(host.getByTestId('host-talkback')).toHaveAttribute('data-read', '0');
  await expect(host.getByTestId('emergency-obs-link-lost')).toBeVisible();
  await expect(host.getByTestId('emergency-offer-rule-paused')).toBeVisible();
  await expect(host.getByTestId('host-banner').filter({ hasText: 'Lip Tint trio' })).toBeVisible();
  await host.waitForTimeout(500);

  const text = host.getByTestId('host-cue-text');
  await expect(text).toHaveText(/^Tap the pinned Glow Kit below/);
  const box = (await text.boundingBox())!;
  expect(box.y, 'cue text top on screen').toBeGreaterThanOrEqual(0);
  expect(box.y + box.height, 'cue text bottom on screen').toBeLessThanOrEqual(HD.height);
  expect(box.height, 'cue text height').toBeGreaterThan(60);
  // Inside the card, not hidden behind its clipped edge.
  const card = (await host.getByTestId('host-card').boundingBox())!;
  expect(box.y + box.height, 'cue text bottom inside the card').toBeLessThanOrEqual(card.y + card.height + 0.5);
  expect(parseFloat(await text.evaluate((el) => getComputedStyle(el).fontSize)), 'cue text size').toBeGreaterThanOrEqual(28);
  await host.screenshot({ path: test.info().outputPath('host-crowded-1280x720.png') });
  // Above the text, whole (not cut by the stack that gives way): the hand-paused offer's "do not read
  // its CTA" and the talkback the producer needs read now.
  const stack = (await host.getByTestId('host-stack').boundingBox())!;
  for (const [what, el] of [
    ['Lip Tint paused banner', host.getByTestId('host-banner').filter({ hasText: 'Lip Tint trio' })],
    ['talkback', host.getByTestId('host-talkback')],
  ] as const) {
    const b = (await el.boundingBox())!;
    expect(b.y + b.height, `${what} bottom inside what the card shows (${Math.round(stack.y + stack.height)})`).toBeLessThanOrEqual(stack.y + stack.height + 0.5);
  }
});

/** Every child of `container` (matching `selector`) is whole inside it or not shown at all: a cut stack
 *  leaves no sliver (the top of a banner, half a row of numbers, a pinned question's label alone). */
async function slivers(page: import('@playwright/test').Page, container: string, selector: string): Promise<string[]> {
  return page.locator(container).evaluate((box, sel) => {
    const edge = box.getBoundingClientRect();
    return Array.from(box.querySelectorAll<HTMLElement>(sel))
      .filter((el) => getComputedStyle(el).visibility !== 'hidden' && el.getBoundingClientRect().height > 0)
      .filter((el) => {
        const r = el.getBoundingClientRect();
        // A box stretched short by its row spills its content past its own edge: that is cut too.
        const spills = getComputedStyle(el).overflowY === 'visible' && el.scrollHeight > el.clientHeight + 1;
        return r.top < edge.bottom && (r.bottom > edge.bottom + 0.5 || (spills && r.top + el.scrollHeight > edge.bottom + 0.5));
      })
      .map((el) => `${el.dataset.testid ?? el.className}: ${Math.round(Math.max(el.getBoundingClientRect().bottom, el.getBoundingClientRect().top + el.scrollHeight) - edge.bottom)} px cut`);
  }, selector);
}

test('host at 1280×720 crowded: what gives way goes whole (no sliver of numbers or pinned question), and each pause is said once', async ({ station, context }) => {
  const host = await crowdHost(station, context);
  await expect(host.getByTestId('emergency-offer-rule-paused')).toBeVisible();
  await expect(host.getByTestId('host-talkback')).toBeVisible();
  await host.waitForTimeout(500);
  await host.screenshot({ path: test.info().outputPath('host-crowded-whole-1280x720.png') });
  await expect.poll(() => slivers(host, '[data-testid="host-stack"]', ':scope > *')).toEqual([]);
  await expect.poll(() => slivers(host, '.host-bottom', ':scope > *:not(.host-next)')).toEqual([]);
  // The rule-paused serum duo is the emergency banner's to say; the card's own banner names only the
  // offer paused by hand.
  await expect(host.getByTestId('host-banner').filter({ hasText: 'Serum duo' })).toHaveCount(0);
  await expect(host.getByTestId('host-banner').filter({ hasText: 'Lip Tint trio' })).toHaveText(/PAUSED — do not read its CTA/);
});
