// The open-work indexes under a big show: generated comments arrive, are claimed, released,
// escalated to another queue, answered and re-read from SQLite (reset), and after every stretch the
// station's indexes must answer every desk question — each queue's counts, claims, oldest wait
// (SLA) and overflow verdict, and every filtered desk (queue, intent, platform, language, SKU) by
// its total, its order and every window of it — exactly as the index did before it was made
// compact (the oracle files keep that code) and, for the counts, as a plain count over the records.
import { describe, expect, it } from 'vitest';
import type { CommentStatus, DeskFilter, Intent } from '../../shared/contract/index';
import { queueNames, type QueueName } from '../../shared/show/show.schema';
import { clusterKeyOf } from './cluster.key';
import { createClusterIndex, type ClusterIndex, type ClusterInput, type OpenCluster } from './comments.clusters';
import { createQueueIndex, type QueueIndex } from './comments.queues';
import { createClusterIndex as createOracleClusters, type OpenCluster as OracleCluster } from './comments.clusters.oracle';
import { createQueueIndex as createOracleQueues } from './comments.queues.oracle';

/** A small deterministic generator (mulberry32): every failure replays from its seed. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  return { next, pick };
}

const PLATFORMS = ['tiktok', 'youtube', 'instagram', 'shopee'] as const;
const LANGS = ['pt', 'en', 'es', 'id', ''] as const;
const SKUS = [null, 'LIP-TINT-NUDE', 'GLW-SER-30', 'BNDL-GLOW-KIT'] as const;
const MODERATORS = ['Ana', 'Bo', 'Chen'] as const;
const WORDS = ['pix', 'frete', 'lima', 'vegan', 'size', 'color', 'price', 'stock', 'ship', 'refund', 'cap', 'broken', 'link', 'live', 'hello', 'wow', 'love', 'cute', 'when', 'how'];
const HOT = ['aceita pix?', 'frete gratis?', 'link please', 'wow', 'when does it ship'];
const HOME: Record<Intent, QueueName> = { complaint: 'customer-service', question: 'moderators', order: 'commerce', other: 'other', spam: 'spam' };
const INTENTS: readonly Intent[] = ['complaint', 'question', 'question', 'order', 'order', 'other', 'other', 'other', 'spam'];
const OPEN: readonly CommentStatus[] = ['new', 'claimed', 'escalated'];

interface World {
  records: Map<string, ClusterInput>;
  mine: { queues: QueueIndex; clusters: ClusterIndex };
  oracle: { queues: ReturnType<typeof createOracleQueues>; clusters: ReturnType<typeof createOracleClusters> };
}

const apply = (w: World, r: ClusterInput) => {
  w.records.set(r.id, r);
  w.mine.queues.apply(r);
  w.mine.clusters.apply(r);
  w.oracle.queues.apply(r);
  w.oracle.clusters.apply(r);
};

/** A show of `n` events: arrivals (some closed on arrival, some late), claims, releases, escalations, answers, repeats. */
function play(seed: number, n: number, check: (w: World, step: number, now: number) => void, checkEvery: number, arrivals = 0.55) {
  const g = rng(seed);
  const w: World = {
    records: new Map(),
    mine: { queues: createQueueIndex(), clusters: createClusterIndex(clusterKeyOf) },
    oracle: { queues: createOracleQueues(), clusters: createOracleClusters(clusterKeyOf) },
  };
  const open: string[] = [];
  let seq = 0;
  // Epoch milliseconds, as the station's clock gives them (far beyond a small integer).
  let now = 1_796_000_000_000;
  const someOpen = (): ClusterInput | null => {
    for (let tries = 0; tries < 4 && open.length; tries++) {
      const i = Math.floor(g.next() * open.length);
      const r = w.records.get(open[i] as string)!;
      if (OPEN.includes(r.status)) return r;
      open[i] = open[open.length - 1] as string;
      open.pop();
    }
    return null;
  };
  for (let step = 1; step <= n; step++) {
    now += Math.floor(g.next() * 40);
    const roll = g.next();
    if (roll < arrivals || open.length === 0) {
      const intent = g.pick(INTENTS);
      // Some questions are asked by many (big items), most texts are rare (lone comments).
      const text = g.next() < 0.3 ? g.pick(HOT) : `${g.pick(WORDS)} ${g.next() < 0.6 ? g.pick(WORDS) : `#${Math.floor(g.next() * 5_000)}`}`;
      const lang = g.next() < 0.5 ? 'pt' : g.pick(LANGS);
      const base = { queue: HOME[intent], intent, lang, sku: intent === 'order' || g.next() < 0.3 ? g.pick(SKUS) : null, text };
      const r: ClusterInput = {
        // One platform brings most of the chat.
        id: `${g.next() < 0.6 ? 'tiktok' : g.pick(PLATFORMS)}:m${step}`,
        seq: ++seq,
        ...base,
        clusterKey: clusterKeyOf(base),
        // A demand signal is closed on arrival; a few arrive late from a slow source.
        status: g.next() < 0.15 ? 'answered' : 'new',
        claimedBy: null,
        receivedAt: g.next() < 0.05 ? now - Math.floor(g.next() * 30_000) : now,
        platform: '',
      };
      r.platform = r.id.slice(0, r.id.indexOf(':'));
      apply(w, r);
      if (r.status === 'new') open.push(r.id);
    } else {
      const r = someOpen();
      if (r) {
        const a = g.next();
        if (a < 0.3) apply(w, { ...r, status: 'claimed', claimedBy: g.pick(MODERATORS) });
        else if (a < 0.4) apply(w, { ...r, status: r.status === 'claimed' ? 'new' : r.status, claimedBy: null });
        else if (a < 0.5) {
          // Escalated or re-routed: another queue (and maybe intent) makes it another work item.
          const intent = g.next() < 0.5 ? r.intent : g.pick(INTENTS);
          const queue = g.pick(queueNames);
          apply(w, { ...r, intent, queue, status: 'escalated', claimedBy: null, clusterKey: clusterKeyOf({ ...r, intent, queue }) });
        } else if (a < 0.55) apply(w, { ...r });
        else apply(w, { ...r, status: g.pick(['answered', 'dismissed'] as const), claimedBy: null });
      }
    }
    if (step === Math.floor(n * 0.6)) {
      // The station restarts: both indexes are rebuilt from the open rows SQLite gives back.
      const rows = [...w.records.values()].filter((r) => OPEN.includes(r.status)).sort((a, b) => a.seq - b.seq);
      for (const ix of [w.mine, w.oracle]) {
        ix.queues.reset(rows.map((r) => ({ ...r, text: r.text, reasons: [] }) as never));
        ix.clusters.reset(rows);
      }
    }
    if (step % checkEvery === 0 || step === n) check(w, step, now);
  }
  return w;
}

