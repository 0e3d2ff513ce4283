// What the producer reads twice must say the same thing twice. On the README's busy rehearsal (the
// show clock running with OBS never linked, an offer paused by its 5xx rule, a checkout-trouble
// warning from the comments) the status bar said "2 crit · 1 warn" while the Alerts panel it opens
// said "Alerts (2)" and listed one critical row: the OBS emergency has no alert behind it. And a
// paused offer with one order read "1 orders".
import { test, expect } from './fixtures';
import { writeBusyShow } from './busy-show';

const busy = writeBusyShow();
test.use({ stationOptions: { showFile: busy.file } });

test('the status bar’s alert counts, the Alerts panel’s title and its rows agree; one order is "1 order"', async ({ station, context }) => {
  expect((await station.api('show.clock', { action: 'start' })).status).toBe(200);
  expect((await station.api('offer.ingest', { events: Array.from({ length: 6 }, (_, i) => ({ id: `5xx-${i}`, type: 'store_5xx', offerId: 'serum-duo', count: 1 })) })).status).toBe(200);
  expect((await station.api('offer.ingest', { events: [{ id: 'o1', type: 'order', offerId: 'serum-duo', orderId: 'o1', amount: 59, currency: 'USD' }] })).status).toBe(200);
  const producer = await station.openView(context, 'producer');
  await producer.setViewportSize({ width: 1366, height: 768 });
  await expect(producer.getByTestId('emergency-obs-link-lost')).toBeVisible();
  await expect(producer.getByTestId('emergency-offer-rule-paused')).toBeVisible();

  const count = async (id: string) => Number(((await producer.getByTestId(id).textContent()) ?? '').match(/\d+/)?.[0] ?? NaN);
  const panel = producer.getByTestId('alerts-panel');
  // Both emergencies count as critical up top; the panel lists a critical row for each of them.
  await expect(producer.getByTestId('status-alerts-critical')).toHaveText('2 crit');
  await expect(panel.locator('.alert-critical:not(.alert-acked):not(.alert-cleared)')).toHaveCount(2);
  await expect(panel.getByTestId('alert-emergency-obs-link-lost')).toContainText('OBS link lost during the show');
  // The panel's title counts what the status bar counts, and its open rows are that many.
  const total = (await count('status-alerts-critical')) + (await count('status-alerts-warn')) + (await count('status-alerts-info'));
  await expect(panel.locator('header').first()).toContainText(`Alerts (${total})`);
  await expect(panel.locator('.alert:not(.alert-acked):not(.alert-cleared):not(.alert-quiet)')).toHaveCount(total);

  // Acknowledging every alert leaves the emergencies counted and listed: they end with their condition.
  await panel.getByTestId('alerts-ack-all').click();
  await expect(producer.getByTestId('status-alerts-critical')).toHaveText('2 crit');
  await expect(panel.locator('.alert-critical:not(.alert-acked):not(.alert-cleared)')).toHaveCount(2);

  await expect(producer.getByTestId('status-orders-serum-duo')).toHaveText('1 order');
});
