import { describe, expect, it } from 'vitest';
import { attribute, platformKey, reconcile } from '../../../hq/views/attribution.calc';
import { experimentRuns, summariseVariants } from '../../../hq/views/experiments.calc';
import { BoardInputError, parseActor, parseItemEdit } from '../../../hq/views/postmortem.repo';
import { createIngestStats } from '../../../hq/ingest/ingest.stats';
import { parseExperiment } from '../../../hq/views/hq.queries';
import { boardItems } from '../../../hq/views/hq.views';
import { checkAuditRows } from '../../../hq/ingest/audit-chain.check';
import { needsTls } from '../../../hq/db/hq-db';
import { defaultPoolSize, parseHqOptions } from '../../../hq/hq.cli';
import { parseStationOptions, UsageError } from '../../../src/station/options';
import type { CommerceCell, Incident, ShowRecord } from '../../../hq/views/hq.queries';

const show = (stationId: string, showId: string, brand: string, revenue: number, orders: number): ShowRecord => ({
  stationId, showId, seq: 1, receivedAt: new Date(), title: showId, brand, rehearsal: false, start: '2026-12-03T19:00:00Z', durationMinutes: 60,
  timezone: 'UTC', owner: 'Maya', approver: null, approverRole: null, people: [], platforms: ['tiktok'], experiment: null, phase: 'package',
  kpis: { views: 0, addToCart: 0, checkouts: 0, orders, revenue, currency: 'USD' }, package: { kpis: { views: 0, addToCart: 0, checkouts: 0, orders, revenue, currency: 'USD' }, at: 1, counted: null },
});
const cell = (stationId: string, showId: string, type: string, count: number, cents: number, currency: string | null = 'USD'): CommerceCell => ({ stationId, showId, offerId: 'o1', source: 'webhook', day: '2026-12-03', type, currency, count, cents, events: count, packageMark: null, inPackage: null });

describe('attribution', () => {
  it('sums cents by brand, computes AOV and funnel ratios, and skips revenue in another currency', () => {
    const shows = [show('a', 's1', 'Lumen', 52.34, 2), show('b', 's2', 'Lumen', 10, 1)];
    const cells = [cell('a', 's1', 'order', 2, 5234), cell('a', 's1', 'view', 100, 0), cell('a', 's1', 'add_to_cart', 10, 0), cell('a', 's1', 'checkout', 4, 0), cell('b', 's2', 'order', 1, 1000), cell('b', 's2', 'order', 1, 999, 'EUR')];
    const [lumen] = attribute(cells, shows, 'brand');
    expect(lumen).toMatchObject({ key: 'Lumen', revenueCents: 6234, orders: 4, aovCents: 1559, viewToCart: 0.1, cartToCheckout: 0.4 });
    const rec = reconcile(cells, shows);
    expect(rec.map((r) => r.matches)).toEqual([true, false]);
  });

  it('reconciles a package with the sales it counted: later ones apart, missing ones in flight, never a mismatch', () => {
    const counted = (throughEventSeq: number, events: number) => ({ ...show('a', 's1', 'Lumen', 52.34, 2), package: { kpis: { views: 0, addToCart: 0, checkouts: 0, orders: 2, revenue: 52.34, currency: 'USD' }, at: 1, counted: { throughEventSeq, events } } });
    const marked = (c: CommerceCell, mark: number, inPackage: boolean): CommerceCell => ({ ...c, packageMark: mark, inPackage });
    // Both counted orders held, one more sold after the package.
    const held = [marked(cell('a', 's1', 'order', 2, 5234), 9, true), marked(cell('a', 's1', 'order', 1, 1000), 9, false)];
    expect(reconcile(held, [counted(9, 2)])[0]).toMatchObject({ status: 'matches', matches: true, hqRevenueCents: 5234, afterPackage: { revenueCents: 1000, orders: 1 } });
    // One of the two counted orders not at HQ yet: in flight, not a mismatch.
    expect(reconcile([marked(cell('a', 's1', 'order', 1, 3999), 9, true)], [counted(9, 2)])[0]).toMatchObject({ status: 'in flight', matches: null });
    // Cells split by a newer package than the record read beside them: in flight.
    expect(reconcile([marked(cell('a', 's1', 'order', 2, 5234), 12, true)], [counted(9, 2)])[0]).toMatchObject({ status: 'in flight', matches: null });
    // Every counted event held and the money differs: that is a mismatch.
    expect(reconcile([marked(cell('a', 's1', 'order', 2, 5233), 9, true)], [counted(9, 2)])[0]).toMatchObject({ status: 'differs', matches: false });
    expect(reconcile([], [{ ...show('a', 's1', 'Lumen', 0, 0), package: null }])[0]).toMatchObject({ status: 'waiting', matches: null });
  });

  it('flags a failure mode seen in two shows within a month', () => {
    const inc = (showId: string, at: number, mode: string): Incident => ({ key: `a/alert/${showId}${at}`, stationId: 'a', showId, seq: 1, kind: 'alert', at, level: 'critical', mode, message: '' });
    const day = 86_400_000;
    const items = boardItems([inc('s1', 0, 'obs: dropped'), inc('s2', 10 * day, 'obs: dropped'), inc('s3', 70 * day, 'obs: dropped'), inc('s1', 0, 'offers: cap')], []);
    expect(items.map((i) => i.escalate)).toEqual([true, true, false, false]);
  });
});

