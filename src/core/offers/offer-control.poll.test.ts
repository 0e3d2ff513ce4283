// An idle offer's background poll, on virtual time: when its state read and its order listing go,
// and that an order placed before the first listing is still counted (the order cap needs each one).
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../storage/database';
import { silentLogger } from '../platform/logger';
import type { Offer } from '../../shared/show/show.schema';
import { unheard, webhookGlowKit } from '../../../test/support/offer-control-fixture';
import type { CommerceAdapter, StoreOrder } from './commerce.adapter';
import { createOffersRepo } from './offers.repo';
import { createOfferController, type OfferController } from './offer-control.driver';
import type { OfferTiming } from './offers.ports';
import { createMemoryMemo } from './adapter.memo';
import { createVendureAdapter, VENDURE_TOGGLE_DOCUMENTS } from './vendure.adapter';
import type { VendureClient } from './vendure.client';
import { createFakeStore } from '../../../test/support/fake-commerce-store';

const POLL_MS = 5000;
const TIMING: OfferTiming = { requestTimeoutMs: 200, deadlineMs: 250, retryBaseMs: 10, retryMaxMs: 40, pollMs: POLL_MS };
const offer: Offer = webhookGlowKit;
/** Lets the store's answers (promises, and the driver's deferred work) land before time moves on. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 1));

/** A clock and timers moved by hand, 100 ms a step; `at` is the clock the store's fakes read too. `wallStep`: how far the wall clock has been stepped (NTP, a producer) from the time that passed. */
function virtualTime(start: number) {
  const due: { at: number; every: number | null; fn: () => void; live: boolean }[] = [];
  const schedule = (ms: number, fn: () => void, every: number | null) => {
    const t = { at: time.now + ms, every, fn, live: true };
    due.push(t);
    return () => void (t.live = false);
  };
  const time = {
    now: start,
    wallStep: 0,
    clock: { now: () => time.now + time.wallStep, monotonic: () => time.now },
    timers: { after: (ms: number, fn: () => void) => schedule(ms, fn, null), every: (ms: number, fn: () => void) => schedule(ms, fn, ms), defer: (fn: () => void) => void setImmediate(fn) },
    /** Runs `ms` of virtual time; `each` runs at every step, after the timers that fell due. */
    async run(ms: number, each: () => void = () => {}) {
      for (let step = 0; step < ms / 100; step++) {
        await settle();
        time.now += 100;
        for (const t of due.filter((x) => x.live && x.at <= time.now)) {
          if (t.every === null) t.live = false;
          else t.at += t.every;
          t.fn();
        }
        each();
      }
      await settle();
    },
  };
  return time;
}

const open: { c: OfferController; db: Db }[] = [];
afterEach(() => {
  for (const { c, db } of open.splice(0)) {
    c.close();
    db.close();
  }
});

function controller(adapter: CommerceAdapter, time: ReturnType<typeof virtualTime>, onOrders: (orders: StoreOrder[]) => void = () => {}) {
  const db = openDatabase({ file: ':memory:' });
  const c = createOfferController({
    showId: 'show-1',
    offer,
    adapter,
    repo: createOffersRepo(db),
    clock: time.clock,
    timers: time.timers,
    log: silentLogger,
    timing: TIMING,
    ...unheard,
    onOrders,
  });
  open.push({ c, db });
  return c;
}

