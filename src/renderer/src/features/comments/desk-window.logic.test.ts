import { describe, expect, it } from 'vitest';
import type { DeskItem } from '../../../../shared/contract/index';
import { contiguousRuns, DESK_PAGE, emptyCache, indexOf, itemAt, outrunsReads, pagesFor, pagesHeld, itemKey, pagesToFetch, placeholderKey, assignRows, noRows, type RowSlots, rowRange, samePages, scrollToShow, storeAnswer, rowsMissing, readTotal } from './desk-window.logic';

const item = (id: string) => ({ id, size: 1, comment: { id } as DeskItem['comment'], platforms: {}, pinned: false }) as DeskItem;

describe('desk window paging', () => {
  it('asks only for the pages on screen plus a margin, never the whole list', () => {
    expect(pagesFor(0, 20, 100_000, 50)).toEqual([0, 1]);
    expect(pagesFor(50_000, 50_015, 100_000, 50)).toEqual([999, 1000, 1001]);
    expect(pagesFor(99_990, 99_999, 100_000, 50)).toEqual([1998, 1999]);
    expect(pagesFor(0, 10, 0)).toEqual([0]);
  });
  it('reads about a hundred rows around a screen of 21: every row read is JSON the page decodes on its main thread', () => {
    const pages = pagesFor(50_000, 50_020, 100_000);
    expect(pages.length * DESK_PAGE).toBeLessThanOrEqual(100);
    expect(pages[0]! * DESK_PAGE).toBeLessThanOrEqual(50_000 - 10);
    expect((pages.at(-1)! + 1) * DESK_PAGE - 1).toBeGreaterThanOrEqual(50_020 + 10);
  });
  it('a desk just opened reads the screen and its margin in one answer: knowing the total asks for nothing more', () => {
    const c = emptyCache('all');
    // The list's first range: rows 0–20 on screen (with its overscan).
    const first = pagesFor(0, 20, readTotal(c));
    expect(first).toEqual(pagesFor(0, 20, 100_000));
    storeAnswer(
      c,
      first.map((p) => [p, Array.from({ length: DESK_PAGE }, (_, i) => item(`c${p * DESK_PAGE + i}`))] as const),
      100_000,
      3,
      first,
    );
    expect(readTotal(c)).toBe(100_000);
    expect(pagesToFetch(c, pagesFor(0, 20, readTotal(c)), 3)).toEqual([]);
    // A short desk and an empty one: the station answers fewer rows (the desk keeps the pages the
    // total has), and nothing past the end is asked again — not after every answer, forever.
    for (const rows of [[item('s1'), item('s2')], []]) {
      const short = emptyCache('spam');
      const asked = pagesFor(0, 20, readTotal(short));
      storeAnswer(short, asked.map((p) => [p, p === 0 ? rows : []] as const), rows.length, 1, pagesHeld(0, 20, null, rows.length || DESK_PAGE));
      expect(pagesToFetch(short, pagesFor(0, 20, readTotal(short)), 1)).toEqual([]);
      expect(itemAt(short, 1)?.id).toBe(rows[1]?.id);
    }
  });
  it('re-reads stale pages when the station moved, keeps fresh ones, drops far ones', () => {
    const c = emptyCache('all');
    storeAnswer(c, [[0, [item('a'), item('b')]]], 2, 5, [0]);
    expect(pagesToFetch(c, [0, 1], 5)).toEqual([1]);
    expect(pagesToFetch(c, [0], 6)).toEqual([0]);
    storeAnswer(c, [[7, [item('z')]]], 400, 6, [7]);
    expect(c.pages.has(0)).toBe(false);
    expect(itemAt(c, 350, 50)?.id).toBe('z');
    expect(itemAt(c, 351, 50)).toBeUndefined();
    expect(indexOf(c, 'z', 50)).toBe(350);
    expect(indexOf(c, 'a')).toBe(-1);
  });
});

describe('the selection off screen', () => {
  it("holds the selection's page and its neighbours beside the screen's, so j after a jump away shows rows at once", () => {
    expect(pagesHeld(50_000, 50_020, 0, 100_000)).toEqual([0, 1, 1999, 2000, 2001]);
    // On screen: nothing more.
    expect(pagesHeld(0, 20, 3, 100_000)).toEqual(pagesFor(0, 20, 100_000));
    expect(pagesHeld(0, 20, null, 100_000)).toEqual(pagesFor(0, 20, 100_000));
    expect(pagesHeld(0, 20, 5, 0)).toEqual([0]);
    expect(pagesHeld(50_000, 50_020, 99_999, 100_000)).toEqual([1999, 2000, 2001, 3998, 3999]);
  });
  it('keeps those pages when an answer lands, and drops them once the selection moved away', () => {
    const c = emptyCache('all');
    storeAnswer(c, [[0, [item('a')]]], 400, 1, pagesHeld(0, 20, 0, 400));
    storeAnswer(c, [[12, [item('m')]]], 400, 1, pagesHeld(300, 320, 0, 400));
    expect(itemAt(c, 0)?.id).toBe('a');
    expect(indexOf(c, 'a')).toBe(0);
    storeAnswer(c, [[12, [item('m')]]], 400, 2, pagesHeld(300, 320, 310, 400));
    expect(c.pages.has(0)).toBe(false);
  });
});

