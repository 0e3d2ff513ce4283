// The offer overlay page as OBS's browser source sees it: 1920×1080, transparent, the approved price
// drawn as text; PAUSED only once the store confirmed the pause; a revoked overlay token shows nothing;
// an overlay token cannot call commands.
import { test, expect } from './fixtures';
import { decodePng } from '../support/png-decode';

const OFFER = 'glow-kit-live';

test('the offer overlay renders the approved price on a transparent page and switches to the paused text after confirmation', async ({ station, context }) => {
  const list = await fetch(`${station.url}/api/device-tokens`, { headers: { authorization: `Bearer ${station.tokens.producer}` } });
  const tokens = ((await list.json()) as { result: { tokens: { kind: string; label: string; token: string }[] } }).result.tokens;
  const overlay = tokens.find((t) => t.kind === 'overlay')!;

  // An overlay token is not an API token: it cannot pause, read the state or open the event socket.
  const refused = await fetch(`${station.url}/api/commands/offer.pause`, {
    method: 'POST',
    headers: { authorization: `Bearer ${overlay.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ offerId: OFFER, reason: 'x' }),
  });
  expect(refused.status).toBe(401);

  expect((await station.api('overlay.show', { overlay: 'offer', visible: true })).status).toBe(200);
  const page = await context.newPage();
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(`${station.url}/overlay/offer?token=${overlay.token}`);
  const box = page.locator('#offer');
  await expect(box).toHaveAttribute('data-state', 'live');
  await expect(box.locator('.price')).toHaveText('$39.00');
  await expect(box.locator('.code')).toHaveText('Code LIVEGLOW');

  const img = decodePng(await page.screenshot({ omitBackground: true }));
  expect([img.width, img.height]).toEqual([1920, 1080]);
  expect(img.at(1900, 20)[3]).toBe(0); // transparent where no overlay is
  expect(img.at(960, 540)[3]).toBe(0);
  const rect = (await box.boundingBox())!;
  const inside = img.at(Math.round(rect.x + 20), Math.round(rect.y + rect.height - 10));
  expect(inside[3]).toBeGreaterThan(200); // the card itself is opaque

  // Record when the page switches, in the station's time base (same machine clock).
  await page.evaluate(`(() => {
    const el = document.getElementById('offer');
    window.__overlay = [];
    new MutationObserver(() => window.__overlay.push({ state: el.dataset.state, at: Date.now() })).observe(el, { attributes: true, attributeFilter: ['data-state'] });
  })()`);
  const paused = await station.api<{ state: string }>('offer.pause', { offerId: OFFER, reason: 'e2e overlay' });
  expect(paused.body.result?.state).toBe('paused');
  await expect(box).toHaveAttribute('data-state', 'paused');
  await expect(box).not.toContainText('$39.00');
  const snap = (await (await fetch(`${station.url}/api/state`, { headers: { authorization: `Bearer ${station.tokens.producer}` } })).json()) as {
    state: { offers: { items: { id: string; confirmedAt: number | null }[] } };
  };
  const confirmedAt = snap.state.offers.items.find((o) => o.id === OFFER)!.confirmedAt!;
  const seen = await page.evaluate<{ state: string; at: number }[]>('window.__overlay');
  const switched = seen.find((s) => s.state === 'paused')!;
  expect(switched.at).toBeGreaterThanOrEqual(confirmedAt);
  expect(switched.at - confirmedAt).toBeLessThan(1_000);
  const red = decodePng(await page.screenshot({ omitBackground: true })).at(Math.round(rect.x + 20), Math.round(rect.y + rect.height - 10));
  expect(red[0]).toBeGreaterThan(150);

  // Revoked: the page shows nothing at once (never stale content).
  const revoke = await fetch(`${station.url}/api/device-tokens/revoke`, {
    method: 'POST',
    headers: { authorization: `Bearer ${station.tokens.producer}`, 'content-type': 'application/json' },
    body: JSON.stringify({ label: overlay.label }),
  });
  expect(revoke.status).toBe(200);
  await expect(box).toHaveAttribute('data-state', 'empty');
  await expect(box).toHaveText('');
});
