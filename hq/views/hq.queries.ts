// What the views read: the latest record of each show, commerce totals grouped finely enough for
// every attribution cut, and incidents. Money is summed in cents from the stations' decimal text.
import type { Queryable } from '../db/hq-db';
import { parsePackageTotals, type PackageTotals } from '../../src/shared/contract/index';
import { commerceReadable, jsonNum, MAX_TIME_MS } from '../db/fact-sql';

/** A station's text field, or the fallback when it is missing or not a scalar (facts are untrusted). */
export function str(v: unknown, fallback: string): string {
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : fallback;
}

/** A station's time (ms) that a page can show as a date, or null (text, NaN, beyond year 275760). */
export function time(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= MAX_TIME_MS ? v : null;
}

type Kpis = { views: number; addToCart: number; checkouts: number; orders: number; revenue: number; currency: string };

/** A station's KPIs, or null when any figure is not a finite number (facts are untrusted). */
export function parseKpis(v: unknown): Kpis | null {
  if (!v || typeof v !== 'object') return null;
  const k = v as Record<string, unknown>;
  const n = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : null);
  const [views, addToCart, checkouts, orders, revenue] = [n(k.views), n(k.addToCart), n(k.checkouts), n(k.orders), n(k.revenue)];
  if (views === null || addToCart === null || checkouts === null || orders === null || revenue === null || typeof k.currency !== 'string') return null;
  return { views, addToCart, checkouts, orders, revenue, currency: k.currency.slice(0, 16) };
}

export interface ShowRecord {
  stationId: string;
  showId: string;
  seq: number;
  receivedAt: Date;
  title: string;
  brand: string;
  rehearsal: boolean;
  start: string;
  durationMinutes: number;
  timezone: string;
  owner: string | null;
  approver: string | null;
  /** The approver's role as the show's approval or people name it. */
  approverRole: string | null;
  /** The show's people with their role (never contacts), as the station holds them. */
  people: { name: string; role: string }[];
  /** The platforms the show streams to (attribution by platform). */
  platforms: string[];
  /** GO, segments with running totals and END: what each segment (offer presentation, CTA) did. */
  experiment: ShowExperiment | null;
  phase: string;
  /** Null when the station sent none, or none HQ can read. */
  kpis: Kpis | null;
  /**
   * The package's totals, once the station has written one, with the commerce events they count
   * (`counted`; null from a station that did not say, whose totals HQ can only compare with all).
   */
  package: { kpis: Kpis; at: number; counted: PackageTotals['counted'] | null } | null;
  /**
   * The station's newest record of this show when HQ flagged it (so the pages show the last one it
   * can read, `seq`, and say so): its seq and what is wrong with it. Absent when the newest is read.
   */
  newerFlagged?: { seq: number; problem: string } | null;
}

export interface ShowExperiment {
  goAt: number;
  endAt: number | null;
  final: SegmentTotals | null;
  segments: { at: number; segmentId: string; title: string; totals: SegmentTotals }[];
}

type SegmentTotals = { views: number; addToCart: number; checkouts: number; orders: number; revenue: number; paymentErrors: number };

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const totalsOf = (v: unknown): SegmentTotals => {
  const t = (v ?? {}) as Record<string, unknown>;
  return { views: num(t.views), addToCart: num(t.addToCart), checkouts: num(t.checkouts), orders: num(t.orders), revenue: num(t.revenue), paymentErrors: num(t.paymentErrors) };
};

/** A station's experiment record, parsed (facts are untrusted): null when absent or malformed. */
export function parseExperiment(v: unknown): ShowExperiment | null {
  if (!v || typeof v !== 'object') return null;
  const e = v as Record<string, unknown>;
  const goAt = time(e.goAt);
  if (goAt === null || !Array.isArray(e.segments)) return null;
  return {
    goAt,
    endAt: time(e.endAt),
    final: e.final ? totalsOf(e.final) : null,
    segments: e.segments
      .filter((m): m is Record<string, unknown> => !!m && typeof m === 'object' && time((m as { at?: unknown }).at) !== null)
      .slice(0, 500)
      .map((m) => ({ at: m.at as number, segmentId: str(m.segmentId, ''), title: str(m.title, '(untitled segment)'), totals: totalsOf(m.totals) })),
  };
}

