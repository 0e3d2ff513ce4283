// The show's other roles in their own views, each opened with a personal link at 1920×1080: the
// approver signs the script in their own name, commerce watches offers against caps, customer
// service works escalations, and an observer reads the overview with no control. A person with
// several roles switches between exactly their own. BATON_SCREENSHOTS=1 writes docs/screenshots.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test, expect } from './fixtures';
import type { Browser, Page } from '@playwright/test';

const SHOTS = process.env.BATON_SCREENSHOTS === '1' ? resolve(import.meta.dirname, '../../docs/screenshots') : null;

async function openLink(browser: Browser, link: string, path: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  await page.goto(link.replace('/?', `/${path}?`));
  await expect(page.getByTestId('connection')).toHaveText('STATION LINKED');
  return page;
}

test('approver, commerce, customer service and observer work in their own views; the switcher offers only the person’s roles', async ({ station, browser }) => {
  const invite = async (personId: string) => {
    const r = await station.api<{ link: string }>('people.invite', { personId });
    expect(r.status).toBe(200);
    return r.body.result!.link;
  };
  // Zoe holds three roles; her link opens commerce and switches to the others.
  expect((await station.api('people.add', { id: 'zoe', name: 'Zoe Park', roles: ['commerce', 'customer-service', 'observer'] })).status).toBe(200);
  const zoe = await openLink(browser, await invite('zoe'), 'commerce');
  await expect(zoe.getByTestId('commerce-offers')).toBeVisible();
  await expect(zoe.getByTestId('role-switcher').getByRole('button')).toHaveText(['Commerce', 'Customer service', 'Observer']);
  await expect(zoe.getByTestId('commerce-offers').locator('tbody tr')).not.toHaveCount(0);
  if (SHOTS) await zoe.screenshot({ path: `${SHOTS}/commerce-1920x1080.png` });

  // The observer: the overview, and not one button in it.
  await zoe.getByTestId('role-observer').click();
  await expect(zoe.getByTestId('observer-view')).toBeVisible();
  expect(new URL(zoe.url()).pathname).toBe('/observer');
  await expect(zoe.getByTestId('observer-view').getByRole('button')).toHaveCount(0);
  await expect(zoe.getByTestId('whoami')).toContainText('Zoe Park');
  if (SHOTS) await zoe.screenshot({ path: `${SHOTS}/observer-1920x1080.png` });
  // The station refuses a write from the observer session, whatever the view shows.
  const refused = await zoe.evaluate(async () => {
    const token = sessionStorage.getItem('baton.token');
    const r = await fetch('/api/commands/offer.pause', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'x-baton-role': 'observer', 'content-type': 'application/json' }, body: '{"offerId":"glow-kit-live","reason":"x"}' });
    return r.status;
  });
  expect(refused).toBe(403);

  // Customer service: an escalated complaint shows with its note.
  await station.api('comments.ingest', { comments: [{ platform: 'e2e', id: 'k1', author: 'rui.b', text: 'My order arrived broken, the pump leaks', lang: 'en' }] });
  expect((await station.api('comment.escalate', { id: 'e2e:k1', by: 'Maya', note: 'refund or replacement?' })).status).toBe(200);
  await zoe.getByTestId('role-customer-service').click();
  await expect(zoe.getByTestId('service-escalations').getByTestId('service-escalation')).toContainText('My order arrived broken');
  // Their desk lists the customer-service queue's rows (it once showed "comments.desk is for producer
  // or moderator" and "Nothing waiting here" beside a count of 2).
  await expect(zoe.getByTestId('comment-row').first()).toBeVisible();
  await expect(zoe.getByText(/could not be loaded/)).toHaveCount(0);
  if (SHOTS) await zoe.screenshot({ path: `${SHOTS}/customer-service-1920x1080.png` });

  // The approver: a new version for sign-off, its text and diff, signed in Priya's own name.
  const source = readFileSync(resolve(import.meta.dirname, '../../resources/demo-show/script.md'), 'utf8').replace('Hi everyone', 'Hello everyone');
  const saved = await station.api<{ version: { id: string } }>('script.save', { format: 'markdown', source });
  expect(saved.status).toBe(200);
  await station.api('script.requestApproval', { versionId: saved.body.result!.version.id });
  const priya = await openLink(browser, await invite('priya'), 'approver');
  await expect(priya.getByTestId('approver-text')).toContainText('Hello everyone');
  await expect(priya.getByTestId('role-switcher')).toHaveCount(0);
  if (SHOTS) await priya.screenshot({ path: `${SHOTS}/approver-1920x1080.png` });
  await priya.locator('#approver-note').fill('Claims checked against the brief');
  await priya.getByTestId('approver-approve').click();
  await expect(priya.getByTestId('approver-approved')).toContainText(/Signed by Priya Shah \(\w+\) through their own sign-off link/);

  const audit = await station.api<{ entries: { actor: string; role: string; command: string; outcome: string }[] }>('audit.list', { limit: 100 });
  expect(audit.body.result!.entries.some((e) => e.command === 'script.approve' && e.actor === 'Priya Shah (priya)' && e.role === 'approver' && e.outcome === 'ok')).toBe(true);
});
