// The moderator desk's promises at 1366×768, where a wiring break would show: a macro tied to a
// paused offer offers its approved paused text (or cannot be picked), in the comment's language;
// a bulk selection made with Space previews every text it sends and the station records one audit
// row per comment in the moderator's name; the comment text is the main column; "?" lists the
// desk's keys and Esc gives the hotkeys back; a flood answered in steps shows its progress on every desk.
import type { Page } from '@playwright/test';
import { test, expect, type StationFixture } from './fixtures';
import { join } from 'node:path';
import { writeBusyShow } from './busy-show';
import { SHOTS } from './screen-checks';

const OFFER = 'glow-kit-live';
const PT_PAUSED = /^A oferta do Glow Kit está pausada/;

type Row = { id: string; messageId: string; status: string; reply: string | null; lang: string | null };

async function quietDesk(station: StationFixture, context: Parameters<StationFixture['openView']>[0]): Promise<Page> {
  // The rehearsal replay stopped: only the comments this test sends are on the desk.
  expect((await station.api('comments.source', { id: 'rehearsal-chat', action: 'stop' })).status).toBe(200);
  const desk = await station.openView(context, 'moderator', { query: 'as=Ana%20Reyes' });
  await desk.setViewportSize({ width: 1366, height: 768 });
  return desk;
}

async function ingest(station: StationFixture, comments: { id: string; text: string; lang: string }[]) {
  const r = await station.api('comments.ingest', { comments: comments.map((c) => ({ platform: 'e2e', author: `viewer-${c.id}`, ...c })) });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
}

async function rows(station: StationFixture): Promise<Record<string, Row>> {
  const r = await station.api<{ comments: Row[] }>('comments.list', { platform: 'e2e', limit: 100 }, 'moderator');
  return Object.fromEntries((r.body.result?.comments ?? []).map((c) => [c.messageId, c]));
}

/** All open comments from the e2e platform; Esc leaves the filter so the desk's keys work. */
async function showE2e(desk: Page) {
  await desk.getByTestId('queue-all').click();
  await desk.getByTestId('filter-platform').selectOption('e2e');
  await desk.keyboard.press('Escape');
}

test('paused offer: the picker offers the approved paused text in the comment’s language, and the station records exactly that', async ({ station, context }) => {
  const desk = await quietDesk(station, context);
  await ingest(station, [
    { id: 'pt1', text: 'como faço para comprar o glow kit?', lang: 'pt' },
    { id: 'en1', text: 'how do I buy the glow kit?', lang: 'en' },
  ]);
  const paused = await station.api<{ state: string }>('offer.pause', { offerId: OFFER, reason: 'e2e: checkout errors' });
  expect(paused.body.result?.state).toBe('paused');
  await showE2e(desk);
  await expect(desk.getByTestId(`desk-offer-${OFFER}`)).toHaveAttribute('data-state', 'paused');

  await desk.locator('[data-testid="comment-row"][data-id="e2e:pt1"]').click();
  await desk.keyboard.press('r');
  const picker = desk.getByTestId('macro-picker');
  await expect(picker).toBeVisible();
  await expect(desk.getByTestId('macro-how-to-buy')).toContainText('PAUSED TEXT');
  await expect(desk.getByTestId('macro-how-to-buy')).toBeEnabled();
  await expect(desk.getByTestId('macro-text-how-to-buy')).toHaveText(PT_PAUSED);
  await expect(desk.getByTestId('macro-text-how-to-buy')).not.toContainText('LIVEGLOW');
  // Not tied to the offer: the Portuguese text as always, no paused badge.
  await expect(desk.getByTestId('macro-text-shipping')).toHaveText(/^O frete padrão/);
  await expect(desk.getByTestId('macro-shipping')).not.toContainText('PAUSED TEXT');
  await desk.keyboard.press('1');
  await expect(picker).toHaveCount(0);
  await expect.poll(async () => (await rows(station))['pt1']?.status).toBe('answered');
  const pt1 = (await rows(station))['pt1'];
  expect(pt1?.reply).toMatch(PT_PAUSED);
  expect(pt1?.reply).not.toContain('LIVEGLOW');

  // Resumed: the live text again, in Portuguese, with the code.
  expect((await station.api('offer.resume', { offerId: OFFER })).status).toBe(200);
  await expect(desk.getByTestId(`desk-offer-${OFFER}`)).toHaveAttribute('data-state', 'live');
  await desk.locator('[data-testid="comment-row"][data-id="e2e:en1"]').click();
  await desk.keyboard.press('r');
  await expect(desk.getByTestId('macro-how-to-buy')).not.toContainText('PAUSED TEXT');
  await expect(desk.getByTestId('macro-text-how-to-buy')).toHaveText(/^Tap the pinned Glow Kit.*LIVEGLOW/);
  await desk.keyboard.press('Escape');
  await expect(picker).toHaveCount(0);
});

