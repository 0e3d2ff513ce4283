// HQ's read-only viewer and sign-out in a real browser, against HQ started as its own process
// (`npm run hq`'s command line) on its own data folder. The viewer opens the printed link, sees the
// fleet, finds no control that changes anything, and every change it could send anyway is refused
// 403 (nothing changes). Signing out clears the cookie, the server refuses the old one, and the
// browser's Back does not bring the signed-in page back.
import { test, expect } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort, spawnManaged, waitHealthy, type ManagedProcess } from '../peers/process-control';
import { ROOT } from '../peers/headless-station';

const SHOTS = join(ROOT, '.tmp/hq-viewer');
let dir = '';
let hq: ManagedProcess | null = null;
let url = '';
let admin = '';
let viewer = '';

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'baton-hq-viewer-'));
  const port = await findFreePort();
  const env = { ...process.env };
  delete env.BATON_HQ_ADMIN_TOKEN;
  delete env.BATON_HQ_VIEWER_TOKEN;
  hq = spawnManaged({ name: 'hq', command: process.execPath, args: ['--import', 'tsx', join(ROOT, 'hq/hq.cli.ts'), '--port', String(port), '--data', dir], logPath: join(dir, 'hq.log'), cwd: ROOT, env });
  url = `http://127.0.0.1:${port}`;
  await waitHealthy(url, { timeoutMs: 60_000, description: 'HQ health', process: hq });
  // The tokens HQ made and kept owner-only in its folder, as an operator would read them.
  admin = readFileSync(join(dir, 'admin-token'), 'utf8').trim();
  viewer = readFileSync(join(dir, 'viewer-token'), 'utf8').trim();
  // A fleet of two: one reporting, one issued and silent.
  for (const id of ['studio-north', 'studio-south']) {
    const r = await fetch(`${url}/api/stations`, { method: 'POST', headers: { authorization: `Bearer ${admin}` }, body: JSON.stringify({ id }) });
    expect(r.status).toBe(200);
    if (id === 'studio-north') {
      const { token } = (await r.json()) as { token: string };
      const batch = await fetch(`${url}/api/ingest`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: JSON.stringify({ stationId: id, batchId: `${id}:1`, sentAt: Date.now(), facts: [] }) });
      expect(batch.status).toBe(200);
    }
  }
});

test.afterAll(async () => {
  await hq?.stop('SIGTERM', 10_000);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Everything a change could touch, read as the admin. */
const world = async () => ({
  stations: await (await fetch(`${url}/api/stations`, { headers: { authorization: `Bearer ${admin}` } })).json(),
  metrics: ((await (await fetch(`${url}/api/metrics`, { headers: { authorization: `Bearer ${admin}` } })).json()) as { ingest: unknown }).ingest,
});

test.use({ viewport: { width: 1920, height: 1080 } });

test('a viewer sees the fleet, has no control that changes anything, and every change is refused', async ({ page, context }) => {
  await page.goto(`${url}/calendar?token=${encodeURIComponent(viewer)}`);
  // The token left the address bar with the redirect; the browser keeps a session, not the token.
  expect(page.url()).toBe(`${url}/calendar`);
  const cookies = await context.cookies(url);
  expect(cookies.map((c) => c.name)).toEqual(['hq_session']);
  expect(cookies[0]!.value).not.toContain(viewer);
  // Every page says it is a viewer's, reading only (the board alone said so before).
  await expect(page.getByTestId('signed-in-as')).toHaveText('Viewer · read only');

  await page.getByRole('link', { name: 'Stations' }).click();
  const fleet = page.getByTestId('stations');
  await expect(fleet.locator('tbody tr')).toHaveCount(2);
  await expect(fleet).toContainText('studio-north');
  await expect(fleet).toContainText('studio-south');
  // Neither has sent an audit row: their chains are not called intact, and times read as UTC.
  await expect(fleet.locator('tbody tr').first()).toContainText('no rows yet');
  await expect(fleet.locator('thead')).toContainText('Last batch (UTC)');
  await page.screenshot({ path: join(SHOTS, 'viewer-stations.png') });

  // No write control on any view: no form that posts but sign-out (attribution's "group by" is a GET
  // form: it reads), no text to type into.
  for (const path of ['/calendar', '/attribution', '/postmortem', '/experiments', '/stations']) {
    await page.goto(`${url}${path}`);
    await expect(page.locator('form[method="post" i]'), path).toHaveCount(1);
    await expect(page.locator('form[method="post" i] button'), path).toHaveText(['Sign out']);
    await expect(page.locator('form:not([method="post" i]) button[formmethod="post" i]'), path).toHaveCount(0);
    await expect(page.locator('input:not([type="hidden"]), textarea'), path).toHaveCount(0);
  }
  await page.goto(`${url}/postmortem`);
  await expect(page.getByTestId('read-only')).toBeVisible();
  await page.screenshot({ path: join(SHOTS, 'viewer-postmortem.png') });

  // What the page does not offer, the server refuses anyway: the browser's own session, from HQ's origin.
  const before = await world();
  const changes: [string, string, string][] = [
    ['/api/stations', 'application/json', JSON.stringify({ id: 'studio-east' })],
    ['/api/stations/studio-north/revoke', 'application/json', ''],
    ['/api/metrics/reset', 'application/json', ''],
    ['/postmortem/me', 'application/x-www-form-urlencoded', 'name=Mallory'],
    ['/postmortem/item', 'application/x-www-form-urlencoded', 'key=studio-north%2Falert%2Fobs-dropped&owner=Mallory&due=2026-12-31'],
  ];
  for (const [path, type, data] of changes) {
    const r = await page.request.post(`${url}${path}`, { headers: { origin: url, 'content-type': type }, data, maxRedirects: 0 });
    expect(r.status(), path).toBe(403);
    expect(r.headers()['set-cookie'], path).toBeUndefined();
  }
  expect(await world()).toEqual(before);
});

test('sign-out ends the session: the cookie is cleared, the old one refused, and Back shows the sign-in page', async ({ page, context }) => {
  await page.goto(`${url}/calendar?token=${encodeURIComponent(viewer)}`);
  await page.getByRole('link', { name: 'Stations' }).click();
  await expect(page.getByTestId('stations')).toBeVisible();
  const old = (await context.cookies(url)).find((c) => c.name === 'hq_session')!;
  expect(old).toBeDefined();

  await page.getByTestId('sign-out').click();
  await expect(page.getByRole('heading', { name: 'Signed out' })).toBeVisible();
  await page.screenshot({ path: join(SHOTS, 'signed-out.png') });
  expect((await context.cookies(url)).find((c) => c.name === 'hq_session')).toBeUndefined();
  // The server forgot it too: the old cookie, sent by hand, signs nobody in.
  expect((await fetch(`${url}/stations`, { headers: { cookie: `hq_session=${old.value}` } })).status).toBe(401);
  expect((await fetch(`${url}/api/stations`, { headers: { cookie: `hq_session=${old.value}` } })).status).toBe(401);

  // A signed-out page offers no views' links (they would only lead to "Not signed in") and no Sign out.
  await expect(page.locator('header nav')).toHaveCount(0);
  await expect(page.getByTestId('sign-out')).toHaveCount(0);

  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Not signed in' })).toBeVisible();
  await expect(page.getByTestId('stations')).toHaveCount(0);
  await expect(page.getByTestId('signed-in-as')).toHaveCount(0);
  await page.screenshot({ path: join(SHOTS, 'back-after-sign-out.png') });
});
