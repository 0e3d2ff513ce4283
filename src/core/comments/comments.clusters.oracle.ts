// Test oracle: the cluster index exactly as it was at 65ae888 (a Map entry and an object per open
// member). The compact index must answer every question the same; see comments.open-index.property.test.ts.
// The desk's open work items, in memory: every open comment sits in the cluster of its key, and
// the desk reads them in the order that matters — complaints first, then questions and orders,
// then the rest, each by age (oldest waiting first) — one window at a time, never the whole list.
import type { CommentRecord, CommentStatus, DeskFilter, Intent } from '../../shared/contract/index';
import type { QueueName } from '../../shared/show/show.schema';
import { isOpen } from './comments.queues.oracle';
import { clusterIdOf } from './cluster.key';

export interface ClusterMember {
  id: string;
  seq: number;
  receivedAt: number;
  platform: string;
  status: CommentStatus;
  claimedBy: string | null;
}

export interface OpenCluster {
  id: string;
  key: string;
  queue: QueueName;
  intent: Intent;
  lang: string;
  sku: string | null;
  tier: number;
  /** Open members in receipt order: the first is the representative the desk shows. */
  members: Map<string, ClusterMember>;
  platforms: Map<string, number>;
}

export interface ClusterInput {
  id: string;
  seq: number;
  clusterKey?: string | null | undefined;
  queue: QueueName;
  intent: Intent;
  lang: string;
  sku: string | null;
  status: CommentStatus;
  claimedBy: string | null;
  receivedAt: number;
  platform: string;
  text: string;
  sub?: CommentRecord['sub'];
}

export interface ClusterIndex {
  reset(records: readonly ClusterInput[]): void;
  /** Records a comment's current state: open ones sit in their key's cluster, done ones leave. */
  apply(r: ClusterInput): void;
  get(clusterId: string): OpenCluster | null;
  ofComment(commentId: string): OpenCluster | null;
  /** Open items matching the filter, in desk order, from `offset`; `total` counts them all. */
  window(filter: DeskFilter, offset: number, limit: number): { clusters: OpenCluster[]; total: number };
  /** Open work items per queue, kept as comments come and go (never counted by a scan). */
  itemsIn(queue: QueueName): number;
  /** Work items (and their comments) in the tiers that need a person: complaints, questions, orders. */
  work(): { items: number; comments: number };
  /** Bumps on every change of open work. */
  version(): number;
}

/** Complaints first; then what a viewer waits on (questions, orders); then chatter; spam last. */
const TIER: Record<Intent, number> = { complaint: 0, question: 1, order: 1, other: 2, spam: 3 };
const TIERS = 4;
export const PERSON_TIERS = 2;

interface Tier {
  /** Clusters of two or more: few, sorted per window by their oldest member. */
  multi: Set<OpenCluster>;
  /** Lone comments in receipt order (a Map keeps insertion order). */
  single: Map<string, OpenCluster>;
}

const first = (c: OpenCluster): ClusterMember => c.members.values().next().value as ClusterMember;

export function matchesFilter(c: OpenCluster, f: DeskFilter): boolean {
  if (f.queue === 'all' ? c.queue === 'spam' : c.queue !== f.queue) return false;
  if (f.intent && c.intent !== f.intent) return false;
  if (f.sku && c.sku !== f.sku) return false;
  if (f.lang && c.lang !== f.lang) return false;
  if (f.platform && !c.platforms.has(f.platform)) return false;
  return true;
}

