import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestCore, DEMO_SHOW, producer } from '../../../test/support/test-core';
import { defaultOffersPorts } from '../offers/offers.ports';
import type { Core } from '../core';
import type { HqBatch, HqSyncState } from '../../shared/contract/index';
import { createHqOutboxRepo } from './hq-outbox.repo';
import { createHqCollector } from './hq-outbox.collector';
import { backoffMs, startHqSender, type HqPostResult } from './hq-sender';
import { nextShowPhase } from './show-phase';

let core: Core | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

async function loaded(): Promise<Core> {
  core = createTestCore();
  core.show.loadFile(DEMO_SHOW);
  await core.start();
  return core;
}

describe('HQ outbox collector', () => {
  it('turns audit rows, commerce events and comments into facts once, counting comments without their text', async () => {
    const c = await loaded();
    const repo = createHqOutboxRepo(c.db);
    const collector = createHqCollector({ db: c.db, repo, state: c.state, now: () => c.now() });
    await c.dispatch('offer.ingest', { events: [{ type: 'order', id: 'o1', amount: 39.99, currency: 'USD' }] }, producer);
    await c.dispatch('comments.ingest', { comments: [1, 2, 3].map((i) => ({ platform: 'tiktok', id: `m${i}`, author: 'a', text: 'secret words', lang: 'en' })) }, producer);
    collector.collect();
    // The demo show's rehearsal replay may add comments of its own: count every row the collector passed.
    const stored = (c.db.prepare('SELECT COUNT(*) AS n FROM comments WHERE seq <= ?').get(Number(repo.cursor('comments'))) as { n: number }).n;
    expect(stored).toBeGreaterThanOrEqual(3);
    const facts = repo.peek(1000);
    expect(facts.filter((f) => f.kind === 'audit')).toHaveLength(c.audit.count());
    expect(facts.filter((f) => f.kind === 'commerce').map((f) => f.body.amount)).toEqual([39.99]);
    const minutes = facts.filter((f) => f.kind === 'comment_minute');
    expect(minutes.reduce((n, f) => n + (f.body.count as number), 0)).toBe(stored);
    expect(JSON.stringify(facts)).not.toContain('secret words');
    expect(facts.find((f) => f.kind === 'show')?.body).toMatchObject({ id: 'glow-kit-launch', phase: 'draft' });
    const n = facts.length;
    collector.collect();
    expect(repo.peek(1000).length).toBe(n);
    collector.close();
  });
});

