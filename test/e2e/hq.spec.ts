// HQ's views over two real headless stations, one reporting with `--hq`, the other set up by its
// producer in the console's Setup: the live calendar shows both shows with their state and people,
// attribution's numbers equal each station's post-show package (and the CSV says the same), by
// platform too, experiments equal station A's experiment log, and the post-mortem board flags a
// failure mode seen in both shows and takes an owner and a due date, audited.
import { test, expect, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHq, type HqApp } from '../../hq/hq.app';
import { startStationProcess, type StationProcess } from '../peers/station-process';

interface Summary {
  show: { title: string };
  kpis: { revenue: number; orders: number; views: number; currency: string };
}

let hq: HqApp;
const stations: StationProcess[] = [];
const tmpDirs: string[] = [];

test.beforeAll(async () => {
  hq = await startHq({ port: 0, host: '127.0.0.1', dataDir: null, pgUrl: null, version: 'e2e' });
});
test.afterAll(async () => {
  for (const s of stations) await s.stop();
  await hq?.close();
  for (const d of tmpDirs) rmSync(d, { recursive: true, force: true });
});

async function issue(id: string): Promise<string> {
  const r = await fetch(`${hq.url}/api/stations`, { method: 'POST', headers: { authorization: `Bearer ${hq.adminToken}` }, body: JSON.stringify({ id }) });
  return ((await r.json()) as { token: string }).token;
}

async function stationFor(id: string): Promise<StationProcess> {
  const s = await startStationProcess({ args: ['--hq', hq.url, '--hq-station', id], env: { BATON_HQ_TOKEN: await issue(id) } });
  stations.push(s);
  return s;
}

async function stationSetUpByItsProducer(id: string, page: Page, showFile: string): Promise<StationProcess> {
  const token = await issue(id);
  const s = await startStationProcess({ showFile });
  stations.push(s);
  await page.goto(`${s.url}/producer?token=${s.tokens.producer}#setup`);
  const panel = page.getByTestId('hq-panel');
  await expect(panel).toContainText('Not reporting to HQ');
  await panel.getByLabel('HQ address').fill(hq.url);
  await panel.getByLabel("This station's id at HQ").fill(id);
  await panel.getByLabel('Station token from HQ').fill(token);
  await panel.getByTestId('hq-save').click();
  await expect(page.getByTestId('status-hq')).toHaveText(/^HQ: (synced|[\d,]+ behind)$/);
  // Typed once, never shown back: not in the field, the page, or the producer's snapshot.
  await expect(panel.getByLabel('Station token from HQ')).toHaveValue('');
  expect(await page.content()).not.toContain(token);
  expect(JSON.stringify(await stateOf(s))).not.toContain(token);
  return s;
}

async function stateOf(s: StationProcess) {
  return ((await (await fetch(`${s.url}/api/state`, { headers: { authorization: `Bearer ${s.tokens.producer}` } })).json()) as {
    state: { hq: { state: string }; offers: { items: { id: string }[] }; preflight: { checks: { id: string; status: string }[] }; cues: { current: { segmentId: string } | null } };
  }).state;
}

/** GO with every check this machine cannot pass overridden, then two segments with orders in each. */
async function liveWithSegments(s: StationProcess, tag: string): Promise<void> {
  expect((await s.api('preflight.run', {})).status).toBe(200);
  const overrides = (await stateOf(s)).preflight.checks.filter((c) => c.status !== 'pass' && c.status !== 'warn').map((c) => ({ checkId: c.id, reason: 'e2e: no OBS or store on this machine' }));
  expect((await s.api('show.go', { overrides })).status).toBe(200);
  let segment = '';
  for (let part = 0; part < 2; part++) {
    for (let i = 0; i < 40; i++) {
      expect((await s.api('cue.next', {})).status).toBe(200);
      const now = (await stateOf(s)).cues.current?.segmentId ?? '';
      if (now && now !== segment) {
        segment = now;
        break;
      }
    }
    const orders = [[19.99, 5.01], [39.99]][part]!.map((amount, i) => ({ type: 'order', id: `${tag}-x${part}-${i}`, orderId: `${tag}-x${part}-${i}`, amount, currency: 'USD' }));
    expect((await s.api('offer.ingest', { events: [{ type: 'add_to_cart', count: 4 + part, id: `${tag}-xc${part}` }, ...orders] })).status).toBe(200);
  }
}

