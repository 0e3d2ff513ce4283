// Rolling KPI windows (1, 5, 15 min and the whole show), per offer and in total, from commerce
// events bucketed by the second they happened in (the windows: the last 60, 300, 900 s up to now) and
// by the minute (the charts). Adding an event is O(1) amortised (a set look-up and two bucket updates);
// reading the windows costs at most 900 second buckets per offer, whatever the show's length.
import type { CommerceEventType, KpiCounts, KpiWindow, KpiWindowName, KpiWindowsView, MinutePoint, Ratio } from '../../shared/contract/index';

export interface WindowEvent {
  /** Sender's id: a repeated id is counted once. */
  id?: string;
  type: CommerceEventType;
  /** When it happened (ms): it is counted in that minute, however late it arrives. */
  at: number;
  offerId?: string;
  count?: number;
  amount?: number;
  currency?: string;
}
export type AddResult = { ok: true } | { ok: false; reason: string };

export interface KpiWindows {
  add(e: WindowEvent, now: number): AddResult;
  view(now: number): KpiWindowsView;
  /** Per-minute counts for the charts, oldest first; `offerId` omitted = total. */
  series(offerId?: string): MinutePoint[];
  /** How many event ids are kept for the duplicate check (at most `maxIds`). */
  keptIds(): number;
}

const MINUTE = 60_000;
const SECOND = 1000;
/** Clocks of stores and stations drift: an event this far ahead of ours is still "now". */
const FUTURE_SKEW_MS = 5_000;
const SPANS: Record<Exclude<KpiWindowName, 'show'>, number> = { '1m': 1, '5m': 5, '15m': 15 };
const TOTAL = '*';
/**
 * Ids kept for the duplicate check. The whole-show window means a duplicate can change a figure at
 * any age, so the bound is on count: past it, the ids of the oldest minutes (by when the events
 * happened) are forgotten, and from then on an event with an id from a forgotten minute is refused
 * as too late to tell from a duplicate: never counted twice, at worst a very late event is not
 * counted (events without an id are never deduplicated, so never refused for this). The feed
 * replays the ledger in order on a restart, so the same rule gives the same figures.
 */
const MAX_IDS = 200_000;

const zero = (): KpiCounts => ({ views: 0, addToCart: 0, checkouts: 0, orders: 0, revenue: 0, paymentErrors: 0, refunds: 0 });
const ratio = (num: number, den: number): Ratio => ({ num, den, value: den > 0 ? num / den : null });
const round2 = (x: number) => Math.round(x * 100) / 100;

export function windowOf(c: KpiCounts): KpiWindow {
  const counts = { ...c, revenue: round2(c.revenue) };
  return {
    counts,
    viewToCart: ratio(c.addToCart, c.views),
    cartToCheckout: ratio(c.checkouts, c.addToCart),
    aov: { num: counts.revenue, den: c.orders, value: c.orders > 0 ? round2(c.revenue / c.orders) : null },
    paymentErrorRate: ratio(c.paymentErrors, c.orders + c.paymentErrors),
  };
}

function apply(into: KpiCounts, e: WindowEvent, n: number): void {
  switch (e.type) {
    case 'view':
      into.views += n;
      break;
    case 'add_to_cart':
      into.addToCart += n;
      break;
    case 'checkout':
      into.checkouts += n;
      break;
    case 'order':
      into.orders += n;
      into.revenue += e.amount ?? 0;
      break;
    case 'payment_error':
      into.paymentErrors += n;
      break;
    case 'refund':
      into.refunds += n;
      into.revenue -= e.amount ?? 0;
      break;
    default:
      break;
  }
}

interface Series {
  /** By minute, for the charts. */
  buckets: Map<number, KpiCounts>;
  /** By second, the last 15 minutes only: the windows. Minute buckets made "1m" the clock minute,
   *  which read 0 orders a second after every minute began while orders poured in. */
  seconds: Map<number, KpiCounts>;
  whole: KpiCounts;
}
const LONGEST_S = Math.max(...Object.values(SPANS)) * 60;

