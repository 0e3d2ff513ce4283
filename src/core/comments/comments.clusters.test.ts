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
    expect(w.clusters.map((c) => c.memberIds().join('+'))).toEqual(['c1', 'q1+q3', 'q2', 'o1']);
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

describe('kept counts', () => {
  it('counts and windows a queue-only filter exactly as walking every item does, through arrivals, answers and moves', () => {
    const ix = createClusterIndex(clusterKeyOf);
    const texts = ['ship to lima?', 'vegan?', 'broken cap', 'hi all', 'is it red', 'price?'];
    const intents: ClusterInput['intent'][] = ['question', 'question', 'complaint', 'other', 'order', 'spam'];
    const live: ClusterInput[] = [];
    let rnd = 7;
    const next = () => (rnd = (rnd * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let step = 0; step < 600; step++) {
      const roll = next();
      if (roll < 0.6 || live.length === 0) {
        const k = Math.floor(next() * texts.length);
        const c = r(`c${step}`, intents[k] as ClusterInput['intent'], `${texts[k]}${next() < 0.5 ? '' : ` ${step}`}`);
        live.push(c);
        ix.apply(c);
      } else {
        const c = live.splice(Math.floor(next() * live.length), 1)[0] as ClusterInput;
        ix.apply({ ...c, status: roll < 0.9 ? 'answered' : 'dismissed' });
      }
      if (step % 50 === 0) {
        for (const queue of ['all', 'moderators', 'other', 'spam'] as const) {
          // Every comment here is on tiktok: the platform filter takes the full walk and must agree.
          for (const [offset, limit] of [[0, 5], [3, 50], [40, 10]] as const) {
            const kept = ix.window({ queue, done: false }, offset, limit);
            const walked = ix.window({ queue, done: false, platform: 'tiktok' }, offset, limit);
            expect(kept.total).toBe(walked.total);
            expect(kept.clusters.map((c) => c.id)).toEqual(walked.clusters.map((c) => c.id));
          }
          if (queue !== 'all') expect(ix.itemsIn(queue)).toBe(ix.window({ queue, done: false, platform: 'tiktok' }, 0, 1).total);
        }
      }
    }
  });
});

describe('cluster ids that collide', () => {
  // Two work-item keys whose 12-hex ids are equal (found by a cycle search over SHA-1, as a viewer
  // could compute a question that lands in another's item). Both hash to f71ebeabfbb1.
  const A = 'moderators|question|en|w:qb3247f24de1a';
  const B = 'moderators|question|en|w:qefc936b19c2f';
  const byText = (x: ClusterInput) => x.text;

  it('never put two different questions in one work item: the later key takes the next free id while the first is open', () => {
    const ix = createClusterIndex(byText);
    ix.apply(r('a1', 'question', A));
    ix.apply(r('b1', 'question', B));
    ix.apply(r('a2', 'question', A));
    const a = ix.ofComment('a1')!;
    const b = ix.ofComment('b1')!;
    expect(a.id).toBe('f71ebeabfbb1');
    expect(a.memberIds()).toEqual(['a1', 'a2']);
    expect(b.id).not.toBe(a.id);
    expect(b.memberIds()).toEqual(['b1']);
    expect(ix.get(b.id)?.key).toBe(B);
    // The first item closes: its id is free again; the later key keeps the one it took.
    ix.apply(r('a1', 'question', A, 'answered'));
    ix.apply(r('a2', 'question', A, 'answered'));
    ix.apply(r('b2', 'question', B));
    expect(ix.ofComment('b2')?.id).toBe(b.id);
    expect(ix.get('f71ebeabfbb1')).toBeNull();
  });
});
