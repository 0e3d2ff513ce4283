import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IDEMPOTENCY_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, signReply } from '../offers/hmac';
import type { Core } from '../core';
import { systemClock } from '../platform/clock';
import { systemTimers } from '../platform/timers';
import { REHEARSAL_RATES } from '../offers/sandbox.simulator';
import type { OffersPorts } from '../offers/offers.ports';
import { postOverFetch } from '../offers/http-json';
import { DEMO_SHOW, createTestCore, host, producer } from '../../../test/support/test-core';
import { until } from '../../../test/support/until';

const OFFER = 'glow-kit-live';
const cores: Core[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const HMAC = 'window-test-hmac-key-0123456789';
/** A signed-webhook store behind a fetch that can be unplugged (every call fails as unreachable). */
function webhookStore() {
  const store = { paused: false, down: false, calls: 0 };
  const fetchFake = (async (_url: string | URL | Request, init?: RequestInit) => {
    store.calls += 1;
    if (store.down) throw new TypeError('fetch failed');
    const body = typeof init?.body === 'string' ? init.body : '{}';
    const headers = new Headers(init?.headers);
    const action = (JSON.parse(body) as { action: string }).action;
    if (action === 'pause') store.paused = true;
    if (action === 'resume') store.paused = false;
    const reply = JSON.stringify({ state: store.paused ? 'paused' : 'live' });
    const ts = String(Math.floor(Date.now() / 1000));
    const key = headers.get(IDEMPOTENCY_HEADER) ?? '';
    return new Response(reply, {
      status: 200,
      headers: { 'content-type': 'application/json', [TIMESTAMP_HEADER]: ts, [SIGNATURE_HEADER]: signReply(HMAC, ts, key, reply) },
    });
  }) as typeof fetch;
  return { store, fetch: fetchFake };
}

function ports(): OffersPorts {
  return {
    post: postOverFetch(fetch),
    timers: systemTimers,
    timing: { requestTimeoutMs: 500, deadlineMs: 400, retryBaseMs: 10, retryMaxMs: 50, pollMs: 50 },
    sandbox: { simulate: false, tickMs: 20, latencyMs: 30, random: () => 0.5, rates: REHEARSAL_RATES },
  };
}

async function demoCore() {
  const core = createTestCore({ clock: systemClock, ports: { offers: ports() } });
  cores.push(core);
  core.show.loadFile(DEMO_SHOW);
  await core.start();
  await until(() => offerState(core) === 'live');
  return core;
}
const offerState = (core: Core) => core.snapshot().state.offers.items.find((o) => o.id === OFFER)?.state;
const windowOf = (core: Core) => core.snapshot().state.onair.windows.find((w) => w.offerId === OFFER);

describe('offer windows (demo show, sandbox store)', () => {
  it('resumes a paused offer at the start, pauses it (confirmed) at the end, and audits each step', async () => {
    const core = await demoCore();
    expect((await core.dispatch('offer.pause', { offerId: OFFER, reason: 'before the window' }, producer)).ok).toBe(true);
    const opened = await core.dispatch('offer.window', { offerId: OFFER, minutes: 0.01 }, producer);
    expect(opened.ok).toBe(true);
    await until(() => offerState(core) === 'live', 2000, 'resumed at the start');
    await until(() => windowOf(core)?.phase === 'ended', 3000, 'the window ended');
    const w = windowOf(core);
    expect(offerState(core)).toBe('paused');
    expect(w?.endReason).toBe('time');
    // Ended only after the store confirmed, never before the planned end.
    expect(w?.endedAt ?? 0).toBeGreaterThanOrEqual(w?.endsAt ?? Infinity);
    const audit = (await core.dispatch('audit.list', { limit: 30 }, producer)).ok ? core.audit.list({ limit: 30 }) : [];
    const names = audit.map((e) => `${e.command}:${e.actor}`);
    expect(names).toContain('offer.window:Maya (producer)');
    expect(names).toContain('offer.resume:system:onair');
    expect(names).toContain('offer.windowEnding:system:onair');
    expect(names).toContain('offer.pause:system:onair');
    expect(names).toContain('offer.windowEnded:system:onair');
  });

  it('refuses a second window on the same offer, and extends/cuts only with a reason', async () => {
    const core = await demoCore();
    expect((await core.dispatch('offer.window', { offerId: OFFER, minutes: 10 }, producer)).ok).toBe(true);
    const again = await core.dispatch('offer.window', { offerId: OFFER, minutes: 5 }, producer);
    expect(again.ok).toBe(false);
    const noReason = await core.dispatch('offer.windowAdjust', { offerId: OFFER, action: 'extend', minutes: 2 }, producer);
    expect(noReason.ok).toBe(false);
    const before = windowOf(core)?.endsAt ?? 0;
    expect((await core.dispatch('offer.windowAdjust', { offerId: OFFER, action: 'extend', minutes: 2, reason: 'chat is buying' }, producer)).ok).toBe(true);
    expect(windowOf(core)?.endsAt).toBe(before + 120_000);
    expect((await core.dispatch('offer.windowAdjust', { offerId: OFFER, action: 'end', reason: 'stock problem' }, producer)).ok).toBe(true);
    await until(() => windowOf(core)?.phase === 'ended', 3000, 'ended after the cut');
    expect(windowOf(core)?.endReason).toBe('cut');
    expect(offerState(core)).toBe('paused');
  });

  it('refuses bad window arguments and an unknown offer', async () => {
    const core = await demoCore();
    expect((await core.dispatch('offer.window', { offerId: OFFER }, producer)).ok).toBe(false);
    expect((await core.dispatch('offer.window', { offerId: OFFER, minutes: 1, until: Date.now() + 1000 }, producer)).ok).toBe(false);
    expect((await core.dispatch('offer.window', { offerId: 'nope', minutes: 1 }, producer)).ok).toBe(false);
    expect((await core.dispatch('offer.window', { offerId: OFFER, until: Date.now() - 1000 }, producer)).ok).toBe(false);
    expect((await core.dispatch('offer.window', { offerId: OFFER, minutes: 1 }, host)).ok).toBe(false);
    expect((await core.dispatch('offer.window', { offerId: OFFER, until: Date.now() + 25 * 3600_000 }, producer)).ok).toBe(false);
    expect(core.snapshot().state.onair.windows).toEqual([]);
  });
});

describe('offer window across a station restart', () => {
  it('ends a window whose time ran out while the station was down, as soon as it starts again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-window-restart-'));
    dirs.push(dir);
    const boot = async () => {
      const core = createTestCore({ dataDir: dir, clock: systemClock, ports: { offers: ports() } });
      core.show.loadFile(DEMO_SHOW);
      await core.start();
      return core;
    };
    const first = await boot();
    await until(() => offerState(first) === 'live');
    expect((await first.dispatch('offer.window', { offerId: OFFER, minutes: 0.01 }, producer)).ok).toBe(true);
    await first.close();
    await new Promise((r) => setTimeout(r, 900));
    const second = await boot();
    cores.push(second);
    await until(() => windowOf(second)?.phase === 'ended', 5000, () => `ended after the restart (${JSON.stringify(windowOf(second))})`);
    expect(offerState(second)).toBe('paused');
    expect(second.audit.list({ limit: 20 }).some((e) => e.command === 'offer.windowEnding' && e.actor === 'system:onair')).toBe(true);
  });

  it('ends at once when its offer was already paused by hand before the end', async () => {
    const core = await demoCore();
    expect((await core.dispatch('offer.window', { offerId: OFFER, minutes: 0.005 }, producer)).ok).toBe(true);
    expect((await core.dispatch('offer.pause', { offerId: OFFER, reason: 'by hand' }, producer)).ok).toBe(true);
    await until(() => windowOf(core)?.phase === 'ended', 3000, 'ended although the offer was already paused');
  });
});