describe('HQ audit chain check', () => {
  it('rejects a row that does not follow the head', () => {
    const r = checkAuditRows({ seq: 3, hash: 'a'.repeat(64) }, [{ seq: 5, prev_hash: 'a'.repeat(64), hash: 'b' }]);
    expect(r).toEqual({ ok: false, seq: 5, reason: 'gap: expected audit row 4, got 5' });
  });
});

describe('options', () => {
  it('parses --hq and refuses a bad URL or station id', () => {
    expect(parseStationOptions(['--hq', 'https://hq.lan:4900', '--hq-station', 'studio-a'])).toMatchObject({ hqUrl: 'https://hq.lan:4900/', hqStation: 'studio-a' });
    expect(parseStationOptions(['--hq', 'http://127.0.0.1:4900'])).toMatchObject({ hqUrl: 'http://127.0.0.1:4900/' });
    // Plain http off this machine only with the labelled lab switch (before or after --hq).
    expect(() => parseStationOptions(['--hq', 'http://hq.lan:4900'])).toThrow(/plain http/);
    expect(parseStationOptions(['--hq', 'http://hq.lan:4900', '--allow-insecure-hq'])).toMatchObject({ hqUrl: 'http://hq.lan:4900/', allowInsecureHq: true });
    expect(() => parseStationOptions(['--hq', 'https://u:pw@hq.lan'])).toThrow(UsageError);
    expect(() => parseStationOptions(['--hq', 'ftp://x'])).toThrow(UsageError);
    expect(() => parseStationOptions(['--hq-station', '../etc'])).toThrow(UsageError);
    expect(parseHqOptions(['--port', '0', '--pg', 'postgres://u@db/hq'])).toMatchObject({ port: 0, pgUrl: 'postgres://u@db/hq' });
    expect(parseHqOptions(['--pg', 'mysql://x'])).toBe('--pg takes a postgres:// connection string');
    expect(parseHqOptions(['--behind-tls'])).toMatchObject({ behindTls: true });
    expect(parseHqOptions([])).toMatchObject({ behindTls: false });
  });

  it('asks for TLS to PostgreSQL only off this machine', () => {
    expect(needsTls('postgres://u@127.0.0.1:5432/hq')).toBe(false);
    expect(needsTls('postgres://u@db.internal/hq')).toBe(true);
    expect(needsTls('postgres://u@db.internal/hq?sslmode=disable')).toBe(false);
  });
});