test.describe('a tied macro with no approved paused text', () => {
  const show = writeBusyShow((s) => {
    const comments = s.comments as { macros: Array<Record<string, unknown>> };
    return { ...s, comments: { ...comments, macros: comments.macros.map(({ paused: _drop, ...m }) => m) } };
  });
  test.use({ stationOptions: { showFile: show.file } });

  test('cannot be picked while its offer is paused: disabled with the reason, and 1 sends nothing', async ({ station, context }) => {
    const desk = await quietDesk(station, context);
    await ingest(station, [{ id: 'n1', text: 'how do I buy the glow kit?', lang: 'en' }]);
    expect((await station.api('offer.pause', { offerId: OFFER, reason: 'e2e' })).status).toBe(200);
    await showE2e(desk);
    await desk.locator('[data-testid="comment-row"][data-id="e2e:n1"]').click();
    await desk.keyboard.press('r');
    await expect(desk.getByTestId('macro-how-to-buy')).toBeDisabled();
    await expect(desk.getByTestId('macro-text-how-to-buy')).toContainText('no approved paused text');
    await desk.keyboard.press('1');
    await expect(desk.getByTestId('toast-error')).toContainText('no approved paused text');
    expect((await rows(station))['n1']?.status).not.toBe('answered');
  });
});