async function runShow(s: StationProcess, tag: string, orders: number[], live = false): Promise<Summary & { dir: string }> {
  if (live) await liveWithSegments(s, tag);
  const events = [
    { type: 'view', count: 500, id: `${tag}-v` },
    { type: 'add_to_cart', count: 40, id: `${tag}-c` },
    { type: 'checkout', count: 18, id: `${tag}-k` },
    ...orders.map((amount, i) => ({ type: 'order', id: `${tag}-o${i}`, orderId: `${tag}-o${i}`, amount, currency: 'USD' })),
  ];
  expect((await s.api('offer.ingest', { events })).status).toBe(200);
  const state = (await (await fetch(`${s.url}/api/state`, { headers: { authorization: `Bearer ${s.tokens.producer}` } })).json()) as { state: { offers: { items: { id: string }[] } } };
  await s.api('offer.pause', { offerId: state.state.offers.items[0]!.id, reason: 'price on the card did not match the store' });
  // END waits for the pause to be confirmed by the store.
  if (live) await expect.poll(async () => (await s.api('show.end', {})).status, { timeout: 15_000 }).toBe(200);
  const pkg = await s.api<{ dir: string }>('show.package', {});
  expect(pkg.status).toBe(200);
  return { ...(JSON.parse(readFileSync(join(pkg.body.result!.dir, 'summary.json'), 'utf8')) as Summary), dir: pkg.body.result!.dir };
}

async function synced(s: StationProcess) {
  await expect
    .poll(async () => {
      const r = (await (await fetch(`${s.url}/api/state`, { headers: { authorization: `Bearer ${s.tokens.producer}` } })).json()) as { state: { hq: { state: string } } };
      return r.state.hq.state;
    }, { timeout: 30_000 })
    .toBe('synced');
}

