import { describe, expect, it } from 'vitest';
import { createClusterIndex, type ClusterInput } from './comments.clusters';
import { clusterKeyOf } from './cluster.key';

let seq = 0;
const r = (id: string, intent: ClusterInput['intent'], text: string, status: ClusterInput['status'] = 'new'): ClusterInput => ({
  id,
  seq: ++seq,
  queue: intent === 'complaint' ? 'customer-service' : intent === 'order' ? 'commerce' : intent === 'question' ? 'moderators' : 'other',
  intent,
  lang: 'en',
  sku: null,
  status,
  claimedBy: null,
  receivedAt: seq * 1000,
  platform: 'tiktok',
  text,
});

describe('the open work index', () => {
  it('orders complaints first, then questions and orders by age, groups and lone comments alike, chatter last', () => {
    const ix = createClusterIndex(clusterKeyOf);
    for (const c of [r('o1', 'other', 'hi all'), r('q1', 'question', 'ship to lima?'), r('q2', 'question', 'vegan?'), r('q3', 'question', 'ship to Lima'), r('c1', 'complaint', 'broken cap')]) ix.apply(c);
    const w = ix.window({ queue: 'all', done: false }, 0, 10);
    expect(w.clusters.map((c) => [...c.members.keys()].join('+'))).toEqual(['c1', 'q1+q3', 'q2', 'o1']);
    expect(ix.work()).toEqual({ items: 3, comments: 4 });
  });
  it('lets an item go when its last comment is done, and counts only what needs a person as work', () => {
    const ix = createClusterIndex(clusterKeyOf);
    const a = r('q1', 'question', 'vegan?');
    ix.apply(a);
    ix.apply(r('x', 'other', 'lol'));
    ix.apply({ ...a, status: 'answered' });
    expect(ix.window({ queue: 'all', done: false }, 0, 10).total).toBe(1);
    expect(ix.work()).toEqual({ items: 0, comments: 0 });
    expect(ix.window({ queue: 'all', done: false }, 5, 10)).toMatchObject({ clusters: [], total: 1 });
  });
});
