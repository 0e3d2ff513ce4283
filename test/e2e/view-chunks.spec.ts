// The views a moderator's desk never shows load as chunks of their own (src/renderer/src/views/lazy-views.tsx):
// the desk opens without fetching the producer's console or recharts, the producer's console still
// opens (its chunk fetched), and a view whose chunk cannot be fetched says so instead of leaving a
// blank window.
import { test, expect } from './fixtures';

test('the moderator desk fetches no other view’s code; the producer’s console loads its own', async ({ station, browser }) => {
  const context = await browser.newContext();
  const fetched: string[] = [];
  context.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith('/assets/')) fetched.push(path);
  });
  const desk = await station.openView(context, 'moderator', { query: 'as=Ana Reyes' });
  await expect(desk.getByTestId('comment-list')).toBeVisible();
  expect(fetched.filter((p) => p.endsWith('.js')).length).toBeGreaterThan(0);
  expect(fetched.filter((p) => /\/(ProducerView|HostView|CommercePage|ObserverPage|ApproverPage|ServicePage|LineChart)-/.test(p))).toEqual([]);

  const producer = await station.openView(context, 'producer');
  await expect(producer.locator('main[data-testid^="producer-"]')).toBeVisible();
  expect(fetched.some((p) => /\/ProducerView-[^/]+\.js$/.test(p))).toBe(true);
  await context.close();
});

test('a view whose code cannot be fetched says so and offers a reload', async ({ station, browser }) => {
  const context = await browser.newContext();
  await context.route(/\/assets\/HostView-[^/]+\.js$/, (route) => route.abort('connectionfailed'));
  const page = await context.newPage();
  await page.goto(`${station.url}/host?token=${station.tokens.host}`);
  const failed = page.getByTestId('view-load-failed');
  await expect(failed).toBeVisible();
  await expect(failed).toContainText('could not be loaded');
  await expect(failed.getByRole('button', { name: 'Reload' })).toBeVisible();

  // Once the chunk can be fetched again, Reload opens the view.
  await context.unroute(/\/assets\/HostView-[^/]+\.js$/);
  await failed.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByTestId('connection')).toHaveText('STATION LINKED');
  await expect(page.getByTestId('view-load-failed')).toHaveCount(0);
  await context.close();
});
