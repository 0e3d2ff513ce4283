// HQ's check of each fact's body as a station sends it: what a real station sends passes
// untouched; what HQ's views cannot read is named (field and why), text PostgreSQL cannot hold is
// cleaned and named, and size and depth are bounded before anything walks the whole body.
import { describe, expect, it } from 'vitest';
import { checkFactBody, MAX_BODY_CHARS, MAX_BODY_DEPTH } from '../../../hq/ingest/fact-body.check';

const order = { eventSeq: 7, key: 'evt-7', type: 'order', offerId: 'o1', sku: 'SKU1', count: 1, amount: 39, currency: 'EUR', at: 1_764_790_000_000, source: 'webhook' };

describe('HQ fact body check', () => {
  it('passes the facts a station makes as they are', () => {
    expect(checkFactBody('commerce', order)).toEqual({ body: order, problem: null });
    const view = { ...order, type: 'view', count: 40, amount: null, currency: null, offerId: null, sku: null, key: null };
    expect(checkFactBody('commerce', view).problem).toBeNull();
    const show = {
      id: 's', title: 'Lumen launch', brand: 'Lumen', rehearsal: true, start: '2026-12-03T19:00:00Z', durationMinutes: 60, timezone: 'Europe/Berlin', platforms: ['tiktok'],
      owner: 'Maya', approver: null, people: [{ name: 'Maya', role: 'producer' }], approverRole: null, phase: 'live',
      kpis: { views: 3, addToCart: 1, checkouts: 1, orders: 1, revenue: -5, currency: '', rehearsal: true },
      experiment: { goAt: 1, endAt: null, final: null, segments: [{ at: 2, segmentId: 'a', title: 'Intro', totals: { views: 0, addToCart: 0, checkouts: 0, orders: 0, revenue: 0, paymentErrors: 0 } }] },
    };
    expect(checkFactBody('show', show).problem).toBeNull();
    expect(checkFactBody('comment_minute', { minute: 60_000, platform: 'tiktok', intent: 'question', queue: 'host', lang: 'en', rehearsal: false, count: 4 }).problem).toBeNull();
    expect(checkFactBody('offer_pause', { auditSeq: 4, offerId: 'o1', reason: 'stock', actor: 'Maya', outcome: 'ok', detail: null }).problem).toBeNull();
    // The audit chain judges audit rows by their hashes.
    expect(checkFactBody('audit', { seq: 'anything' }).problem).toBeNull();
  });

  it('names the field and why for a figure, time or currency HQ cannot read', () => {
    expect(checkFactBody('commerce', { ...order, amount: '39.00' }).problem).toMatch(/^amount: /);
    expect(checkFactBody('commerce', { ...order, count: -1 }).problem).toMatch(/^count: /);
    expect(checkFactBody('commerce', { ...order, currency: 'ZZZ' }).problem).toBe('currency: not a currency HQ knows (ISO 4217, e.g. USD)');
    expect(checkFactBody('commerce', { ...order, at: 9e15 }).problem).toMatch(/^at: /);
    expect(checkFactBody('show', { start: 'soon' }).problem).toBe('start: not a date');
    expect(checkFactBody('show', { package: { kpis: { revenue: 1 }, at: 1 } }).problem).toMatch(/^package\.kpis\./);
    expect(checkFactBody('alert', { id: 'a', level: 'critical', source: 'obs', key: 'k', message: 'm', raisedAt: 'soon' }).problem).toMatch(/^raisedAt: /);
  });

  it('cleans NUL and lone surrogates (in keys too) and names them; keeps a surrogate pair', () => {
    const r = checkFactBody('commerce', { ...order, source: 'web\u0000hook', ['k\ud800']: 'x\udc00y' });
    expect(r.problem).toBe('text with a NUL character or a lone UTF-16 surrogate');
    expect(r.body.source).toBe('web\ufffdhook');
    expect(r.body['k\ufffd']).toBe('x\ufffdy');
    expect(checkFactBody('commerce', { ...order, sku: 'tee 👕' }).problem).toBeNull();
  });

  it('keeps neither a body larger than the limit nor one nested past the limit, and never recurses without bound', () => {
    const big = checkFactBody('commerce', { ...order, offerId: 'x'.repeat(MAX_BODY_CHARS) });
    expect(big.problem).toMatch(/^body of \d+ characters/);
    expect(JSON.stringify(big.body).length).toBeLessThan(200);
    let deep: Record<string, unknown> = {};
    for (let i = 0; i < 100_000; i++) deep = { d: deep };
    const r = checkFactBody('alert', deep);
    expect(r.problem).toBe(`body nested deeper than ${MAX_BODY_DEPTH} levels`);
    expect(JSON.stringify(r.body).length).toBeLessThan(200);
  });
});
