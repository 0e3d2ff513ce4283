// The host's card on the README's busy rehearsal at 720p: serum duo paused by its 5xx rule. The
// emergency banner already says "do not read the Serum duo CTA"; the card's own red banner said it a
// second time ("Serum duo PAUSED — do not read its CTA"), stealing a line from the cue text.
import { test, expect } from './fixtures';
import { writeBusyShow } from './busy-show';

const busy = writeBusyShow();
test.use({ stationOptions: { showFile: busy.file } });

test('host at 1280×720: a pause by rule is said once, by the emergency banner', async ({ station, context }) => {
  expect((await station.api('show.clock', { action: 'start' })).status).toBe(200);
  expect((await station.api('cue.goto', { cueId: 'glow-kit-offer.2' })).status).toBe(200);
  expect((await station.api('offer.ingest', { events: Array.from({ length: 6 }, (_, i) => ({ id: `5xx-${i}`, type: 'store_5xx', offerId: 'serum-duo', count: 1 })) })).status).toBe(200);
  const host = await station.openView(context, 'host');
  await host.setViewportSize({ width: 1280, height: 720 });
  await expect(host.getByTestId('emergency-offer-rule-paused')).toContainText('Do not read the Serum duo CTA');
  await host.waitForTimeout(300);
  const said = await host.locator('.host-main-area').innerText();
  expect(said.match(/do not read/gi) ?? [], said).toHaveLength(1);
  expect(said.match(/Serum duo[^\n]*paused|paused[^\n]*Serum duo/gi) ?? [], said).toHaveLength(1);
});

test('host at 1280×720: the header’s OBS LINK LOST chip and the banner count from the same moment', async ({ station, context }) => {
  // OBS has been unlinked since the station started; it became an emergency when the show clock
  // started, seconds later. The chip counted from the first, the banner from the second.
  const host = await station.openView(context, 'host');
  await host.setViewportSize({ width: 1280, height: 720 });
  await expect(host.getByTestId('obs-badge')).toContainText('OBS LINK LOST');
  await host.waitForTimeout(3_000);
  expect((await station.api('show.clock', { action: 'start' })).status).toBe(200);
  const banner = host.getByTestId('emergency-obs-link-lost');
  await expect(banner).toBeVisible();
  await host.waitForTimeout(1_200);
  // Both read at one instant; polled only so that a second ticking over between the two counters'
  // renders is not taken for a disagreement (the old chip stayed 3 s or more ahead).
  const agree = () =>
    host.evaluate(() => {
      const chip = (document.querySelector('[data-testid="obs-badge"]')?.textContent ?? '').replace(/^OBS LINK LOST\s*/, '');
      const since = document.querySelector('[data-testid="emergency-obs-link-lost"] [data-testid="emergency-since"]')?.textContent ?? '';
      return chip === since ? 'same' : `chip ${chip}, banner ${since}`;
    });
  await expect.poll(agree, { timeout: 5_000, intervals: [250] }).toBe('same');
  await expect(banner.getByTestId('emergency-since')).toHaveText(/^[1-9]\d* s$/);
});
