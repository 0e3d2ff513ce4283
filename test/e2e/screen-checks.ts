// What "on screen" means in the layout and emergency specs: inside the viewport, not cut by a
// scrolling panel, and, for an emergency banner, everything its reader needs at once (full width,
// time since, cause, the one action as a working control) with the live controls still in view.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import type { StationProcess } from '../peers/station-process';

/** Where the specs' screenshots go: docs/screenshots with BATON_SCREENSHOTS=1, else the output folder. */
export const SHOTS = process.env.BATON_SCREENSHOTS === '1' ? resolve(import.meta.dirname, '../../docs/screenshots') : resolve(import.meta.dirname, '../../.tmp/playwright-output');

export async function insideViewport(page: Page, target: Locator, what: string) {
  await expect(target, what).toBeVisible();
  const box = await target.boundingBox();
  const vp = page.viewportSize();
  if (!box || !vp) throw new Error(`${what}: no box`);
  expect(box.y, `${what} top`).toBeGreaterThanOrEqual(0);
  expect(box.x, `${what} left`).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height, `${what} bottom (viewport ${vp.height})`).toBeLessThanOrEqual(vp.height);
  expect(box.x + box.width, `${what} right (viewport ${vp.width})`).toBeLessThanOrEqual(vp.width);
}

/** Shown, not scrolled away inside its panel: the box lies within every clipping ancestor's box
 * (vertically, and sideways too where an ancestor clips sideways), and its own text is not cut. */
export async function unclipped(target: Locator, what: string) {
  const clipped = await target.evaluate((el) => {
    const box = el.getBoundingClientRect();
    if (el.scrollWidth > el.clientWidth + 1) return `its own text is cut: ${el.scrollWidth} px in ${el.clientWidth}`;
    for (let p = el.parentElement; p; p = p.parentElement) {
      const style = getComputedStyle(p);
      const r = p.getBoundingClientRect();
      const name = `${p.className || p.tagName}`;
      if (style.overflowY !== 'visible' && (box.top < r.top - 0.5 || box.bottom > r.bottom + 0.5)) return `${name}: ${Math.round(box.top)}–${Math.round(box.bottom)} outside ${Math.round(r.top)}–${Math.round(r.bottom)}`;
      if (style.overflowX !== 'visible' && (box.left < r.left - 0.5 || box.right > r.right + 0.5)) return `${name}: x ${Math.round(box.left)}–${Math.round(box.right)} outside ${Math.round(r.left)}–${Math.round(r.right)}`;
    }
    return null;
  });
  expect(clipped, `${what} is cut by a scrolling panel`).toBeNull();
}

/** The deck list's current cue is whole where the producer looks: on screen, inside the list's visible
 * area (not merely inside the list's own, larger, box), and under no sticky segment header. */
export async function currentRowWhole(page: Page, what: string) {
  const row = page.getByTestId('deck-list').locator('.deck-cue.is-current');
  await expect(row, what).toHaveCount(1);
  await insideViewport(page, row, what);
  await unclipped(row, what);
  const covered = await row.evaluate((el) => {
    const box = el.getBoundingClientRect();
    for (const h of Array.from(el.parentElement?.querySelectorAll('.deck-seg') ?? [])) {
      const r = h.getBoundingClientRect();
      if (r.height > 0 && r.bottom > box.top + 0.5 && r.top < box.bottom - 0.5) return `"${h.textContent}" ${Math.round(r.top)}–${Math.round(r.bottom)} over ${Math.round(box.top)}–${Math.round(box.bottom)}`;
    }
    return null;
  });
  expect(covered, `${what}: covered by a segment header`).toBeNull();
  // Between the header and the current cue: nothing, or a readable part of the cue before (a line or
  // more), never a strip of it (at 1366×768 the list had 1–3 px to spare and showed one).
  const sliver = await row.evaluate((el) => {
    const list = el.closest('.deck-list');
    const prev = el.previousElementSibling;
    if (!list || !prev?.classList.contains('deck-cue')) return null;
    const l = list.getBoundingClientRect();
    let visibleTop = l.top + list.clientTop;
    for (const h of Array.from(list.querySelectorAll('.deck-seg'))) {
      const r = h.getBoundingClientRect();
      if (r.height > 0 && r.top <= visibleTop + 0.5 && r.bottom > visibleTop) visibleTop = r.bottom;
    }
    const p = prev.getBoundingClientRect();
    const shown = Math.min(p.bottom, el.getBoundingClientRect().top) - Math.max(p.top, visibleTop);
    return shown > 0.5 && shown < 16 ? `${shown.toFixed(1)} px of ${prev.getAttribute('data-cue-id')}` : null;
  });
  expect(sliver, `${what}: a sliver of the cue before under the header`).toBeNull();
}

/** axe finds no serious or critical violation, and no visible text is set under 13 px. */
export async function axeClean(page: Page, what: string) {
  await page.waitForTimeout(300); // axe reads computed colours: let transitions settle
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id}: ${v.nodes.slice(0, 4).map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`).join(' | ')}`);
  expect(bad, `${what}: axe`).toEqual([]);
  const small = await page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!n.textContent?.trim() || !el || el.closest('[aria-hidden="true"], .sr-only, svg, script, style')) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < 13) out.push(`${size}px ${el.tagName.toLowerCase()}.${el.className}: ${n.textContent.trim().slice(0, 40)}`);
    }
    return out;
  });
  expect(small, `${what}: text under 13 px`).toEqual([]);
}

async function pageDoesNotScroll(page: Page, what: string) {
  const scroll = await page.evaluate(() => ({
    doc: document.documentElement.scrollHeight - document.documentElement.clientHeight,
    docW: document.documentElement.scrollWidth - document.documentElement.clientWidth,
  }));
  expect(scroll, `${what}: the page scrolls`).toEqual({ doc: 0, docW: 0 });
}