describe('reads while jumping', () => {
  it('a screen moving more than a page a frame outruns a read (covering it and a page either side); a smooth scroll does not', () => {
    expect(outrunsReads(1_500)).toBe(true);
    expect(outrunsReads(-1_500)).toBe(true);
    expect(outrunsReads(DESK_PAGE + 1)).toBe(true);
    expect(outrunsReads(DESK_PAGE)).toBe(false);
    expect(outrunsReads(2)).toBe(false);
    expect(outrunsReads(0)).toBe(false);
  });
});

describe('reads after a jump', () => {
  it('stores only the pages around the screen as it is when the answer lands, and says whether the desk must re-render', () => {
    const c = emptyCache('all');
    expect(storeAnswer(c, [[0, [item('a')]], [1, [item('b')]]], 400, 1, [0, 1])).toBe(true);
    // The screen jumped to page 9 while a read for pages 4–5 was on its way: nothing of it shows.
    expect(storeAnswer(c, [[4, [item('x')]], [5, [item('y')]]], 400, 2, [8, 9, 10])).toBe(false);
    expect([...c.pages.keys()]).toEqual([]);
    expect(c.version).toBe(2);
    // The same late answer still re-renders when the total moved (the list's height shows it).
    expect(storeAnswer(c, [[4, [item('x')]]], 401, 3, [8, 9, 10])).toBe(true);
    expect(storeAnswer(c, [[9, [item('n')]]], 401, 3, [8, 9, 10])).toBe(true);
    expect(itemAt(c, 9 * DESK_PAGE)?.id).toBe('n');
  });
  it('knows when rows on screen have no page yet', () => {
    const c = emptyCache('all');
    storeAnswer(c, [[0, [item('a')]], [1, [item('b')]]], 100, 1, [0, 1]);
    expect(rowsMissing(c, 0, 2 * DESK_PAGE - 1)).toBe(false);
    expect(rowsMissing(c, 10, 2 * DESK_PAGE + 3)).toBe(true);
    expect(rowsMissing(c, 3 * DESK_PAGE, 3 * DESK_PAGE + 20)).toBe(true);
    // Rows past the end of the list are not missing.
    storeAnswer(c, [[3, [item('z')]]], 4 * DESK_PAGE - 10, 1, [3]);
    expect(rowsMissing(c, 3 * DESK_PAGE, 5 * DESK_PAGE)).toBe(false);
    expect(rowsMissing(emptyCache('all'), 0, 20)).toBe(false);
  });
});

describe('fixed-height rows', () => {
  it('finds the rows on screen from the scroll offset alone, clamped to the list', () => {
    expect(rowRange(0, 600, 60, 100_000, 2)).toEqual({ start: 0, end: 11 });
    expect(rowRange(60 * 50_000 + 30, 600, 60, 100_000, 2)).toEqual({ start: 49_998, end: 50_012 });
    expect(rowRange(60 * 99_995, 600, 60, 100_000, 2)).toEqual({ start: 99_993, end: 99_999 });
    expect(rowRange(0, 600, 60, 3, 8)).toEqual({ start: 0, end: 2 });
    expect(rowRange(0, 600, 60, 0, 8)).toEqual({ start: 0, end: -1 });
  });
  it('scrolls only as far as needed to show a row', () => {
    expect(scrollToShow(5, 0, 600, 60)).toBe(0);
    expect(scrollToShow(10, 0, 600, 60)).toBe(60);
    expect(scrollToShow(3, 600, 600, 60)).toBe(180);
  });
  it('keys unread rows by their place in a ring: distinct on screen, reused after a jump, never an item', () => {
    const onScreen = Array.from({ length: 20 }, (_, i) => placeholderKey(5_000 + i, 20));
    expect(new Set(onScreen).size).toBe(20);
    const afterJump = Array.from({ length: 20 }, (_, i) => placeholderKey(6_500 + i, 20));
    expect(new Set([...onScreen, ...afterJump]).size).toBe(20);
    expect(placeholderKey(3, 0)).toBe('p0');
    expect(onScreen).not.toContain(itemKey('p0'));
    expect(itemKey('0')).not.toBe(placeholderKey(0, 20));
  });
  it('tells when the pages around the screen changed', () => {
    expect(samePages({ start: 0, end: 20 }, { start: 3, end: 30 }, 50)).toBe(true);
    expect(samePages({ start: 0, end: 40 }, { start: 20, end: 60 }, 50)).toBe(false);
  });
});

describe('reads per refresh', () => {
  it('joins neighbouring pages into one read of at most four pages', () => {
    expect(contiguousRuns([3, 1, 2, 7], 4)).toEqual([[1, 2, 3], [7]]);
    expect(contiguousRuns([0, 1, 2, 3, 4], 4)).toEqual([[0, 1, 2, 3], [4]]);
    expect(contiguousRuns([], 4)).toEqual([]);
  });
});

