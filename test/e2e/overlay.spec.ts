// The offer overlay page as OBS's browser source sees it: 1920×1080, transparent, the approved price
// drawn as text; PAUSED only once the store confirmed the pause; a revoked overlay token shows nothing;
// an overlay token cannot call commands.
import { test, expect } from './fixtures';
import { decodePng } from '../support/png-decode';
import { SHOTS } from './screen-checks';

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

// Seconds of an "mm:ss" the countdown page shows.
const seconds = (text: string) => {
  const m = /^(\d{2,}):([0-5]\d)$/.exec(text);
  if (!m) throw new Error(`not a countdown time: ${JSON.stringify(text)}`);
  return Number(m[1]) * 60 + Number(m[2]);
};

test('the countdown overlay shows viewers an offer window: nothing before it, minutes and seconds, each last second, nothing once ended — also where the browser clock is wrong', async ({ station, context }) => {
  test.setTimeout(90_000);
  const list = await fetch(`${station.url}/api/device-tokens`, { headers: { authorization: `Bearer ${station.tokens.producer}` } });
  const token = ((await list.json()) as { result: { tokens: { kind: string; token: string }[] } }).result.tokens.find((t) => t.kind === 'overlay')!.token;
  expect((await station.api('overlay.show', { overlay: 'countdown', visible: true })).status).toBe(200);

  // Two OBS machines: one with a right clock, one whose wall clock is 7 minutes slow and whose
  // monotonic clock started 3 hours earlier. Each records what it draws against the real time.
  const pages = [];
  for (const skewed of [false, true]) {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.addInitScript(`(() => {
      const realNow = Date.now.bind(Date);
      const realPerf = performance.now.bind(performance);
      window.__realNow = realNow;
      if (${skewed}) {
        Date.now = () => realNow() - 7 * 60000;
        performance.now = () => realPerf() + 3 * 3600000;
      }
    })()`);
    await page.goto(`${station.url}/overlay/countdown?token=${token}`);
    pages.push(page);
  }

  // Before the window: no segment clock runs either, so viewers see nothing.
  for (const page of pages) {
    await expect(page.locator('#countdown')).toHaveAttribute('data-state', 'hidden');
    await expect(page.locator('#countdown')).toHaveText('');
  }

  const opened = await station.api<{ window: { endsAt: number; openedAt: number } }>('offer.window', { offerId: OFFER, minutes: 2.5 });
  expect(opened.status).toBe(200);
  const { endsAt, openedAt } = opened.body.result!.window;
  expect(endsAt - openedAt).toBe(150_000);

  // Running: the label names the offer; the time is what is left on the station's clock, in whole
  // seconds rounded up (the test's clock is the station's: same machine, steady).
  for (const page of pages) {
    const box = page.locator('#countdown');
    await expect(box).toHaveAttribute('data-state', 'running');
    await expect(box).toHaveAttribute('data-kind', 'window');
    await expect(box.locator('.label')).toHaveText('Glow Kit live bundle ends in');
    await expect(box.locator('.time')).toHaveText(/^0[12]:[0-5]\d$/);
    const before = Date.now();
    const shown = seconds((await box.locator('.time').textContent()) ?? '');
    const after = Date.now();
    expect(shown, 'seconds shown while running').toBeLessThanOrEqual(Math.ceil((endsAt - before) / 1000) + 1);
    expect(shown, 'seconds shown while running').toBeGreaterThanOrEqual(Math.ceil((endsAt - after) / 1000) - 1);
  }

  // Record every time each page draws from here on, stamped with the real clock.
  for (const page of pages)
    await page.evaluate(`(() => {
      const el = document.getElementById('countdown');
      window.__drawn = [];
      new MutationObserver(() => {
        const t = el.querySelector('.time');
        const last = window.__drawn[window.__drawn.length - 1];
        const item = { state: el.dataset.state, text: t ? t.textContent : '', at: window.__realNow() };
        if (!last || last.state !== item.state || last.text !== item.text) window.__drawn.push(item);
      }).observe(el, { childList: true, subtree: true, attributes: true });
    })()`);

  // Last seconds: the producer cuts the window to about six seconds; the station ends it on time.
  const cut = await station.api<{ window: { endsAt: number } }>('offer.windowAdjust', { offerId: OFFER, action: 'cut', minutes: 2.4, reason: 'e2e: last seconds' });
  expect(cut.status).toBe(200);
  const end = cut.body.result!.window.endsAt;
  expect(end).toBe(endsAt - 144_000);
  // Ended: viewers read that the offer ended, a few seconds, then nothing (no segment clock runs).
  for (const page of pages) {
    await expect(page.locator('#countdown')).toHaveAttribute('data-state', 'ended', { timeout: 15_000 });
    await expect(page.locator('#countdown .label')).toHaveText('Glow Kit live bundle');
    await expect(page.locator('#countdown .ended')).toHaveText('Ended');
  }
  for (const page of pages) await expect(page.locator('#countdown')).toHaveAttribute('data-state', 'hidden', { timeout: 15_000 });
  for (const page of pages) await expect(page.locator('#countdown')).toHaveText('');

  for (const [i, page] of pages.entries()) {
    const what = i === 0 ? 'right clock' : 'skewed clock';
    const drawn = await page.evaluate<{ state: string; text: string; at: number }[]>('window.__drawn');
    // From the first draw after the cut reached the page (a redraw may still show the old end before
    // its frame arrives), every second drawn matches the station's time left at the moment it was
    // drawn (±1 s for the 250 ms redraw and the socket's delay), counts down, and reaches the last seconds.
    const all = drawn.filter((d) => d.state === 'running');
    const first = all.findIndex((d) => seconds(d.text) < 60);
    expect(first, `${what}: drawn after the cut`).toBeGreaterThanOrEqual(0);
    const running = all.slice(first);
    for (const d of running) {
      const left = Math.ceil((end - d.at) / 1000);
      expect(seconds(d.text), `${what}: ${d.text} drawn ${end - d.at} ms before the end`).toBeGreaterThanOrEqual(left - 1);
      expect(seconds(d.text), `${what}: ${d.text} drawn ${end - d.at} ms before the end`).toBeLessThanOrEqual(Math.max(0, left) + 1);
    }
    const texts = running.map((d) => seconds(d.text));
    expect(texts, `${what}: counts down`).toEqual([...texts].sort((a, b) => b - a));
    expect(texts, `${what}: the last seconds`).toEqual(expect.arrayContaining([3, 2, 1]));
    // It says "Ended" once the window's time is up, not before, and promptly; nothing else comes between.
    const lastRunning = drawn.findLastIndex((d) => d.state === 'running');
    const ended = drawn[lastRunning + 1]!;
    expect(ended?.state, `${what}: after 00:00`).toBe('ended');
    expect(ended.at, `${what}: "Ended" after the end`).toBeGreaterThanOrEqual(end);
    expect(ended.at - end, `${what}: "Ended" promptly`).toBeLessThan(1_500);
    // Held ENDED_HOLD_MS (8 s) from the end on the station's clock, then nothing.
    const off = drawn[lastRunning + 2]!;
    expect(off?.state, `${what}: after "Ended"`).toBe('hidden');
    expect(off.at - end, `${what}: "Ended" held`).toBeGreaterThanOrEqual(8_000 - 300);
    expect(off.at - end, `${what}: then gone`).toBeLessThan(8_000 + 1_500);
  }
});

