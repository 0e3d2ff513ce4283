// Simulated shoppers for the sandbox store, so a rehearsal has a live funnel: views, carts,
// checkouts, payments (a few fail), orders that draw down the sandbox stock, and fulfilments a
// little later. Paused offers get views but no carts. Everything it makes is marked rehearsal.
import type { CommerceEvent } from '../../shared/contract/index';
import type { Offer } from '../../shared/show/show.schema';
import type { SandboxStore } from './sandbox.adapter';

export interface SimulatedOffer {
  offer: Offer;
  store: SandboxStore;
}

export interface SimulatorRates {
  /** Viewers arriving per second (uniform between the two). */
  viewsPerSecond: [number, number];
  viewToCart: number;
  cartToCheckout: number;
  paymentFailure: number;
  /** Seconds from order to fulfilment (uniform between the two). */
  fulfilSeconds: [number, number];
}

export const REHEARSAL_RATES: SimulatorRates = {
  viewsPerSecond: [3, 8],
  viewToCart: 0.04,
  cartToCheckout: 0.55,
  // Low enough that the demo's 20% payment-error rule fires only when someone injects errors.
  paymentFailure: 0.02,
  fulfilSeconds: [20, 60],
};

export interface Simulator {
  /** Events for `seconds` of shopping ending at `now`. */
  tick(now: number, seconds: number): CommerceEvent[];
}

export function createSandboxSimulator(deps: {
  offers: () => SimulatedOffer[];
  random: () => number;
  rates: SimulatorRates;
}): Simulator {
  const { random, rates } = deps;
  let seq = 0;
  const toFulfil: { at: number; placedAt: number; offerId: string; sku: string }[] = [];
  const between = ([lo, hi]: [number, number]) => lo + random() * (hi - lo);
  const trials = (n: number, p: number) => {
    let k = 0;
    for (let i = 0; i < n; i++) if (random() < p) k++;
    return k;
  };

  return {
    tick(now, seconds) {
      const out: CommerceEvent[] = [];
      for (const { offer, store } of deps.offers()) {
        const sku = offer.skus[0];
        if (!sku) continue;
        // Rounded up or down at random in proportion, so short ticks still add up to the rate.
        const expected = between(rates.viewsPerSecond) * seconds;
        const views = Math.floor(expected) + (random() < expected % 1 ? 1 : 0);
        if (views > 0) out.push({ type: 'view', offerId: offer.id, count: views, at: now });
        if (store.isPaused()) continue;
        const carts = trials(views, rates.viewToCart);
        if (carts > 0) out.push({ type: 'add_to_cart', offerId: offer.id, sku, count: carts, at: now });
        const checkouts = trials(carts, rates.cartToCheckout);
        if (checkouts > 0) out.push({ type: 'checkout', offerId: offer.id, sku, count: checkouts, at: now });
        for (let i = 0; i < checkouts; i++) {
          if (random() < rates.paymentFailure) {
            out.push({ type: 'payment_error', offerId: offer.id, count: 1, at: now, message: 'card declined (simulated)' });
            continue;
          }
          if (store.tryBuy(sku, 1) !== 'ok') continue; // sold out between cart and payment
          seq += 1;
          const orderId = `sbx-${now.toString(36)}-${seq}`;
          out.push({ type: 'payment_ok', offerId: offer.id, count: 1, at: now });
          out.push({
            id: `order:${orderId}`,
            type: 'order',
            offerId: offer.id,
            sku,
            orderId,
            count: 1,
            amount: offer.price.amount,
            currency: offer.price.currency,
            at: now,
          });
          out.push({ type: 'stock', offerId: offer.id, sku, stock: store.stockOf(sku), count: 1, at: now });
          toFulfil.push({ at: now + between(rates.fulfilSeconds) * 1000, placedAt: now, offerId: offer.id, sku });
        }
      }
      for (let i = toFulfil.length - 1; i >= 0; i--) {
        const f = toFulfil[i];
        if (!f || f.at > now) continue;
        toFulfil.splice(i, 1);
        out.push({ type: 'fulfilled', offerId: f.offerId, sku: f.sku, count: 1, placedAt: f.placedAt, at: now });
      }
      return out;
    },
  };
}