test('bulk with the keyboard: Space selects, the picker previews each language’s text, and the audit has one row per comment in the moderator’s name', async ({ station, context }) => {
  const desk = await quietDesk(station, context);
  await ingest(station, [
    { id: 'b1', text: 'quanto tempo demora o frete para Lisboa?', lang: 'pt' },
    { id: 'b2', text: 'how long does shipping to Lima take?', lang: 'en' },
    { id: 'b3', text: 'the tint I got is the wrong colour', lang: 'en' },
    { id: 'b4', text: 'is the serum safe for sensitive skin?', lang: 'en' },
  ]);
  await showE2e(desk);
  const list = desk.getByTestId('comment-row');
  await expect(list).toHaveCount(4);
  const order = await list.evaluateAll((els) => els.sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top).map((e) => e.getAttribute('data-id')));
  const at = (i: number) => order[i]!.replace('e2e:', '');

  // First the two shipping questions: move with j, select with Space.
  const pick = async (ids: string[]) => {
    for (let i = 0; i < order.length; i++) {
      await expect(desk.locator('[data-testid="comment-row"][aria-selected="true"]')).toHaveAttribute('data-id', `e2e:${at(i)}`);
      if (ids.includes(at(i))) await desk.keyboard.press(' ');
      if (i < order.length - 1) await desk.keyboard.press('j');
    }
    for (let i = 0; i < order.length - 1; i++) await desk.keyboard.press('k');
  };
  await pick(['b1', 'b2']);
  for (const id of ['b1', 'b2']) await expect(desk.locator(`[data-testid="comment-row"][data-id="e2e:${id}"]`)).toHaveAttribute('aria-checked', 'true');
  await expect(desk.getByTestId('bulk-bar')).toContainText('2 selected');
  await desk.getByTestId('bulk-answer').click();
  // A mixed selection: every text that goes out, in its language, with how many items get it.
  await expect(desk.getByTestId('macro-picker')).toContainText('Mixed languages');
  await expect(desk.getByTestId('macro-text-shipping-pt')).toContainText('O frete padrão');
  await expect(desk.getByTestId('macro-text-shipping-pt')).toContainText('×1');
  await expect(desk.getByTestId('macro-text-shipping-base')).toContainText('Standard shipping');
  await desk.keyboard.press('2');
  await expect(desk.getByTestId('bulk-bar')).toHaveCount(0);
  await expect.poll(async () => [(await rows(station))['b1']?.status, (await rows(station))['b2']?.status]).toEqual(['answered', 'answered']);
  const after = await rows(station);
  expect(after['b1']?.reply).toMatch(/^O frete padrão/);
  expect(after['b2']?.reply).toMatch(/^Standard shipping/);

  // Then the other two: escalated together.
  await expect(list).toHaveCount(2);
  const rest = await list.evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
  await desk.keyboard.press('k');
  await desk.keyboard.press('k');
  await desk.keyboard.press(' ');
  await desk.keyboard.press('j');
  await desk.keyboard.press(' ');
  await expect(desk.getByTestId('bulk-bar')).toContainText('2 selected');
  await desk.getByTestId('bulk-escalate').click();
  await expect.poll(async () => [(await rows(station))['b3']?.status, (await rows(station))['b4']?.status]).toEqual(['escalated', 'escalated']);
  expect(rest.sort()).toEqual(['e2e:b3', 'e2e:b4']);

  const trail = await station.api<{ entries: { actor: string; command: string; args: { id?: string; by?: string } }[] }>('audit.list', { limit: 100 });
  const entries = trail.body.result?.entries ?? [];
  const per = entries.filter((e) => e.command === 'comments.bulk.answer' || e.command === 'comments.bulk.escalate').map((e) => [e.command, e.args.id, e.actor]);
  expect(per.sort()).toEqual(
    [
      ['comments.bulk.answer', 'e2e:b1', 'Ana Reyes'],
      ['comments.bulk.answer', 'e2e:b2', 'Ana Reyes'],
      ['comments.bulk.escalate', 'e2e:b3', 'Ana Reyes'],
      ['comments.bulk.escalate', 'e2e:b4', 'Ana Reyes'],
    ].sort(),
  );
  expect(entries.filter((e) => e.command === 'comments.bulk').map((e) => e.args.by)).toEqual(['Ana Reyes', 'Ana Reyes']);
});

test('"?" lists the desk’s keys; Esc closes it, leaves a field and the hotkeys work again', async ({ station, context }) => {
  const desk = await quietDesk(station, context);
  await ingest(station, [
    { id: 'k1', text: 'does the kit ship to Jakarta?', lang: 'en' },
    { id: 'k2', text: 'is the serum vegan?', lang: 'en' },
  ]);
  await showE2e(desk);
  const selected = desk.locator('[data-testid="comment-row"][aria-selected="true"]');
  await expect(selected).toHaveCount(1);
  await desk.keyboard.press('?');
  const overlay = desk.getByTestId('hotkey-overlay');
  for (const key of ['j / k', 'Claim', 'Reply with a macro', 'Pick that approved reply', 'Space', 'Escalate', 'Dismiss', 'Switch queue', 'Esc']) await expect(overlay).toContainText(key);
  await desk.keyboard.press('Escape');
  await expect(overlay).toHaveCount(0);

  // In a field, keys are the field's: j would pick an option. Esc leaves it, and j moves the list again.
  const first = await selected.getAttribute('data-id');
  const lang = desk.getByTestId('filter-language');
  await lang.focus();
  await desk.keyboard.press('Escape');
  await expect(lang).not.toBeFocused();
  await desk.keyboard.press('j');
  await expect(selected).not.toHaveAttribute('data-id', first ?? '');
  await expect(lang).toHaveValue('all');
});

