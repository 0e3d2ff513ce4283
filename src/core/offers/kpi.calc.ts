// The live KPIs of the loaded show: funnel ratios, average order value and time to fulfil, from
// the commerce events the station has counted (webhook, store polling, sandbox). Ratios are null
// until their denominator is non-zero: no invented 0%.
import type { KpiState } from '../../shared/contract/index';
import type { EventTotals, StoredEvent } from './offers.repo';
import { median } from './trigger.rules';

export interface KpiCalc {
  reset(totals: EventTotals, defaultCurrency: string, now: number): void;
  add(events: readonly StoredEvent[], now: number): void;
  state(): KpiState;
}

export function createKpiCalc(): KpiCalc {
  let views = 0;
  let carts = 0;
  let checkouts = 0;
  let orders = 0;
  let revenue = 0;
  let fulfilled = 0;
  let paymentErrors = 0;
  let latencies: number[] = [];
  let currency = 'USD';
  let rehearsal = false;
  let updatedAt: number | null = null;
  let cachedMedian: number | null = null;
  let medianDirty = false;

  return {
    reset(t, defaultCurrency, now) {
      const c = (type: string) => t.byType[type]?.count ?? 0;
      views = c('view');
      carts = c('add_to_cart');
      checkouts = c('checkout');
      orders = c('order');
      revenue = t.byType.order?.amount ?? 0;
      fulfilled = c('fulfilled');
      paymentErrors = c('payment_error');
      latencies = [...t.latencies];
      currency = t.currency ?? defaultCurrency;
      rehearsal = t.rehearsal;
      updatedAt = orders + views + carts > 0 ? now : null;
      medianDirty = true;
    },
    add(events, now) {
      for (const e of events) {
        if (e.source === 'sandbox') rehearsal = true;
        switch (e.type) {
          case 'view':
            views += e.count;
            break;
          case 'add_to_cart':
            carts += e.count;
            break;
          case 'checkout':
            checkouts += e.count;
            break;
          case 'order':
            orders += e.count;
            // Revenue in another currency than the show's is counted as an order, not summed.
            if (e.amount !== null && (e.currency === null || e.currency === currency)) revenue += e.amount;
            break;
          case 'fulfilled':
            fulfilled += e.count;
            if (e.latencySeconds !== null) {
              latencies.push(e.latencySeconds);
              medianDirty = true;
            }
            break;
          case 'payment_error':
            paymentErrors += e.count;
            break;
          default:
            break;
        }
      }
      if (events.length) updatedAt = now;
    },
    state() {
      if (medianDirty) {
        cachedMedian = median(latencies);
        medianDirty = false;
      }
      return {
        views,
        addToCart: carts,
        checkouts,
        orders,
        revenue: Math.round(revenue * 100) / 100,
        currency,
        viewToCart: views > 0 ? carts / views : null,
        cartToCheckout: carts > 0 ? checkouts / carts : null,
        aov: orders > 0 ? Math.round((revenue / orders) * 100) / 100 : null,
        timeToFulfilSeconds: cachedMedian,
        fulfilled,
        paymentErrors,
        rehearsal,
        updatedAt,
      };
    },
  };
}
