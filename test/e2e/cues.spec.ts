/// <reference lib="dom" />
// Approved script → cue cards: the producer's deck drives the host's card live, only approved
// text can reach the deck, an edit never touches the live deck, and a confirmed offer pause turns
// the host card to the approved pause announcement.
import { test, expect } from './fixtures';

const hostText = (page: import('@playwright/test').Page) => page.getByTestId('host-cue-text');

test('the producer page advances cues; the host page in the same context shows the new cue', async ({ station, context }) => {
  const producer = await station.openView(context, 'producer');
  const host = await station.openView(context, 'host');
  // The demo show arrives approved (legal's sign-off in the show file matches the script's hash).
  await expect(host.getByTestId('host-version')).toContainText('approved by Priya Shah (legal) · sign-off from show file');
  await expect(hostText(host)).toHaveText(/^Hi everyone, welcome to the Glow Kit launch live!/);
  await expect(host.getByTestId('host-next')).toContainText('Say hello to the first few names');

  await producer.getByTestId('cue-next').click();
  await expect(hostText(host)).toHaveText('Say hello to the first few names in the chat, then point down to the pinned product.');
  await expect(producer.getByTestId('deck-current')).toHaveAttribute('data-cue-id', 'opening.2');

  // Keyboard: → advances, ← goes back.
  await producer.bringToFront();
  await producer.keyboard.press('ArrowRight');
  await expect(hostText(host)).toHaveText(/^Tonight only, the Glow Kit is \$39 instead of \$57/);
  await producer.keyboard.press('ArrowLeft');
  await expect(hostText(host)).toHaveText(/^Say hello to the first few names/);

  // A clicker or Stream Deck sends the same command over HTTP. The deck list follows the cue; the
  // console itself does not move under the producer's hand.
  const consoleScroll = () => producer.evaluate(() => document.querySelector('main.producer-main')?.scrollTop ?? -1);
  await producer.evaluate(() => document.querySelector('main.producer-main')?.scrollTo(0, 0));
  const r = await station.api('cue.goto', { cueId: 'glow-kit-offer.2' });
  expect(r.status).toBe(200);
  await expect(hostText(host)).toHaveText(/^Tap the pinned Glow Kit below, add it to your cart, and LIVEGLOW is applied at checkout/);
  await expect(producer.getByTestId('deck-current')).toHaveAttribute('data-cue-id', 'glow-kit-offer.2');
  expect(await consoleScroll()).toBe(0);
  const rowShownInList = await producer.evaluate(() => {
    const list = document.querySelector('[data-testid="deck-list"]');
    const row = list?.querySelector('[data-cue-id="glow-kit-offer.2"]');
    if (!list || !row) return false;
    const l = list.getBoundingClientRect();
    const r = row.getBoundingClientRect();
    return r.top >= l.top && r.bottom <= l.bottom;
  });
  expect(rowShownInList).toBe(true);

  // Arm then go: arming changes nothing on the card; go lands it.
  await producer.locator('[data-cue-id="urgency.1"]').click();
  await producer.getByTestId('cue-arm').click();
  await expect(producer.getByTestId('deck-armed-id')).toHaveText('urgency.1');
  await expect(producer.getByTestId('cue-go')).toHaveAttribute('aria-label', 'Go to urgency.1');
  await expect(hostText(host)).toHaveText(/^Tap the pinned Glow Kit below/);
  await producer.getByTestId('cue-go').click();
  await expect(hostText(host)).toHaveText(/^The free travel pouch is only for the first 200 orders/);
});

test('an unapproved version cannot be loaded', async ({ station, context }) => {
  const producer = await station.openView(context, 'producer');
  const host = await station.openView(context, 'host');
  const saved = await station.api<{ version: { id: string; number: number; status: string } }>('script.save', {
    format: 'markdown',
    source: '# Unapproved\n\n## Offer\n\n- cta: The [Product Name] is [Price] and ships next-day!\n',
  });
  expect(saved.status).toBe(200);
  const v = saved.body.result!.version;
  expect(v.status).toBe('draft');

  const refused = await station.api('script.load', { versionId: v.id });
  expect(refused.status).toBe(409);
  expect(refused.body.error?.code).toBe('conflict');
  expect(refused.body.error?.message).toContain(`Version ${v.number}`);
  expect(refused.body.error?.message).toContain('is not approved');

  // The producer's button asks the station, which refuses with the same reason.
  await producer.getByTestId('tab-setup').click();
  await producer.getByTestId(`version-${v.number}`).click();
  await expect(producer.getByTestId(`version-${v.number}`)).toHaveAttribute('data-status', 'draft');
  await producer.getByTestId('version-load').click();
  await expect(producer.getByTestId('toast-error')).toContainText('is not approved');

  await expect(host.getByTestId('host-version')).toContainText('v1 ·');
  await expect(hostText(host)).toHaveText(/^Hi everyone/);
  await producer.getByTestId('tab-live').click();
  await expect(producer.getByTestId('deck-version')).toContainText('v1 ·');
});

