// Vendure behind the commerce interface. A pause disables the promotion AND holds the bundle's
// variants with an out-of-stock threshold: only both together stop new and open carts
// (shared/recipes/vendure.md). Mutations go one by one; the state is read back after each change.
import type { CommerceAdapter, StoreOp, StoreOrder, StoreReading } from './commerce.adapter';
import { StoreError } from './commerce.adapter';
import type { VendureClient } from './vendure.client';
import type { AdapterMemo } from './adapter.memo';
import type { TestOrderResult } from '../../shared/contract/index';
import type { HttpDeps } from './http-json';
import { placeVendureTestOrder, shopApiOf } from './vendure.test-order';

/** Far above any real stock: a held variant has nothing saleable. */
export const PAUSE_THRESHOLD = 1_000_000;

export interface VendureBinding {
  adminApiUrl: string;
  promotionId: string;
  variantIds: string[];
  bonusPromotionId?: string | undefined;
  testOrder?: { paymentMethod: string; shopApiUrl?: string | undefined } | undefined;
}

interface Variant {
  id: string;
  sku: string;
  enabled: boolean;
  stockOnHand: number;
  stockAllocated: number;
  outOfStockThreshold: number;
  useGlobalOutOfStockThreshold: boolean;
}
interface StateData {
  promotion: { id: string; enabled: boolean } | null;
  bonus?: { id: string; enabled: boolean } | null;
  productVariants: { items: Variant[] };
}
type PromotionResult = { __typename: string; id?: string; enabled?: boolean; errorCode?: string; message?: string };
interface OrdersData {
  orders: {
    items: {
      code: string;
      orderPlacedAt: string | null;
      totalWithTax: number;
      currencyCode: string;
      lines: { quantity: number; productVariant: { id: string; sku: string } }[];
    }[];
  };
}
/** What a variant's threshold was before Baton held it, so a resume puts it back exactly. */
type SavedThresholds = Record<string, { useGlobal: boolean; threshold: number }>;

const SET_PROMOTION = /* GraphQL */ `
  mutation BatonSetPromotion($id: ID!, $enabled: Boolean!) {
    updatePromotion(input: { id: $id, enabled: $enabled }) {
      __typename
      ... on Promotion { id enabled }
      ... on ErrorResult { errorCode message }
    }
  }`;

const UPDATE_VARIANTS = /* GraphQL */ `
  mutation BatonHoldVariants($input: [UpdateProductVariantInput!]!) {
    updateProductVariants(input: $input) { id }
  }`;

const READ_STATE = /* GraphQL */ `
  query BatonOfferState($promotionId: ID!, $variantIds: [String!]!, $withBonus: Boolean!, $bonusId: ID!) {
    promotion(id: $promotionId) { id enabled }
    bonus: promotion(id: $bonusId) @include(if: $withBonus) { id enabled }
    productVariants(options: { filter: { id: { in: $variantIds } }, take: 100 }) {
      items { id sku enabled stockOnHand stockAllocated outOfStockThreshold useGlobalOutOfStockThreshold }
    }
  }`;

/** The documents a pause and a resume send, for a baseline that makes the identical calls. */
export const VENDURE_TOGGLE_DOCUMENTS = { setPromotion: SET_PROMOTION, holdVariants: UPDATE_VARIANTS, readState: READ_STATE } as const;

const READ_ORDERS = /* GraphQL */ `
  query BatonOrders($since: DateTime!) {
    orders(options: { filter: { orderPlacedAt: { after: $since } }, sort: { orderPlacedAt: ASC }, take: 100 }) {
      items {
        code orderPlacedAt totalWithTax currencyCode
        lines { quantity productVariant { id sku } }
      }
    }
  }`;