test('on a busy desk at 1366×768 with claimed rows, the comment text is the widest column and a long text wraps to two lines', async ({ station, context }) => {
  // Busy: the demo's rehearsal replay keeps running; the rows measured are claimed (their tags
  // column carries "You are replying"), the state in which the text column once shrank to ~90 px.
  const desk = await station.openView(context, 'moderator', { query: 'as=Ana%20Reyes' });
  await desk.setViewportSize({ width: 1366, height: 768 });
  const long = 'tô comprando o kit pra minha irmã, mas queria saber se o sérum serve pra pele oleosa e se dá pra trocar a cor do batom depois que chegar em casa';
  await ingest(station, [
    { id: 'long1', text: long, lang: 'pt' },
    { id: 'long2', text: `${long}, e o frete para Recife?`, lang: 'pt' },
    { id: 's1', text: 'ship to Lima?', lang: 'en' },
  ]);
  await desk.getByTestId('queue-all').click();
  await expect.poll(() => desk.getByTestId('comment-row').count(), { timeout: 30_000 }).toBeGreaterThan(6);
  await desk.getByTestId('filter-platform').selectOption('e2e');
  await desk.keyboard.press('Escape');
  const list = desk.getByTestId('comment-row');
  await expect(list).toHaveCount(3);
  for (let i = 0; i < 3; i++) {
    await desk.keyboard.press('c');
    await desk.keyboard.press('j');
  }
  await expect(desk.locator('[data-testid="comment-holder"]', { hasText: 'You are replying' })).toHaveCount(3);
  for (const row of await list.all()) {
    const id = await row.getAttribute('data-id');
    const m = await row.evaluate((r) => {
      const t = r.querySelector('.comment-text') as HTMLElement;
      const cells = Array.from(r.children).map((c) => c.getBoundingClientRect().width);
      const lh = parseFloat(getComputedStyle(t).lineHeight);
      return { text: t.getBoundingClientRect().width, row: r.getBoundingClientRect().width, widest: Math.max(...cells), lines: t.clientHeight / lh, cut: t.scrollHeight > t.clientHeight + 1 };
    });
    expect(m.text, `${id}: text column ${m.text}px of a ${m.row}px row`).toBeGreaterThanOrEqual(300);
    expect(m.text, `${id}: the text is the widest cell`).toBe(m.widest);
    if (id !== 'e2e:s1') {
      // Two lines, wrapping; what does not fit is cut at the second line (whole in the detail).
      expect(m.lines, `${id}: lines`).toBeGreaterThan(1.8);
      expect(m.lines, `${id}: lines`).toBeLessThan(2.2);
      expect(m.cut, `${id}: cut at two lines`).toBe(true);
    }
  }
});

test('a flood of 20,000 asking one thing: while it is answered in steps, both desks show who is answering and how far; then nothing is left open', async ({ station, context }) => {
  const desk = await quietDesk(station, context);
  const N = 20_000;
  for (let i = 0; i < N; i += 1000) await ingest(station, Array.from({ length: 1000 }, (_, k) => ({ id: `f${i + k}`, text: 'aceita pix?', lang: 'pt' })));
  await showE2e(desk);
  await expect(desk.getByTestId('comment-row')).toHaveCount(1);
  await expect(desk.getByTestId('cluster-note')).toContainText('20000 people asked this');
  const other = await station.openView(context, 'moderator', { query: 'as=Dewi%20Santos' });
  await other.setViewportSize({ width: 1366, height: 768 });

  await desk.keyboard.press('r');
  await expect(desk.getByTestId('macro-picker')).toBeVisible();
  const clicked = Date.now();
  await desk.keyboard.press('2');
  // Counts as the station committed them, on the desk that clicked and on the other.
  await expect(desk.getByTestId('group-progress')).toContainText(/You are answering [\d,]+ of 20,000/);
  await expect(other.getByTestId('group-progress')).toContainText(/Ana Reyes is answering [\d,]+ of 20,000/);
  // What the other moderator reads while it runs (a picture to read, not an assertion).
  await other.screenshot({ path: join(SHOTS, 'desk-flood-progress-moderator-1366x768.png') });
  await expect(desk.getByTestId('toast-ok')).toContainText(`answers ${N} people who asked the same`);
  await expect(desk.getByTestId('group-progress')).toHaveCount(0);
  await expect(other.getByTestId('group-progress')).toHaveCount(0);
  const open = await station.api<{ comments: Row[] }>('comments.list', { platform: 'e2e', open: true, limit: 10 }, 'moderator');
  expect(open.body.result?.comments ?? []).toEqual([]);
  console.log(`20,000 answered from the desk in ${Date.now() - clicked} ms (click to toast, progress seen on both desks)`);
});
