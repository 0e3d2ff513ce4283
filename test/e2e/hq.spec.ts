// HQ's views over two real headless stations reporting with `--hq`: the live calendar shows both
// shows with their state, attribution's numbers equal each station's post-show package (and the
// CSV says the same), and the post-mortem board flags a failure mode seen in both shows.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHq, type HqApp } from '../../hq/hq.app';
import { startStationProcess, type StationProcess } from '../peers/station-process';

interface Summary {
  show: { title: string };
  kpis: { revenue: number; orders: number; views: number; currency: string };
}

let hq: HqApp;
const stations: StationProcess[] = [];

test.beforeAll(async () => {
  hq = await startHq({ port: 0, host: '127.0.0.1', dataDir: null, pgUrl: null, version: 'e2e' });
});
test.afterAll(async () => {
  for (const s of stations) await s.stop();
  await hq?.close();
});

async function stationFor(id: string): Promise<StationProcess> {
  const r = await fetch(`${hq.url}/api/stations`, { method: 'POST', headers: { authorization: `Bearer ${hq.adminToken}` }, body: JSON.stringify({ id }) });
  const { token } = (await r.json()) as { token: string };
  const s = await startStationProcess({ args: ['--hq', hq.url, '--hq-station', id], env: { BATON_HQ_TOKEN: token } });
  stations.push(s);
  return s;
}

async function runShow(s: StationProcess, tag: string, orders: number[]): Promise<Summary> {
  const events = [
    { type: 'view', count: 500, id: `${tag}-v` },
    { type: 'add_to_cart', count: 40, id: `${tag}-c` },
    { type: 'checkout', count: 18, id: `${tag}-k` },
    ...orders.map((amount, i) => ({ type: 'order', id: `${tag}-o${i}`, orderId: `${tag}-o${i}`, amount, currency: 'USD' })),
  ];
  expect((await s.api('offer.ingest', { events })).status).toBe(200);
  const state = (await (await fetch(`${s.url}/api/state`, { headers: { authorization: `Bearer ${s.tokens.producer}` } })).json()) as { state: { offers: { items: { id: string }[] } } };
  await s.api('offer.pause', { offerId: state.state.offers.items[0]!.id, reason: 'price on the card did not match the store' });
  const pkg = await s.api<{ dir: string }>('show.package', {});
  expect(pkg.status).toBe(200);
  return JSON.parse(readFileSync(join(pkg.body.result!.dir, 'summary.json'), 'utf8')) as Summary;
}

async function synced(s: StationProcess) {
  await expect
    .poll(async () => {
      const r = (await (await fetch(`${s.url}/api/state`, { headers: { authorization: `Bearer ${s.tokens.producer}` } })).json()) as { state: { hq: { state: string } } };
      return r.state.hq.state;
    }, { timeout: 30_000 })
    .toBe('synced');
}

test('calendar, attribution against the packages, and the post-mortem board', async ({ page }) => {
  const [a, b] = await Promise.all([stationFor('studio-a'), stationFor('studio-b')]);
  const demo = JSON.parse(readFileSync('resources/demo-show/show.json', 'utf8')) as Record<string, unknown>;
  const imported = await b.api('show.import', { show: { ...demo, id: 'serum-drop', title: 'Serum Drop — Live', brand: 'Northwind Beauty', script: undefined } });
  expect(imported.status).toBe(200);
  const [pa, pb] = await Promise.all([runShow(a, 'a', [39.99, 39.99, 12.35]), runShow(b, 'b', [24.5, 19.99])]);
  await Promise.all([synced(a), synced(b)]);

  await page.goto(`${hq.url}/calendar?token=${hq.adminToken}`);
  await expect(page.getByRole('heading', { name: 'Live calendar' })).toBeVisible();
  // Station B loaded the demo show before importing its own: that show is on the calendar too, as a draft.
  for (const [station, p] of [['studio-a', pa], ['studio-b', pb]] as const) {
    const row = page.locator('tr', { hasText: p.show.title }).filter({ hasText: station });
    await expect(row).toBeVisible();
    await expect(row.getByTestId('phase')).toHaveText('package in', { timeout: 30_000 });
  }

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

  const csv = await (await page.request.get(`${hq.url}/attribution.csv?by=show`)).text();
  const lines = csv.trim().split('\n').slice(1);
  const total = lines.reduce((n, l) => n + Math.round(Number(l.split(',')[2]) * 100), 0);
  expect(total).toBe(Math.round(pa.kpis.revenue * 100) + Math.round(pb.kpis.revenue * 100));

  await page.getByRole('link', { name: 'Post-mortem board' }).click();
  const board = page.getByTestId('board');
  await expect(board.locator('tr', { hasText: 'price on the card did not match the store' })).toHaveCount(2);
  await expect(board.getByTestId('escalate')).toHaveCount(2);
});