describe('offer window while the store is down', () => {
  it('says "ending — store unreachable" and pauses as soon as the store is back', async () => {
    const { store, fetch: fakeFetch } = webhookStore();
    const dir = mkdtempSync(join(tmpdir(), 'baton-window-'));
    dirs.push(dir);
    const show = JSON.parse(readFileSync(DEMO_SHOW, 'utf8')) as { offers: { store: unknown }[] };
    for (const o of show.offers) o.store = { adapter: 'webhook', url: 'https://store.test/hook', hmacSecret: `store/${OFFER}/hmac` };
    show.offers = show.offers.slice(0, 1);
    const file = join(dir, 'show.json');
    writeFileSync(file, JSON.stringify(show));
    const core = createTestCore({ clock: systemClock, ports: { offers: { ...ports(), post: postOverFetch(fakeFetch) } }, secrets: { [`store/${OFFER}/hmac`]: HMAC } });
    cores.push(core);
    core.show.loadFile(file);
    await core.start();
    await until(() => offerState(core) === 'live', 3000, 'live from the webhook store');

    expect((await core.dispatch('offer.window', { offerId: OFFER, minutes: 0.005 }, producer)).ok).toBe(true);
    store.down = true;
    await until(() => windowOf(core)?.problem === 'ending — store unreachable', 5000, () => `the producer is told (window ${JSON.stringify(windowOf(core))})`);
    expect(windowOf(core)?.phase).toBe('ending');
    expect(offerState(core)).not.toBe('paused');
    store.down = false;
    await until(() => windowOf(core)?.phase === 'ended', 5000, 'paused once the store is back');
    expect(store.paused).toBe(true);
    expect(offerState(core)).toBe('paused');
    expect(windowOf(core)?.problem).toBeNull();
  });
});

