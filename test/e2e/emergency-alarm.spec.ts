/// <reference lib="dom" />
// The producer's opt-in alarm: with it on (remembered after a reload), an emergency banner
// appearing raises a desktop notification through the Notification API and plays a Web Audio tone;
// the same condition flapping back within a minute does not raise it again; with it off, nothing.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

interface Heard {
  notes: { title: string; body: string; tag: string }[];
  tones: number;
}

/** Records every Notification constructed and every oscillator started, then lets them run. */
async function listen(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __heard: Heard; Notification: typeof Notification };
    w.__heard = { notes: [], tones: 0 };
    const Real = window.Notification;
    class Recorded extends Real {
      constructor(title: string, options?: NotificationOptions) {
        w.__heard.notes.push({ title, body: options?.body ?? '', tag: options?.tag ?? '' });
        super(title, options);
      }
    }
    w.Notification = Recorded;
    const start = OscillatorNode.prototype.start;
    OscillatorNode.prototype.start = function (when?: number) {
      w.__heard.tones++;
      return start.call(this, when);
    };
  });
}
const heard = (page: Page) => page.evaluate(() => (window as unknown as { __heard: Heard }).__heard);

test('alarm on: a banner appearing raises one desktop notification and a tone; flapping back does not repeat it', async ({ station, context }) => {
  await context.grantPermissions(['notifications'], { origin: station.url });
  const producer = await context.newPage();
  await listen(producer);
  await producer.goto(`${station.url}/producer?token=${station.tokens.producer}`);
  await expect(producer.getByTestId('connection')).toHaveText('STATION LINKED');

  const toggle = producer.getByTestId('alarm-toggle');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  // Remembered on this machine: a reload keeps it on.
  await producer.reload();
  await expect(producer.getByTestId('connection')).toHaveText('STATION LINKED');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await producer.getByTestId('tab-live').click(); // a click: the page may start audio
  expect((await heard(producer)).notes).toEqual([]);

  // The show clock runs with no OBS linked: the "OBS link lost" banner.
  expect((await station.api('show.clock', { action: 'start' })).status).toBe(200);
  await expect(producer.getByTestId('emergency-obs-link-lost')).toBeVisible();
  await expect.poll(async () => (await heard(producer)).notes.length).toBe(1);
  const first = await heard(producer);
  expect(first.notes[0]).toMatchObject({ tag: 'obs-link-lost' });
  expect(first.notes[0]?.body).toContain('OBS link lost during the show');
  expect(first.tones).toBe(3);

  // Flapping: the clock reset and started again within the minute — the banner returns, silently.
  expect((await station.api('show.clock', { action: 'reset' })).status).toBe(200);
  await expect(producer.getByTestId('emergencies')).toHaveCount(0);
  expect((await station.api('show.clock', { action: 'start' })).status).toBe(200);
  await expect(producer.getByTestId('emergency-obs-link-lost')).toBeVisible();
  await producer.waitForTimeout(500);
  expect((await heard(producer)).notes.length).toBe(1);
});

test('alarm off (the default): a banner appears and nothing is raised', async ({ station, context }) => {
  await context.grantPermissions(['notifications'], { origin: station.url });
  const producer = await context.newPage();
  await listen(producer);
  await producer.goto(`${station.url}/producer?token=${station.tokens.producer}`);
  await expect(producer.getByTestId('connection')).toHaveText('STATION LINKED');
  await expect(producer.getByTestId('alarm-toggle')).toHaveAttribute('aria-pressed', 'false');
  expect((await station.api('show.clock', { action: 'start' })).status).toBe(200);
  await expect(producer.getByTestId('emergency-obs-link-lost')).toBeVisible();
  await producer.waitForTimeout(500);
  expect(await heard(producer)).toEqual({ notes: [], tones: 0 });
});