describe('recycled row keys', () => {
  const keys = (m: Map<string, string>) => [...m.values()];
  const on = (prev: RowSlots, ids: string[], pool = 4) => assignRows(prev, ids, pool);
  it('keeps an item on screen on its key, so an arrival moves its row and does not remount it', () => {
    const first = on(noRows(), ['a', 'b', 'c']);
    expect(keys(first.keys)).toEqual(['r0', 'r1', 'r2']);
    // 'z' arrives on top, 'c' scrolls off: 'a' and 'b' keep theirs, 'z' takes the one 'c' left.
    const next = on(first, ['z', 'a', 'b']);
    expect([...next.keys]).toEqual([['z', 'r2'], ['a', 'r0'], ['b', 'r1']]);
    expect(next.parked.size).toBe(0);
  });
  it('hands a far jump the whole screen of keys already in the DOM, in the same order', () => {
    const near = on(noRows(), ['a', 'b', 'c', 'd']);
    const far = on(near, ['w', 'x', 'y', 'z']);
    expect(keys(far.keys)).toEqual(keys(near.keys));
    expect(far.parked.size).toBe(0);
  });
  it('mints keys no other row holds when the screen grows, and never hands out one twice', () => {
    const one = on({ keys: new Map([['a', 'r1']]), parked: new Map([['p', 'r0']]) }, ['b', 'a', 'c', 'd', 'e']);
    const all = keys(one.keys);
    expect(new Set(all).size).toBe(all.length);
    expect(one.keys.get('a')).toBe('r1');
    // The parked row is taken before a key is minted.
    expect(one.keys.get('b')).toBe('r0');
    expect(one.parked.size).toBe(0);
    for (const k of all) expect(k).not.toBe(placeholderKey(0, 4));
  });
  it('gives the same slots when a render runs twice, and lists only the ids on screen', () => {
    const prev = on(noRows(), ['a', 'b', 'c']);
    const once = on(prev, ['c', 'd', 'e']);
    expect(on(once, ['c', 'd', 'e'])).toEqual(once);
    expect([...once.keys.keys()]).toEqual(['c', 'd', 'e']);
    const gone = on(once, []);
    expect(gone.keys).toEqual(new Map());
    expect(on(gone, [])).toEqual(gone);
  });
  it('parks the rows of a screen that turned into placeholders, and gives each its own row back when it returns', () => {
    const top = on(noRows(), ['a', 'b', 'c']);
    // A jump onto unread pages: nothing takes the rows, so they are kept (hidden), not unmounted.
    const away = on(top, []);
    expect([...away.parked]).toEqual([...top.keys]);
    const further = on(away, []);
    expect(further).toEqual(away);
    // A far `j` back to the selection: the same items come back on the same rows.
    const back = on(further, ['a', 'b', 'c']);
    expect([...back.keys]).toEqual([...top.keys]);
    expect(back.parked.size).toBe(0);
  });
  it('parks nothing while some read rows stay on screen: a row that leaves with no taker is dropped', () => {
    const top = on(noRows(), ['a', 'b', 'c']);
    const scrolled = on(top, ['c']);
    expect([...scrolled.keys]).toEqual([['c', 'r2']]);
    expect(scrolled.parked.size).toBe(0);
    // Rows parked by an earlier jump are still lent out, and drain.
    const away = on(top, []);
    const landed = on(away, ['x']);
    expect(landed.keys.get('x')).toBe('r0');
    expect([...landed.parked]).toEqual([['b', 'r1'], ['c', 'r2']]);
  });
  it('lends parked rows, oldest first, to items that come in when no row on screen just left', () => {
    const away = on(on(noRows(), ['a', 'b', 'c']), []);
    const page = on(away, ['x', 'b']);
    expect([...page.keys]).toEqual([['x', 'r0'], ['b', 'r1']]);
    expect([...page.parked]).toEqual([['c', 'r2']]);
  });
  it('keeps at most `pool` parked rows, dropping the oldest', () => {
    const first = on(noRows(), ['a', 'b', 'c']);
    const away = assignRows(first, [], 2);
    expect([...away.parked]).toEqual([['b', 'r1'], ['c', 'r2']]);
    const second = assignRows(away, ['d', 'e'], 2);
    expect(keys(second.keys)).toEqual(['r1', 'r2']);
    const none = assignRows(second, [], 0);
    expect(none.parked.size).toBe(0);
  });
  it('never shows a row on screen and keeps it parked at once', () => {
    let slots = noRows();
    const screens = [['a', 'b'], [], ['c'], ['a', 'c', 'd'], [], ['e', 'f', 'g', 'h', 'i'], ['b'], []];
    for (const ids of screens) {
      slots = on(slots, ids, 3);
      const onScreen = keys(slots.keys);
      const parked = [...slots.parked.values()];
      expect(new Set([...onScreen, ...parked]).size).toBe(onScreen.length + parked.length);
      for (const id of slots.parked.keys()) expect(slots.keys.has(id)).toBe(false);
      expect(slots.parked.size).toBeLessThanOrEqual(3);
    }
  });
});
