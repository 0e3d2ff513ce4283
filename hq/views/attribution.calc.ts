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

/**
 * `matches` / `differs`: the package's totals against the commerce HQ holds of the events it
 * counted. `in flight`: HQ does not hold all of those events yet (the package record can arrive
 * first), so there is nothing to judge — never a mismatch. `waiting`: no package yet.
 */
export type ReconcileStatus = 'waiting' | 'in flight' | 'matches' | 'differs';

export interface Reconciliation {
  show: ShowRecord;
  /** What HQ holds of the commerce the package counted (of all the show's, for a package that did not say which). */
  hqRevenueCents: number;
  hqOrders: number;
  packageRevenueCents: number | null;
  packageOrders: number | null;
  /** Sales HQ holds that the station counted after it wrote the package (late webhooks, a rehearsal's shoppers). */
  afterPackage: { revenueCents: number; orders: number };
  /** Of the commerce events the package counted, how many HQ holds (null: the package did not say). */
  events: { held: number; counted: number } | null;
  status: ReconcileStatus;
  /** True or false only when there is something to judge (`status` matches or differs). */
  matches: boolean | null;
}

function totalsOf(cells: readonly CommerceCell[], show: ShowRecord): { revenueCents: number; orders: number } {
  const [row] = attribute(cells, [show], 'show');
  return { revenueCents: row?.revenueCents ?? 0, orders: row?.orders ?? 0 };
}

export function reconcile(cells: readonly CommerceCell[], shows: readonly ShowRecord[]): Reconciliation[] {
  return shows.map((show) => {
    const mine = cells.filter((c) => c.stationId === show.stationId && c.showId === show.showId);
    const pkg = show.package;
    const counted = pkg?.counted ?? null;
    // With a mark, only the events the package counted are compared; later ones are shown apart.
    const inPackage = counted ? mine.filter((c) => c.inPackage === true) : mine;
    const held = totalsOf(inPackage, show);
    const afterPackage = counted ? totalsOf(mine.filter((c) => c.inPackage !== true), show) : { revenueCents: 0, orders: 0 };
    const packageRevenueCents = pkg ? Math.round(pkg.kpis.revenue * 100) : null;
    const packageOrders = pkg?.kpis.orders ?? null;
    const heldEvents = inPackage.reduce((n, c) => n + c.events, 0);
    let status: ReconcileStatus;
    if (!pkg) status = 'waiting';
    else if (
      counted &&
      // Cells split by another package than this record's (HQ read the two while a newer package
      // arrived), or fewer of the counted events than the package counted: still arriving.
      (mine.some((c) => c.packageMark !== counted.throughEventSeq) || heldEvents < counted.events)
    )
      status = 'in flight';
    else status = packageRevenueCents === held.revenueCents && packageOrders === held.orders ? 'matches' : 'differs';
    return {
      show,
      hqRevenueCents: held.revenueCents,
      hqOrders: held.orders,
      packageRevenueCents,
      packageOrders,
      afterPackage,
      events: counted ? { held: heldEvents, counted: counted.events } : null,
      status,
      matches: status === 'matches' ? true : status === 'differs' ? false : null,
    };
  });
}
