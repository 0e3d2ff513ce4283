// Every view as its users see it during a busy show: three offers (one with a 60-character name,
// one named in Arabic with emoji), a segment with a long title on air, RTL/emoji comments flowing,
// orders against a cap, an offer paused by a rule, an escalation, a review with a compliance flag
// waiting for sign-off, the overlays on, and finally the station lost. Each role page must fit
// 1366×768 with no horizontal scroll. Screenshots go to .tmp/view-shots (BATON_VIEW_SHOTS=dir).
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { writeBusyShow } from './busy-show';
import { currentRowWhole, insideViewport, unclipped } from './screen-checks';

const LONG_OFFER = 'Lip Tint trio — Red, Nude and Berry, with a mirror and a pouch';
const RTL_OFFER = '✨ ثنائي السيروم — Serum duo 💧🔥';
const LONG_SEGMENT = 'Glow Kit offer — the full bundle, the bonus pouch and how to check out';
const busy = writeBusyShow((show) => {
  const offers = show.offers as Array<Record<string, unknown>>;
  (offers[1] as Record<string, unknown>).name = LONG_OFFER;
  (offers[2] as Record<string, unknown>).name = RTL_OFFER;
  return show;
});
test.use({ stationOptions: { showFile: busy.file } });

const SHOTS = resolve(process.env.BATON_VIEW_SHOTS ?? resolve(import.meta.dirname, '../../.tmp/view-shots'));

async function shot(page: Page, name: string, options: { omitBackground?: boolean } = {}) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), ...options });
}

/** The page neither scrolls sideways nor hides an element past its right edge. */
async function noSidewaysScroll(page: Page, what: string) {
  const over = await page.evaluate(() => ({
    doc: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    body: document.body.scrollWidth - document.body.clientWidth,
  }));
  expect(over, `${what}: horizontal overflow`).toEqual({ doc: 0, body: 0 });
}

async function open(
  station: Parameters<Parameters<typeof test>[2]>[0]['station'],
  context: BrowserContext,
  role: Parameters<typeof station.openView>[1],
  size: { width: number; height: number },
  query?: string,
) {
  const page = await station.openView(context, role, query ? { query } : {});
  await page.setViewportSize(size);
  return page;
}

const FULL_HD = { width: 1920, height: 1080 };
const LAPTOP = { width: 1366, height: 768 };
const HOST = { width: 1280, height: 720 };

