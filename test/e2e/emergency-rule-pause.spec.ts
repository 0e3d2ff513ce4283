// Issue 13's second headline emergency, on screen: mid-show the store answers one offer with 5xx and
// its rollback rule pauses it → the producer's console and the host's card show the full-width
// banner (time since, cause naming the rule, "Resume Serum duo"), whole on screen at the sizes the
// studio uses; pressing the banner's action (armed, then confirmed) resumes the offer, the store's
// read-back confirms it live, and the banner clears on both views and stays cleared.
import { test, expect } from './fixtures';
import { writeBusyShow } from './busy-show';
import { hostEmergencyScreen, producerEmergencyScreen } from './screen-checks';

const busy = writeBusyShow();
test.use({ stationOptions: { showFile: busy.file } });

interface OfferRead {
  id: string;
  state: string;
  intent: string;
  pending: boolean;
  requestedBy: string | null;
  reason: string | null;
  confirmedAt: number | null;
}

test('an offer paused by its rollback rule: banner on producer and host; "Resume Serum duo" resumes it, read back live, and the banner clears', async ({ station, context }) => {
  // Three screens checked and shot, with axe, on a machine shared by several test runs.
  test.setTimeout(480_000);
  const offer = async (id: string) => {
    const r = (await (await fetch(`${station.url}/api/state`, { headers: { authorization: `Bearer ${station.tokens.producer}` } })).json()) as { state: { offers: { items: OfferRead[] } } };
    const found = r.state.offers.items.find((o) => o.id === id);
    if (!found) throw new Error(`no offer ${id} in the producer's state`);
    return found;
  };
  const producer = await station.openView(context, 'producer');
  const host = await station.openView(context, 'host');
  expect((await station.api('show.clock', { action: 'start' })).status).toBe(200);
  expect((await station.api('cue.goto', { cueId: 'glow-kit-offer.2' })).status).toBe(200);
  expect((await offer('serum-duo')).state).toBe('live');
  await expect(producer.getByTestId('emergency-offer-rule-paused')).toHaveCount(0);

  // The store answers serum-duo with 5xx, six times in a minute: its store-5xx rule (threshold 5) pauses it.
  expect((await station.api('offer.ingest', { events: Array.from({ length: 6 }, (_, i) => ({ id: `5xx-${i}`, type: 'store_5xx', offerId: 'serum-duo', count: 1 })) })).status).toBe(200);
  const banner = producer.getByTestId('emergency-offer-rule-paused');
  await expect(banner).toBeVisible();
  // The banner comes with the rule's pause; "paused" only once the store's read-back confirms it
  // (until then it says the rule is pausing it, as the status bar says PAUSING).
  await expect.poll(async () => (await offer('serum-duo')).state, { timeout: 15_000 }).toBe('paused');
  await expect(banner.getByTestId('emergency-cause')).toContainText(/^Serum duo paused by rule store-5xx\b/);
  await expect(banner.getByTestId('emergency-since')).toHaveText(/^\d+ s$/);
  const action = banner.getByTestId('emergency-action');
  await expect(action).toHaveText('Resume Serum duo');
  const paused = await offer('serum-duo');
  expect(paused).toMatchObject({ state: 'paused', intent: 'paused', pending: false, requestedBy: 'system:trigger:store-5xx' });
  expect(paused.confirmedAt).not.toBeNull();
  await expect(producer.getByTestId('status-resume-serum-duo')).toBeVisible();
  const hostBanner = host.getByTestId('emergency-offer-rule-paused');
  await expect(hostBanner).toContainText('Do not read the Serum duo CTA. The producer is on it.');
  await expect(hostBanner).toContainText('Serum duo was paused by a rollback rule.');
  // The other offers stay live: the rule paused one offer, not the show.
  for (const id of ['glow-kit-live', 'lip-tint-trio']) expect((await offer(id)).state).toBe('live');

  await producerEmergencyScreen(producer, 'emergency-offer-rule-paused', 'emergency-offer-rule-paused', { action: 'button' });
  await hostEmergencyScreen(host, 'emergency-offer-rule-paused', 'emergency-offer-rule-paused');
  await producer.setViewportSize({ width: 1366, height: 768 });

  // One press only arms it: nothing is sent to the store.
  await action.click();
  await expect(action).toHaveText('Confirm: resume serum duo');
  expect((await offer('serum-duo')).state).toBe('paused');
  // The second press resumes it and the banner goes. (The arm
  // lasts 4 s: on a starved machine it can lapse before the second press lands, so press again from armed.)
  const pressedAt = Date.now();
  await expect(async () => {
    if ((await banner.count()) === 0) return;
    if (!(await action.innerText({ timeout: 5_000 })).startsWith('Confirm')) await action.click({ timeout: 5_000 });
    await action.click({ timeout: 5_000 });
    await expect(banner).toHaveCount(0, { timeout: 10_000 });
  }).toPass({ timeout: 90_000 });
  await expect(hostBanner).toHaveCount(0);
  // The banner goes with the producer's resume (the rule no longer holds the offer: it is the producer's
  // resume, shown as RESUMING in the status bar); the store's read-back confirms it live a moment later.
  await expect.poll(async () => (await offer('serum-duo')).state, { timeout: 15_000 }).toBe('live');
  const resumed = await offer('serum-duo');
  expect(resumed).toMatchObject({ state: 'live', intent: 'live', pending: false });
  expect(resumed.requestedBy).not.toMatch(/^system:trigger:/);
  expect(resumed.confirmedAt ?? 0, 'read back after the press').toBeGreaterThanOrEqual(pressedAt);
  await expect(producer.getByTestId('status-pause-serum-duo')).toBeVisible();
  await expect(producer.getByTestId('status-resume-serum-duo')).toHaveCount(0);
  await expect(host.locator('.host-main-area')).not.toContainText(/do not read/i);
  // And it stays resumed: the 5xx that fired the rule are inside its cooldown, not a second pause.
  await producer.waitForTimeout(3_000);
  await expect(banner).toHaveCount(0);
  expect((await offer('serum-duo')).state).toBe('live');
});
