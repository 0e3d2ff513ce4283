// Attribution from the stations' commerce facts: revenue, orders, AOV and the funnel ratios by any
// one dimension, in integer cents; and each show's reconciliation with its package's totals.
import type { CommerceCell, ShowRecord } from './hq.queries';

export const ATTRIBUTION_DIMENSIONS = ['brand', 'show', 'offer', 'platform', 'channel', 'day'] as const;
export type AttributionDimension = (typeof ATTRIBUTION_DIMENSIONS)[number];

export interface AttributionRow {
  key: string;
  currency: string;
  revenueCents: number;
  orders: number;
  views: number;
  carts: number;
  checkouts: number;
  aovCents: number | null;
  viewToCart: number | null;
  cartToCheckout: number | null;
}

const showKey = (stationId: string, showId: string) => `${stationId}/${showId}`;

/**
 * The show's platform: stations count commerce per show, not per platform, so a show streamed to
 * several platforms is one row under all of them ("tiktok + instagram"), never split by a guess.
 */
export function platformKey(show: Pick<ShowRecord, 'platforms'> | undefined): string {
  return show && show.platforms.length ? show.platforms.join(' + ') : '(unknown platform)';
}

export function attribute(cells: readonly CommerceCell[], shows: readonly ShowRecord[], by: AttributionDimension): AttributionRow[] {
  const showOf = new Map(shows.map((s) => [showKey(s.stationId, s.showId), s]));
  const acc = new Map<string, AttributionRow>();
  for (const c of cells) {
    const show = showOf.get(showKey(c.stationId, c.showId));
    const currency = show?.kpis?.currency ?? c.currency ?? 'USD';
    const key =
      by === 'brand'
        ? (show?.brand ?? '(unknown brand)')
        : by === 'show'
          ? `${show?.title ?? c.showId} @ ${c.stationId}`
          : by === 'offer'
            ? c.offerId || '(every offer)'
            : by === 'platform'
              ? platformKey(show)
              : by === 'channel'
                ? c.source
                : c.day;
    const id = `${key}\u0000${currency}`;
    let row = acc.get(id);
    if (!row) {
      row = { key, currency, revenueCents: 0, orders: 0, views: 0, carts: 0, checkouts: 0, aovCents: null, viewToCart: null, cartToCheckout: null };
      acc.set(id, row);
    }
    switch (c.type) {
      case 'order':
        row.orders += c.count;
        // Like the station: an order in another currency counts as an order, not as revenue.
        if (c.currency === null || c.currency === currency) row.revenueCents += c.cents;
        break;
      case 'view':
        row.views += c.count;
        break;
      case 'add_to_cart':
        row.carts += c.count;
        break;
      case 'checkout':
        row.checkouts += c.count;
        break;
      default:
        break;
    }
  }
  return [...acc.values()]
    .map((r) => ({
      ...r,
      aovCents: r.orders > 0 ? Math.round(r.revenueCents / r.orders) : null,
      viewToCart: r.views > 0 ? r.carts / r.views : null,
      cartToCheckout: r.carts > 0 ? r.checkouts / r.carts : null,
    }))
    .sort((a, b) => b.revenueCents - a.revenueCents || a.key.localeCompare(b.key));
}

export interface Reconciliation {
  show: ShowRecord;
  hqRevenueCents: number;
  hqOrders: number;
  packageRevenueCents: number | null;
  packageOrders: number | null;
  matches: boolean | null;
}

export function reconcile(cells: readonly CommerceCell[], shows: readonly ShowRecord[]): Reconciliation[] {
  return shows.map((show) => {
    const mine = cells.filter((c) => c.stationId === show.stationId && c.showId === show.showId);
    const [row] = attribute(mine, [show], 'show');
    const pkg = show.package?.kpis ?? null;
    const packageRevenueCents = pkg ? Math.round(pkg.revenue * 100) : null;
    const hqRevenueCents = row?.revenueCents ?? 0;
    const hqOrders = row?.orders ?? 0;
    return {
      show,
      hqRevenueCents,
      hqOrders,
      packageRevenueCents,
      packageOrders: pkg?.orders ?? null,
      matches: pkg ? packageRevenueCents === hqRevenueCents && pkg.orders === hqOrders : null,
    };
  });
}