describe('talkback', () => {
  it('is refused while no host view is open', async () => {
    const core = await demoCore();
    const r = await core.dispatch('talkback.send', { preset: 'wrap_30s' }, producer);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/no host view is open/i);
  });

  it('reaches the host and the host’s one acknowledgement comes back with its time', async () => {
    const core = await demoCore();
    core.setViewCount('host', 1);
    const sent = await core.dispatch('talkback.send', { preset: 'wrap_30s' }, producer);
    expect(sent.ok).toBe(true);
    const current = core.snapshot().state.onair.talkback.current;
    expect(current?.text).toBe('WRAP UP — 30 SECONDS');
    expect((await core.dispatch('talkback.ack', { id: 'old' }, host)).ok).toBe(false);
    expect((await core.dispatch('talkback.ack', {}, producer)).ok).toBe(false);
    const acked = await core.dispatch('talkback.ack', { id: current?.id }, host);
    expect(acked.ok).toBe(true);
    const after = core.snapshot().state.onair.talkback.current;
    expect(after?.ackBy).toBe('Leo (host)');
    expect(after?.ackAt).not.toBeNull();
  });

  it('keeps free text short and plain, and refuses both or neither', async () => {
    const core = await demoCore();
    core.setViewCount('host', 1);
    expect((await core.dispatch('talkback.send', { text: 'x'.repeat(81) }, producer)).ok).toBe(false);
    expect((await core.dispatch('talkback.send', {}, producer)).ok).toBe(false);
    expect((await core.dispatch('talkback.send', { preset: 'wrap_30s', text: 'hi' }, producer)).ok).toBe(false);
    expect((await core.dispatch('talkback.send', { text: 'look\nleft   <b>now</b>' }, producer)).ok).toBe(true);
    expect(core.snapshot().state.onair.talkback.current?.text).toBe('look left <b>now</b>');
  });

  it('refuses text that folds to nothing, and sends no direction overrides to the host card', async () => {
    const core = await demoCore();
    core.setViewCount('host', 1);
    // Only control characters (trim keeps them): the host would get an empty banner.
    const blank = await core.dispatch('talkback.send', { text: '\u0001\u0002\u0085\u0007' }, producer);
    expect(blank).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
    expect(core.snapshot().state.onair.talkback.current).toBeNull();
    expect((await core.dispatch('talkback.send', { text: '\u202e\u2066' }, producer)).ok).toBe(false);
    // An override would flip the words that follow it ("WRAP UP" read backwards); an isolate left open
    // reorders its neighbours. Arabic and Hebrew need neither: they keep their own direction.
    expect((await core.dispatch('talkback.send', { text: 'stop \u202eNOW\u202c then \u2067عرض\u2069 \u05e9\u05dc\u05d5\u05dd' }, producer)).ok).toBe(true);
    expect(core.snapshot().state.onair.talkback.current?.text).toBe('stop NOW then عرض שלום');
    // A lone surrogate becomes U+FFFD before anything sees it (the dispatcher's canonical text).
    expect((await core.dispatch('talkback.send', { text: 'ok \ud83d' }, producer)).ok).toBe(true);
    expect(core.snapshot().state.onair.talkback.current?.text).toBe('ok \ufffd');
  });
});

describe('offer window adjusted in the same breath as the offer changed', () => {
  // A window reads its offer's facts from the offers slice. A producer's extend sent the moment the
  // orders that reach the cap are acknowledged must find the window ended by the cap, not extend it.
  it('refuses to extend a window whose cap the command just answered reached', async () => {
    const core = await demoCore();
    expect((await core.dispatch('offer.window', { offerId: OFFER, minutes: 10 }, producer)).ok).toBe(true);
    const cap = core.snapshot().state.offers.items.find((o) => o.id === OFFER)?.cap;
    expect(cap?.reached).toBe(false);
    const orders = await core.dispatch('offer.ingest', { events: [{ type: 'order', offerId: OFFER, count: 200, amount: 39 }] }, producer);
    expect(orders.ok, JSON.stringify(orders)).toBe(true);
    const extend = await core.dispatch('offer.windowAdjust', { offerId: OFFER, action: 'extend', minutes: 5, reason: 'chat is buying' }, producer);
    expect(core.snapshot().state.offers.items.find((o) => o.id === OFFER)?.cap?.reached).toBe(true);
    expect(extend, JSON.stringify(extend)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(windowOf(core)?.endReason).toBe('cap');
    expect(windowOf(core)?.changes).toEqual([]);
    // The cap's pause is confirmed by the store before the core closes.
    await until(() => windowOf(core)?.phase === 'ended', 3000, 'ended on the cap');
  });
});
