// Three people in three browsers: Maya (producer) invites Ana and Dewi (moderators) with personal
// links; they claim and answer under their own names; Maya revokes Dewi mid-show and Dewi's view
// drops to "your access was revoked" within a second while Ana keeps working; the audit trail
// names each person for each action.
import { test, expect } from './fixtures';
import type { Browser, Page } from '@playwright/test';

async function openLink(browser: Browser, link: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await expect(page.getByTestId('connection')).toHaveText('STATION LINKED');
  return page;
}

async function showE2e(page: Page, queue: string) {
  await page.getByTestId(`queue-${queue}`).click();
  await page.getByTestId('filter-platform').selectOption('e2e');
}

test('Maya, Ana and Dewi work under their own names; revoking Dewi drops only Dewi', async ({ station, browser }) => {
  const invite = async (personId: string) => {
    const r = await station.api<{ link: string; qrSvg: string }>('people.invite', { personId });
    expect(r.status).toBe(200);
    expect(r.body.result!.qrSvg).toContain('<svg');
    return r.body.result!.link;
  };
  const maya = await openLink(browser, await invite('maya'));
  const ana = await openLink(browser, (await invite('ana')).replace('/?', '/moderator?'));
  const dewi = await openLink(browser, (await invite('dewi')).replace('/?', '/moderator?'));
  await expect(ana.getByTestId('moderator-name')).toHaveText('Ana Reyes (ana)');
  await expect(dewi.getByTestId('moderator-name')).toHaveText('Dewi Santoso (dewi)');

  await station.api('comments.ingest', {
    comments: [
      { platform: 'e2e', id: 'q1', author: 'lucia.mx', text: 'How long does shipping take to Lima?', lang: 'en' },
      { platform: 'e2e', id: 'q2', author: 'naomi.mua', text: 'Does shipping to Leeds take long?', lang: 'en' },
    ],
  });
  const listed = await station.api<{ comments: { id: string; queue: string }[] }>('comments.list', { platform: 'e2e' }, 'moderator');
  const queue = listed.body.result!.comments[0]!.queue;
  for (const p of [ana, dewi]) await showE2e(p, queue);

  // Ana claims q1; Dewi sees Ana's name on it at once.
  const anaQ1 = ana.locator('[data-testid="comment-row"][data-id="e2e:q1"]');
  await anaQ1.click();
  await ana.keyboard.press('c');
  await expect(dewi.locator('[data-testid="comment-row"][data-id="e2e:q1"]').getByTestId('comment-holder')).toHaveText(/Ana Reyes \(ana\) is replying/, { timeout: 2_000 });
  // Dewi claims q2.
  const dewiQ2 = dewi.locator('[data-testid="comment-row"][data-id="e2e:q2"]');
  await dewiQ2.click();
  await dewi.keyboard.press('c');
  await expect(ana.locator('[data-testid="comment-row"][data-id="e2e:q2"]').getByTestId('comment-holder')).toHaveText(/Dewi Santoso \(dewi\) is replying/, { timeout: 2_000 });

  // Maya revokes Dewi from the People panel (the console's Setup tab).
  await maya.getByTestId('tab-setup').click();
  await maya.getByTestId('person-revoke-dewi').click();
  const started = Date.now();
  await expect(dewi.getByText(/access was revoked|link was revoked/i)).toBeVisible({ timeout: 1_500 });
  expect(Date.now() - started).toBeLessThan(1_500);
  await expect(maya.getByTestId('person-status-dewi')).toContainText('revoked');

  // Ana keeps working: she answers q1 with a macro.
  await anaQ1.click();
  await ana.keyboard.press('r');
  await ana.getByTestId('macro-shipping').click();
  await expect
    .poll(async () => {
      const listed = await station.api<{ comments: { id: string; status: string }[] }>('comments.list', { platform: 'e2e' }, 'moderator');
      return listed.body.result!.comments.find((c) => c.id === 'e2e:q1')?.status;
    })
    .toBe('answered');

  // The audit trail names each person for each action.
  const audit = await station.api<{ entries: { actor: string; command: string; outcome: string }[] }>('audit.list', { limit: 100 });
  const rows = audit.body.result!.entries;
  expect(rows.some((e) => e.command === 'comment.claim' && e.actor === 'Ana Reyes (ana)' && e.outcome === 'ok')).toBe(true);
  expect(rows.some((e) => e.command === 'comment.claim' && e.actor === 'Dewi Santoso (dewi)' && e.outcome === 'ok')).toBe(true);
  // A question is answered with its cluster (everyone who asked the same thing), or alone.
  expect(rows.some((e) => (e.command === 'comment.answer' || e.command === 'cluster.answer') && e.actor === 'Ana Reyes (ana)' && e.outcome === 'ok')).toBe(true);
  expect(rows.some((e) => e.command === 'people.revoke' && e.actor === 'Maya Okafor (maya)' && e.outcome === 'ok')).toBe(true);
});