test('editing an approved script creates an unapproved version and leaves the live deck untouched', async ({ station, context }) => {
  const producer = await station.openView(context, 'producer');
  const host = await station.openView(context, 'host');
  await station.api('cue.goto', { cueId: 'glow-kit-offer.3' });
  await expect(hostText(host)).toHaveText("Standard shipping takes 3–5 working days, and you'll get a tracking link by email.");

  await producer.getByTestId('tab-setup').click();
  await producer.getByTestId('mode-edit').click();
  const editor = producer.getByTestId('script-source');
  await expect(editor).toHaveValue(/Standard shipping takes 3–5 working days/);
  const source = await editor.inputValue();
  await editor.fill(source.replace('Standard shipping takes 3–5 working days', 'Standard shipping takes 2–4 working days'));
  // The guard highlights the new delivery promise that the approved version does not contain.
  await expect(producer.getByTestId('script-claims')).toContainText('2–4 working days');
  await producer.getByTestId('script-save').click();
  await expect(producer.getByTestId('toast-ok')).toContainText('Saved as version 2 — unapproved');
  await expect(producer.getByTestId('version-2')).toHaveAttribute('data-status', 'draft');
  await expect(producer.getByTestId('version-1')).toHaveAttribute('data-status', 'approved');

  // The live deck still holds version 1, on the same cue, with the approved text.
  await producer.getByTestId('tab-live').click();
  await expect(producer.getByTestId('deck-version')).toContainText('v1 ·');
  await expect(host.getByTestId('host-version')).toContainText('v1 ·');
  await expect(hostText(host)).toHaveText(/^Standard shipping takes 3–5 working days/);
  const state = await station.api<{ version: { status: string } }>('script.get', { versionId: 'glow-kit-launch/v2' });
  expect(state.body.result?.version.status).toBe('draft');
});

