import { describe, expect, it } from 'vitest';
import { attribute, reconcile } from '../../../hq/views/attribution.calc';
import { boardItems } from '../../../hq/views/hq.views';
import { checkAuditRows } from '../../../hq/ingest/audit-chain.check';
import { needsTls } from '../../../hq/db/hq-db';
import { parseHqOptions } from '../../../hq/hq.cli';
import { parseStationOptions, UsageError } from '../../../src/station/options';
import type { CommerceCell, Incident, ShowRecord } from '../../../hq/views/hq.queries';

const show = (stationId: string, showId: string, brand: string, revenue: number, orders: number): ShowRecord => ({
  stationId, showId, seq: 1, receivedAt: new Date(), title: showId, brand, rehearsal: false, start: '2026-12-03T19:00:00Z', durationMinutes: 60,
  timezone: 'UTC', owner: 'Maya', approver: null, phase: 'package',
  kpis: { views: 0, addToCart: 0, checkouts: 0, orders, revenue, currency: 'USD' }, package: { kpis: { views: 0, addToCart: 0, checkouts: 0, orders, revenue, currency: 'USD' }, at: 1 },
});
const cell = (stationId: string, showId: string, type: string, count: number, cents: number, currency: string | null = 'USD'): CommerceCell => ({ stationId, showId, offerId: 'o1', source: 'webhook', day: '2026-12-03', type, currency, count, cents });

describe('attribution', () => {
  it('sums cents by brand, computes AOV and funnel ratios, and skips revenue in another currency', () => {
    const shows = [show('a', 's1', 'Lumen', 52.34, 2), show('b', 's2', 'Lumen', 10, 1)];
    const cells = [cell('a', 's1', 'order', 2, 5234), cell('a', 's1', 'view', 100, 0), cell('a', 's1', 'add_to_cart', 10, 0), cell('a', 's1', 'checkout', 4, 0), cell('b', 's2', 'order', 1, 1000), cell('b', 's2', 'order', 1, 999, 'EUR')];
    const [lumen] = attribute(cells, shows, 'brand');
    expect(lumen).toMatchObject({ key: 'Lumen', revenueCents: 6234, orders: 4, aovCents: 1559, viewToCart: 0.1, cartToCheckout: 0.4 });
    const rec = reconcile(cells, shows);
    expect(rec.map((r) => r.matches)).toEqual([true, false]);
  });

  it('flags a failure mode seen in two shows within a month', () => {
    const inc = (showId: string, at: number, mode: string): Incident => ({ stationId: 'a', showId, seq: 1, kind: 'alert', at, level: 'critical', mode, message: '' });
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
    expect(parseStationOptions(['--hq', 'http://hq.lan:4900', '--hq-station', 'studio-a'])).toMatchObject({ hqUrl: 'http://hq.lan:4900/', hqStation: 'studio-a' });
    expect(() => parseStationOptions(['--hq', 'ftp://x'])).toThrow(UsageError);
    expect(() => parseStationOptions(['--hq-station', '../etc'])).toThrow(UsageError);
    expect(parseHqOptions(['--port', '0', '--pg', 'postgres://u@db/hq'])).toMatchObject({ port: 0, pgUrl: 'postgres://u@db/hq' });
    expect(parseHqOptions(['--pg', 'mysql://x'])).toBe('--pg takes a postgres:// connection string');
  });

  it('asks for TLS to PostgreSQL only off this machine', () => {
    expect(needsTls('postgres://u@127.0.0.1:5432/hq')).toBe(false);
    expect(needsTls('postgres://u@db.internal/hq')).toBe(true);
    expect(needsTls('postgres://u@db.internal/hq?sslmode=disable')).toBe(false);
  });
});
