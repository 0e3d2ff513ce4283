// The desk's open work items, in memory: every open comment sits in the cluster of its key, and
// the desk reads them in the order that matters — complaints first, then questions and orders,
// then the rest, each by age (oldest waiting first) — one window at a time, never the whole list.
import type { CommentRecord, CommentStatus, DeskFilter, Intent } from '../../shared/contract/index';
import type { QueueName } from '../../shared/show/show.schema';
import { isOpen } from './comments.queues';
import { clusterIdOf } from './cluster.key';

/**
 * One open work item. Kept for every open comment's item for the whole show, and most items are a
 * lone comment (chatter above all), so an item holds its members and platforms without Maps until
 * it has two of them: a lone comment costs this one object and its Map entries in the index.
 */
export interface OpenCluster {
  readonly id: string;
  readonly key: string;
  readonly queue: QueueName;
  readonly intent: Intent;
  readonly lang: string;
  readonly sku: string | null;
  readonly tier: number;
  /** Open members. */
  readonly size: number;
  /** Open members' comment ids in the order they joined: the first is the representative the desk shows. */
  memberIds(): string[];
  /** The member the desk shows for the item: the first to join of those still open. */
  representativeId(): string;
  /** Open members per platform. */
  platformCounts(): Record<string, number>;
  hasPlatform(platform: string): boolean;
}

/**
 * A member is stored as one number: its seq times PLATFORM_CODES plus its platform's code (a small
 * integer for V8 up to 2^24 comments, exact far beyond). A platform past the first 63 seen gets the
 * last code and is kept by comment id.
 */
const PLATFORM_CODES = 64;
const ODD_PLATFORM = PLATFORM_CODES - 1;

class Cluster implements OpenCluster {
  /** The lone member (when `many` is null) and its packed seq. */
  private one: string | null = null;
  private oneAt = 0;
  private many: Map<string, number> | null = null;
  /** The one platform (when `platMap` is null) and its members. */
  private plat = '';
  private platN = 0;
  private platMap: Map<string, number> | null = null;

  constructor(
    readonly id: string,
    readonly key: string,
    readonly queue: QueueName,
    readonly intent: Intent,
    readonly lang: string,
    readonly sku: string | null,
    readonly tier: number,
  ) {}

  get size(): number {
    return this.many ? this.many.size : this.one === null ? 0 : 1;
  }
  has(commentId: string): boolean {
    return this.many ? this.many.has(commentId) : this.one === commentId;
  }
  /** The first member's packed seq. */
  firstAt(): number {
    return this.many ? (this.many.values().next().value as number) : this.oneAt;
  }
  representativeId(): string {
    return this.many ? (this.many.keys().next().value as string) : (this.one as string);
  }
  packedOf(commentId: string): number | undefined {
    if (this.many) return this.many.get(commentId);
    return this.one === commentId ? this.oneAt : undefined;
  }
  add(commentId: string, packed: number, platform: string): void {
    if (this.many) this.many.set(commentId, packed);
    else if (this.one === null) {
      this.one = commentId;
      this.oneAt = packed;
    } else {
      this.many = new Map([
        [this.one, this.oneAt],
        [commentId, packed],
      ]);
      this.one = null;
    }
    if (this.platMap) this.platMap.set(platform, (this.platMap.get(platform) ?? 0) + 1);
    else if (this.platN === 0 || this.plat === platform) {
      this.plat = platform;
      this.platN += 1;
    } else {
      this.platMap = new Map([
        [this.plat, this.platN],
        [platform, 1],
      ]);
    }
  }
  remove(commentId: string, platform: string): void {
    if (this.many) {
      this.many.delete(commentId);
      if (this.many.size === 1) {
        const [id, at] = this.many.entries().next().value as [string, number];
        this.one = id;
        this.oneAt = at;
        this.many = null;
      }
    } else if (this.one === commentId) this.one = null;
    if (this.platMap) {
      const n = (this.platMap.get(platform) ?? 1) - 1;
      if (n <= 0) this.platMap.delete(platform);
      else this.platMap.set(platform, n);
      if (this.platMap.size === 1) {
        const [p, count] = this.platMap.entries().next().value as [string, number];
        this.plat = p;
        this.platN = count;
        this.platMap = null;
      }
    } else if (this.plat === platform) {
      this.platN -= 1;
      if (this.platN <= 0) {
        this.plat = '';
        this.platN = 0;
      }
    }
  }
  memberIds(): string[] {
    if (this.many) return [...this.many.keys()];
    return this.one === null ? [] : [this.one];
  }
  platformCounts(): Record<string, number> {
    if (this.platMap) return Object.fromEntries(this.platMap);
    return this.platN > 0 ? { [this.plat]: this.platN } : {};
  }
  hasPlatform(platform: string): boolean {
    return this.platMap ? this.platMap.has(platform) : this.platN > 0 && this.plat === platform;
  }
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
  multi: Set<Cluster>;
  /** Lone comments in receipt order (a Set keeps insertion order). */
  single: Set<Cluster>;
}