/** A Vendure Admin API that answers the state read and the order listing (placed after `since`), and notes when each began. */
function fakeVendure(time: ReturnType<typeof virtualTime>, onRead: () => void = () => {}) {
  const placed: { code: string; at: number }[] = [];
  const started: { op: 'read' | 'orders'; at: number }[] = [];
  const client: VendureClient = {
    forget() {},
    async gql<T>(query: string, variables: Record<string, unknown>): Promise<T> {
      if (query === VENDURE_TOGGLE_DOCUMENTS.readState) {
        started.push({ op: 'read', at: time.now });
        onRead();
        const variant = { id: '7', sku: 'BNDL-GLOW-KIT', enabled: true, stockOnHand: 500, stockAllocated: 0, outOfStockThreshold: 0, useGlobalOutOfStockThreshold: true };
        return { promotion: { id: '1', enabled: true }, productVariants: { items: [variant] } } as T;
      }
      if (query.includes('BatonOrders')) {
        started.push({ op: 'orders', at: time.now });
        const since = Date.parse(variables.since as string);
        const items = placed
          .filter((o) => o.at > since)
          .map((o) => ({ code: o.code, orderPlacedAt: new Date(o.at).toISOString(), totalWithTax: 3900, currencyCode: 'USD', lines: [{ quantity: 1, productVariant: { id: '7', sku: 'BNDL-GLOW-KIT' } }] }));
        return { orders: { items } } as T;
      }
      throw new Error(`unexpected document: ${query.slice(0, 60)}`);
    },
  };
  const adapter = createVendureAdapter({ client, binding: { adminApiUrl: 'http://127.0.0.1:3000/admin-api', promotionId: '1', variantIds: ['7'] }, memo: createMemoryMemo(), now: time.clock.now });
  return { adapter, placed, started };
}

describe("an idle offer's poll", () => {
  it('counts an order placed after the offer started watching but before its first order listing', async () => {
    // The cap broke this way: the order cursor began at the first listing, so when the listing
    // moved half a period after the read, an order paid in between (the integration test's resume
    // checkout, 1.2–1.7 s after activation) was never listed and the cap of 3 stopped at 2.
    const time = virtualTime(Date.parse('2026-12-07T10:00:00Z'));
    const store = fakeVendure(time);
    const counted: string[] = [];
    const c = controller(store.adapter, time, (orders) => counted.push(...orders.map((o) => o.id)));
    c.activate();
    await time.run(1000);
    expect(store.started.filter((x) => x.op === 'read')).toHaveLength(1);
    store.placed.push({ code: 'EARLY', at: time.now });
    await time.run(3 * POLL_MS);
    // The listing steps its cursor back a second and lists an order again; the ledger drops repeats by id.
    expect([...new Set(counted)]).toEqual(['vendure:EARLY']);
  });

  it("is spread over its period: the store's connection is never idle for more than half of it", async () => {
    // Vendure's server keeps Node's 5 s keep-alive, so undici lets an idle connection go after 3 s;
    // the poll's read and order listing sent back to back left it idle for 5 s of every period, and
    // a click in the last 2 s opened a new connection (a TLS handshake against a real store).
    const time = virtualTime(Date.parse('2026-12-07T10:00:00Z'));
    const store = fakeVendure(time);
    controller(store.adapter, time).activate();
    await time.run(6 * POLL_MS);
    expect(store.started.filter((x) => x.op === 'read').length).toBeGreaterThanOrEqual(5);
    expect(store.started.filter((x) => x.op === 'orders').length).toBeGreaterThanOrEqual(5);
    const gaps = store.started.slice(1).map((x, i) => x.at - (store.started[i]?.at ?? 0));
    expect(Math.max(...gaps)).toBeLessThanOrEqual(POLL_MS / 2);
  });

  it('a wall clock stepped back an hour while a read is out does not put the order listing off for that hour', async () => {
    const time = virtualTime(Date.parse('2026-12-07T10:00:00Z'));
    let stepped = false;
    const store = fakeVendure(time, () => {
      if (stepped) return;
      stepped = true;
      time.wallStep -= 3_600_000;
    });
    controller(store.adapter, time).activate();
    await time.run(3 * POLL_MS);
    // Before: the listing waited half a period plus the hour the clock went back.
    expect(store.started.filter((x) => x.op === 'orders').length).toBeGreaterThanOrEqual(2);
  });

  it('lists at once after the read in the sandbox, which holds no connection', async () => {
    const time = virtualTime(0);
    const fake = createFakeStore({ latencyMs: 0 });
    const sandbox: CommerceAdapter = Object.assign(Object.create(null) as CommerceAdapter, fake, { rehearsal: true });
    controller(sandbox, time).activate();
    await time.run(300);
    expect(fake.calls.map((x) => x.op)).toEqual(['read', 'orders']);
  });
});
