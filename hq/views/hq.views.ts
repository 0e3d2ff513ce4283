// HQ's pages: the live calendar, attribution (with its reconciliation against each package and a
// CSV for finance), the post-mortem board and the station list. Pure: data in, HTML out.
import { toCsv } from '../../src/core/show/post-show.package';
import { esc, money, page, pct, table, utc } from './html';
import { attribute, reconcile, ATTRIBUTION_DIMENSIONS, type AttributionDimension, type Reconciliation, type ReconcileStatus } from './attribution.calc';
import type { CommerceCell, Incident, ShowRecord } from './hq.queries';
import type { StationRow } from '../ingest/stations.repo';
import type { HqAuditRow, ItemDecision } from './postmortem.repo';
import { experimentRuns, summariseVariants } from './experiments.calc';

const PHASE_CLASS: Record<string, string> = { draft: '', approved: 'ok', live: 'live', ended: 'warn', package: 'ok' };
const PHASE_LABEL: Record<string, string> = { draft: 'draft', approved: 'script approved', live: 'live', ended: 'ended', package: 'package in' };

export function calendarPage(shows: readonly ShowRecord[]): string {
  const byDay = new Map<string, ShowRecord[]>();
  for (const s of [...shows].sort((a, b) => a.start.localeCompare(b.start))) {
    const day = Number.isNaN(Date.parse(s.start)) ? 'unscheduled' : utc(Date.parse(s.start), 10);
    byDay.set(day, [...(byDay.get(day) ?? []), s]);
  }
  const days = [...byDay.entries()].map(([day, list]) => {
    const rows = list.map((s) => [
      Number.isNaN(Date.parse(s.start)) ? '—' : esc(utc(Date.parse(s.start), 16).slice(11) + ' UTC'),
      `${esc(s.title)}${s.rehearsal ? ' <span class="pill warn">REHEARSAL</span>' : ''}${flaggedNote(s)}`,
      esc(s.brand),
      esc(s.stationId),
      `<span class="pill ${PHASE_CLASS[s.phase] ?? ''}" data-testid="phase">${esc(PHASE_LABEL[s.phase] ?? s.phase)}</span>`,
      personCell(s.owner, roleOf(s, s.owner, 'producer')),
      personCell(s.approver, s.approverRole ?? roleOf(s, s.approver, null)),
      peopleCell(s),
      s.kpis ? `${esc(money(Math.round(s.kpis.revenue * 100), s.kpis.currency))} · ${esc(s.kpis.orders)} orders · ${esc(s.kpis.views)} views` : '—',
    ]);
    return `<section class="day"><h2>${esc(day)}</h2>${table(['Time', 'Show', 'Brand', 'Station', 'State', 'Owner', 'Approver', 'People', 'KPIs (station)'], rows, new Set(), `day-${day}`)}</section>`;
  });
  return page('Live calendar', '/calendar', days.join('') || '<p class="muted">No station has reported a show yet.</p>', 10);
}

/** A newer record of the show HQ could not read: the row shows the last one it could, and says so. */
function flaggedNote(s: ShowRecord): string {
  const f = s.newerFlagged;
  if (!f) return '';
  return ` <span class="pill bad" data-testid="show-flagged">newer record #${esc(f.seq)} flagged: ${esc(f.problem.slice(0, 160))} — showing #${esc(s.seq)}</span>`;
}

/** The role a name has in the show's people, as the station holds them. */
function roleOf(s: ShowRecord, name: string | null, fallback: string | null): string | null {
  return (name && s.people.find((p) => p.name === name)?.role) || fallback;
}

function personCell(name: string | null, role: string | null): string {
  return name ? `${esc(name)}${role ? ` <span class="muted">(${esc(role)})</span>` : ''}` : '—';
}

function peopleCell(s: ShowRecord): string {
  if (!s.people.length) return '<span class="muted">—</span>';
  const list = s.people.map((p) => `${esc(p.name)} <span class="muted">(${esc(p.role)})</span>`).join('<br>');
  return `<details data-testid="people"><summary>${esc(s.people.length)} people</summary>${list}</details>`;
}

const RECONCILED: Record<ReconcileStatus, string> = {
  waiting: '<span class="pill">waiting</span>',
  'in flight': '<span class="pill" title="HQ does not hold every commerce event the package counted yet">in flight</span>',
  matches: '<span class="pill ok">to the cent</span>',
  differs: '<span class="pill bad">MISMATCH</span>',
};

