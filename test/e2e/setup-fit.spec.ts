// The Setup tab at 1366×768: the OBS password field's hint is read whole. It said "password
// (empty: keep th" — cut where it mattered, so a producer could not tell that a blank field keeps
// the stored password.
import { test, expect } from './fixtures';

test('Setup at 1366×768: the OBS password hint fits its field', async ({ station, context }) => {
  const producer = await station.openView(context, 'producer');
  await producer.setViewportSize({ width: 1366, height: 768 });
  await producer.getByTestId('tab-setup').click();
  const field = producer.getByLabel('OBS WebSocket password');
  await expect(field).toBeVisible();
  await expect(field).toHaveAttribute('placeholder', /keep/);
  const fit = await field.evaluate((el: HTMLInputElement) => {
    const st = getComputedStyle(el);
    const ctx = document.createElement('canvas').getContext('2d')!;
    ctx.font = `${st.fontWeight} ${st.fontSize} ${st.fontFamily}`;
    const room = el.clientWidth - parseFloat(st.paddingLeft) - parseFloat(st.paddingRight);
    return { text: Math.ceil(ctx.measureText(el.placeholder).width), room };
  });
  expect(fit.text, `placeholder ${fit.text} px in ${fit.room} px`).toBeLessThanOrEqual(fit.room);
  await expect(field).toHaveAttribute('title', /keep the stored password/);
});
