// HQ's pages: the live calendar, attribution (with its reconciliation against each package and a
// CSV for finance), the post-mortem board and the station list. Pure: data in, HTML out.
import { toCsv } from '../../src/core/show/post-show.package';
import { esc, money, page, pct, table } from './html';
import { attribute, reconcile, ATTRIBUTION_DIMENSIONS, type AttributionDimension } from './attribution.calc';
import type { CommerceCell, Incident, ShowRecord } from './hq.queries';
import type { StationRow } from '../ingest/stations.repo';

const PHASE_CLASS: Record<string, string> = { draft: '', approved: 'ok', live: 'live', ended: 'warn', package: 'ok' };
const PHASE_LABEL: Record<string, string> = { draft: 'draft', approved: 'script approved', live: 'live', ended: 'ended', package: 'package in' };

export function calendarPage(shows: readonly ShowRecord[]): string {
  const byDay = new Map<string, ShowRecord[]>();
  for (const s of [...shows].sort((a, b) => a.start.localeCompare(b.start))) {
    const day = Number.isNaN(Date.parse(s.start)) ? 'unscheduled' : new Date(s.start).toISOString().slice(0, 10);
    byDay.set(day, [...(byDay.get(day) ?? []), s]);
  }
  const days = [...byDay.entries()].map(([day, list]) => {
    const rows = list.map((s) => [
      esc(new Date(s.start).toISOString().slice(11, 16) + ' UTC'),
      `${esc(s.title)}${s.rehearsal ? ' <span class="pill warn">REHEARSAL</span>' : ''}`,
      esc(s.brand),
      esc(s.stationId),
      `<span class="pill ${PHASE_CLASS[s.phase] ?? ''}" data-testid="phase">${esc(PHASE_LABEL[s.phase] ?? s.phase)}</span>`,
      esc(s.owner ?? '—'),
      esc(s.approver ?? '—'),
      s.kpis ? `${esc(money(Math.round(s.kpis.revenue * 100), s.kpis.currency))} · ${esc(s.kpis.orders)} orders · ${esc(s.kpis.views)} views` : '—',
    ]);
    return `<section class="day"><h2>${esc(day)}</h2>${table(['Time', 'Show', 'Brand', 'Station', 'State', 'Owner', 'Approver', 'KPIs (station)'], rows, new Set(), `day-${day}`)}</section>`;
  });
  return page('Live calendar', '/calendar', days.join('') || '<p class="muted">No station has reported a show yet.</p>', 10);
}

export function attributionPage(cells: readonly CommerceCell[], shows: readonly ShowRecord[], by: AttributionDimension): string {
  const rows = attribute(cells, shows, by);
  const options = ATTRIBUTION_DIMENSIONS.map((d) => `<option value="${d}"${d === by ? ' selected' : ''}>${esc(d)}</option>`).join('');
  const form = `<form class="inline" method="get" action="/attribution">By <select name="by" onchange="this.form.submit()">${options}</select> <button>Show</button></form>
    · <a href="/attribution.csv?by=${esc(by)}" data-testid="csv">CSV for finance</a>`;
  const body = table(
    [by, 'Revenue', 'Orders', 'AOV', 'Views', 'Carts', 'Checkouts', 'View→cart', 'Cart→checkout'],
    rows.map((r) => [esc(r.key), esc(money(r.revenueCents, r.currency)), esc(r.orders), r.aovCents === null ? '—' : esc(money(r.aovCents, r.currency)), esc(r.views), esc(r.carts), esc(r.checkouts), esc(pct(r.viewToCart)), esc(pct(r.cartToCheckout))]),
    new Set([1, 2, 3, 4, 5, 6, 7, 8]),
    'attribution',
  );
  const rec = reconcile(cells, shows);
  const recTable = table(
    ['Show', 'Station', 'HQ revenue', 'Package revenue', 'HQ orders', 'Package orders', 'Reconciled'],
    rec.map((r) => [
      esc(r.show.title),
      esc(r.show.stationId),
      esc(money(r.hqRevenueCents, r.show.kpis?.currency ?? 'USD')),
      r.packageRevenueCents === null ? '<span class="muted">no package yet</span>' : esc(money(r.packageRevenueCents, r.show.kpis?.currency ?? 'USD')),
      esc(r.hqOrders),
      r.packageOrders === null ? '—' : esc(r.packageOrders),
      r.matches === null ? '<span class="pill">waiting</span>' : r.matches ? '<span class="pill ok">to the cent</span>' : '<span class="pill bad">MISMATCH</span>',
    ]),
    new Set([2, 3, 4, 5]),
    'reconciliation',
  );
  return page('Attribution', '/attribution', `<p>${form}</p>${body}<h2>Reconciliation with each show’s package</h2>${recTable}
    <p class="muted">Channel is where the station counted the event (webhook, store, sandbox); stations do not yet tag commerce events with the social platform.</p>`);
}