/** The banner spans the view (full width), its parts are whole, on screen and do not overlap. */
async function bannerWhole(page: Page, banner: Locator, what: string) {
  await insideViewport(page, banner, what);
  const vp = page.viewportSize()!;
  const box = (await banner.boundingBox())!;
  expect(box.width, `${what}: full width (viewport ${vp.width})`).toBeGreaterThanOrEqual(vp.width - 48);
  const parts = [banner.getByTestId('emergency-since'), banner.getByTestId('emergency-cause')];
  await expect(parts[0]!, `${what}: time since`).toHaveText(/^(\d+ s|\d+ min \d+ s|\d+ h \d+ min)$/);
  await expect(parts[1]!, `${what}: cause`).toHaveText(/\w{3,}/);
  const action = banner.getByTestId('emergency-action');
  // The action (a button or a link), or the advice said in words; the host's lost-station line is one part only.
  const extra = (await action.count()) > 0 ? action : banner.locator('.emergency-advice');
  if ((await extra.count()) > 0) parts.push(extra);
  const boxes = [];
  for (const [i, p] of parts.entries()) {
    await insideViewport(page, p, `${what} part ${i}`);
    await unclipped(p, `${what} part ${i}`);
    boxes.push((await p.boundingBox())!);
  }
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i]!, boxes[j]!];
      const overlap = a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;
      expect(overlap, `${what}: parts ${i} and ${j} overlap`).toBe(false);
    }
}

/**
 * The producer's console in an emergency, at 1920×1080 and 1366×768: the banner whole, its action a
 * working control (a button, or a link that opens elsewhere), the status bar and every offer's
 * PAUSE/RESUME on screen, the page not scrolling, health not GREEN. Screenshots each size.
 */
export async function producerEmergencyScreen(page: Page, testId: string, shot: string, opts: { action: 'button' | 'link' | 'advice' }) {
  for (const size of [
    { width: 1920, height: 1080 },
    { width: 1366, height: 768 },
  ]) {
    await page.setViewportSize(size);
    const what = `${testId} at ${size.width}×${size.height}`;
    const banner = page.getByTestId(testId);
    await bannerWhole(page, banner, what);
    const action = banner.getByTestId('emergency-action');
    if (opts.action === 'button') {
      await expect(action, `${what}: the action is a button`).toHaveRole('button');
      await expect(action).toBeEnabled();
    } else if (opts.action === 'link') {
      await expect(action, `${what}: the action is a link`).toHaveRole('link');
      await expect(action).toHaveAttribute('href', /^https?:\/\//);
    }
    await insideViewport(page, page.getByTestId('status-bar'), `${what}: status bar`);
    const controls = page.getByTestId('status-bar').locator('[data-testid^="status-pause-"], [data-testid^="status-resume-"]');
    expect(await controls.count(), `${what}: offer controls`).toBeGreaterThan(0);
    for (const c of await controls.all()) await insideViewport(page, c, `${what}: ${await c.getAttribute('data-testid')}`);
    await expect(page.getByTestId('status-health'), `${what}: health`).not.toContainText(/GREEN/i);
    await pageDoesNotScroll(page, what);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/${shot}-producer-${size.width}x${size.height}.png` });
  }
  await axeClean(page, `producer with ${testId}`);
}

/** The host's card at 1280×720 in an emergency: the banner whole, the approved text on screen, whole and not dimmed. */
export async function hostEmergencyScreen(page: Page, testId: string, shot: string) {
  await page.setViewportSize({ width: 1280, height: 720 });
  const what = `host ${testId} at 1280×720`;
  await bannerWhole(page, page.getByTestId(testId), what);
  const text = page.getByTestId('host-cue-text');
  await insideViewport(page, text, `${what}: cue text`);
  await unclipped(text, `${what}: cue text`);
  const dim = await text.evaluate((el) => {
    for (let p: Element | null = el; p; p = p.parentElement) if (getComputedStyle(p).opacity !== '1' || getComputedStyle(p).filter !== 'none') return p.className || p.tagName;
    return null;
  });
  expect(dim, `${what}: the cue text is dimmed by`).toBeNull();
  await pageDoesNotScroll(page, what);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${shot}-host-1280x720.png` });
  await axeClean(page, `host with ${testId}`);
}

/**
 * A toast covers nothing the producer works with: no panel of the live grid (the comments, the
 * alerts, the deck…), no emergency banner, and no control outside itself. It is whole on screen.
 */
export async function toastCoversNothing(page: Page, toast: Locator, what: string) {
  await insideViewport(page, toast, what);
  const covered = await toast.evaluate((el) => {
    const t = el.getBoundingClientRect();
    const over = (r: DOMRect) => Math.min(t.right, r.right) - Math.max(t.left, r.left) > 0.5 && Math.min(t.bottom, r.bottom) - Math.max(t.top, r.top) > 0.5;
    const out: string[] = [];
    for (const p of Array.from(document.querySelectorAll<HTMLElement>('.live-grid > div, [data-testid="emergencies"], button, a[href], input, textarea, select'))) {
      if (el.contains(p) || p.contains(el)) continue;
      const r = p.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (over(r)) out.push(`${p.dataset.testid ?? (p.className || p.tagName)}`);
    }
    return out;
  });
  expect(covered, `${what}: the toast covers`).toEqual([]);
}

/** A producer or host view of a station process the spec started itself, at 1366×768, linked. */
export async function openRigView(context: BrowserContext, st: StationProcess, role: 'producer' | 'host'): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${st.url}/${role}?token=${st.tokens[role]}`);
  await expect(page.getByTestId('connection')).toHaveText('STATION LINKED');
  return page;
}