test('right after an offer window, while the show clock runs, viewers read that the offer ended — never the segment\'s time as if the offer ran on', async ({ station, context }) => {
  test.setTimeout(90_000);
  const list = await fetch(`${station.url}/api/device-tokens`, { headers: { authorization: `Bearer ${station.tokens.producer}` } });
  const token = ((await list.json()) as { result: { tokens: { kind: string; token: string }[] } }).result.tokens.find((t) => t.kind === 'overlay')!.token;
  const snap = (await (await fetch(`${station.url}/api/state`, { headers: { authorization: `Bearer ${station.tokens.producer}` } })).json()) as {
    state: { scripts: { deck: { content: { segments: { id: string; title: string; plannedSeconds: number | null; cues: { id: string }[] }[] } } } };
  };
  const segments = snap.state.scripts.deck.content.segments;
  // The demo's "Glow Kit offer" segment: its title read under a time is what viewers took for the offer.
  const offerSegment = segments.findIndex((sg) => /offer/i.test(sg.title) && sg.plannedSeconds);
  expect(segments[offerSegment]?.title, 'the timed offer segment').toBe('Glow Kit offer');
  const next = segments.slice(offerSegment + 1).find((sg) => sg.plannedSeconds && sg.cues.length > 0)!;
  expect(next, 'a timed segment after it').toBeTruthy();
  expect((await station.api('cue.goto', { cueId: segments[offerSegment]!.cues[0]!.id })).status).toBe(200);
  expect((await station.api('show.clock', { action: 'start' })).status).toBe(200);
  expect((await station.api('overlay.show', { overlay: 'countdown', visible: true })).status).toBe(200);

  const page = await context.newPage();
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(`${station.url}/overlay/countdown?token=${token}`);
  const box = page.locator('#countdown');
  // The segment's planned time under its title while no window runs.
  await expect(box).toHaveAttribute('data-kind', 'segment');
  await expect(box.locator('.label')).toHaveText(segments[offerSegment]!.title);

  const opened = await station.api<{ window: { endsAt: number } }>('offer.window', { offerId: OFFER, minutes: 0.1 });
  expect(opened.status).toBe(200);
  await expect(box).toHaveAttribute('data-kind', 'window');
  await page.evaluate(`(() => {
    const el = document.getElementById('countdown');
    window.__drawn = [];
    const log = () => {
      const big = el.querySelector('.time, .ended');
      const label = el.querySelector('.label');
      const last = window.__drawn[window.__drawn.length - 1];
      const item = { state: el.dataset.state, kind: el.dataset.kind, label: label ? label.textContent : '', text: big ? big.textContent : '', at: Date.now() };
      if (!last || last.state !== item.state || last.text !== item.text || last.label !== item.label) window.__drawn.push(item);
    };
    log();
    new MutationObserver(log).observe(el, { childList: true, subtree: true, attributes: true });
  })()`);

  await expect(box).toHaveAttribute('data-state', 'ended', { timeout: 15_000 });
  await expect(box.locator('.label')).toHaveText('Glow Kit live bundle');
  await expect(box.locator('.ended')).toHaveText('Ended');
  await page.screenshot({ path: `${SHOTS}/overlay-countdown-offer-ended.png`, omitBackground: true });
  await expect(box).toHaveAttribute('data-state', 'hidden', { timeout: 15_000 });
  // The segment the window ended in runs on, and its time stays off the overlay.
  await page.waitForTimeout(2_000);
  await expect(box).toHaveAttribute('data-state', 'hidden');

  const end = opened.body.result!.window.endsAt;
  const drawn = await page.evaluate<{ state: string; kind: string; label: string; text: string; at: number }[]>('window.__drawn');
  const lastWindow = drawn.findLastIndex((d) => d.kind === 'window' && d.state === 'running');
  // The last second drawn: 00:01 or 00:00 (the station may end the window between two 250 ms redraws).
  expect(seconds(drawn[lastWindow]?.text ?? ''), 'the window counted down to its end').toBeLessThanOrEqual(1);
  const after = drawn.slice(lastWindow + 1).map((d) => ({ state: d.state, label: d.label, text: d.text }));
  expect(after, 'after the window: "Ended", then nothing').toEqual([
    { state: 'ended', label: 'Glow Kit live bundle', text: 'Ended' },
    { state: 'hidden', label: '', text: '' },
  ]);
  const ended = drawn[lastWindow + 1]!;
  expect(ended.at - end, '"Ended" promptly after the end').toBeLessThan(1_500);
  expect(drawn[lastWindow + 2]!.at - end, '"Ended" held 8 s').toBeGreaterThanOrEqual(8_000 - 300);

  // The host moves on: the next segment's time, under its own title.
  expect((await station.api('cue.goto', { cueId: next.cues[0]!.id })).status).toBe(200);
  await expect(box).toHaveAttribute('data-kind', 'segment');
  await expect(box.locator('.label')).toHaveText(next.title);
  await expect(box.locator('.time')).toHaveText(/^\d{2,}:[0-5]\d$/);
});