export function createVendureAdapter(deps: {
  client: VendureClient;
  binding: VendureBinding;
  memo: AdapterMemo;
  now: () => number;
  /** For the Shop API calls of the preflight test order. */
  http?: HttpDeps;
}): CommerceAdapter {
  const { client, binding, memo } = deps;
  const host = hostLabel(binding.adminApiUrl);
  /**
   * Where a first order listing starts (no cursor stored yet): when Baton began watching this
   * offer, not when that listing happens to run. An idle poll lists orders half a period after its
   * state read, and an unfinished pause or resume at start holds the poll until the store confirms
   * it. A cursor taken then skipped every order paid in between, so the order cap never saw them.
   */
  const watchingSince = deps.now();

  const testCodes = (): string[] => JSON.parse(memo.get('vendure.testOrders') ?? '[]') as string[];
  const held = (v: Variant) => !v.useGlobalOutOfStockThreshold && v.outOfStockThreshold >= PAUSE_THRESHOLD;

  // The notes are read on every pause, resume and read-back (between and after the store calls a
  // click waits for): parsed once per stored text, not on each read.
  let parsed: { text: string; notes: Readonly<SavedThresholds> } | null = null;
  const saved = (): Readonly<SavedThresholds> => {
    const text = memo.get('vendure.thresholds');
    if (!text) return {};
    if (parsed?.text !== text) parsed = { text, notes: JSON.parse(text) as SavedThresholds };
    return parsed.notes;
  };

  /** Notes each variant's own threshold while it is not held, for an exact resume later. */
  const remember = (variants: readonly Variant[]) => {
    const before = saved();
    let next: SavedThresholds | null = null;
    for (const v of variants) {
      if (held(v)) continue;
      const was = before[v.id];
      if (was && was.useGlobal === v.useGlobalOutOfStockThreshold && was.threshold === v.outOfStockThreshold) continue;
      next ??= { ...before };
      next[v.id] = { useGlobal: v.useGlobalOutOfStockThreshold, threshold: v.outOfStockThreshold };
    }
    if (next) memo.set('vendure.thresholds', JSON.stringify(next));
  };

  const readState = async (): Promise<StoreReading> => {
    const data = await client.gql<StateData>(READ_STATE, {
      promotionId: binding.promotionId,
      variantIds: binding.variantIds,
      withBonus: binding.bonusPromotionId !== undefined,
      bonusId: binding.bonusPromotionId ?? binding.promotionId,
    });
    if (!data.promotion) throw new StoreError('config', `Vendure has no promotion ${binding.promotionId} (check the show's store binding)`);
    const variants = data.productVariants.items;
    const missing = binding.variantIds.filter((id) => !variants.some((v) => String(v.id) === id));
    if (missing.length) throw new StoreError('config', `Vendure has no product variant ${missing.join(', ')} (check the show's store binding)`);
    remember(variants);
    const heldCount = variants.filter(held).length;
    const promoOff = !data.promotion.enabled;
    const paused = promoOff && heldCount === variants.length ? true : !promoOff && heldCount === 0 ? false : 'partial';
    const stock: Record<string, number> = {};
    for (const v of variants) stock[v.sku] = v.stockOnHand - v.stockAllocated;
    return {
      paused,
      detail: `promotion ${binding.promotionId} ${promoOff ? 'disabled' : 'enabled'}; ${heldCount} of ${variants.length} variant(s) held out of stock`,
      stock,
      bonusActive: data.bonus ? data.bonus.enabled : null,
    };
  };

  const setPromotion = async (id: string, enabled: boolean) => {
    const r = await client.gql<{ updatePromotion: PromotionResult }>(SET_PROMOTION, { id, enabled });
    if (r.updatePromotion.__typename !== 'Promotion') {
      throw new StoreError('rejected', `Vendure refused to ${enabled ? 'enable' : 'disable'} promotion ${id}: ${r.updatePromotion.message ?? r.updatePromotion.errorCode ?? r.updatePromotion.__typename}`);
    }
  };

  const setHeld = async (hold: boolean) => {
    let notes = saved();
    if (hold && binding.variantIds.some((id) => !notes[id])) {
      await readState(); // first sight of these variants: note their own thresholds before holding
      notes = saved();
    }
    const input = binding.variantIds.map((id) => {
      if (hold) return { id, useGlobalOutOfStockThreshold: false, outOfStockThreshold: PAUSE_THRESHOLD };
      const was = notes[id];
      return was && !was.useGlobal
        ? { id, useGlobalOutOfStockThreshold: false, outOfStockThreshold: was.threshold }
        : { id, useGlobalOutOfStockThreshold: true };
    });
    await client.gql(UPDATE_VARIANTS, { input });
  };

  return {
    kind: 'vendure',
    label: `Vendure ${host} · promotion ${binding.promotionId}`,
    adminUrl: vendureAdminUrl(binding.adminApiUrl, binding.promotionId),
    rehearsal: false,
    async setPaused(paused: boolean, _op: StoreOp) {
      // Pause: coupon first (it is what shoppers reach for), then the stock hold for open carts.
      // Resume: release the stock, then the coupon, so a coupon never points at unbuyable stock.
      if (paused) {
        await setPromotion(binding.promotionId, false);
        await setHeld(true);
      } else {
        await setHeld(false);
        await setPromotion(binding.promotionId, true);
      }
      return readState();
    },
    read: readState,
    async removeBonus() {
      if (!binding.bonusPromotionId) {
        throw new StoreError('config', 'the Vendure binding names no bonusPromotionId, so Baton cannot end the bonus in the store');
      }
      await setPromotion(binding.bonusPromotionId, false);
      return readState();
    },
    async pollOrders() {
      const kept = memo.get('vendure.ordersSince');
      const since = kept === null ? watchingSince : Number(kept);
      if (kept === null) memo.set('vendure.ordersSince', String(since));
      const data = await client.gql<OrdersData>(READ_ORDERS, { since: new Date(since).toISOString() });
      const out: StoreOrder[] = [];
      let last = since;
      const listedAt = deps.now();
      // The store's answer is read as untrusted: one malformed order must not throw the listing
      // (the cursor would never pass it, and no later order would be counted).
      const items: unknown = data?.orders?.items;
      if (!Array.isArray(items)) throw new StoreError('protocol', 'Vendure answered the order listing without a list of orders');
      for (const o of items as Partial<OrdersData['orders']['items'][number]>[]) {
        if (o === null || typeof o !== 'object') continue;
        // The store's word on when, never later than now: an order dated ahead (a wrong clock, a
        // hostile store) would move the cursor past every order paid before that date, so the cap
        // never counted them; an undated or unreadable one is placed now, not at NaN.
        const placed = typeof o.orderPlacedAt === 'string' ? Date.parse(o.orderPlacedAt) : NaN;
        const at = Number.isFinite(placed) ? Math.min(placed, listedAt) : listedAt;
        last = Math.max(last, at);
        const lines: unknown[] = Array.isArray(o.lines) ? o.lines : [];
        const line = lines.find((l): l is { productVariant: { id: string; sku: unknown } } => {
          const v = (l as { productVariant?: { id?: unknown } } | null)?.productVariant;
          return typeof v === 'object' && v !== null && binding.variantIds.includes(String(v.id));
        });
        if (!line || typeof o.code !== 'string' || o.code === '' || o.code.length > 128 || testCodes().includes(o.code)) continue;
        // Vendure keeps money in minor units; currencies without cents are not handled here.
        const amount = typeof o.totalWithTax === 'number' && Number.isFinite(o.totalWithTax) ? o.totalWithTax / 100 : null;
        const currency = typeof o.currencyCode === 'string' ? o.currencyCode.slice(0, 8) : '';
        const sku = typeof line.productVariant.sku === 'string' ? line.productVariant.sku.slice(0, 128) : null;
        out.push({ id: `vendure:${o.code}`, at, amount, currency, sku });
      }
      // Step back a second: orders placed in the same instant are re-read and dropped by their id.
      if (last > since) memo.set('vendure.ordersSince', String(last - 1000));
      return out;
    },
    async placeTestOrder(couponCode: string): Promise<TestOrderResult> {
      const t = binding.testOrder;
      const none = { ok: false, store: 'vendure', step: 'setup', orderCode: null, amount: null, currency: null, startedAt: deps.now(), placedAt: null, confirmedAt: null, refundedAt: null, cancelledAt: null, cancelled: false };
      if (!t) return { ...none, reason: 'the Vendure binding names no testOrder.paymentMethod (a test payment method of the store)' };
      if (!deps.http) return { ...none, reason: 'this station was built without HTTP for the Shop API' };
      const result = await placeVendureTestOrder({
        http: deps.http,
        admin: client,
        shopApiUrl: shopApiOf(binding.adminApiUrl, t.shopApiUrl),
        variantId: binding.variantIds[0]!,
        couponCode,
        paymentMethod: t.paymentMethod,
        now: deps.now,
      });
      // Never revenue: remembered before any order poll can see it, cancelled or not.
      if (result.orderCode) memo.set('vendure.testOrders', JSON.stringify([...testCodes(), result.orderCode].slice(-200)));
      return result;
    },
    close() {
      client.forget();
    },
  };
}

/** The promotion's page in Vendure's admin UI, served beside the Admin API (`/admin` by default). */
export function vendureAdminUrl(adminApiUrl: string, promotionId: string): string | null {
  try {
    // Never the address's user:password@: this link reaches every role's offers slice.
    const url = new URL(`/admin/marketing/promotions/${encodeURIComponent(promotionId)}`, adminApiUrl);
    url.username = '';
    url.password = '';
    return url.href;
  } catch {
    return null;
  }
}

function hostLabel(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
