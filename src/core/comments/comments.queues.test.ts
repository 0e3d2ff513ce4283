import { describe, expect, it } from 'vitest';
import { createQueueIndex } from './comments.queues';
import { catalogOf, skuForTitle } from './comments.catalog';
import { showSchema } from '../../shared/show/show.schema';
import { readFileSync } from 'node:fs';

const e = (id: string, queue: 'commerce' | 'moderators', receivedAt: number, status: 'new' | 'claimed' | 'answered' = 'new', claimedBy: string | null = null) => ({
  id,
  queue,
  receivedAt,
  status,
  claimedBy,
});
const limits = { backlog: 2, oldestSeconds: 60 };
const watched = new Set(['commerce', 'moderators'] as const);

describe('queue index', () => {
  it('counts open and claimed per queue and finds the oldest, also after moves', () => {
    const q = createQueueIndex();
    q.apply(e('a', 'commerce', 1_000));
    q.apply(e('b', 'commerce', 2_000));
    q.apply(e('c', 'moderators', 500));
    q.apply(e('b', 'commerce', 2_000, 'claimed', 'Ana'));
    let s = q.summaries(10_000, limits, watched);
    expect(s.find((x) => x.name === 'commerce')).toMatchObject({ open: 2, claimed: 1, oldestReceivedAt: 1_000, overflow: false });
    // c moves to commerce: older than what is there, so the order is recomputed.
    q.apply(e('c', 'commerce', 500));
    s = q.summaries(10_000, limits, watched);
    expect(s.find((x) => x.name === 'commerce')).toMatchObject({ open: 3, oldestReceivedAt: 500, overflow: true, overflowReason: '3 waiting (limit 2)' });
    expect(s.find((x) => x.name === 'moderators')).toMatchObject({ open: 0, oldestReceivedAt: null });
    q.apply(e('c', 'commerce', 500, 'answered'));
    q.apply(e('a', 'commerce', 1_000, 'answered'));
    s = q.summaries(70_000, limits, watched);
    expect(s.find((x) => x.name === 'commerce')).toMatchObject({ open: 1, claimed: 1, oldestReceivedAt: 2_000, overflow: true, overflowReason: 'oldest 68 s (limit 60 s)' });
    expect(q.size()).toBe(1);
    expect(q.get('b')?.claimedBy).toBe('Ana');
    expect(s.find((x) => x.name === 'spam')?.watched).toBe(false);
  });
  it('overflows on work items, not comments: many people asking one thing are one item', () => {
    const q = createQueueIndex();
    for (let i = 0; i < 30; i++) q.apply(e(`m${i}`, 'moderators', 9_000));
    const items = new Map([['moderators', 2]]);
    const itemsOf = (name: string) => items.get(name) ?? 0;
    let s = q.summaries(10_000, limits, watched, itemsOf);
    expect(s.find((x) => x.name === 'moderators')).toMatchObject({ open: 30, items: 2, overflow: false });
    items.set('moderators', 3);
    s = q.summaries(10_000, limits, watched, itemsOf);
    expect(s.find((x) => x.name === 'moderators')).toMatchObject({ overflow: true, overflowReason: '3 items waiting (limit 2; 30 comments)' });
    // Without item counts every comment is an item.
    expect(q.summaries(10_000, limits, watched).find((x) => x.name === 'moderators')).toMatchObject({ items: 30, overflowReason: '30 waiting (limit 2)' });
  });
});

describe('catalog', () => {
  const show = showSchema.parse(JSON.parse(readFileSync('resources/demo-show/show.json', 'utf8')));
  it('gives the classifier every word for a product: aliases, and colour and size as fields (it knows their other languages)', () => {
    const c = catalogOf(show);
    expect(c.products.find((p) => p.sku === 'LIP-TINT-NUDE')).toMatchObject({ name: 'Lip Tint Nude', onScreen: '#2', colour: 'nude' });
    expect(c.products.find((p) => p.sku === 'GLW-SER-30')?.size).toBe('30 ml');
    expect(c.offers[0]).toMatchObject({ code: 'LIVEGLOW', skus: ['BNDL-GLOW-KIT'] });
  });
  it('maps a platform’s pinned-product title to the show’s SKU', () => {
    expect(skuForTitle(show, 'Lumen Lip Tint Berry – limited')).toBe('LIP-TINT-BERRY');
    expect(skuForTitle(show, 'Glow Kit')).toBe('BNDL-GLOW-KIT');
    expect(skuForTitle(show, 'Something else entirely')).toBeNull();
  });
});
