// The show's phase reads the same on the observer's page and the producer's GO/END panel: preflight
// until the show clock starts, then "clock running · no GO yet" (it read "preflight" while the clock
// ran), then live after GO.
import { test, expect } from './fixtures';

test('observer and producer say the clock runs before GO, then live after GO', async ({ station, context }) => {
  const observer = await station.openView(context, 'observer');
  const producer = await station.openView(context, 'producer');
  await producer.getByTestId('tab-showday').click();
  await expect(observer.getByTestId('observer-phase')).toContainText('preflight');
  await expect(producer.getByTestId('go-phase')).toContainText('preflight');

  expect((await station.api('show.clock', { action: 'start' })).status).toBe(200);
  await expect(observer.getByTestId('observer-phase')).toContainText('clock running · no GO yet');
  await expect(observer.getByTestId('observer-phase')).not.toContainText('preflight');
  await expect(producer.getByTestId('go-phase')).toContainText('clock running · no GO yet');
  await observer.setViewportSize({ width: 1920, height: 1080 });
  await observer.screenshot({ path: test.info().outputPath('observer-clock-no-go-1920x1080.png') });
  await producer.setViewportSize({ width: 1920, height: 1080 });
  await producer.getByTestId('tab-live').click();
  // No OBS in a test station: the clock runs with an emergency banner, and the status bar counts it.
  await expect(producer.getByTestId('status-alerts-critical')).toHaveText(/^[1-9]\d* crit$/);
  await producer.screenshot({ path: test.info().outputPath('producer-clock-no-go-1920x1080.png') });
  await producer.getByTestId('tab-showday').click();

  // GO with overrides for whatever preflight has not passed in a test station.
  const state = (await (await fetch(`${station.url}/api/state`, { headers: { authorization: `Bearer ${station.tokens.producer}` } })).json()) as {
    state: { preflight: { checks: { id: string; status: string }[] } };
  };
  const overrides = state.state.preflight.checks.filter((c) => c.status === 'fail' || c.status === 'pending').map((c) => ({ checkId: c.id, reason: 'test station without OBS or store' }));
  expect((await station.api('show.go', overrides.length ? { overrides } : {})).status).toBe(200);
  await expect(observer.getByTestId('observer-phase')).toContainText(/live\s*GO at/);
  await expect(producer.getByTestId('go-phase')).toContainText('live');
});