const shape = (c: OpenCluster | null) =>
  c && { id: c.id, key: c.key, queue: c.queue, intent: c.intent, lang: c.lang, sku: c.sku, size: c.size, members: c.memberIds(), representative: c.representativeId(), platforms: c.platformCounts() };
const oracleShape = (c: OracleCluster | null) =>
  c && { id: c.id, key: c.key, queue: c.queue, intent: c.intent, lang: c.lang, sku: c.sku, size: c.members.size, members: [...c.members.keys()], representative: [...c.members.keys()][0], platforms: Object.fromEntries(c.platforms) };

/** Every filter a moderator can set: each queue or all, alone and with intent, platform, language or SKU. */
function filters(): DeskFilter[] {
  const out: DeskFilter[] = [];
  for (const queue of ['all', ...queueNames] as const) {
    out.push({ queue, done: false });
    for (const intent of ['order', 'question', 'complaint', 'other'] as const) out.push({ queue, done: false, intent });
    for (const platform of PLATFORMS) out.push({ queue, done: false, platform });
    for (const lang of LANGS) if (lang) out.push({ queue, done: false, lang });
    for (const sku of SKUS) if (sku) out.push({ queue, done: false, sku });
    out.push({ queue, done: false, platform: 'youtube', lang: 'pt', sku: 'GLW-SER-30' });
    out.push({ queue, done: false, platform: 'nobody' });
  }
  return out;
}

