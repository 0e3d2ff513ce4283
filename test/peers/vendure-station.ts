// A Baton station whose demo offer is bound to a real Vendure store (test/vendure), for the
// offer integration tests and the offers benchmark. The show is the demo show with the store
// binding swapped in; credentials go to the station's secret store, never into the show file.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { VendureStore } from './vendure-store';
import { startStation, type Station } from '../../src/station/station';
import { createMemorySecretStore } from '../../src/core/platform/secret-store';
import { silentLogger } from '../../src/core/platform/logger';
import { EVENT_SECRET_NAME } from '../../src/core/offers/hmac';
import type { Role } from '../../src/shared/contract/roles';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const OFFER = 'glow-kit-live';
export const EVENTS_KEY = 'integration-events-key-0123456789';
export const PRODUCER_TOKEN = 'producer-token-offers-integration';

export interface VendureShowOptions {
  cap?: { orders: number; bonus: string };
  bonusPromotionId?: string;
}

/** Writes the demo show, bound to `store`, into `dir`; returns its path. */
/** In the demo offer's own namespace, as the show loader requires. */
export const VENDURE_PASSWORD_SECRET = `store/${OFFER}/password`;

export function writeVendureShow(dir: string, store: VendureStore, opts: VendureShowOptions = {}): string {
  const demo = JSON.parse(readFileSync(join(ROOT, 'resources', 'demo-show', 'show.json'), 'utf8')) as Record<string, unknown> & {
    offers: Record<string, unknown>[];
  };
  const offer = demo.offers[0] as Record<string, unknown>;
  offer.store = {
    adapter: 'vendure',
    adminApiUrl: store.adminApiUrl,
    username: store.username,
    passwordSecret: VENDURE_PASSWORD_SECRET,
    promotionId: store.seed.promotionId,
    variantIds: [store.seed.variantIdsBySku[store.seed.bundleSku]],
    ...(opts.bonusPromotionId ? { bonusPromotionId: opts.bonusPromotionId } : {}),
  };
  if (opts.cap) offer.cap = opts.cap;
  // Only what the offer tests need: no OBS, no comment replay, no script file.
  const show = { ...demo, rehearsal: false, id: 'glow-kit-vendure', obs: {}, comments: { sources: [] } };
  delete (show as Record<string, unknown>).script;
  delete (show as Record<string, unknown>).$schema;
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'show.json');
  writeFileSync(file, JSON.stringify(show, null, 2));
  return file;
}

export interface VendureStation {
  station: Station;
  url: string;
  post<T = unknown>(name: string, args: unknown, role?: Role): Promise<{ status: number; body: { ok: boolean; result?: T; error?: { code: string; message: string } } }>;
  close(): Promise<void>;
}

export async function startVendureStation(opts: { dataDir: string; showFile: string; store: VendureStore }): Promise<VendureStation> {
  const secrets = createMemorySecretStore({ [VENDURE_PASSWORD_SECRET]: opts.store.password, [EVENT_SECRET_NAME]: EVENTS_KEY });
  const station = await startStation({
    mode: 'headless',
    port: 0,
    lan: false,
    dataDir: opts.dataDir,
    showFile: opts.showFile,
    appRoot: ROOT,
    version: 'test',
    log: silentLogger,
    secrets,
    envProducerToken: PRODUCER_TOKEN,
    nativeBinding: null,
    clock: null,
  });
  const tokens = Object.fromEntries(station.tokens.issued().map((t) => [t.role, t.token])) as Record<Role, string>;
  return {
    station,
    url: station.url,
    async post(name, args, role = 'producer') {
      const token = role === 'producer' ? PRODUCER_TOKEN : tokens[role];
      const res = await fetch(`${station.url}/api/commands/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(args),
      });
      return { status: res.status, body: (await res.json()) as never };
    },
    close: () => station.close(),
  };
}

export const PAUSE_THRESHOLD = 1_000_000;

/** What Vendure itself says, read independently of Baton's adapter. */
export async function vendureOfferState(store: VendureStore): Promise<{ promotionEnabled: boolean; held: boolean }> {
  const id = store.seed.variantIdsBySku[store.seed.bundleSku];
  const d = await store.adminGraphql<{
    promotion: { enabled: boolean } | null;
    productVariants: { items: { outOfStockThreshold: number; useGlobalOutOfStockThreshold: boolean }[] };
  }>(
    `query($p: ID!, $v: [String!]!) { promotion(id: $p) { enabled } productVariants(options: { filter: { id: { in: $v } } }) { items { outOfStockThreshold useGlobalOutOfStockThreshold } } }`,
    { p: store.seed.promotionId, v: [id] },
  );
  const v = d.productVariants.items[0];
  return { promotionEnabled: d.promotion?.enabled ?? false, held: !!v && !v.useGlobalOutOfStockThreshold && v.outOfStockThreshold >= PAUSE_THRESHOLD };
}

/** A second, automatic promotion standing for the capped bonus ("free travel pouch"). */
export async function createBonusPromotion(store: VendureStore): Promise<string> {
  const bundle = store.seed.variantIdsBySku[store.seed.bundleSku];
  const r = await store.adminGraphql<{ createPromotion: { id?: string; message?: string } }>(
    `mutation($input: CreatePromotionInput!) { createPromotion(input: $input) { ... on Promotion { id } ... on ErrorResult { message } } }`,
    {
      input: {
        enabled: true,
        conditions: [{ code: 'contains_products', arguments: [{ name: 'minimum', value: '1' }, { name: 'productVariantIds', value: JSON.stringify([bundle]) }] }],
        actions: [{ code: 'order_fixed_discount', arguments: [{ name: 'discount', value: '100' }] }],
        translations: [{ languageCode: 'en', name: 'Free travel pouch (first orders)' }],
      },
    },
  );
  if (!r.createPromotion.id) throw new Error(`bonus promotion not created: ${r.createPromotion.message ?? '?'}`);
  return String(r.createPromotion.id);
}

export async function promotionEnabled(store: VendureStore, id: string): Promise<boolean> {
  const d = await store.adminGraphql<{ promotion: { enabled: boolean } | null }>(`query($id: ID!) { promotion(id: $id) { enabled } }`, { id });
  return d.promotion?.enabled ?? false;
}
