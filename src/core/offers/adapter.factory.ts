// From an offer's store binding to its adapter. Credentials are looked up by name in the secret
// store at each use, so a password stored later (offer.credentials) is picked up without a reload.
import type { Offer, Product } from '../../shared/show/show.schema';
import type { SecretStore } from '../platform/secret-store';
import type { CommerceAdapter, ResponseObserver } from './commerce.adapter';
import type { AdapterMemo } from './adapter.memo';
import type { StorePost } from './http-json';
import type { OfferTiming, SandboxPorts } from './offers.ports';
import { createSandboxAdapter, type SandboxStore } from './sandbox.adapter';
import { createVendureClient } from './vendure.client';
import { createVendureAdapter } from './vendure.adapter';
import { createShopifyAdapter } from './shopify.adapter';
import { createWebhookAdapter } from './webhook.adapter';
import { StoreError } from './commerce.adapter';
import { insecureUrlReason, isScopedSecret, scopeMessage, storeSecretPrefix } from '../../shared/show/secret-scope';
import { shopifyEndpoint } from './shopify.adapter';

/** Units a sandbox SKU starts with when the show gives no stock for it. */
const SANDBOX_DEFAULT_STOCK = 100;

export interface AdapterDeps {
  offer: Offer;
  products: readonly Product[];
  /** The stores' HTTP client (kept-alive in the station). */
  post: StorePost;
  timing: OfferTiming;
  sandbox: SandboxPorts;
  secrets: SecretStore;
  memo: AdapterMemo;
  now: () => number;
  observe: ResponseObserver;
  /** `--allow-insecure-store`: credentials may go over plain http to any host (labs only). */
  allowInsecureStore?: boolean;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createAdapter(deps: AdapterDeps): CommerceAdapter {
  const { offer } = deps;
  const binding = offer.store;
  const http = { post: deps.post, timeoutMs: deps.timing.requestTimeoutMs, observe: deps.observe };
  // Defence behind the show loader: a secret outside the offer's namespace, or a URL that would
  // carry it in clear, is never read, so no request carrying it is ever made.
  const credential = (name: string, url: string) => (): string | null => {
    if (!isScopedSecret(name, storeSecretPrefix(offer.id))) throw new StoreError('config', scopeMessage(name, storeSecretPrefix(offer.id)), null, false);
    const insecure = insecureUrlReason(url, deps.allowInsecureStore === true);
    if (insecure) throw new StoreError('config', insecure, null, false);
    return deps.secrets.get(name);
  };
  switch (binding.adapter) {
    case 'sandbox': {
      const initialStock: Record<string, number> = {};
      for (const sku of offer.skus) initialStock[sku] = deps.products.find((p) => p.sku === sku)?.stock ?? SANDBOX_DEFAULT_STOCK;
      return createSandboxAdapter({ offerId: offer.id, initialStock, memo: deps.memo, latencyMs: deps.sandbox.latencyMs, sleep });
    }
    case 'vendure':
      return createVendureAdapter({
        client: createVendureClient({
          http,
          adminApiUrl: binding.adminApiUrl,
          username: binding.username,
          password: credential(binding.passwordSecret, binding.adminApiUrl),
          passwordSecret: binding.passwordSecret,
        }),
        binding,
        memo: deps.memo,
        now: deps.now,
        http,
      });
    case 'shopify':
      return createShopifyAdapter({
        http,
        binding,
        token: credential(binding.tokenSecret, shopifyEndpoint(binding)),
        tokenSecret: binding.tokenSecret,
        sleep,
        now: deps.now,
        maxThrottleWaitMs: Math.max(500, deps.timing.deadlineMs / 2),
      });
    case 'webhook':
      return createWebhookAdapter({
        http,
        url: binding.url,
        offer: { id: offer.id, code: offer.code, skus: offer.skus },
        secret: credential(binding.hmacSecret, binding.url),
        secretName: binding.hmacSecret,
        now: deps.now,
      });
  }
}

export function secretNameOf(offer: Offer): string | null {
  const b = offer.store;
  switch (b.adapter) {
    case 'sandbox':
      return null;
    case 'vendure':
      return b.passwordSecret;
    case 'shopify':
      return b.tokenSecret;
    case 'webhook':
      return b.hmacSecret;
  }
}

export function isSandbox(adapter: CommerceAdapter): adapter is SandboxStore {
  return adapter.kind === 'sandbox';
}