export function matchesFilter(c: OpenCluster, f: DeskFilter): boolean {
  if (f.queue === 'all' ? c.queue === 'spam' : c.queue !== f.queue) return false;
  if (f.intent && c.intent !== f.intent) return false;
  if (f.sku && c.sku !== f.sku) return false;
  if (f.lang && c.lang !== f.lang) return false;
  if (f.platform && !c.hasPlatform(f.platform)) return false;
  return true;
}

export function createClusterIndex(keyOf: (r: ClusterInput) => string): ClusterIndex {
  const clusters = new Map<string, Cluster>();
  const where = new Map<string, Cluster>();
  let tiers: Tier[] = [];
  let version = 0;
  let workComments = 0;
  const itemsByQueue = new Map<QueueName, number>();
  const resetTiers = () => {
    tiers = Array.from({ length: TIERS }, () => ({ multi: new Set(), single: new Set() }));
  };
  resetTiers();

  // Platforms by code (see PLATFORM_CODES); a show has a handful. Codes are never reused, so a
  // member's code stays valid for as long as it is open.
  const platformCode = new Map<string, number>();
  const platformName: string[] = [];
  /** Members on a platform beyond the coded ones (a show with more than 63 platform names). */
  const oddPlatform = new Map<string, string>();
  const pack = (commentId: string, seq: number, platform: string): number => {
    let code = platformCode.get(platform);
    if (code === undefined && platformName.length < ODD_PLATFORM) {
      code = platformName.length;
      platformName.push(platform);
      platformCode.set(platform, code);
    }
    if (code === undefined) {
      oddPlatform.set(commentId, platform);
      code = ODD_PLATFORM;
    }
    return seq * PLATFORM_CODES + code;
  };
  const platformOf = (commentId: string, packed: number): string => {
    const code = packed % PLATFORM_CODES;
    return code === ODD_PLATFORM ? (oddPlatform.get(commentId) ?? '') : (platformName[code] as string);
  };

  const place = (c: Cluster, before: number) => {
    const t = tiers[c.tier] as Tier;
    const now = c.size;
    if (before === now) return;
    if (before === 1) t.single.delete(c);
    if (before >= 2 && now < 2) t.multi.delete(c);
    if (now === 1) t.single.add(c);
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
    const packed = c.packedOf(commentId);
    const before = c.size;
    if (packed !== undefined) {
      c.remove(commentId, platformOf(commentId, packed));
      oddPlatform.delete(commentId);
    }
    place(c, before);
  };

  const index: ClusterIndex = {
    reset(records) {
      clusters.clear();
      where.clear();
      probed.clear();
      oddPlatform.clear();
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
      const current = where.get(r.id);
      // Still in its item: nothing the index keeps has changed (a comment's seq and platform never do).
      if (current && current.id === id) return;
      leave(r.id);
      let c = clusters.get(id);
      if (!c) {
        c = new Cluster(id, key, r.queue, r.intent, r.lang, r.sku, TIER[r.intent]);
        clusters.set(id, c);
      }
      const before = c.size;
      c.add(r.id, pack(r.id, r.seq, r.platform), r.platform);
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
      const take = (c: Cluster): boolean => {
        if (!matchesFilter(c, filter)) return true;
        if (seen >= offset && out.length < limit) out.push(c);
        seen += 1;
        return !plain || out.length < limit;
      };
      walk: for (const t of tiers) {
        // Oldest first within a tier, groups and lone comments alike: the order stays put while
        // the desk reads it (a row does not jump because its group grew).
        const multi = [...t.multi].sort((a, b) => a.firstAt() - b.firstAt());
        let m = 0;
        for (const c of t.single) {
          // Packed values order as their seqs do (the platform code is the low part).
          while (m < multi.length && (multi[m] as Cluster).firstAt() < c.firstAt()) if (!take(multi[m++] as Cluster)) break walk;
          if (!take(c)) break walk;
        }
        while (m < multi.length) if (!take(multi[m++] as Cluster)) break walk;
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
