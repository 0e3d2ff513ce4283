import { describe, expect, it } from 'vitest';
import type { DeskItem } from '../../../../shared/contract/index';
import { emptyCache, indexOf, itemAt, pagesFor, pagesToFetch, storePage } from './desk-window.logic';

const item = (id: string) => ({ id, size: 1, comment: { id } as DeskItem['comment'], platforms: {}, pinned: false }) as DeskItem;

describe('desk window paging', () => {
  it('asks only for the pages on screen plus a margin, never the whole list', () => {
    expect(pagesFor(0, 20, 100_000)).toEqual([0, 1]);
    expect(pagesFor(50_000, 50_015, 100_000)).toEqual([999, 1000, 1001]);
    expect(pagesFor(99_990, 99_999, 100_000)).toEqual([1998, 1999]);
    expect(pagesFor(0, 10, 0)).toEqual([0]);
  });
  it('re-reads stale pages when the station moved, keeps fresh ones, drops far ones', () => {
    const c = emptyCache('all');
    storePage(c, 0, [item('a'), item('b')], 2, 5, [0]);
    expect(pagesToFetch(c, [0, 1], 5)).toEqual([1]);
    expect(pagesToFetch(c, [0], 6)).toEqual([0]);
    storePage(c, 7, [item('z')], 400, 6, [7]);
    expect(c.pages.has(0)).toBe(false);
    expect(itemAt(c, 350)?.id).toBe('z');
    expect(itemAt(c, 351)).toBeUndefined();
    expect(indexOf(c, 'z')).toBe(350);
    expect(indexOf(c, 'a')).toBe(-1);
  });
});