test('a tour of every view on a busy show: screenshots, and no role page scrolls sideways at 1366×768', async ({
  station,
  context,
}) => {
  test.setTimeout(180_000);
  // The approved script, re-saved with a long title on the offer segment and recorded as approved.
  const v1 = (await station.api<{ source: string }>('script.get', { versionId: 'glow-kit-launch/v1' })).body.result!.source;
  const longSource = v1.replace('## Glow Kit offer {', `## ${LONG_SEGMENT} {`);
  const v2 = (
    await station.api<{ version: { id: string; hash: string } }>('script.save', { format: 'markdown', source: longSource })
  ).body.result!.version;
  expect(
    (
      await station.api('script.approve', {
        versionId: v2.id,
        hash: v2.hash,
        approver: 'Priya Shah',
        note: 'Email of 4 Dec: fine',
        given: 'email',
      })
    ).status,
  ).toBe(200);
  expect((await station.api('script.load', { versionId: v2.id })).status).toBe(200);
  // A third version waits for legal, with a delivery promise the approved text excluded.
  const flagged = longSource.replace('Standard shipping takes 3–5 working days', 'Next-day delivery for everyone tonight');
  const v3 = (await station.api<{ version: { id: string } }>('script.save', { format: 'markdown', source: flagged })).body.result!
    .version;
  expect((await station.api('script.requestApproval', { versionId: v3.id })).status).toBe(200);

  const state = async () =>
    (
      (await (
        await fetch(`${station.url}/api/state`, { headers: { authorization: `Bearer ${station.tokens.producer}` } })
      ).json()) as {
        state: { scripts: { deck: { content: { segments: { id: string; title: string; cues: { id: string }[] }[] } } } };
      }
    ).state;
  const segment = (await state()).scripts.deck.content.segments.find((s) => s.title === LONG_SEGMENT)!;
  expect(segment).toBeTruthy();
  expect((await station.api('cue.goto', { cueId: segment.cues[1]!.id })).status).toBe(200);

  // Comments in right-to-left scripts and emoji, a complaint escalated to customer service.
  const rtl = [
    { id: 'r1', author: 'نور_الجمال', text: 'عايزة الكيت ده 😍😍🔥 كام السعر؟ هل يوصل مصر؟', lang: 'ar' },
    { id: 'r2', author: 'שירה.ביוטי', text: 'איך מזמינים את הערכה? 💖💖💖', lang: 'he' },
    { id: 'r3', author: 'emoji.queen', text: '😍😍😍🔥🔥🔥💯💯💯✨✨✨🛒🛒🛒 +1 kit pls!!!', lang: 'en' },
    {
      id: 'r4',
      author: 'rui.b',
      text: 'My order arrived broken, the pump leaks everywhere and nobody answers my emails',
      lang: 'en',
    },
  ];
  expect((await station.api('comments.ingest', { comments: rtl.map((c) => ({ platform: 'tiktok', ...c })) })).status).toBe(200);
  expect(
    (
      await station.api('comment.escalate', {
        id: 'tiktok:r4',
        by: 'Ana Reyes',
        note: 'refund or replacement? customer waited 9 days',
      })
    ).status,
  ).toBe(200);
  expect((await station.api('comment.pin', { id: 'tiktok:r1' })).status).toBe(200);

  // Orders against the cap, and the overlays on as OBS would show them.
  const orders = Array.from({ length: 57 }, (_, i) => ({
    type: 'order',
    offerId: 'glow-kit-live',
    orderId: `o${i}`,
    amount: 39,
    currency: 'USD',
  }));
  expect((await station.api('offer.ingest', { events: orders })).status).toBe(200);
  // The pin reaches the comments summary on its next publish (it is paced under load), and the
  // question overlay copies the pinned comment from there: until then it answers 409, plainly.
  for (const overlay of ['offer', 'countdown', 'question', 'lower-third'])
    await expect.poll(async () => (await station.api('overlay.show', { overlay, visible: true })).status, { timeout: 5000 }).toBe(200);

  // The host's card before the show: nothing wrong yet.
  const host = await open(station, context, 'host', HOST);
  await expect(host.getByTestId('host-cue-text')).toBeVisible();
  await shot(host, 'host-1280x720-normal');
  await noSidewaysScroll(host, 'host');

  // The show runs (no OBS linked: an emergency); a rule pauses the RTL-named offer.
  expect((await station.api('show.clock', { action: 'start' })).status).toBe(200);
  const errors = Array.from({ length: 6 }, (_, i) => ({ type: 'store_5xx', offerId: 'serum-duo', id: `e${i}` }));
  expect((await station.api('offer.ingest', { events: errors })).status).toBe(200);

  const producer = await open(station, context, 'producer', FULL_HD);
  await expect(producer.getByTestId('emergency-obs-link-lost')).toBeVisible();
  await expect(producer.getByTestId('comments-summary')).not.toContainText('Comments · 0');
  await producer.waitForTimeout(1000);
  await shot(producer, 'producer-1920x1080');
  // The long segment title keeps to one line of the deck list's sticky header: wrapped to two at
  // 1366×768, the header covered the current cue.
  await currentRowWhole(producer, 'current cue under a long segment title at 1920×1080');
  await producer.setViewportSize(LAPTOP);
  await producer.waitForTimeout(300);
  await shot(producer, 'producer-1366x768');
  await noSidewaysScroll(producer, 'producer live');
  await currentRowWhole(producer, 'current cue under a long segment title at 1366×768');
  // The current segment's offer paused by hand (as a window's end pauses it): the deck says what the
  // host card shows instead, and the current cue, that notice and the offer's RESUME stay in view
  // together. A three-line notice once left the deck list 25 px at 1366×768: a strip of the cue.
  expect((await station.api('offer.pause', { offerId: 'glow-kit-live', reason: 'tour: checkout check' })).status).toBe(200);
  const notice = producer.getByTestId('deck-override');
  await expect(notice).toContainText('Glow Kit live bundle');
  await expect(notice).toContainText('paused');
  for (const size of [LAPTOP, FULL_HD]) {
    await producer.setViewportSize(size);
    await producer.waitForTimeout(300);
    const what = `a paused offer at ${size.width}×${size.height}`;
    await currentRowWhole(producer, `current cue with ${what}`);
    await insideViewport(producer, producer.getByTestId('deck-current'), `${what}: the deck's current cue`);
    await insideViewport(producer, notice, `${what}: the deck's notice`);
    await unclipped(notice, `${what}: the deck's notice`);
    await insideViewport(producer, producer.getByTestId('status-resume-glow-kit-live'), `${what}: RESUME`);
    await shot(producer, `producer-offer-paused-${size.width}x${size.height}`);
  }
  expect((await station.api('offer.resume', { offerId: 'glow-kit-live' })).status).toBe(200);
  await expect(notice).toHaveCount(0);
  await producer.setViewportSize(LAPTOP);
  await producer.getByTestId('tab-setup').click();
  await producer.waitForTimeout(300);
  await shot(producer, 'producer-setup-1366x768');
  await noSidewaysScroll(producer, 'producer setup');
  await producer.setViewportSize(FULL_HD);
  await shot(producer, 'producer-setup-1920x1080');
  for (const tab of ['showday', 'audit', 'post-show', 'history']) {
    const button = producer.getByTestId(`tab-${tab}`);
    if ((await button.count()) === 0) continue;
    await button.click();
    await producer.setViewportSize(LAPTOP);
    await producer.waitForTimeout(300);
    await shot(producer, `producer-${tab}-1366x768`);
    await noSidewaysScroll(producer, `producer ${tab}`);
  }
  await producer.getByTestId('tab-live').click();

  await expect(host.getByTestId('emergencies')).toBeVisible();
  // The card was open before the rule paused the offer: it follows the pause by patch alone (a patch
  // published out of rev order was once dropped, and the card kept reading LIVE). The rule pause is the
  // emergency banner's to say (its "do not read the CTA" line); the card's own banner does not repeat it.
  await expect(host.getByTestId('emergency-offer-rule-paused')).toBeVisible();
  await expect(host.getByTestId('emergency-offer-rule-paused')).toContainText(/Do not read .* CTA/);
  await expect(host.getByTestId('host-banner').filter({ hasText: 'LIVE ·' })).toHaveCount(0);
  await shot(host, 'host-1280x720-emergency');
  await noSidewaysScroll(host, 'host with an emergency');

  // The other roles at a laptop's size.
  const approver = await open(station, context, 'approver', LAPTOP);
  await expect(approver.getByTestId('approver-text')).toContainText('Next-day delivery');
  // The approver reads the same evidence as the producer: the diff against the approved v2 and the flag.
  await expect(approver.getByTestId('review-headline')).toContainText('1 compliance flag');
  await expect(approver.getByTestId('review-flags')).toContainText('Next-day');
  await expect(approver.getByTestId('approver-text')).not.toContainText('in_review');
  await shot(approver, 'approver-1366x768');
  await noSidewaysScroll(approver, 'approver');
  await approver.setViewportSize(FULL_HD);
  await shot(approver, 'approver-1920x1080');
  const commerce = await open(station, context, 'commerce', LAPTOP);
  await expect(commerce.getByTestId('commerce-offers')).toBeVisible();
  // REHEARSAL is said once per view (the header), not on every offer row.
  await expect(commerce.getByText('REHEARSAL', { exact: true })).toHaveCount(1);
  await shot(commerce, 'commerce-1366x768');
  await noSidewaysScroll(commerce, 'commerce');
  const service = await open(station, context, 'customer-service', LAPTOP);
  await expect(service.getByTestId('service-escalations')).toContainText('pump leaks');
  await shot(service, 'customer-service-1366x768');
  await noSidewaysScroll(service, 'customer service');
  const observer = await open(station, context, 'observer', LAPTOP);
  await expect(observer.getByTestId('observer-view')).toBeVisible();
  await shot(observer, 'observer-1366x768');
  await noSidewaysScroll(observer, 'observer');
  const moderator = await open(station, context, 'moderator', LAPTOP, 'as=Ana%20Reyes');
  await moderator.waitForTimeout(1000);
  await shot(moderator, 'moderator-1366x768');

  // Overlays as OBS's browser source draws them: 1920×1080, transparent.
  const list = await fetch(`${station.url}/api/device-tokens`, {
    headers: { authorization: `Bearer ${station.tokens.producer}` },
  });
  const token = ((await list.json()) as { result: { tokens: { kind: string; token: string }[] } }).result.tokens.find(
    (t) => t.kind === 'overlay',
  )!.token;
  const overlay = await context.newPage();
  await overlay.setViewportSize(FULL_HD);
  for (const name of ['offer', 'countdown', 'question', 'lower-third']) {
    await overlay.goto(`${station.url}/overlay/${name}?token=${token}`);
    await expect(overlay.locator(`#${name}`)).not.toHaveAttribute('data-state', 'empty');
    await shot(overlay, `overlay-${name}`, { omitBackground: true });
  }
  expect((await station.api('overlay.show', { overlay: 'offer', visible: true, offerId: 'lip-tint-trio' })).status).toBe(200);
  await overlay.goto(`${station.url}/overlay/offer?token=${token}`);
  await expect(overlay.locator('#offer')).toHaveAttribute('data-state', 'live');
  await shot(overlay, 'overlay-offer-long-name', { omitBackground: true });
  expect((await station.api('overlay.show', { overlay: 'offer', visible: true, offerId: 'serum-duo' })).status).toBe(200);
  await expect(overlay.locator('#offer')).toHaveAttribute('data-state', 'paused');
  await shot(overlay, 'overlay-offer-paused', { omitBackground: true });

  // The post-show package's HTML pages, opened from the station's disk.
  const pkg = await station.api<{ dir: string; files: string[] }>('show.package', {});
  if (pkg.status === 200) {
    const page = await context.newPage();
    await page.setViewportSize(LAPTOP);
    for (const f of pkg.body.result!.files.filter((x) => x.endsWith('.html'))) {
      await page.setContent(readFileSync(join(pkg.body.result!.dir, f), 'utf8'));
      await shot(page, `package-${f.replace(/\W+/g, '-')}`);
    }
  }

  // The station is lost: the host keeps reading.
  await station.kill();
  await expect(host.getByTestId('emergency-station-lost')).toBeVisible({ timeout: 10_000 });
  // Two emergencies stacked above the card still leave the approved text readable on screen.
  const text = host.getByTestId('host-cue-text');
  await expect(text).toHaveText(/^Tap the pinned Glow Kit below/);
  const box = (await text.boundingBox())!;
  expect(box.height, 'cue text height').toBeGreaterThan(60);
  expect(box.y + box.height, 'cue text bottom').toBeLessThanOrEqual(HOST.height);
  expect(parseFloat(await text.evaluate((el) => getComputedStyle(el).fontSize)), 'cue text size').toBeGreaterThanOrEqual(28);
  await shot(host, 'host-1280x720-station-lost');
  await expect(producer.getByTestId('emergency-station-lost')).toBeVisible();
  await shot(producer, 'producer-1920x1080-station-lost');
});
