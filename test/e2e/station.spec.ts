/// <reference lib="dom" />
// The foundation's promise: one command from the producer's page reaches the host's and the
// moderator's pages live, over the same contract, with no polling.
import { test, expect } from './fixtures';

test('a view logs in with ?token= and the token leaves the address bar', async ({ station, context }) => {
  const page = await station.openView(context, 'producer');
  expect(page.url()).not.toContain('token=');
  await expect(page.getByTestId('whoami')).toContainText('producer');
  await expect(page.getByTestId('show-title')).toHaveText('Glow Kit Launch — Live Shopping');
  await expect(page.getByTestId('rehearsal-badge')).toBeVisible();
});

test('a refused token gets the token form, not a broken console', async ({ station, page }) => {
  await page.goto(`${station.url}/producer?token=not-a-token`);
  await expect(page.getByText('The station refused this view’s token')).toBeVisible();
});

test('a show loaded by the producer reaches host and moderator pages live', async ({ station, context }) => {
  const producer = await station.openView(context, 'producer');
  const host = await station.openView(context, 'host');
  const moderator = await station.openView(context, 'moderator');
  const got = await station.api('show.get', {});
  const show = (got.body.result as { show: Record<string, unknown> }).show;
  const renamed = { ...show, title: 'Glow Kit Launch — second run' };
  const r = await producer.evaluate(async (body) => {
    const token = sessionStorage.getItem('baton.token');
    const res = await fetch('/api/commands/show.import', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ show: body }),
    });
    return res.status;
  }, renamed);
  expect(r).toBe(200);
  await expect(host.getByTestId('show-title')).toHaveText('Glow Kit Launch — second run');
  await expect(moderator.getByTestId('show-title')).toHaveText('Glow Kit Launch — second run');
  await producer.getByTestId('tab-audit').click();
  await expect(producer.getByTestId('audit-panel')).toContainText('show.import');
});

test('a bad show is refused field by field and the current show stays', async ({ station, context }) => {
  const producer = await station.openView(context, 'producer');
  const r = await station.api('show.import', { show: { id: 'x', title: '', products: [] } });
  expect(r.status).toBe(400);
  await producer.getByTestId('tab-setup').click();
  await expect(producer.getByTestId('show-load-errors')).toContainText('title');
  await expect(producer.getByTestId('show-title')).toHaveText('Glow Kit Launch — Live Shopping');
});

test('a host token cannot run producer commands', async ({ station }) => {
  const r = await station.api('show.load', { path: 'resources/demo-show/show.json' }, 'host');
  expect(r.status).toBe(403);
  expect(r.body.error?.message).toContain('producer');
});

test('after the show the producer writes the package and sees where it went; the audit in it verifies', async ({ station, context }) => {
  const producer = await station.openView(context, 'producer');
  await producer.getByTestId('tab-post-show').click();
  await producer.getByTestId('post-show-panel').getByRole('button', { name: 'Write package' }).click();
  const result = producer.getByTestId('post-show-result');
  await expect(result).toContainText('summary.json');
  await expect(result).toContainText('audit-verify.txt');
  await expect(result).toContainText('report.md');
  const dir = (await result.locator('code').textContent()) ?? '';
  const { readFileSync } = await import('node:fs');
  expect(readFileSync(`${dir}/audit-verify.txt`, 'utf8')).toMatch(/^intact: \d+ rows/);
  const summary = JSON.parse(readFileSync(`${dir}/summary.json`, 'utf8')) as { show: { id: string }; audit: { verified: boolean } };
  expect(summary.show.id).toBe('glow-kit-launch');
  expect(summary.audit.verified).toBe(true);
});