function compare(w: World, now: number) {
  const limits = { backlog: 40, oldestSeconds: 20 };
  const watched = new Set<QueueName>(['commerce', 'moderators', 'customer-service', 'unsure']);
  // Queue counts, claims, oldest wait and overflow verdicts, with and without work-item counts.
  expect(w.mine.queues.summaries(now, limits, watched, w.mine.clusters.itemsIn)).toEqual(w.oracle.queues.summaries(now, limits, watched, w.oracle.clusters.itemsIn));
  expect(w.mine.queues.summaries(now, limits, watched)).toEqual(w.oracle.queues.summaries(now, limits, watched));
  expect(w.mine.queues.size()).toBe(w.oracle.queues.size());
  expect(w.mine.clusters.work()).toEqual(w.oracle.clusters.work());
  for (const q of queueNames) expect(w.mine.clusters.itemsIn(q)).toBe(w.oracle.clusters.itemsIn(q));

  // The same counts from the records themselves: what SQLite would say.
  const open = [...w.records.values()].filter((r) => OPEN.includes(r.status));
  const summaries = w.mine.queues.summaries(now, limits, watched, w.mine.clusters.itemsIn);
  for (const q of queueNames) {
    const inQ = open.filter((r) => r.queue === q);
    const s = summaries.find((x) => x.name === q)!;
    expect(s.open).toBe(inQ.length);
    expect(s.claimed).toBe(inQ.filter((r) => r.status === 'claimed').length);
    expect(s.oldestReceivedAt).toBe(inQ.length ? Math.min(...inQ.map((r) => r.receivedAt)) : null);
    expect(s.items).toBe(new Set(inQ.map((r) => r.clusterKey)).size);
  }
  for (const r of open.slice(0, 200)) {
    expect(w.mine.queues.get(r.id)).toEqual({ queue: r.queue, status: r.status, receivedAt: r.receivedAt, claimedBy: r.claimedBy });
    expect(shape(w.mine.clusters.ofComment(r.id))).toEqual(oracleShape(w.oracle.clusters.ofComment(r.id)));
  }

  // Every filtered desk: its total, its whole order, and windows read at several offsets.
  for (const f of filters()) {
    const mine = w.mine.clusters.window(f, 0, 1_000_000);
    const oracle = w.oracle.clusters.window(f, 0, 1_000_000);
    expect(mine.total, JSON.stringify(f)).toBe(oracle.total);
    expect(mine.clusters.map((c) => c.id), JSON.stringify(f)).toEqual(oracle.clusters.map((c) => c.id));
    // Platform, language and intent filters counted from the records (what a capped index got wrong).
    const keys = new Set(
      open
        .filter((r) => (f.queue === 'all' ? r.queue !== 'spam' : r.queue === f.queue))
        .filter((r) => (!f.intent || r.intent === f.intent) && (!f.lang || r.lang === f.lang) && (!f.platform || r.platform === f.platform))
        .map((r) => r.clusterKey),
    );
    if (!f.sku) expect(mine.total, JSON.stringify(f)).toBe(keys.size);
    for (const offset of [0, 37, Math.max(0, mine.total - 20)]) {
      const a = w.mine.clusters.window(f, offset, 50);
      const b = w.oracle.clusters.window(f, offset, 50);
      expect(a.total).toBe(b.total);
      expect(a.clusters.map(shape)).toEqual(b.clusters.map(oracleShape));
    }
    for (const c of mine.clusters.slice(0, 5)) expect(shape(w.mine.clusters.get(c.id))).toEqual(oracleShape(w.oracle.clusters.get(c.id)));
  }
}

describe('open-work indexes on a big show', () => {
  it('answer every desk filter, count and window as the plain index and the records do (3 shows)', () => {
    let checks = 0;
    for (const seed of [1, 2, 3]) {
      const w = play(seed, 12_000, (world, _step, now) => {
        compare(world, now);
        checks += 1;
      }, 3_000);
      // The generated shows are big and varied enough to mean something.
      const open = [...w.records.values()].filter((r) => OPEN.includes(r.status));
      expect(open.length).toBeGreaterThan(3_000);
      expect(open.filter((r) => r.status === 'claimed').length).toBeGreaterThan(100);
      expect(open.filter((r) => r.status === 'escalated').length).toBeGreaterThan(100);
    }
    expect(checks).toBe(12);
  }, 300_000);
  it('hold 50,000 open comments (few handled) and still count every filter as the records do', () => {
    const w = play(7, 70_000, (world, _step, now) => compare(world, now), 70_000, 0.9);
    expect(w.mine.queues.size()).toBeGreaterThan(45_000);
  }, 300_000);
});
