// The producer's "pause not confirmed" toast, at 1920×1080 and 1366×768: it used to float in the
// bottom-right corner, over the Comments panel the producer reads under pressure. The store here is
// a signed webhook nobody answers (a free port with nothing on it), so a PAUSE is never confirmed
// and the station's answer, after its 10 s deadline, is that long sentence. It must cover no panel,
// no banner and no control.
import { rmSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { freePort, startStationProcess, type StationProcess } from '../peers/station-process';
import { writeBusyShow } from './busy-show';
import { toastCoversNothing } from './screen-checks';

const OFFER = 'glow-kit-live';
let station: StationProcess | null = null;
let showDir: string | null = null;

test.afterEach(async () => {
  await station?.stop();
  if (showDir) rmSync(showDir, { recursive: true, force: true });
});

for (const size of [
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
]) {
  test(`producer ${size.width}×${size.height}: the "pause not confirmed" toast covers no panel, banner or control`, async ({ context }) => {
    test.setTimeout(120_000);
    const dead = await freePort();
    const show = writeBusyShow((demo) => ({
      ...demo,
      offers: (demo.offers as Record<string, unknown>[]).map((o) => (o.id === OFFER ? { ...o, store: { adapter: 'webhook', url: `http://127.0.0.1:${dead}/hook`, hmacSecret: 'store/glow-kit-live/hook' } } : o)),
    }));
    showDir = show.dir;
    station = await startStationProcess({ showFile: show.file, secrets: { 'store/glow-kit-live/hook': 'k'.repeat(32) } });
    const page = await context.newPage();
    await page.setViewportSize(size);
    await page.goto(`${station.url}/producer?token=${station.tokens.producer}`);
    await expect(page.getByTestId('connection')).toHaveText('STATION LINKED');
    const comments = Array.from({ length: 8 }, (_, i) => ({ platform: 'tiktok', id: `t${i}`, author: `viewer.${i}`, text: `is the glow kit still on? ${i}`, lang: 'en' }));
    expect((await station.api('comments.ingest', { comments })).status).toBe(200);
    const pause = page.getByTestId(`status-pause-${OFFER}`);
    await expect(pause).toBeEnabled({ timeout: 30_000 });
    await pause.click();
    const toast = page.getByTestId('toast-error');
    await expect(toast).toContainText('has not confirmed the pause', { timeout: 30_000 });
    await toastCoversNothing(page, toast, `pause-not-confirmed toast at ${size.width}×${size.height}`);
    await page.screenshot({ path: test.info().outputPath('producer-toast.png') });
  });
}
