// Accessibility: axe-core (through @axe-core/playwright, a test-only dependency) finds no serious or
// critical violation in the producer console (every tab), the host's card, the moderator desk and
// the approver's sign-off page, on a busy show with an emergency banner up and a paused offer.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { writeBusyShow } from './busy-show';

const busy = writeBusyShow();
test.use({ stationOptions: { showFile: busy.file } });
// The producer console's tabs (src/renderer's producer-tabs.ts; the e2e project cannot import renderer code).
const PRODUCER_TABS = ['live', 'setup', 'showday', 'audit', 'post-show', 'history'].map((id) => ({ id }));
const REPORT = resolve(import.meta.dirname, '../../.tmp/axe');

interface Found {
  id: string;
  impact: string | null | undefined;
  help: string;
  nodes: string[];
}

async function scan(page: Page, view: string): Promise<Found[]> {
  // Let transitions and first paints settle: axe reads computed colours.
  await page.waitForTimeout(300);
  const result = await new AxeBuilder({ page }).analyze();
  const found = result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 6).map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`.slice(0, 400)) }));
  mkdirSync(REPORT, { recursive: true });
  writeFileSync(`${REPORT}/${view}.json`, JSON.stringify(found, null, 2));
  const counts = found.map((f) => `${f.impact}:${f.id}×${result.violations.find((v) => v.id === f.id)?.nodes.length ?? 0}`);
  console.log(`axe ${view}: ${counts.length === 0 ? 'no violations' : counts.join(', ')}`);
  return found;
}

const serious = (found: Found[]) => found.filter((f) => f.impact === 'serious' || f.impact === 'critical');

/** Text set below 13 px, and how many times REHEARSAL is said, among what is rendered and visible. */
async function polish(page: Page): Promise<{ small: string[]; rehearsal: string[] }> {
  return page.evaluate(() => {
    const small: string[] = [];
    const rehearsal: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent?.trim() ?? '';
      const el = n.parentElement;
      if (!text || !el || el.closest('[aria-hidden="true"], .sr-only, svg, script, style')) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (/\bREHEARSAL\b/.test(text)) rehearsal.push(`${el.tagName.toLowerCase()}.${el.className}: ${text.slice(0, 60)}`);
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < 13) small.push(`${size}px ${el.tagName.toLowerCase()}.${el.className}: ${text.slice(0, 40)}`);
    }
    return { small, rehearsal };
  });
}

async function busyShow(station: import('./fixtures').StationFixture) {
  // Busy: the show clock runs with no OBS (an emergency banner), one offer paused, cues moved on.
  expect((await station.api('show.clock', { action: 'start' })).status).toBe(200);
  expect((await station.api('cue.goto', { cueId: 'glow-kit-offer.2' })).status).toBe(200);
  expect((await station.api('offer.pause', { offerId: 'serum-duo', reason: 'e2e: checkout errors' })).status).toBe(200);
}

function collector() {
  const failures: string[] = [];
  return {
    failures,
    async check(page: Page, view: string) {
      const t0 = Date.now();
      for (const f of serious(await scan(page, view))) failures.push(`${view}: ${f.impact} ${f.id} (${f.help})\n    ${f.nodes.join('\n    ')}`);
      const p = await polish(page);
      console.log(`  ${view}: scanned in ${Date.now() - t0} ms; text under 13 px: ${p.small.length}; REHEARSAL said ${p.rehearsal.length}×`);
      for (const s of p.small.slice(0, 8)) failures.push(`${view}: text under 13 px — ${s}`);
      if (p.rehearsal.length > 1) failures.push(`${view}: REHEARSAL said ${p.rehearsal.length} times — ${p.rehearsal.join(' | ')}`);
    },
  };
}

test('producer console, every tab: no serious or critical axe violation, no text under 13 px', async ({ station, context }) => {
  test.setTimeout(120_000);
  await busyShow(station);
  const source = (await station.api<{ source: string }>('script.get', { versionId: 'glow-kit-launch/v1' })).body.result!.source;
  expect((await station.api('script.save', { format: 'markdown', source: source.replace('Hi everyone', 'Hello everyone') })).status).toBe(200);
  const { failures, check } = collector();

  const producer = await station.openView(context, 'producer');
  await expect(producer.getByTestId('emergency-obs-link-lost')).toBeVisible();
  await expect(producer.getByTestId('comments-summary')).not.toContainText('Comments · 0');
  for (const tab of PRODUCER_TABS) {
    await producer.getByTestId(`tab-${tab.id}`).click();
    await expect(producer.getByTestId(`producer-${tab.id}`)).toBeVisible();
    await check(producer, `producer-${tab.id}`);
  }
  // The review of an unapproved version (selected in Setup), and the hotkey overlay.
  await producer.getByTestId('tab-setup').click();
  await producer.getByTestId('version-2').click();
  await check(producer, 'producer-setup-review');
  await producer.getByTestId('tab-live').click();
  await producer.locator('body').click({ position: { x: 5, y: 300 } });
  await producer.keyboard.press('?');
  await expect(producer.getByTestId('hotkey-overlay')).toBeVisible();
  await check(producer, 'producer-hotkeys');

  expect(failures, failures.join('\n')).toEqual([]);
});

test("host's card and the approver's sign-off page: no serious or critical axe violation", async ({ station, context, browser }) => {
  test.setTimeout(90_000);
  await busyShow(station);
  const source = (await station.api<{ source: string }>('script.get', { versionId: 'glow-kit-launch/v1' })).body.result!.source;
  const saved = await station.api<{ version: { id: string } }>('script.save', { format: 'markdown', source: source.replace('Hi everyone', 'Hello everyone') });
  const link = await station.api<{ path: string }>('script.signoffLink', { versionId: saved.body.result!.version.id, approver: 'priya' });
  expect(link.status).toBe(200);
  const { failures, check } = collector();

  const host = await station.openView(context, 'host');
  await expect(host.getByTestId('host-cue-text')).toBeVisible();
  await check(host, 'host');

  const approver = await (await browser.newContext()).newPage();
  await approver.goto(`${station.url}${link.body.result!.path}`);
  await expect(approver.getByTestId('signoff-page')).toContainText('Priya Shah (legal)');
  await check(approver, 'signoff');

  expect(failures, failures.join('\n')).toEqual([]);
});

test('moderator desk: no serious or critical axe violation', async ({ station, context }) => {
  test.setTimeout(120_000);
  await busyShow(station);
  const { failures, check } = collector();
  const moderator = await station.openView(context, 'moderator', { query: 'as=Ana%20Reyes' });
  // As it first paints (maybe empty: the replay has not reached this queue yet), then with a row selected.
  await check(moderator, 'moderator-first-paint');
  const firstRow = moderator.getByTestId('comment-list').getByRole('option').first();
  await expect(firstRow).toBeVisible({ timeout: 30_000 });
  await firstRow.click();
  await check(moderator, 'moderator');
  expect(failures, failures.join('\n')).toEqual([]);
});

test('moderator desk: the comment list scrolls from the keyboard even when no row in it can take focus', async ({ station, context }) => {
  test.setTimeout(120_000);
  await busyShow(station);
  const moderator = await station.openView(context, 'moderator', { query: 'as=Ana%20Reyes' });
  // A short window, so a few replayed comments already overflow the list: its rows (options) take no
  // focus of their own, so the list itself must (axe once found it scrollable and out of keyboard reach).
  await moderator.setViewportSize({ width: 1366, height: 480 });
  await moderator.getByTestId('queue-all').click();
  const list = moderator.getByTestId('comment-list');
  await expect.poll(() => list.evaluate((el) => el.scrollHeight - el.clientHeight), { timeout: 60_000 }).toBeGreaterThan(0);
  const result = await new AxeBuilder({ page: moderator }).include('[data-testid="comment-list"]').withRules(['scrollable-region-focusable']).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await expect(list).toHaveAttribute('tabindex', '0');
  await expect(list).toHaveAccessibleName(/Comments/);
  // Tab reaches it, and the desk's keys still work from there (j moves the selection).
  await list.focus();
  await expect(list).toBeFocused();
  const selectedId = () => list.locator('[role="option"][aria-selected="true"]').first().getAttribute('data-id', { timeout: 1000 }).catch(() => null);
  const before = await selectedId();
  await moderator.keyboard.press('j');
  await expect.poll(selectedId).not.toBe(before);
  await expect(list).toBeFocused();
});
