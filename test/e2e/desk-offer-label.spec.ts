// The moderator desk at 1366×768 with the demo show's offers: an offer's name is never split so that
// a line it shows holds punctuation alone. The label was "Glow Kit live bundle:", and a colon alone on
// its second line was reported at 1366×768; the state beside the name (a box of its own, right-aligned,
// as on the status bar) says what the colon said, so the colon is gone.
import { test, expect } from './fixtures';

test('desk at 1366×768: an offer’s name shows no line of punctuation alone, and no trailing colon', async ({ station, browser }) => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const desk = await station.openView(context, 'moderator', { query: 'as=Ana%20Reyes' });
  await expect(desk.locator('.desk-offer-name')).not.toHaveCount(0);
  await expect(desk.getByTestId('desk-offer-glow-kit-live').locator('.desk-offer-name')).toHaveText('Glow Kit live bundle');
  // As it stands, then beside each state's label (LIVE … PAUSE NOT CONFIRMED) at every width of the
  // offers' column from 140 to 360 px by quarter pixels, so the check does not hang on one font's metrics.
  const bad = await desk.locator('.desk-offers').evaluate((section: HTMLElement) => {
    /** The text of each line the name shows (the two-line clamp hides the rest behind "…"). */
    const shownLines = (el: Element) => {
      const bottom = el.getBoundingClientRect().bottom;
      const lines = new Map<number, string>();
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null)
        for (let i = 0; i < n.length; i++) {
          const r = document.createRange();
          r.setStart(n, i);
          r.setEnd(n, i + 1);
          const top = Math.round(r.getBoundingClientRect().top);
          if (top < bottom - 1) lines.set(top, (lines.get(top) ?? '') + (n.data[i] ?? ''));
        }
      return [...lines.values()];
    };
    const out: string[] = [];
    const check = (width: string) => {
      for (const name of Array.from(section.querySelectorAll('.desk-offer-name'))) {
        const text = name.textContent ?? '';
        if (/:\s*$/.test(text)) out.push(`${width}: "${text}" ends with a colon`);
        for (const line of shownLines(name)) if (!/[\p{L}\p{N}]/u.test(line)) out.push(`${width}: "${text}" shows a line "${line}"`);
      }
    };
    check('as shown');
    const states = Array.from(section.querySelectorAll('.desk-offer strong'));
    const shown = states.map((s) => s.textContent);
    for (const label of ['LIVE', 'PAUSED', 'PAUSING…', 'RESUMING…', 'ERROR', 'CHECKING STORE', 'PAUSE NOT CONFIRMED']) {
      for (const s of states) s.textContent = label;
      for (let w = 140; w <= 360; w += 0.25) {
        section.style.width = `${w}px`;
        check(`${label}, ${w} px`);
      }
    }
    states.forEach((s, i) => (s.textContent = shown[i] ?? ''));
    section.style.width = '';
    return out.slice(0, 20);
  });
  expect(bad).toEqual([]);
  await desk.screenshot({ path: test.info().outputPath('desk-offers-1366x768.png') });
  await context.close();
});
