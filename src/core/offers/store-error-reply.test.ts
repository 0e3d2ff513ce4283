import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../core';
import type { Caller } from '../dispatch/handler';
import { DEMO_SHOW, createTestCore, producer } from '../../../test/support/test-core';
import { startJsonServer, type JsonReply, type JsonServer, type RecordedRequest } from '../../../test/support/json-server';
import { until } from '../../../test/support/until';
import { fastOfferPorts } from '../../../test/support/fast-offers';

// A command's issuer learns what happened in Baton's words (a code and a sentence of ours); the
// store's own text — which can name hosts, accounts or echo a credential — stays in the producer's
// diagnostics (the offer's lastError, the audit chain), with the offer's secret scrubbed out.
const OFFER = 'glow-kit-live';
const PASSWORD = 'hunter2-store-pass';
const STORE_TEXT = 'promotion locked by ops@shop.internal on db 10.0.0.7';
const commerce: Caller = { actor: 'Kim (commerce)', role: 'commerce', via: 'test' };

const cores: Core[] = [];
const servers: JsonServer[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
  for (const s of servers.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const live = { promotion: { id: '1', enabled: true }, productVariants: { items: [{ id: '7', sku: 'BNDL-GLOW-KIT', enabled: true, stockOnHand: 10, stockAllocated: 0, outOfStockThreshold: 0, useGlobalOutOfStockThreshold: true }] } };

/** A Vendure Admin API that logs in and reads back, and answers what `mutate` says to a change. */
async function vendure(mutate: (req: RecordedRequest) => JsonReply, read: () => JsonReply = () => ({ body: { data: live } })) {
  const server = await startJsonServer((req) => {
    const { query } = JSON.parse(req.body) as { query: string };
    if (query.includes('BatonLogin')) return { body: { data: { login: { __typename: 'CurrentUser' } } }, headers: { 'vendure-auth-token': 'session-1' } };
    if (query.includes('BatonOfferState')) return read();
    return mutate(req);
  });
  servers.push(server);
  return server;
}

async function coreAgainst(server: JsonServer) {
  const dir = mkdtempSync(join(tmpdir(), 'baton-store-error-'));
  dirs.push(dir);
  const show = JSON.parse(readFileSync(DEMO_SHOW, 'utf8')) as { offers: Record<string, unknown>[] };
  show.offers[0]!.store = { adapter: 'vendure', adminApiUrl: `${server.url}/admin-api`, username: 'baton', passwordSecret: `store/${OFFER}/password`, promotionId: '1', variantIds: ['7'] };
  const file = join(dir, 'show.json');
  writeFileSync(file, JSON.stringify(show));
  const core = createTestCore({
    secrets: { [`store/${OFFER}/password`]: PASSWORD },
    ports: { offers: fastOfferPorts({ timing: { deadlineMs: 300, pollMs: 60_000 } }) },
  });
  cores.push(core);
  core.show.loadFile(file);
  await core.start();
  // The first read (log in, read back) shares the 300 ms deadline kept short for the tests below; on a loaded
  // machine it can miss it once and retry, so the wait for `live` is longer than the deadline's few retries.
  await until(() => offerOf(core).state === 'live', 15_000, 'the offer to read live');
  return core;
}

const offerOf = (core: Core) => core.snapshot().state.offers.items.find((i) => i.id === OFFER)!;

function expectOwnWords(message: string) {
  expect(message).not.toContain('ops@shop.internal');
  expect(message).not.toContain('10.0.0.7');
  expect(message).not.toContain(PASSWORD);
  expect(message).not.toContain('127.0.0.1');
}

describe("a store's error text never reaches a command's issuer", () => {
  it('a refused pause answers `failed` in our words; the producer-only lastError and the audit keep the store text, secret scrubbed', async () => {
    const server = await vendure(() => ({ body: { data: { updatePromotion: { __typename: 'PromotionError', errorCode: 'LOCKED', message: `${STORE_TEXT} (login baton/${PASSWORD})` } } } }));
    const core = await coreAgainst(server);
    const r = await core.dispatch('offer.pause', { offerId: OFFER, reason: 'wrong price' }, commerce);
    expect(r).toMatchObject({ ok: false, error: { code: 'failed' } });
    const message = r.ok ? '' : r.error.message;
    expectOwnWords(message);
    expect(message).toMatch(/refused/);
    // The producer's diagnostics keep what the store said, without the credential.
    const lastError = offerOf(core).lastError ?? '';
    expect(lastError).toContain(STORE_TEXT);
    expect(lastError).not.toContain(PASSWORD);
    const [attempt] = core.audit.list({ limit: 1, command: 'offer.pause.attempt' });
    expect(attempt?.detail).toContain(STORE_TEXT);
    expect(attempt?.detail).not.toContain(PASSWORD);
    const [row] = core.audit.list({ limit: 1, command: 'offer.pause' });
    expectOwnWords(row?.detail ?? '');
  });

  it('a pause the store never confirms answers `unavailable` in our words, however the store failed', async () => {
    const server = await vendure(() => ({ status: 500, text: `Internal error: ${STORE_TEXT}` }));
    const core = await coreAgainst(server);
    const r = await core.dispatch('offer.pause', { offerId: OFFER, reason: 'wrong price' }, producer);
    expect(r).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expectOwnWords(r.ok ? '' : r.error.message);
    expect(offerOf(core).lastError).toContain(STORE_TEXT);
  });

  it('a failed read-back answers `unavailable` in our words', async () => {
    let broken = false;
    const server = await vendure(
      () => ({ body: {} }),
      () => (broken ? { body: { errors: [{ message: `${STORE_TEXT} as ${PASSWORD}` }] } } : { body: { data: live } }),
    );
    const core = await coreAgainst(server);
    broken = true;
    const r = await core.dispatch('offer.refresh', { offerId: OFFER }, commerce);
    expect(r).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expectOwnWords(r.ok ? '' : r.error.message);
    expect(offerOf(core).lastError).toContain(STORE_TEXT);
    expect(offerOf(core).lastError).not.toContain(PASSWORD);
  });
});

// A recovery click: the store refused, it is fixed, and the producer presses pause again. Its
// confirmation ends the "NOT confirmed" alarm (a rebuild of the alerts and an audit transaction
// of the alerts' own), which the click's answer does not wait for: the clear runs in the next turn.
describe('after a store error', () => {
  it('the recovery click is answered before its alarm ends; the alarm ends right after, its row after the click’s', async () => {
    const shop = { refusing: true, enabled: true, held: false };
    const server = await vendure(
      (req) => {
        const { query, variables } = JSON.parse(req.body) as { query: string; variables: { enabled?: boolean; input?: { useGlobalOutOfStockThreshold: boolean }[] } };
        if (query.includes('BatonSetPromotion')) {
          if (shop.refusing) return { body: { data: { updatePromotion: { __typename: 'PromotionError', errorCode: 'LOCKED', message: STORE_TEXT } } } };
          shop.enabled = variables.enabled === true;
          return { body: { data: { updatePromotion: { __typename: 'Promotion', id: '1', enabled: shop.enabled } } } };
        }
        shop.held = variables.input?.[0]?.useGlobalOutOfStockThreshold === false;
        return { body: { data: { updateProductVariants: [{ id: '7' }] } } };
      },
      () => ({
        body: {
          data: {
            promotion: { id: '1', enabled: shop.enabled },
            productVariants: { items: [{ ...live.productVariants.items[0], useGlobalOutOfStockThreshold: !shop.held, outOfStockThreshold: shop.held ? 1_000_000 : 0 }] },
          },
        },
      }),
    );
    const core = await coreAgainst(server);
    const key = `offers.pending.${OFFER}`;
    const alarm = () => core.state.get('alerts').items.find((a) => a.key === key);
    expect(await core.dispatch('offer.pause', { offerId: OFFER, reason: 'wrong price' }, producer)).toMatchObject({ ok: false, error: { code: 'failed' } });
    expect(alarm()).toMatchObject({ clearedAt: null, message: expect.stringMatching(/NOT confirmed/) });
    shop.refusing = false;
    expect(await core.dispatch('offer.pause', { offerId: OFFER, reason: 'wrong price' }, producer)).toMatchObject({ ok: true, result: { state: 'paused' } });
    // The answer is out; the clear and its row have not run on its path.
    expect(alarm()?.clearedAt).toBeNull();
    expect(core.audit.list({ limit: 5, command: 'alert.cleared' })).toHaveLength(0);
    await new Promise<void>((r) => setImmediate(r));
    await new Promise<void>((r) => setImmediate(r));
    expect(alarm()?.clearedAt).not.toBeNull();
    const rows = core.audit.list({ limit: 10 }).reverse();
    const pause = rows.findIndex((e) => e.command === 'offer.pause' && e.outcome === 'ok');
    const cleared = rows.findIndex((e) => e.command === 'alert.cleared' && (e.args as { key?: string }).key === key);
    expect(pause).toBeGreaterThanOrEqual(0);
    expect(cleared).toBeGreaterThan(pause);
  });
});