test('pausing an offer turns the host card to the pause announcement', async ({ station, context }) => {
  const producer = await station.openView(context, 'producer');
  const host = await station.openView(context, 'host');
  await station.api('cue.goto', { cueId: 'glow-kit-offer.2' });
  await expect(hostText(host)).toHaveText(/^Tap the pinned Glow Kit below/);

  const paused = await station.api<{ state: string }>('offer.pause', { offerId: 'glow-kit-live', reason: 'e2e: checkout errors' });
  expect(paused.status, JSON.stringify(paused.body)).toBe(200);
  expect(paused.body.result?.state).toBe('paused');
  await expect(host.getByTestId('host-banner').first()).toHaveText('OFFER PAUSED — do not read the CTA');
  await expect(hostText(host)).toHaveText(/^Quick pause on the Glow Kit — checkout needs a moment\. Please don't place an order right now/);
  await expect(host.getByTestId('host-cue-kind')).toHaveText('pause announcement');
  // The producer's deck says it on one line; the whole sentence is its tooltip (and what a screen reader reads).
  const notice = producer.getByTestId('deck-override');
  await expect(notice.locator('.deck-override-what')).toHaveText('paused · host reads pause cue');
  await expect(notice).toHaveAttribute('title', 'Glow Kit live bundle is paused: the host card shows the approved pause announcement (offer-paused.1) and a red banner.');

  const resumed = await station.api<{ state: string }>('offer.resume', { offerId: 'glow-kit-live' });
  expect(resumed.status, JSON.stringify(resumed.body)).toBe(200);
  await expect(hostText(host)).toHaveText(/^Tap the pinned Glow Kit below/);
});

test('the approver signs in person through a one-time link; the version then loads and the audit names her', async ({ station, context, browser }) => {
  const producer = await station.openView(context, 'producer');
  const host = await station.openView(context, 'host');
  const source = (await station.api<{ source: string }>('script.get', { versionId: 'glow-kit-launch/v1' })).body.result!.source;
  const saved = await station.api<{ version: { id: string; number: number; hash: string } }>('script.save', {
    format: 'markdown',
    source: source.replace('Hi everyone', 'Hello everyone'),
  });
  const v = saved.body.result!.version;

  await producer.getByTestId('tab-setup').click();
  await producer.getByTestId(`version-${v.number}`).click();
  await expect(producer.getByTestId('signoff-approver')).toHaveValue('priya');
  await producer.getByTestId('signoff-create').click();
  const url = await producer.getByTestId('signoff-url').inputValue();
  expect(url).toMatch(/\/signoff\?link=[A-Za-z0-9_-]{32}$/);

  // Legal opens it in a browser of her own: no station token, no console, just the text and its hash.
  const legal = await (await browser.newContext()).newPage();
  await legal.goto(url);
  await expect(legal.getByTestId('signoff-page')).toContainText('Priya Shah (legal)');
  await expect(legal.getByTestId('signoff-hash')).toContainText(v.hash);
  await expect(legal.locator('[data-cue-id="opening.1"]')).toContainText('Hello everyone, welcome to the Glow Kit launch live!');
  // She reads what changed since the approved v1 first, flags (none here) counted.
  await expect(legal.getByTestId('review-headline')).toContainText('Changes since v1');
  await expect(legal.getByTestId('review-headline')).toContainText('no compliance flags');
  await expect(legal.getByTestId('review-diff').locator('.diff-add')).toContainText('Hello everyone');
  await expect(legal.getByTestId('review-diff').locator('.diff-del')).toContainText('Hi everyone');
  await legal.getByRole('textbox', { name: 'Note' }).fill('Cleared for the 3 Dec live.');
  await legal.getByTestId('signoff-approve').click();
  await expect(legal.getByTestId('signoff-done')).toContainText(`Approved: version ${v.number}`);

  // The producer sees the sign-off arrive live, in her name, and can load it.
  await expect(producer.getByTestId(`version-${v.number}`)).toHaveAttribute('data-status', 'approved');
  await expect(producer.getByTestId('version-approval')).toContainText('Signed by Priya Shah (legal) through their own sign-off link');
  await expect(producer.getByTestId('version-approval')).toHaveAttribute('data-credit', 'SIGNED');
  await producer.getByTestId('version-load').click();
  await producer.getByTestId('version-load').click(); // confirm replacing the live version
  await expect(host.getByTestId('host-version')).toContainText(`v${v.number} ·`);

  // The link is spent; the audit names her, never the link's code.
  await legal.reload();
  await expect(legal.getByTestId('signoff-refused')).toContainText('already used');
  const trail = await station.api<{ entries: { actor: string; command: string; args: unknown }[] }>('audit.list', { limit: 50, command: 'script.signoff' });
  expect(trail.body.result!.entries[0]).toMatchObject({ actor: 'Priya Shah (own sign-off link)', command: 'script.signoff' });
  expect(JSON.stringify(trail.body.result)).not.toContain(url.split('link=')[1]);
});

test('a review shows the diff and its compliance flags; an approval given by email is recorded with a note, confirmed, and shown as recorded by the producer', async ({ station, context }) => {
  const producer = await station.openView(context, 'producer');
  const source = (await station.api<{ source: string }>('script.get', { versionId: 'glow-kit-launch/v1' })).body.result!.source;
  const saved = await station.api<{ version: { id: string; number: number; shortHash: string } }>('script.save', {
    format: 'markdown',
    source: source.replace('Standard shipping takes 3–5 working days', 'Next-day delivery for everyone tonight'),
  });
  const v = saved.body.result!.version;
  await producer.getByTestId('tab-setup').click();
  await producer.getByTestId(`version-${v.number}`).click();
  const evidence = producer.getByTestId('review-evidence');
  await expect(evidence.getByTestId('review-headline')).toContainText('Changes since v1');
  await expect(evidence.getByTestId('review-headline')).toContainText('1 compliance flag');
  await expect(evidence.locator('.diff-add mark.claim-hit')).toHaveText('Next-day');
  await expect(evidence.getByTestId('review-flags')).toContainText('delivery promise "Next-day" is not in the approved script (version 1');

  // Recording needs who, where and a note, and a second click to confirm.
  const record = producer.getByTestId('version-approve');
  await expect(record).toBeDisabled();
  await producer.getByTestId('approve-given').selectOption('email');
  await expect(record).toBeDisabled();
  await producer.getByTestId('approve-note').fill('Email “Re: v2 shipping line”, 4 Dec 10:02 — approved');
  await expect(record).toBeEnabled();
  await record.click();
  await expect(record).toContainText(`Confirm: record Priya Shah (legal)’s approval of v${v.number}, given by email`);
  await record.click();

  const credit = producer.getByTestId('version-approval');
  await expect(credit).toHaveAttribute('data-credit', 'RECORDED');
  await expect(credit).toContainText('Approval of Priya Shah (legal), given by email — recorded by Maya Okafor (maya) via Producer (station automation key)');
  await expect(producer.getByTestId(`version-${v.number}`)).toContainText('RECORDED · Priya Shah');

  const trail = await station.api<{ entries: { actor: string; command: string; args: Record<string, unknown>; detail: string | null }[] }>('audit.list', { limit: 20 });
  const row = trail.body.result!.entries.find((e) => e.command === 'script.approval.recorded' && e.args.versionId === v.id);
  expect(row?.args).toMatchObject({ approver: 'Priya Shah', via: 'email', recordedBy: row?.actor });
  expect(row?.detail).toContain('given by email, recorded by');
});