function peopleOf(v: unknown): { name: string; role: string }[] {
  if (!Array.isArray(v)) return [];
  return v
    .filter((p): p is Record<string, unknown> => !!p && typeof p === 'object')
    .slice(0, 100)
    .map((p) => ({ name: str(p.name, '?'), role: str(p.role, '') }));
}

export async function loadShows(q: Queryable): Promise<ShowRecord[]> {
  const rows = await q.query<{
    station_id: string;
    show_id: string;
    seq: string | number;
    received_at: Date;
    body: Record<string, unknown>;
    pkg: Record<string, unknown> | null;
    flagged_seq: string | number | null;
    flagged_problem: string | null;
  }>(
    `SELECT s.station_id, s.show_id, s.seq, s.received_at, s.body, p.pkg, f.flagged_seq, f.flagged_problem
       FROM (SELECT DISTINCT ON (station_id, show_id) station_id, show_id, seq, received_at, body
               FROM facts WHERE kind = 'show' AND problem IS NULL ORDER BY station_id, show_id, seq DESC) s
       LEFT JOIN (SELECT DISTINCT ON (station_id, show_id) station_id, show_id, body->'package' AS pkg
               FROM facts WHERE kind = 'show' AND problem IS NULL AND body ? 'package' ORDER BY station_id, show_id, seq DESC) p
         USING (station_id, show_id)
       LEFT JOIN (SELECT DISTINCT ON (station_id, show_id) station_id, show_id, seq AS flagged_seq, problem AS flagged_problem
               FROM facts WHERE kind = 'show' AND problem IS NOT NULL ORDER BY station_id, show_id, seq DESC) f
         USING (station_id, show_id)`,
  );
  return rows.map((r) => {
    const b = r.body;
    return {
      stationId: r.station_id,
      showId: r.show_id,
      seq: Number(r.seq),
      receivedAt: r.received_at,
      title: str(b.title, r.show_id),
      brand: str(b.brand, ''),
      rehearsal: b.rehearsal === true,
      start: str(b.start, ''),
      durationMinutes: num(b.durationMinutes),
      timezone: str(b.timezone, 'UTC'),
      owner: typeof b.owner === 'string' ? b.owner : null,
      approver: typeof b.approver === 'string' ? b.approver : null,
      approverRole: typeof b.approverRole === 'string' ? b.approverRole : null,
      people: peopleOf(b.people),
      platforms: Array.isArray(b.platforms) ? b.platforms.filter((x): x is string => typeof x === 'string').slice(0, 10) : [],
      experiment: parseExperiment(b.experiment),
      phase: str(b.phase, 'draft'),
      kpis: parseKpis(b.kpis),
      package: packageOf(r.pkg),
      newerFlagged: r.flagged_seq !== null && Number(r.flagged_seq) > Number(r.seq) ? { seq: Number(r.flagged_seq), problem: r.flagged_problem ?? '' } : null,
    };
  });
}

function packageOf(v: Record<string, unknown> | null): ShowRecord['package'] {
  if (!v || typeof v !== 'object') return null;
  // Totals HQ cannot read are no package to reconcile with (the show waits for a readable one).
  const kpis = parseKpis(v.kpis);
  if (!kpis) return null;
  const stated = parsePackageTotals({ showId: '', kpis: v.kpis, counted: v.counted });
  return { kpis, at: time(v.at) ?? 0, counted: stated?.counted ?? null };
}

export interface CommerceCell {
  stationId: string;
  showId: string;
  offerId: string;
  source: string;
  day: string;
  type: string;
  currency: string | null;
  count: number;
  cents: number;
  /** How many commerce facts the cell sums. */
  events: number;
  /** The show's package mark these cells were split by (its last counted event), null without one. */
  packageMark: number | null;
  /** Whether the events are among those the show's package counted; null without a mark. */
  inPackage: boolean | null;
}

// The mark is read from the same latest package record as loadShows reads; a number only (facts
// are untrusted: text where a number belongs must not fail the whole view). Commerce is read only
// from facts ingest did not flag and whose figures are in range (rows stored before ingest checked
// them included): one station's garbage must neither fail the query nor land in a shared row
// (a day, a channel, a brand) beside another station's sales.