/** The status, and while in flight how much has arrived: one that never completes is a loss to look into. */
function reconciledCell(r: Reconciliation): string {
  const arrived = r.status === 'in flight' && r.events ? ` <span class="muted">${esc(r.events.held)} of ${esc(r.events.counted)} events</span>` : '';
  return RECONCILED[r.status] + arrived;
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
    ['Show', 'Station', 'HQ revenue', 'Package revenue', 'HQ orders', 'Package orders', 'Reconciled', 'After the package'],
    rec.map((r) => {
      const currency = r.show.kpis?.currency ?? 'USD';
      const after = r.afterPackage;
      return [
        esc(r.show.title),
        esc(r.show.stationId),
        esc(money(r.hqRevenueCents, currency)),
        r.packageRevenueCents === null ? '<span class="muted">no package yet</span>' : esc(money(r.packageRevenueCents, currency)),
        esc(r.hqOrders),
        r.packageOrders === null ? '—' : esc(r.packageOrders),
        reconciledCell(r),
        after.orders === 0 && after.revenueCents === 0 ? '—' : esc(`+${money(after.revenueCents, currency)} (${after.orders} order${after.orders === 1 ? '' : 's'})`),
      ];
    }),
    new Set([2, 3, 4, 5, 7]),
    'reconciliation',
  );
  return page('Attribution', '/attribution', `<p>${form}</p>${body}<h2>Reconciliation with each show’s package</h2>${recTable}
    <p class="muted">Platform is the show's platform as its station holds it: stations count commerce per show, so a show streamed to several platforms is one row under all of them. Channel is where the station counted the event (webhook, store, sandbox). A package is reconciled with the sales it counted; sales the station counted after writing it are shown after it, not as a mismatch.</p>`);
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

export interface BoardEdits {
  decisions: ReadonlyMap<string, ItemDecision>;
  audit: readonly HqAuditRow[];
  /** Who is editing (set once on the board, kept in a cookie); null: editing is offered after naming yourself. */
  actor: string | null;
  problem: string | null;
  /** Signed in as HQ's viewer: the board is shown without its forms (the server refuses their posts anyway). */
  readOnly?: boolean;
}

export function postmortemPage(incidents: readonly Incident[], shows: readonly ShowRecord[], edits: BoardEdits): string {
  const items = boardItems(incidents, shows);
  const rows = items.map((i) => {
    const d = edits.decisions.get(i.key);
    const owner = d ? d.owner : (i.show?.owner ?? null);
    const due = d?.due ?? utc(i.at + DUE_MS, 10);
    const set = d ? `<br><span class="muted small">set by ${esc(d.updatedBy)} ${esc(d.updatedAt.toISOString().slice(0, 16).replace('T', ' '))}</span>` : '';
    const edit = edits.actor && !edits.readOnly
      ? `<form method="post" action="/postmortem/item" class="edit" data-testid="edit-item"><input type="hidden" name="key" value="${esc(i.key)}">
          <input name="owner" aria-label="Owner" value="${esc(owner ?? '')}" maxlength="120" placeholder="owner">
          <input name="due" aria-label="Due" type="date" value="${esc(due)}"> <button>Save</button></form>`
      : '';
    return [
      esc(utc(i.at, 16)),
      esc(i.show?.title ?? i.showId),
      esc(i.show?.brand ?? '—'),
      `<span class="pill ${i.level === 'critical' ? 'bad' : 'warn'}">${esc(i.level)}</span>`,
      esc(i.mode),
      esc(i.message),
      `<span data-testid="owner">${esc(owner ?? '—')}</span>${set}`,
      `<span data-testid="due">${esc(due)}</span>`,
      i.escalate ? `<span class="pill bad" data-testid="escalate">escalate to a process change</span> <span class="muted">(${esc(i.seenInShows)} shows this month)</span>` : `<span class="muted">first time this month</span>`,
      edit,
    ];
  });
  const me = edits.readOnly
    ? '<span class="muted" data-testid="read-only">Signed in to read only: owners and due dates are set by HQ’s admin.</span>'
    : `<form method="post" action="/postmortem/me" class="inline" data-testid="editing-as">Editing as <input name="name" aria-label="Your name" value="${esc(edits.actor ?? '')}" maxlength="80" placeholder="your name"> <button>${edits.actor ? 'Change' : 'Set'}</button></form>
    ${edits.actor ? '' : '<span class="muted">Name yourself to set owners and due dates; every change is recorded with your name.</span>'}`;
  const problem = edits.problem ? `<p class="pill bad" role="alert" data-testid="board-problem">${esc(edits.problem)}</p>` : '';
  const audit = table(
    ['When (UTC)', 'Who', 'Item', 'Before', 'After'],
    edits.audit.map((a) => [esc(a.at.toISOString().slice(0, 19).replace('T', ' ')), esc(a.actor), esc(a.target), esc(a.before ? JSON.stringify(a.before) : '—'), esc(JSON.stringify(a.after))]),
    new Set(),
    'hq-audit',
  );
  return page(
    'Post-mortem board',
    '/postmortem',
    `<p>${me}</p>${problem}${table(['When', 'Show', 'Brand', 'Level', 'Failure mode', 'What happened', 'Owner', 'Due', 'Rule', ''], rows, new Set(), 'board')}
     <h2>Changes made at HQ</h2>${audit}`,
  );
}

