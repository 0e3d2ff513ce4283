// The Alerts panel as the producer reads it, against the real station: a comment queue that backs
// up and empties three times is one row with its count (×3) and a sparkline of three returns; Quiet
// mode keeps a new warning listed but out of the status bar's count (and a flap that comes back while
// it is on, too), critical stays loud; Ack all acknowledges every open row.
// The show's overflow limit is one second of waiting with one-second holds, so a single question,
// waiting, then dismissed, makes the queue overflow and recover on the station's own overflow check.
import { test, expect } from './fixtures';
import { writeBusyShow } from './busy-show';

const show = writeBusyShow((s) => {
  const comments = s['comments'] as Record<string, unknown>;
  return { ...s, comments: { ...comments, sources: [], overflow: { backlog: 50, oldestSeconds: 1, raiseHoldSeconds: 1, clearHoldSeconds: 1, clearRatio: 0.8 } } };
});
test.use({ stationOptions: { showFile: show.file } });

test('a flapping queue is one row with ×N and a sparkline; Quiet mode keeps new warnings out of the count; Ack all', async ({ station, context }) => {
  // Five flaps on the station's one-second overflow check, each waiting for the alarm to go up and come down.
  test.setTimeout(180_000);
  const producer = await station.openView(context, 'producer');
  await producer.setViewportSize({ width: 1920, height: 1080 });
  const panel = producer.getByTestId('alerts-panel');
  const overflowRows = panel.locator('[data-testid^="alert-comments.overflow."]');
  // The questions go to the moderators' queue ("Questions" on the desk).
  const row = panel.getByTestId('alert-comments.overflow.moderators');
  const warn = producer.getByTestId('status-alerts-warn');
  await expect(warn).toHaveText('0 warn');

  const question = (n: number) => ({ platform: 'e2e', id: `q${n}`, author: `viewer${n}`, text: `Does the serum duo ship to Lima? I ordered last week (${n})` });
  /** One question waits past the limit (the alarm goes up), then is dismissed (it comes down). */
  const flap = async (n: number, quiet: boolean) => {
    expect((await station.api('comments.ingest', { comments: [question(n)] })).status).toBe(200);
    await expect(row).toHaveAttribute('data-count', String(n), { timeout: 15_000 });
    await expect(row).not.toHaveClass(/alert-cleared/);
    // Counted while it is up, unless it came back in quiet mode.
    await expect(warn).toHaveText(quiet ? '0 warn' : '1 warn');
    expect((await station.api('comment.dismiss', { id: `e2e:q${n}` }, 'moderator')).status).toBe(200);
    await expect(row).toHaveClass(/alert-cleared/, { timeout: 15_000 });
    await expect(row.locator('.alert-state')).toHaveText(/^ended \d\d:\d\d/);
    await expect(warn).toHaveText('0 warn');
  };
  for (let n = 1; n <= 3; n++) await flap(n, false);

  // One row, not three: its count and a sparkline mark for each time it came up.
  await expect(overflowRows).toHaveCount(1);
  await expect(row.getByTestId('alert-count')).toHaveText('×3');
  await expect(row.locator('.alert-message')).toContainText('The Questions queue is overflowing: oldest');
  const spark = row.locator('svg.alert-spark');
  await expect(spark).toBeVisible();
  await expect(spark).toHaveAttribute('aria-label', 'came back 2 times in the last 10 minutes');
  await expect(spark.locator('rect')).toHaveCount(3);
  // The marks stand where the raises were, oldest first: all three within the last minute of the
  // sparkline's ten, so in its right-hand tenth (x runs 0–98).
  const xs = await spark.locator('rect').evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('x'))));
  for (const x of xs) expect(x).toBeGreaterThan(88);
  expect([...xs].sort((a, b) => a - b)).toEqual(xs);
  expect(new Set(xs).size).toBe(3);

  // Quiet mode: pressed, it says so; a new warning is listed, marked quiet, and not counted.
  const quietButton = panel.getByTestId('alerts-quiet');
  await expect(quietButton).toHaveText('Quiet mode');
  await quietButton.click();
  await expect(quietButton).toHaveText('Quiet mode ON');
  await expect(quietButton).toHaveAttribute('aria-pressed', 'true');
  expect((await station.api('comments.ingest', { comments: [{ platform: 'e2e', id: 'pay1', author: 'rosa', text: 'my payment keeps failing at checkout, card declined twice' }] })).status).toBe(200);
  const reports = panel.getByTestId('alert-comments.checkout-reports');
  await expect(reports).toBeVisible();
  await expect(reports).toHaveClass(/alert-quiet/);
  await expect(reports.locator('.alert-state')).toHaveText('quiet');
  await expect(warn).toHaveText('0 warn');
  // (The complaint waits in the customer-service queue, which overflows in turn: quiet too. Answered, it leaves.)
  expect((await station.api('comment.dismiss', { id: 'e2e:pay1' }, 'moderator')).status).toBe(200);
  // The flapping queue coming back while quiet is a warning raised in quiet mode too: listed, ×4, not counted.
  await flap(4, true);
  await expect(row.getByTestId('alert-count')).toHaveText('×4');
  // Critical stays loud in quiet mode: no OBS with the show clock running is counted and listed.
  expect((await station.api('show.clock', { action: 'start' })).status).toBe(200);
  await expect(producer.getByTestId('status-alerts-critical')).toHaveText('1 crit');

  // Quiet off: a warning raised now is counted again.
  await quietButton.click();
  await expect(quietButton).toHaveText('Quiet mode');
  expect((await station.api('comments.ingest', { comments: [question(5)] })).status).toBe(200);
  await expect(row).toHaveAttribute('data-count', '5', { timeout: 15_000 });
  await expect(row).not.toHaveClass(/alert-quiet/);
  await expect(warn).toHaveText('1 warn');

  // Ack all: every open row acknowledged by the producer; the emergency, which ends with its condition, still counts.
  await panel.getByTestId('alerts-ack-all').click();
  await expect(panel.locator('.alert:not(.alert-emergency):not(.alert-acked)')).toHaveCount(0);
  await expect(row.locator('.alert-ack')).toHaveText(/^ack /);
  await expect(warn).toHaveText('0 warn');
  await expect(producer.getByTestId('status-alerts-critical')).toHaveText('1 crit');
  await expect(panel.getByTestId('alerts-ack-all')).toBeDisabled();
});