describe('HQ package record', () => {
  it('carries the totals the package handed over and the commerce they count, not a sale made after it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-hq-pkg-'));
    try {
      // No simulated shoppers: this test places every sale itself, at the moment it names.
      const offers = defaultOffersPorts();
      core = createTestCore({ dataDir: dir, ports: { offers: { ...offers, sandbox: { ...offers.sandbox, simulate: false } } } });
      core.show.loadFile(DEMO_SHOW);
      await core.start();
      const c = core;
      const repo = createHqOutboxRepo(c.db);
      const collector = createHqCollector({ db: c.db, repo, state: c.state, now: () => c.now() });
      await c.dispatch('offer.ingest', { events: [{ type: 'order', id: 'o1', amount: 39.99, currency: 'USD' }, { type: 'view', count: 40, id: 'v1' }] }, producer);
      const r = await c.dispatch('show.package', {}, producer);
      if (!r.ok) throw new Error(r.error.message);
      const summary = JSON.parse(readFileSync(join(r.result.dir, 'summary.json'), 'utf8')) as { kpis: { revenue: number; orders: number } };
      // A sale after the package, before the collector's next run (a late webhook, a rehearsal's shopper).
      await c.dispatch('offer.ingest', { events: [{ type: 'order', id: 'o2', amount: 10, currency: 'USD' }] }, producer);
      collector.collect();
      const facts = repo.peek(1000);
      const pkg = facts.find((f) => f.kind === 'show' && f.body.package)!.body.package as { kpis: { revenue: number; orders: number }; counted: { throughEventSeq: number; events: number } };
      expect(pkg.kpis).toMatchObject({ revenue: summary.kpis.revenue, orders: summary.kpis.orders });
      expect(pkg.kpis).toMatchObject({ revenue: 39.99, orders: 1 });
      // The commerce events the totals count, as HQ will hold them: the late order is beyond them.
      const commerce = facts.filter((f) => f.kind === 'commerce').map((f) => ({ seq: f.body.eventSeq as number, key: f.body.key }));
      expect(pkg.counted).toEqual({ throughEventSeq: commerce.find((e) => e.key === 'v1')!.seq, events: 2 });
      expect(commerce.find((e) => e.key === 'o2')!.seq).toBeGreaterThan(pkg.counted.throughEventSeq);
      collector.close();
    } finally {
      await core?.close();
      core = null;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('HQ sender', () => {
  it('goes offline with the reason while HQ is away, keeps the facts, and catches up once it answers', async () => {
    const c = await loaded();
    const repo = createHqOutboxRepo(c.db);
    const collector = createHqCollector({ db: c.db, repo, state: c.state, now: () => c.now() });
    const states: HqSyncState[] = [];
    const received: HqBatch[] = [];
    let up = false;
    const post = (b: HqBatch): Promise<HqPostResult> => {
      if (!up) return Promise.resolve({ ok: false, reason: 'HQ unreachable: ECONNREFUSED', permanent: false });
      received.push(b);
      return Promise.resolve({ ok: true, ack: { ackedSeq: b.facts[b.facts.length - 1]!.seq, applied: b.facts.length, duplicates: 0 } });
    };
    const sender = startHqSender({ stationId: 's1', repo, collector, post, now: () => c.now(), onState: (s) => states.push(s), idleMs: 20, maxBackoffMs: 40, batchSize: 3 });
    await new Promise((r) => setTimeout(r, 150));
    expect(states.at(-1)).toMatchObject({ state: 'offline', lastError: 'HQ unreachable: ECONNREFUSED' });
    expect(states.at(-1)!.behind).toBeGreaterThan(0);
    const waiting = repo.pending();
    up = true;
    expect(await sender.drained(5_000)).toBe(true);
    expect(states.at(-1)).toMatchObject({ state: 'synced', behind: 0, lastError: null });
    const seqs = received.flatMap((b) => b.facts.map((f) => f.seq));
    expect(seqs.length).toBeGreaterThanOrEqual(waiting);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(received.every((b) => b.facts.length <= 3)).toBe(true);
    await sender.close();
    collector.close();
  });

  it('counts the facts HQ acknowledged but will not read, with its reason, and reads that part of the answer as untrusted', async () => {
    const c = await loaded();
    const repo = createHqOutboxRepo(c.db);
    const collector = createHqCollector({ db: c.db, repo, state: c.state, now: () => c.now() });
    const states: HqSyncState[] = [];
    let batches = 0;
    const post = (b: HqBatch): Promise<HqPostResult> => {
      batches += 1;
      const last = b.facts[b.facts.length - 1]!.seq;
      // the first answer flags two facts; the second is garbage where the list should be; the rest flag none
      const rejected: unknown =
        batches === 1 ? [{ seq: b.facts[0]!.seq, reason: 'commerce amount is not a number' }, { seq: last, reason: `currency ${'X'.repeat(500)}\u0000` }] : batches === 2 ? [{ seq: 'x' }, 7, null] : undefined;
      return Promise.resolve({ ok: true, ack: { ackedSeq: last, applied: b.facts.length, duplicates: 0, ...(rejected === undefined ? {} : { rejected }) } as never });
    };
    const sender = startHqSender({ stationId: 's1', repo, collector, post, now: () => c.now(), onState: (s) => states.push(s), idleMs: 20, maxBackoffMs: 40, batchSize: 3 });
    expect(await sender.drained(5_000)).toBe(true);
    const last = states.at(-1)!;
    expect(last).toMatchObject({ state: 'synced', behind: 0, flagged: { count: 2 } });
    // HQ's words are shown to the producer: bounded, and no control characters
    expect(last.flagged!.lastReason!.length).toBeLessThanOrEqual(200);
    expect(last.flagged!.lastReason).not.toMatch(/[\u0000-\u001f]/);
    expect(last.flagged!.lastReason).toMatch(/^currency X+/);
    await sender.close();
    collector.close();
  });

  it('backs off exponentially up to the cap, with jitter', () => {
    expect(backoffMs(0, 30_000, () => 0)).toBe(125);
    expect(backoffMs(3, 30_000, () => 1)).toBe(2000);
    expect(backoffMs(20, 30_000, () => 1)).toBe(30_000);
  });
});

describe('show phase', () => {
  it('moves forward on successful commands only', () => {
    expect(nextShowPhase('draft', 'obs.startStream', 'ok')).toBe('live');
    expect(nextShowPhase('live', 'script.approve', 'ok')).toBe('live');
    expect(nextShowPhase('live', 'obs.stopStream', 'error')).toBe('live');
    expect(nextShowPhase('ended', 'show.package', 'ok')).toBe('package');
  });
});