export function experimentsPage(shows: readonly ShowRecord[]): string {
  const runs = experimentRuns(shows);
  const summary = summariseVariants(runs);
  const sumTable = table(
    ['Variant (segment: offer presentation and CTA)', 'Shows', 'Minutes', 'Views', 'Carts', 'Checkouts', 'Orders', 'Revenue', 'Cart→checkout', 'Revenue / min'],
    summary.map((v) => [
      `${esc(v.variant)}${v.rehearsalRuns ? ` <span class="pill warn">${esc(v.rehearsalRuns)} rehearsal</span>` : ''}`,
      esc(v.shows),
      esc(v.minutes.toFixed(1)),
      esc(v.views),
      esc(v.carts),
      esc(v.checkouts),
      esc(v.orders),
      esc(money(v.revenueCents, v.currency)),
      esc(pct(v.cartToCheckout)),
      v.revenueCentsPerMinute === null ? '—' : esc(money(v.revenueCentsPerMinute, v.currency)),
    ]),
    new Set([1, 2, 3, 4, 5, 6, 7, 8, 9]),
    'variants',
  );
  const runTable = table(
    ['Variant', 'Show', 'Brand', 'Station', 'Platform', 'On air (UTC)', 'Minutes', 'Views', 'Carts', 'Checkouts', 'Orders', 'Revenue', 'Cart→checkout'],
    runs.map((r) => [
      esc(r.variant),
      `${esc(r.show.title)}${r.show.rehearsal ? ' <span class="pill warn">REHEARSAL</span>' : ''}`,
      esc(r.show.brand),
      esc(r.show.stationId),
      esc(r.show.platforms.join(' + ') || '—'),
      esc(utc(r.row.at, 16)),
      r.row.minutes === null ? '<span class="pill live">on air</span>' : esc(r.row.minutes.toFixed(1)),
      esc(r.row.views ?? '—'),
      esc(r.row.carts ?? '—'),
      esc(r.row.checkouts ?? '—'),
      esc(r.row.orders ?? '—'),
      r.revenueCents === null ? '—' : esc(money(r.revenueCents, r.currency)),
      esc(pct(r.row.cartToCheckout)),
    ]),
    new Set([6, 7, 8, 9, 10, 11, 12]),
    'runs',
  );
  return page(
    'Experiments across shows',
    '/experiments',
    `<p class="muted">Each segment a show put on air while live (its offer presentation and CTA), with what sold from the moment it came on until the next segment or END — the rows of each station's experiment log.</p>
     ${sumTable}<h2>Where each variant ran</h2>${runTable}`,
    30,
  );
}

export function stationsPage(stations: readonly StationRow[], unknown: { n: number; last: Date | null }): string {
  const rows = stations.map((s) => [
    esc(s.id),
    s.revoked_at ? '<span class="pill bad">revoked</span>' : '<span class="pill ok">active</span>',
    esc(s.last_seen_at ? utc(s.last_seen_at.getTime(), 19) : 'never'),
    esc(s.acked_seq),
    esc(s.clock_skew_ms === null ? '—' : `${Math.round(Number(s.clock_skew_ms) / 1000)} s`),
    // "intact to 0" said a chain HQ has not seen a row of was checked and sound.
    s.chain_break_seq === null ? (Number(s.chain_seq) > 0 ? `<span class="pill ok">intact to ${esc(s.chain_seq)}</span>` : '<span class="muted">no rows yet</span>') : `<span class="pill bad" data-testid="chain-break">BROKEN at ${esc(s.chain_break_seq)}: ${esc(s.chain_break_reason)}</span>`,
    `<span data-testid="refused">${esc(s.refused_count)}</span>${s.last_refused_reason ? ` <span class="muted">(last: ${esc(s.last_refused_reason)})</span>` : ''}`,
    `<span${s.flagged ? ' class="pill bad"' : ''} data-testid="flagged">${esc(s.flagged)}</span>${s.last_problem ? ` <span class="muted">(last: ${esc(s.last_problem)})</span>` : ''}`,
  ]);
  return page(
    'Stations',
    '/stations',
    `${table(['Station', 'Token', 'Last batch (UTC)', 'Facts held (seq)', 'Clock skew', 'Audit chain', 'Refused', 'Facts not read'], rows, new Set([3]), 'stations')}
     <p class="muted">Facts not read: what a station sent that HQ holds but leaves out of every page (a figure that is not a number, an unknown currency, a date beyond any calendar), each named back to the station in its acknowledgement.</p>
     <p>Requests with a token of no station: <b data-testid="unknown-refusals">${esc(unknown.n)}</b>${unknown.last ? ` <span class="muted">(last ${esc(unknown.last.toISOString())})</span>` : ''}</p>`,
    15,
  );
}
