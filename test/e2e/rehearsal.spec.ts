// A whole rehearsal of the demo show in Chromium, as a producer runs it: a preflight check fails
// (no host card open) and is fixed, the manual items are ticked, GO with written overrides for the
// checks a test rig cannot pass (no OBS); comments and commerce events flow and the KPI chart moves;
// the offer is paused with a reason and resumed; END; the package is written. Then the package's
// timeline.html is opened from disk with the station stopped, and every part is checked against
// what happened.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test, expect } from './fixtures';
import type { EndRecord, GoRecord, Timeline } from '../../src/shared/contract/index';

const OFFER = 'glow-kit-live';
test.setTimeout(120_000);

test('rehearsal: failing check fixed → GO → comments and sales → pause and resume → END → package readable offline', async ({ station, context, browser }) => {
  const producer = await station.openView(context, 'producer');
  await producer.getByTestId('tab-setup').click();

  // 1. A check fails: no host cue card is open. Opening one fixes it.
  const hostCheck = producer.getByTestId('preflight-host-card');
  await expect(hostCheck).toHaveAttribute('data-status', 'fail');
  await expect(hostCheck).toContainText(/no host cue card is open/i);
  const host = await station.openView(context, 'host');
  await expect(hostCheck).toHaveAttribute('data-status', 'pass');

  // 2. The manual items, ticked by the producer.
  for (const id of ['stock-counted', 'legal-briefed']) {
    await producer.getByTestId(`preflight-${id}`).getByRole('button').click();
    await expect(producer.getByTestId(`preflight-${id}`)).toHaveAttribute('data-status', 'pass');
  }

  // The store's first read-back settles the store check (a REHEARSAL warning), so the list of
  // blocking checks below is the one GO will see.
  await expect(producer.getByTestId('preflight-store-toggle')).not.toHaveAttribute('data-status', 'pending', { timeout: 15_000 });

  // 3. GO: what still fails (no OBS on a test rig) is overridden with a written reason per check.
  await producer.getByTestId('tab-showday').click();
  await expect(producer.getByTestId('go-overrides')).toBeVisible();
  const blocking = await producer.locator('[data-testid^="override-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice('override-'.length)));
  expect(blocking).not.toContain('host-card');
  expect(blocking).toContain('obs-link');
  for (const id of blocking) await producer.getByTestId(`override-${id}`).fill(`rehearsal rig without OBS (${id})`);
  await producer.getByTestId('show-go').click();
  await expect(producer.getByTestId('go-record')).toHaveAttribute('data-verdict', 'go-overridden');
  await expect(producer.getByTestId('incident-timeline').locator('[data-kind="go"]')).toHaveCount(1);

  // 4. Commerce events flow in two waves; the chart's orders move with them.
  const chart = producer.getByTestId('kpi-chart');
  const ordersNow = async () => Number(await chart.getAttribute('data-orders'));
  const wave = async (n: number, tag: string) => {
    const at = Date.now();
    const events = [
      { id: `${tag}-v`, type: 'view', offerId: OFFER, count: 40 * n, at },
      { id: `${tag}-c`, type: 'add_to_cart', offerId: OFFER, count: 6 * n, at },
      { id: `${tag}-k`, type: 'checkout', offerId: OFFER, count: 3 * n, at },
      ...Array.from({ length: n }, (_, i) => ({ id: `${tag}-o${i}`, type: 'order', offerId: OFFER, orderId: `${tag}-o${i}`, amount: 39, currency: 'USD', at })),
    ];
    const r = await station.api('offer.ingest', { events });
    expect(r.body.ok, JSON.stringify(r.body)).toBe(true);
  };
  const before = await ordersNow();
  await wave(2, 'w1');
  await expect.poll(ordersNow, { timeout: 10_000 }).toBeGreaterThanOrEqual(before + 2);
  await expect(chart).toHaveAttribute('data-points', /^[1-9]/);
  const middle = await ordersNow();
  await wave(3, 'w2');
  await expect.poll(ordersNow, { timeout: 10_000 }).toBeGreaterThanOrEqual(middle + 3);
  // Comments arrive from the rehearsal replay source.
  await expect
    .poll(async () => ((await station.api<{ comments: unknown[] }>('comments.list', { limit: 50 })).body.result?.comments.length ?? 0), { timeout: 15_000 })
    .toBeGreaterThan(0);

  // 5. The offer is paused with a reason, then resumed, from the Live tab.
  await producer.getByTestId('tab-live').click();
  await producer.getByRole('button', { name: 'Checkout broken' }).click();
  await producer.getByTestId(`offer-pause-${OFFER}`).click();
  await expect(producer.getByTestId(`offer-state-${OFFER}`)).toHaveText('PAUSED');
  await expect(host.getByTestId('host-banner').filter({ hasText: 'PAUSED' }).first()).toBeVisible();
  await producer.getByTestId(`offer-resume-${OFFER}`).click();
  await producer.getByTestId(`offer-resume-${OFFER}`).click();
  await expect(producer.getByTestId(`offer-state-${OFFER}`)).toHaveText('LIVE');

  // 6. The live incident timeline and the chart's markers show the pause and the resume.
  await producer.getByTestId('tab-showday').click();
  const live = producer.getByTestId('incident-timeline');
  await expect(live.locator('[data-kind="offer"]').filter({ hasText: `${OFFER} paused` })).toContainText('Checkout broken');
  await expect(live.locator('[data-kind="offer"]').filter({ hasText: `${OFFER} resumed` }).first()).toBeVisible();
  // (The sandbox's simulated shoppers could trip a rule too: at least our pause and resume.)
  await expect.poll(async () => Number(await chart.getAttribute('data-pauses'))).toBeGreaterThanOrEqual(1);
  await expect.poll(async () => Number(await chart.getAttribute('data-resumes'))).toBeGreaterThanOrEqual(1);

  // 7. END, then the package.
  await producer.getByTestId('show-end').click();
  await expect(producer.getByTestId('end-record')).toBeVisible();
  await producer.getByTestId('tab-post-show').click();
  await producer.getByRole('button', { name: 'Write package' }).click();
  const written = (await producer.getByTestId('post-show-result').locator('code').textContent())!.trim();
  expect(written).toContain(station.dataDir);
  // The station's data folder goes with the station: keep a copy of the package, as a producer would.
  const dir = join(mkdtempSync(join(tmpdir(), 'baton-e2e-package-')), 'package');
  cpSync(written, dir, { recursive: true });
  const go = JSON.parse(readFileSync(join(dir, 'go-record.json'), 'utf8')) as GoRecord;
  const end = JSON.parse(readFileSync(join(dir, 'end-record.json'), 'utf8')) as EndRecord;
  const timeline = JSON.parse(readFileSync(join(dir, 'timeline.json'), 'utf8')) as Timeline;
  expect(go.overrides.map((o) => o.checkId).sort()).toEqual([...blocking].sort());
  expect(end.figures.orders).toBeGreaterThanOrEqual(5);
  expect(end.figures.pauses).toBeGreaterThanOrEqual(1);
  const offerItems = timeline.items.filter((i) => i.kind === 'offer');

  // 8. With the station stopped, the page opens from disk and holds every part, consistent.
  await station.stop();
  const page = await browser.newPage();
  await page.goto(`file://${join(dir, 'timeline.html')}`);
  await expect(page.locator('[data-part="header"]')).toContainText(`GO ${new Date(go.at).toISOString()} by ${go.by} (go-overridden)`);
  await expect(page.locator('[data-part="header"]')).toContainText(`END ${new Date(end.at).toISOString()}`);
  await expect(page.locator('[data-part="header"] .rehearsal')).toHaveText('REHEARSAL');
  // The chart: drawn, with a marker per timeline item (cue moves are listed, not drawn).
  await expect(page.locator('svg[data-part="chart"]')).toBeVisible();
  await expect(page.locator('[data-part="markers"] line')).toHaveCount(timeline.items.filter((i) => i.kind !== 'cue').length);
  await expect(page.locator('[data-part="markers"] line.offer')).toHaveCount(offerItems.length);
  expect(offerItems.length).toBeGreaterThanOrEqual(2);
  // Events: GO first, END last, the pause with its reason and who, the resume.
  const events = page.locator('[data-part="events"] tbody tr');
  await expect(events).toHaveCount(timeline.items.length);
  await expect(page.locator('[data-part="events"] tr[data-kind="go"]')).toHaveCount(1);
  await expect(page.locator('[data-part="events"] tr[data-kind="go"] td').first()).toHaveText(/^0?0:00$/);
  await expect(events.last()).toHaveAttribute('data-kind', 'end');
  const paused = events.filter({ hasText: `${OFFER} paused` }).filter({ hasText: 'Checkout broken' });
  await expect(paused).toHaveCount(1);
  await expect(paused).toContainText('Checkout broken');
  await expect(paused).toContainText(go.by);
  await expect(events.filter({ hasText: `${OFFER} resumed` }).filter({ hasText: go.by })).toHaveCount(1);
  // The GO record: every check, and the override reasons written before GO.
  await expect(page.locator('[data-part="go-checks"] tbody tr')).toHaveCount(go.checks.length);
  for (const o of go.overrides) await expect(page.locator('[data-part="go-checks"]')).toContainText(o.reason);
  await expect(page.locator('[data-part="go-checks"] tr', { hasText: 'Host cue card' })).toContainText('pass');
  // The figures are END's frozen figures.
  const figure = (name: string) => page.locator('[data-part="figures"] dt', { hasText: new RegExp(`^${name}$`) }).locator('xpath=following-sibling::dd[1]');
  await expect(figure('Orders')).toHaveText(String(end.figures.orders));
  await expect(figure('Pauses')).toHaveText(String(end.figures.pauses));
  await expect(figure('Revenue')).toHaveText(`${end.figures.revenue.toFixed(2)} ${end.figures.currency}`);
  // Chapters, and the data block matching the JSON file beside it.
  const chapters = readFileSync(join(dir, 'chapters.txt'), 'utf8').trim();
  expect((await page.locator('[data-part="chapters"]').textContent())!.trim()).toBe(chapters);
  for (const line of chapters.split('\n').filter(Boolean)) expect(line).toMatch(/^\d{2}:\d{2}(:\d{2})? \S/);
  const embedded = JSON.parse((await page.locator('#timeline-data').textContent())!) as { timeline: Timeline; end: EndRecord };
  expect(embedded.timeline.items).toEqual(timeline.items);
  expect(embedded.end.figures).toEqual(end.figures);
  rmSync(dirname(dir), { recursive: true, force: true });
});