export function createClusterIndex(keyOf: (r: ClusterInput) => string): ClusterIndex {
  const clusters = new Map<string, OpenCluster>();
  const where = new Map<string, OpenCluster>();
  let tiers: Tier[] = [];
  let version = 0;
  let workComments = 0;
  const itemsByQueue = new Map<QueueName, number>();
  const resetTiers = () => {
    tiers = Array.from({ length: TIERS }, () => ({ multi: new Set(), single: new Map() }));
  };
  resetTiers();

  const place = (c: OpenCluster, before: number) => {
    const t = tiers[c.tier] as Tier;
    const now = c.members.size;
    if (before === now) return;
    if (before === 1) t.single.delete(c.id);
    if (before >= 2 && now < 2) t.multi.delete(c);
    if (now === 1) t.single.set(c.id, c);
    else if (now >= 2) t.multi.add(c);
    if (now === 0) {
      clusters.delete(c.id);
      if (probed.get(c.key) === c.id) probed.delete(c.key);
    }
    if (before === 0 && now > 0) itemsByQueue.set(c.queue, (itemsByQueue.get(c.queue) ?? 0) + 1);
    if (before > 0 && now === 0) itemsByQueue.set(c.queue, (itemsByQueue.get(c.queue) ?? 0) - 1);
    if (c.tier < PERSON_TIERS) workComments += now - before;
  };

  /** Keys whose short id an open cluster of another key held: they took the next free id. */
  const probed = new Map<string, string>();
  /**
   * The id of `key`'s work item. A 12-hex id can collide, by chance or by a viewer who computed a
   * text whose key hashes to another question's id: different keys never share a work item, the
   * later one takes the next free id for as long as its cluster is open.
   */
  const idFor = (key: string): string => {
    const known = probed.get(key);
    if (known !== undefined && clusters.get(known)?.key === key) return known;
    const base = clusterIdOf(key);
    let id = base;
    for (let n = 1; clusters.has(id) && clusters.get(id)!.key !== key; n++) id = clusterIdOf(`${key}\u0000${n}`);
    if (id === base) probed.delete(key);
    else probed.set(key, id);
    return id;
  };

  const leave = (commentId: string) => {
    const c = where.get(commentId);
    if (!c) return;
    where.delete(commentId);
    const m = c.members.get(commentId);
    const before = c.members.size;
    c.members.delete(commentId);
    if (m) {
      const n = (c.platforms.get(m.platform) ?? 1) - 1;
      if (n <= 0) c.platforms.delete(m.platform);
      else c.platforms.set(m.platform, n);
    }
    place(c, before);
  };

  const index: ClusterIndex = {
    reset(records) {
      clusters.clear();
      where.clear();
      probed.clear();
      resetTiers();
      workComments = 0;
      itemsByQueue.clear();
      for (const r of [...records].sort((a, b) => a.seq - b.seq)) index.apply(r);
      version += 1;
    },
    apply(r) {
      version += 1;
      if (!isOpen(r.status)) {
        leave(r.id);
        return;
      }
      const key = r.clusterKey || keyOf(r);
      const id = idFor(key);
      const member: ClusterMember = { id: r.id, seq: r.seq, receivedAt: r.receivedAt, platform: r.platform, status: r.status, claimedBy: r.claimedBy };
      const current = where.get(r.id);
      if (current && current.id === id) {
        current.members.set(r.id, member);
        return;
      }
      leave(r.id);
      let c = clusters.get(id);
      if (!c) {
        c = { id, key, queue: r.queue, intent: r.intent, lang: r.lang, sku: r.sku, tier: TIER[r.intent], members: new Map(), platforms: new Map() };
        clusters.set(id, c);
      }
      const before = c.members.size;
      c.members.set(r.id, member);
      c.platforms.set(r.platform, (c.platforms.get(r.platform) ?? 0) + 1);
      where.set(r.id, c);
      place(c, before);
    },
    get: (id) => clusters.get(id) ?? null,
    ofComment: (id) => where.get(id) ?? null,
    window(filter, offset, limit) {
      // A queue-only filter (the usual desk) is counted by the kept per-queue figures, and the walk
      // stops at the window's end; a narrower filter (intent, SKU, language, platform) walks it all.
      const plain = !filter.intent && !filter.sku && !filter.lang && !filter.platform;
      const out: OpenCluster[] = [];
      let seen = 0;
      const take = (c: OpenCluster): boolean => {
        if (!matchesFilter(c, filter)) return true;
        if (seen >= offset && out.length < limit) out.push(c);
        seen += 1;
        return !plain || out.length < limit;
      };
      walk: for (const t of tiers) {
        // Oldest first within a tier, groups and lone comments alike: the order stays put while
        // the desk reads it (a row does not jump because its group grew).
        const multi = [...t.multi].sort((a, b) => first(a).seq - first(b).seq);
        let m = 0;
        for (const c of t.single.values()) {
          while (m < multi.length && first(multi[m] as OpenCluster).seq < first(c).seq) if (!take(multi[m++] as OpenCluster)) break walk;
          if (!take(c)) break walk;
        }
        while (m < multi.length) if (!take(multi[m++] as OpenCluster)) break walk;
      }
      if (!plain) return { clusters: out, total: seen };
      let total = 0;
      if (filter.queue === 'all') for (const [q, n] of itemsByQueue) total += q === 'spam' ? 0 : n;
      else total = itemsByQueue.get(filter.queue) ?? 0;
      return { clusters: out, total };
    },
    itemsIn: (queue) => itemsByQueue.get(queue) ?? 0,
    work() {
      let items = 0;
      for (let i = 0; i < PERSON_TIERS; i++) items += (tiers[i] as Tier).multi.size + (tiers[i] as Tier).single.size;
      return { items, comments: workComments };
    },
    version: () => version,
  };
  return index;
}

export function representative(c: OpenCluster): ClusterMember {
  return first(c);
}