export function createKpiWindows(opts: { offers: readonly { id: string; currency: string }[]; startAt: number; currency: string; maxIds?: number }): KpiWindows {
  const currencyOf = new Map(opts.offers.map((o) => [o.id, o.currency.toUpperCase()]));
  const maxIds = Math.max(1, opts.maxIds ?? MAX_IDS);
  const seen = new Set<string>();
  // The kept ids by the minute their event happened in; `minutes` ascending. Ids of minutes before
  // `forgottenBefore` have been dropped to stay within `maxIds`.
  const idsByMinute = new Map<number, string[]>();
  const minutes: number[] = [];
  let forgottenBefore = -Infinity;
  const remember = (id: string, minute: number) => {
    let ids = idsByMinute.get(minute);
    if (!ids) {
      idsByMinute.set(minute, (ids = []));
      let lo = 0;
      let hi = minutes.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (minutes[mid]! < minute) lo = mid + 1;
        else hi = mid;
      }
      minutes.splice(lo, 0, minute);
    }
    ids.push(id);
    seen.add(id);
    while (seen.size > maxIds && minutes.length > 0) {
      const oldest = minutes.shift()!;
      for (const old of idsByMinute.get(oldest) ?? []) seen.delete(old);
      idsByMinute.delete(oldest);
      forgottenBefore = oldest + 1;
    }
  };
  const series = new Map<string, Series>();
  let accepted = 0;
  let refused = 0;
  const get = (key: string) => {
    let s = series.get(key);
    if (!s) series.set(key, (s = { buckets: new Map(), seconds: new Map(), whole: zero() }));
    return s;
  };
  get(TOTAL);
  for (const o of opts.offers) get(o.id);

  const check = (e: WindowEvent, now: number): string | null => {
    if (!e.offerId) return 'no offer named: an event must say which offer it concerns';
    const cur = currencyOf.get(e.offerId);
    if (cur === undefined) return `unknown offer “${e.offerId}”`;
    if (!Number.isFinite(e.at)) return 'no valid time';
    // A Date past ±8.64e15 ms has no ISO form (it throws): such a time is named by its number.
    if (e.at > now + FUTURE_SKEW_MS) return `time ${Math.abs(e.at) <= 8.64e15 ? new Date(e.at).toISOString() : String(e.at)} is in the future`;
    if (e.at < opts.startAt) return 'before the show went live';
    const n = e.count ?? 1;
    if (!Number.isInteger(n) || n <= 0) return `count ${n} is not a positive whole number`;
    if (e.amount !== undefined && (!Number.isFinite(e.amount) || e.amount < 0)) return `negative amount ${e.amount}`;
    if (e.currency !== undefined && e.currency.toUpperCase() !== cur) return `currency ${e.currency} differs from the offer’s ${cur}`;
    if (e.id !== undefined && seen.has(e.id)) return `duplicate of event ${e.id}, already counted`;
    if (e.id !== undefined && Math.floor(e.at / MINUTE) < forgottenBefore)
      return `too late to tell from a duplicate: ids of events before ${new Date(forgottenBefore * MINUTE).toISOString()} are no longer kept (over ${maxIds} ids)`;
    return null;
  };

  return {
    add(e, now) {
      const why = check(e, now);
      if (why) {
        refused++;
        return { ok: false, reason: why };
      }
      // Validated in full above: from here the event is counted everywhere or nowhere.
      const minute = Math.floor(e.at / MINUTE);
      if (e.id !== undefined) remember(e.id, minute);
      const n = e.count ?? 1;
      const second = Math.floor(e.at / SECOND);
      // Older than the longest window at arrival: no window will ever hold it (the chart and the show do).
      const windowed = second > Math.floor(now / SECOND) - LONGEST_S;
      for (const key of [TOTAL, e.offerId!]) {
        const s = get(key);
        let b = s.buckets.get(minute);
        if (!b) s.buckets.set(minute, (b = zero()));
        apply(b, e, n);
        apply(s.whole, e, n);
        if (windowed) {
          let sb = s.seconds.get(second);
          if (!sb) s.seconds.set(second, (sb = zero()));
          apply(sb, e, n);
        }
      }
      accepted++;
      return { ok: true };
    },
    view(now) {
      const nowSecond = Math.floor(now / SECOND);
      const spans = Object.entries(SPANS) as [Exclude<KpiWindowName, 'show'>, number][];
      const windows = (s: Series): Record<KpiWindowName, KpiWindow> => {
        const sums = spans.map(() => zero());
        for (const [second, b] of s.seconds) {
          const age = nowSecond - second;
          // Gone from every window for good: forgotten (a view is taken every second, so this stays small).
          if (age >= LONGEST_S) {
            s.seconds.delete(second);
            continue;
          }
          // A window holds the seconds (now − span, now]; an event a little ahead of our clock counts as now.
          spans.forEach(([, span], i) => {
            if (age < span * 60) for (const k of Object.keys(b) as (keyof KpiCounts)[]) sums[i]![k] += b[k];
          });
        }
        const out = {} as Record<KpiWindowName, KpiWindow>;
        spans.forEach(([name], i) => (out[name] = windowOf(sums[i]!)));
        out.show = windowOf(s.whole);
        return out;
      };
      const offers: KpiWindowsView['offers'] = {};
      for (const [key, s] of series) if (key !== TOTAL) offers[key] = windows(s);
      return { at: now, currency: opts.currency, total: windows(series.get(TOTAL)!), offers, accepted, refused };
    },
    keptIds: () => seen.size,
    series(offerId) {
      const s = series.get(offerId ?? TOTAL);
      if (!s) return [];
      return [...s.buckets.entries()].sort((a, b) => a[0] - b[0]).map(([m, counts]) => ({ at: m * MINUTE, counts: { ...counts, revenue: round2(counts.revenue) } }));
    },
  };
}