test('calendar, attribution against the packages, experiments and the post-mortem board', async ({ page }) => {
  // Two stations, a live show with GO/END and four views: longer than the default minute.
  test.setTimeout(180_000);
  // Station B runs another brand's show from the start (no demo show whose rehearsal shoppers would count for Lumen).
  const demo = JSON.parse(readFileSync('resources/demo-show/show.json', 'utf8')) as Record<string, unknown>;
  const dir = mkdtempSync(join(tmpdir(), 'baton-hq-e2e-'));
  tmpDirs.push(dir);
  const serum = join(dir, 'serum-drop.json');
  writeFileSync(serum, JSON.stringify({ ...demo, id: 'serum-drop', title: 'Serum Drop — Live', brand: 'Northwind Beauty', script: undefined }));
  const [a, b] = await Promise.all([stationFor('studio-a'), stationSetUpByItsProducer('studio-b', page, serum)]);
  const [pa, pb] = await Promise.all([runShow(a, 'a', [39.99, 39.99, 12.35], true), runShow(b, 'b', [24.5, 19.99])]);
  await Promise.all([synced(a), synced(b)]);

  await page.goto(`${hq.url}/calendar?token=${hq.adminToken}`);
  await expect(page.getByRole('heading', { name: 'Live calendar' })).toBeVisible();
  for (const [station, p] of [['studio-a', pa], ['studio-b', pb]] as const) {
    const row = page.locator('tr', { hasText: p.show.title }).filter({ hasText: station });
    await expect(row).toBeVisible();
    await expect(row.getByTestId('phase')).toHaveText('package in', { timeout: 30_000 });
  }
  // People and roles as the station holds them (the demo show's producer and its script's approver).
  const rowA = page.locator('tr', { hasText: pa.show.title }).filter({ hasText: 'studio-a' });
  await expect(rowA).toContainText('Maya Okafor (producer)');
  await expect(rowA).toContainText('Priya Shah (legal)');
  await rowA.getByTestId('people').locator('summary').click();
  await expect(rowA.getByTestId('people')).toContainText('Leo Martins (host)');
  await expect(rowA.getByTestId('people')).not.toContainText('@');

  await page.getByRole('link', { name: 'Attribution' }).click();
  const rec = page.getByTestId('reconciliation');
  for (const [station, p] of [['studio-a', pa], ['studio-b', pb]] as const) {
    const row = rec.locator('tr', { hasText: p.show.title }).filter({ hasText: station });
    await expect(row).toContainText(`${p.kpis.revenue.toFixed(2)} USD`);
    await expect(row).toContainText('to the cent');
  }
  await page.locator('select[name="by"]').selectOption('brand');
  const byBrand = page.getByTestId('attribution');
  await expect(byBrand.locator('tr', { hasText: 'Northwind Beauty' })).toContainText(`${pb.kpis.revenue.toFixed(2)} USD`);
  await expect(byBrand.locator('tr', { hasText: 'Lumen' })).toContainText(`${pa.kpis.revenue.toFixed(2)} USD`);

  // By platform: both shows stream to the demo's four platforms: one row under all of them, both packages' revenue.
  await page.locator('select[name="by"]').selectOption('platform');
  const both = (Math.round(pa.kpis.revenue * 100) + Math.round(pb.kpis.revenue * 100)) / 100;
  await expect(page.getByTestId('attribution').locator('tr', { hasText: 'tiktok + instagram + youtube + twitch' })).toContainText(`${both.toFixed(2)} USD`);

  const csv = await (await page.request.get(`${hq.url}/attribution.csv?by=show`)).text();
  const lines = csv.trim().split('\n').slice(1);
  const total = lines.reduce((n, l) => n + Math.round(Number(l.split(',')[2]) * 100), 0);
  expect(total).toBe(Math.round(pa.kpis.revenue * 100) + Math.round(pb.kpis.revenue * 100));

  // Experiments: each segment station A put on air, with the numbers of its package's experiment log.
  await page.getByRole('link', { name: 'Experiments' }).click();
  const log = readFileSync(join(pa.dir, 'experiment-log.md'), 'utf8')
    .split('\n')
    .filter((l) => /^\| \d/.test(l))
    .map((l) => l.split('|').map((c) => c.trim()));
  expect(log.length).toBeGreaterThanOrEqual(2);
  const runs = page.getByTestId('runs');
  for (const cells of log) {
    const [, , logTitle, minutes, views, carts, checkouts, orders, revenue] = cells as string[];
    const title = logTitle!.replace(/\\([\\`*_[\]|<>#])/g, '$1');
    const row = runs.locator('tr').filter({ hasText: 'studio-a' }).filter({ has: page.locator('td', { hasText: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) });
    await expect(row).toHaveCount(1);
    await expect(row.locator('td').nth(6)).toHaveText(minutes!);
    await expect(row.locator('td').nth(7)).toHaveText(views!);
    await expect(row.locator('td').nth(8)).toHaveText(carts!);
    await expect(row.locator('td').nth(9)).toHaveText(checkouts!);
    await expect(row.locator('td').nth(10)).toHaveText(orders!);
    await expect(row.locator('td').nth(11)).toHaveText(`${revenue} USD`);
  }
  const ordersInLog = log.reduce((n, c) => n + Number(c[8]), 0);
  expect(ordersInLog).toBeGreaterThanOrEqual(3);

  await page.getByRole('link', { name: 'Post-mortem board' }).click();
  const board = page.getByTestId('board');
  await expect(board.locator('tr', { hasText: 'price on the card did not match the store' })).toHaveCount(2);
  await expect(board.getByTestId('escalate')).toHaveCount(2);
  // An owner and a due date, set by a named person at HQ and recorded in HQ's audit.
  await expect(board.getByTestId('edit-item')).toHaveCount(0);
  await page.getByLabel('Your name').fill('Rita (brand owner)');
  await page.getByTestId('editing-as').getByRole('button').click();
  const item = board.locator('tr', { hasText: 'price on the card did not match the store' }).filter({ hasText: 'Serum Drop — Live' });
  await item.getByLabel('Owner').fill('Tom Becker');
  await item.getByLabel('Due').fill('2026-12-24');
  await item.getByRole('button', { name: 'Save' }).click();
  const saved = page.getByTestId('board').locator('tr', { hasText: 'price on the card did not match the store' }).filter({ hasText: 'Serum Drop — Live' });
  await expect(saved.getByTestId('owner')).toHaveText('Tom Becker');
  await expect(saved.getByTestId('due')).toHaveText('2026-12-24');
  await expect(saved).toContainText('set by Rita (brand owner)');
  await expect(page.getByTestId('hq-audit').locator('tr', { hasText: 'Rita (brand owner)' })).toContainText('"owner":"Tom Becker"');
});