export function attributionCsv(cells: readonly CommerceCell[], shows: readonly ShowRecord[], by: AttributionDimension): string {
  return toCsv(
    attribute(cells, shows, by).map((r) => ({
      [by]: r.key,
      currency: r.currency,
      revenue: (r.revenueCents / 100).toFixed(2),
      orders: r.orders,
      aov: r.aovCents === null ? '' : (r.aovCents / 100).toFixed(2),
      views: r.views,
      add_to_cart: r.carts,
      checkouts: r.checkouts,
      view_to_cart: r.viewToCart === null ? '' : r.viewToCart.toFixed(4),
      cart_to_checkout: r.cartToCheckout === null ? '' : r.cartToCheckout.toFixed(4),
    })),
  );
}

const MONTH_MS = 30 * 24 * 3600_000;
/** The playbook's rule: a failure mode seen in two shows within a month becomes a process change. */
export const ESCALATE_AFTER = 2;
/** Post-mortem items are due a week after the incident. */
const DUE_MS = 7 * 24 * 3600_000;

export interface BoardItem extends Incident {
  show: ShowRecord | null;
  seenInShows: number;
  escalate: boolean;
}

export function boardItems(incidents: readonly Incident[], shows: readonly ShowRecord[]): BoardItem[] {
  const showOf = new Map(shows.map((s) => [`${s.stationId}/${s.showId}`, s]));
  return incidents.map((i) => {
    const showsWithMode = new Set(incidents.filter((j) => j.mode === i.mode && Math.abs(j.at - i.at) <= MONTH_MS).map((j) => `${j.stationId}/${j.showId}`));
    return { ...i, show: showOf.get(`${i.stationId}/${i.showId}`) ?? null, seenInShows: showsWithMode.size, escalate: showsWithMode.size >= ESCALATE_AFTER };
  });
}

export function postmortemPage(incidents: readonly Incident[], shows: readonly ShowRecord[]): string {
  const items = boardItems(incidents, shows);
  const rows = items.map((i) => [
    esc(new Date(i.at).toISOString().slice(0, 16).replace('T', ' ')),
    esc(i.show?.title ?? i.showId),
    esc(i.show?.brand ?? '—'),
    `<span class="pill ${i.level === 'critical' ? 'bad' : 'warn'}">${esc(i.level)}</span>`,
    esc(i.mode),
    esc(i.message),
    esc(i.show?.owner ?? '—'),
    esc(new Date(i.at + DUE_MS).toISOString().slice(0, 10)),
    i.escalate ? `<span class="pill bad" data-testid="escalate">escalate to a process change</span> <span class="muted">(${esc(i.seenInShows)} shows this month)</span>` : `<span class="muted">first time this month</span>`,
  ]);
  return page('Post-mortem board', '/postmortem', table(['When', 'Show', 'Brand', 'Level', 'Failure mode', 'What happened', 'Owner', 'Due', 'Rule'], rows, new Set(), 'board'), 30);
}

export function stationsPage(stations: readonly StationRow[], unknown: { n: number; last: Date | null }): string {
  const rows = stations.map((s) => [
    esc(s.id),
    s.revoked_at ? '<span class="pill bad">revoked</span>' : '<span class="pill ok">active</span>',
    esc(s.last_seen_at ? s.last_seen_at.toISOString() : 'never'),
    esc(s.acked_seq),
    esc(s.clock_skew_ms === null ? '—' : `${Math.round(Number(s.clock_skew_ms) / 1000)} s`),
    s.chain_break_seq === null ? `<span class="pill ok">intact to ${esc(s.chain_seq)}</span>` : `<span class="pill bad" data-testid="chain-break">BROKEN at ${esc(s.chain_break_seq)}: ${esc(s.chain_break_reason)}</span>`,
    `<span data-testid="refused">${esc(s.refused_count)}</span>${s.last_refused_reason ? ` <span class="muted">(last: ${esc(s.last_refused_reason)})</span>` : ''}`,
  ]);
  return page(
    'Stations',
    '/stations',
    `${table(['Station', 'Token', 'Last batch', 'Facts held (seq)', 'Clock skew', 'Audit chain', 'Refused'], rows, new Set([3]), 'stations')}
     <p>Requests with a token of no station: <b data-testid="unknown-refusals">${esc(unknown.n)}</b>${unknown.last ? ` <span class="muted">(last ${esc(unknown.last.toISOString())})</span>` : ''}</p>`,
    15,
  );
}