describe('attribution by platform, experiments, board edits and HQ-side timing', () => {
  it('puts a show under its platform(s), never split by a guess', () => {
    const a = { ...show('a', 's1', 'Lumen', 10, 1), platforms: ['tiktok', 'instagram'] };
    const b = { ...show('b', 's2', 'Lumen', 5, 1), platforms: ['tiktok'] };
    const rows = attribute([cell('a', 's1', 'order', 1, 1000), cell('b', 's2', 'order', 1, 500)], [a, b], 'platform');
    expect(rows.map((r) => [r.key, r.revenueCents])).toEqual([['tiktok + instagram', 1000], ['tiktok', 500]]);
    expect(platformKey(undefined)).toBe('(unknown platform)');
  });

  it('gives each segment what sold until the next one or END, and totals a variant across shows', () => {
    const t = (orders: number, revenue: number, carts = 0, checkouts = 0) => ({ views: 0, addToCart: carts, checkouts, orders, revenue, paymentErrors: 0 });
    const exp = (goAt: number, endAt: number | null, final: ReturnType<typeof t> | null, segs: [number, string, ReturnType<typeof t>][]): ShowRecord['experiment'] => ({
      goAt,
      endAt,
      final,
      segments: segs.map(([at, title, totals]) => ({ at, segmentId: title, title, totals })),
    });
    const s1 = { ...show('a', 's1', 'Lumen', 0, 0), experiment: exp(0, 600_000, t(5, 100.1, 10, 5), [[0, 'Intro', t(0, 0)], [120_000, 'Offer: code LIVEGLOW', t(1, 20.02, 2, 1)]]) };
    const s2 = { ...show('b', 's2', 'Lumen', 0, 0), experiment: exp(0, null, null, [[0, 'Offer: code LIVEGLOW', t(0, 0)]]) };
    const s3 = { ...show('c', 's3', 'Lumen', 0, 0), experiment: exp(0, 60_000, t(2, 0.3), [[0, 'Offer: code LIVEGLOW', t(0, 0)]]) };
    const runs = experimentRuns([s1, s2, s3]);
    const offer = runs.filter((r) => r.variant === 'Offer: code LIVEGLOW').sort((x, y) => x.show.stationId.localeCompare(y.show.stationId));
    expect(offer.map((r) => [r.show.stationId, r.row.orders, r.revenueCents, r.row.minutes])).toEqual([
      ['a', 4, 8008, 8],
      ['b', null, null, null],
      ['c', 2, 30, 1],
    ]);
    const [top] = summariseVariants(runs);
    expect(top).toMatchObject({ variant: 'Offer: code LIVEGLOW', runs: 2, shows: 2, orders: 6, revenueCents: 8038, minutes: 9, cartToCheckout: 0.5 });
    expect(parseExperiment({ goAt: 'x', segments: [] })).toBeNull();
    expect(parseExperiment({ goAt: 1, segments: [{ at: 2, title: 7, totals: { views: 'many' } }, 'junk'] })?.segments).toEqual([
      { at: 2, segmentId: '', title: '7', totals: { views: 0, addToCart: 0, checkouts: 0, orders: 0, revenue: 0, paymentErrors: 0 } },
    ]);
  });

  it('parses a board edit as hostile input', () => {
    const form = (o: Record<string, string>) => new URLSearchParams(o);
    expect(parseItemEdit(form({ key: 'studio-a/alert/obs:dropped', owner: ' Maya ', due: '2026-12-12' }))).toEqual({ key: 'studio-a/alert/obs:dropped', owner: 'Maya', due: '2026-12-12' });
    expect(parseItemEdit(form({ key: 'studio-a/offer_pause/12', owner: '', due: '' }))).toEqual({ key: 'studio-a/offer_pause/12', owner: null, due: null });
    expect(() => parseItemEdit(form({ key: 'x/other/1' }))).toThrow(BoardInputError);
    expect(() => parseItemEdit(form({ key: 'a/alert/1', due: '2026-02-30' }))).toThrow(/due date/);
    expect(() => parseItemEdit(form({ key: 'a/alert/1', owner: 'a\u0000b' }))).toThrow(/owner/);
    expect(parseActor('  Priya ')).toBe('Priya');
    expect(parseActor('x'.repeat(81))).toBeNull();
  });

  it('keeps HQ-side ingest timings and sizes the pool to the cores', () => {
    const st = createIngestStats(4);
    for (const ms of [1, 2, 3, 4, 100]) st.record(ms, ms / 2, 10);
    const s = st.summary();
    expect(s.request).toMatchObject({ n: 3, p99: 100, max: 100, facts: 50 });
    st.reset();
    expect(st.summary().request.n).toBe(0);
    expect(defaultPoolSize(2)).toBe(4);
    expect(defaultPoolSize(32)).toBe(16);
  });
});
