// The offer pause from the producer console against the demo show's sandbox store (REHEARSAL):
// one click shows PAUSING… then PAUSED only once the store confirmed, the host card turns to the
// paused banner, resume asks to confirm, Shift+P pauses, and a rule's firing shows its evidence.
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';

const OFFER = 'glow-kit-live';

/** Records every data-state the offer card goes through, from now on (runs in the page). */
async function recordStates(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(`(() => {
    const el = document.querySelector('[data-testid="offer-${OFFER}"]');
    if (!el) throw new Error('no offer card');
    const seen = [el.dataset.state];
    window.__offerStates = seen;
    new MutationObserver(() => {
      const s = el.dataset.state;
      if (seen[seen.length - 1] !== s) seen.push(s);
    }).observe(el, { attributes: true, attributeFilter: ['data-state'] });
  })()`);
  return () => page.evaluate<string[]>('window.__offerStates');
}

test('the producer pauses the demo offer: pausing, then paused; the host card shows the paused banner', async ({ station, context }) => {
  const producer = await station.openView(context, 'producer');
  const host = await station.openView(context, 'host');
  const state = producer.getByTestId(`offer-state-${OFFER}`);
  await expect(state).toHaveText('LIVE');
  // The demo show is a rehearsal: the header says so once; the card does not repeat it.
  await expect(producer.getByTestId('rehearsal-badge')).toHaveCount(1);
  await expect(producer.getByTestId(`offer-${OFFER}`).getByTestId('offer-rehearsal')).toHaveCount(0);
  await expect(producer.getByTestId(`offer-store-${OFFER}`)).toContainText('Sandbox store (rehearsal) — read back');

  const states = await recordStates(producer);
  await producer.getByRole('button', { name: 'Checkout broken' }).click();
  await producer.getByTestId(`offer-pause-${OFFER}`).click();
  await expect(state).toHaveText('PAUSED');
  expect(await states()).toEqual(['live', 'pausing', 'paused']);
  await expect(producer.getByTestId(`offer-reason-${OFFER}`)).toContainText('Checkout broken');
  await expect(host.getByTestId('host-banner').filter({ hasText: 'PAUSED' }).first()).toBeVisible();

  // The audit log has the attempt, with who and why.
  const audit = await station.api<{ entries: { command: string; actor: string; outcome: string; args: { reason?: string } }[] }>('audit.list', { limit: 20 });
  const attempt = audit.body.result?.entries.find((e) => e.command === 'offer.pause.attempt');
  expect(attempt).toMatchObject({ actor: expect.stringMatching(/Producer \(station automation key\)$/), outcome: 'confirmed', args: { reason: 'Checkout broken' } });

  // Resume asks to confirm.
  await producer.getByTestId(`offer-resume-${OFFER}`).click();
  await expect(producer.getByTestId(`offer-resume-${OFFER}`)).toHaveText('Confirm resume');
  await expect(state).toHaveText('PAUSED');
  await producer.getByTestId(`offer-resume-${OFFER}`).click();
  await expect(state).toHaveText('LIVE');
  await expect(host.getByTestId('host-banner').filter({ hasText: 'PAUSED' })).toHaveCount(0);
});

test('Shift+P pauses the first offer; the host view has no pause control and the station refuses the host', async ({ station, context }) => {
  const producer = await station.openView(context, 'producer');
  const state = producer.getByTestId(`offer-state-${OFFER}`);
  await expect(state).toHaveText('LIVE');
  await producer.locator('body').click();
  await producer.keyboard.press('Shift+P');
  await expect(state).toHaveText('PAUSED');

  const host = await station.openView(context, 'host');
  await expect(host.getByTestId(`offer-pause-${OFFER}`)).toHaveCount(0);
  const refused = await station.api('offer.resume', { offerId: OFFER }, 'host');
  expect(refused.status).toBe(403);
  await expect(state).toHaveText('PAUSED');
});

test('injected payment errors fire the rule: auto-pause with its evidence in the firings list', async ({ station, context }) => {
  const producer = await station.openView(context, 'producer');
  await expect(producer.getByTestId(`offer-state-${OFFER}`)).toHaveText('LIVE');
  const events = [
    ...Array.from({ length: 6 }, (_, i) => ({ id: `e2e-ok-${i}`, type: 'payment_ok' })),
    ...Array.from({ length: 4 }, (_, i) => ({ id: `e2e-err-${i}`, type: 'payment_error', code: 'LIVEGLOW' })),
  ];
  const r = await station.api('offer.ingest', { events });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  await expect(producer.getByTestId(`offer-state-${OFFER}`)).toHaveText('PAUSED');
  const firings = producer.getByTestId('offer-firings');
  await expect(firings).toContainText('pay-errors');
  await expect(firings).toContainText(/failed of \d+ payments/);
  await expect(producer.getByTestId(`offer-reason-${OFFER}`)).toContainText('system:trigger:pay-errors');
});

test('the KPI strip shows the sandbox shoppers; the rehearsal show says REHEARSAL once, in the header', async ({ station, context }) => {
  const producer = await station.openView(context, 'producer');
  const strip = producer.getByTestId('kpi-strip');
  await expect(producer.getByTestId('rehearsal-badge')).toBeVisible();
  await expect(strip.getByText('REHEARSAL')).toHaveCount(0);
  await expect(producer.getByTestId('kpi-view-to-cart')).toContainText(/\d+ views/);
  await expect(producer.getByTestId('kpi-view-to-cart')).not.toContainText(' 0 views');
});
