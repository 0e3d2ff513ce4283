// Turns incoming commerce events (webhook, simulated shoppers, store polling) into stored
// signals bound to an offer: by offer id, then offer code, then SKU; none = every offer.
import type { CommerceEvent } from '../../shared/contract/index';
import type { Offer } from '../../shared/show/show.schema';
import type { StoreOrder } from './commerce.adapter';
import type { StoredEvent } from './offers.repo';

export interface Resolved {
  event: StoredEvent;
  /** The event named an offer, code or SKU the show does not have. */
  unmatched: boolean;
}

export function resolveEvent(e: CommerceEvent, offers: readonly Offer[], source: StoredEvent['source'], receivedAt: number): Resolved {
  const named = e.offerId !== undefined || e.code !== undefined || e.sku !== undefined;
  const offer =
    (e.offerId !== undefined ? offers.find((o) => o.id === e.offerId) : undefined) ??
    (e.code !== undefined ? offers.find((o) => o.code.toLowerCase() === e.code?.toLowerCase()) : undefined) ??
    (e.sku !== undefined ? offers.find((o) => o.skus.includes(e.sku as string)) : undefined);
  const at = e.at ?? receivedAt;
  const latency =
    e.type !== 'fulfilled' ? null : e.latencySeconds !== undefined ? e.latencySeconds : e.placedAt !== undefined ? Math.max(0, (at - e.placedAt) / 1000) : null;
  const key = e.id ?? (e.type === 'order' && e.orderId !== undefined ? `order:${e.orderId}` : null);
  return {
    unmatched: named && !offer,
    event: {
      key,
      type: e.type,
      offerId: offer?.id ?? null,
      sku: e.sku ?? null,
      count: e.count,
      amount: e.amount ?? null,
      currency: e.currency ?? null,
      stock: e.stock ?? null,
      latencySeconds: latency,
      at,
      receivedAt,
      source,
    },
  };
}

export function orderEvent(o: StoreOrder, offerId: string, receivedAt: number): StoredEvent {
  return {
    key: `order:${o.id}`,
    type: 'order',
    offerId,
    sku: o.sku,
    count: 1,
    amount: o.amount,
    currency: o.currency,
    stock: null,
    latencySeconds: null,
    at: o.at,
    receivedAt,
    source: 'store',
  };
}