export async function loadCommerce(q: Queryable): Promise<CommerceCell[]> {
  const rows = await q.query<{ station_id: string; show_id: string; offer: string; source: string; day: string; type: string; currency: string | null; n: number; cents: number; events: number; mark: string | number | null; in_package: boolean | null }>(
    `WITH marks AS (
       SELECT DISTINCT ON (station_id, show_id) station_id, show_id, ${jsonNum("body->'package'->'counted'", 'throughEventSeq')} AS mark
         FROM facts WHERE kind = 'show' AND problem IS NULL AND body ? 'package' ORDER BY station_id, show_id, seq DESC),
     readable AS (
       SELECT station_id, show_id, body FROM facts WHERE kind = 'commerce' AND problem IS NULL AND ${commerceReadable('body')})
     SELECT f.station_id, f.show_id, COALESCE(f.body->>'offerId', '') AS offer, COALESCE(f.body->>'source', '') AS source,
            CASE WHEN ${jsonNum('f.body', 'at')} BETWEEN 0 AND ${MAX_TIME_MS}
                 THEN to_char(to_timestamp(${jsonNum('f.body', 'at')} / 1000.0) AT TIME ZONE 'UTC', 'YYYY-MM-DD') END AS day,
            f.body->>'type' AS type, f.body->>'currency' AS currency, m.mark,
            CASE WHEN m.mark IS NULL THEN NULL ELSE COALESCE(${jsonNum('f.body', 'eventSeq')} <= m.mark, false) END AS in_package,
            SUM(${jsonNum('f.body', 'count')})::float8 AS n,
            SUM(ROUND(COALESCE(${jsonNum('f.body', 'amount')}, 0) * 100))::float8 AS cents,
            count(*)::float8 AS events
       FROM readable f LEFT JOIN marks m ON m.station_id = f.station_id AND m.show_id = f.show_id
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9`,
  );
  return rows.map((r) => ({
    stationId: r.station_id,
    showId: r.show_id,
    offerId: r.offer,
    source: r.source,
    day: r.day,
    type: r.type,
    currency: r.currency,
    count: Number(r.n),
    cents: Number(r.cents),
    events: Number(r.events),
    packageMark: r.mark === null ? null : Number(r.mark),
    inPackage: r.in_package,
  }));
}

export interface Incident {
  /** Stable across the alert's updates: what HQ's owner and due date are attached to. */
  key: string;
  stationId: string;
  showId: string;
  seq: number;
  kind: 'alert' | 'offer_pause';
  at: number;
  level: string;
  mode: string;
  message: string;
}

export async function loadIncidents(q: Queryable): Promise<Incident[]> {
  // One row per alert (its latest state) and per offer pause.
  const rows = await q.query<{ station_id: string; show_id: string; seq: string | number; kind: 'alert' | 'offer_pause'; station_at: string | number; body: Record<string, unknown> }>(
    `SELECT * FROM (
       SELECT DISTINCT ON (station_id, body->>'id') station_id, show_id, seq, kind, station_at, body
         FROM facts WHERE kind = 'alert' AND problem IS NULL ORDER BY station_id, body->>'id', seq DESC) a
     UNION ALL
     SELECT station_id, show_id, seq, kind, station_at, body FROM facts WHERE kind = 'offer_pause' AND problem IS NULL
     ORDER BY station_at DESC LIMIT 2000`,
  );
  return rows
    .map((r): Incident => {
      const b = r.body;
      if (r.kind === 'alert') {
        return { key: `${r.station_id}/alert/${str(b.id, String(r.seq)).replace(/\s/g, '_').slice(0, 200) || r.seq}`, stationId: r.station_id, showId: r.show_id, seq: Number(r.seq), kind: 'alert', at: time(b.raisedAt) ?? time(Number(r.station_at)) ?? 0, level: str(b.level, 'info'), mode: `${str(b.source, '?')}: ${str(b.key, '?')}`, message: str(b.message, '') };
      }
      return { key: `${r.station_id}/offer_pause/${r.seq}`, stationId: r.station_id, showId: r.show_id, seq: Number(r.seq), kind: 'offer_pause', at: time(Number(r.station_at)) ?? 0, level: b.outcome === 'ok' ? 'warn' : 'critical', mode: `offer paused: ${str(b.reason, '')}`.slice(0, 160), message: `Offer ${str(b.offerId, '?')} paused by ${str(b.actor, '?')} (${str(b.outcome, '?')}): ${str(b.reason, '')}` };
    })
    .filter((i) => i.kind === 'offer_pause' || i.level !== 'info');
}
