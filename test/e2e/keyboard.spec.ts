// Keyboard first: Esc leaves a text field and the hotkeys work again, "?" lists the keys, the
// first Tab lands on a live control (an offer's PAUSE), Shift+P pauses with the reason picked on
// the card (and the page's icon turns amber-cornered), and the host opens and closes "?" and moves
// the deck with Space, → and a clicker's PageDown / PageUp.
import { test, expect } from './fixtures';

const OFFER = 'glow-kit-live';

test('producer: first Tab is PAUSE, "?" lists the keys, Esc leaves a field, Shift+P uses the picked reason', async ({ station, context }) => {
  const producer = await station.openView(context, 'producer');
  await expect(producer.getByTestId(`status-pause-${OFFER}`)).toBeEnabled();
  await producer.keyboard.press('Tab');
  await expect(producer.getByTestId(`status-pause-${OFFER}`)).toBeFocused();

  await producer.locator('body').click({ position: { x: 5, y: 300 } });
  await producer.keyboard.press('?');
  await expect(producer.getByTestId('hotkey-overlay')).toContainText('Shift+P');
  await producer.keyboard.press('Escape');
  await expect(producer.getByTestId('hotkey-overlay')).toHaveCount(0);

  // A reason typed on the card, Esc out of the field, Shift+P: paused with those words.
  const reason = producer.getByTestId(`offer-${OFFER}`).getByLabel('Reason for the pause');
  await reason.fill('Stock count is wrong');
  await producer.keyboard.press('Escape');
  await expect(reason).not.toBeFocused();
  // The task bar's icon: a grey dot with no corner, then an amber corner once the offer is paused.
  const icon = producer.locator('link[rel="icon"]');
  const before = await icon.getAttribute('href');
  expect(decodeURIComponent(before ?? '')).not.toContain('<rect');
  await producer.keyboard.press('Shift+P');
  await expect(producer.getByTestId(`offer-state-${OFFER}`)).toHaveText('PAUSED');
  await expect(icon).not.toHaveAttribute('href', before ?? '');
  expect(decodeURIComponent((await icon.getAttribute('href')) ?? '')).toContain('<rect x="18" y="0" width="14" height="14" rx="3" fill="#f5a524"');
  await expect(producer.getByTestId(`offer-reason-${OFFER}`)).toContainText('Stock count is wrong');
  // The desk's offer bar shows it too. (That the desk's how-to-buy macro then offers only its approved
  // paused text is checked in desk-promises.spec.ts, and what the station sends in macro-send.test.ts.)
  const desk = await station.openView(context, 'moderator', { query: 'as=Ana Reyes' });
  await expect(desk.getByTestId(`desk-offer-${OFFER}`)).toHaveAttribute('data-state', 'paused');
});

test('host: "?" lists the clicker keys and Esc closes it; Space, → and PageDown advance the deck; PageUp goes back', async ({ station, context }) => {
  const host = await station.openView(context, 'host');
  const text = host.getByTestId('host-cue-text');
  await expect(text).toHaveText(/^Hi everyone/);
  await host.locator('body').click();
  await host.keyboard.press('?');
  const overlay = host.getByTestId('hotkey-overlay');
  await expect(overlay).toContainText('Space / → / PageDown');
  await expect(overlay).toContainText('← / PageUp');
  await expect(overlay).toBeFocused();
  await host.keyboard.press('Escape');
  await expect(overlay).toHaveCount(0);
  // "?" again toggles it open and shut; the deck has not moved.
  await host.keyboard.press('?');
  await expect(overlay).toBeVisible();
  await host.keyboard.press('?');
  await expect(overlay).toHaveCount(0);
  await expect(text).toHaveText(/^Hi everyone/);
  await host.keyboard.press('PageDown');
  await expect(text).toHaveText(/^Say hello to the first few names/);
  await host.keyboard.press('Space');
  await expect(text).toHaveText(/^Tonight only, the Glow Kit/);
  await host.keyboard.press('PageUp');
  await expect(text).toHaveText(/^Say hello to the first few names/);
  await host.keyboard.press('ArrowRight');
  await expect(text).toHaveText(/^Tonight only, the Glow Kit/);
});
