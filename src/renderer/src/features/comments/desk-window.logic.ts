// The desk's view of the station's ordered work: a sparse cache of fixed-size pages fetched with
// `comments.desk` for the rows on screen (plus a margin), refreshed when the station's desk version
// moves. Plain functions, so the paging rules are unit-tested without a browser.
import type { DeskItem } from '../../../../shared/contract/index';

/**
 * Rows per page. A read covers the screen's pages plus one either side: with 25 that is 75–100 rows
 * (~60 KB of JSON) per refresh, half of what 50-row pages cost the page's main thread to decode four
 * times a second while comments pour in. The margin (25 rows, 1,500 px) is what a flick at 6,000 px/s
 * scrolls between two reads 250 ms apart; faster, a row shows as a placeholder until its page lands.
 */
export const DESK_PAGE = 25;

export interface DeskPage {
  items: DeskItem[];
  /** The station's desk version the page was read at. */
  version: number;
}

export interface DeskCache {
  /** The filter the pages belong to; a new filter starts an empty cache. */
  key: string;
  pages: Map<number, DeskPage>;
  total: number;
  /** The newest desk version seen in any answer. */
  version: number;
}

export const emptyCache = (key: string): DeskCache => ({ key, pages: new Map(), total: 0, version: -1 });

/**
 * The total to plan a read with: the station's, once an answer told it. Before that (a desk just
 * opened, a filter just picked) the screen's rows are taken to exist, so the first read brings the
 * screen's pages and their margin in one answer. Planned with a total of one page, it brought page 0
 * alone, and the margin page followed 250 ms later in a second read — landing, on a desk opened and
 * scrolled at once, in the first frames of that scroll (the station's work and the answer's decode
 * beside them) with rows no one was looking at any more.
 */
export function readTotal(cache: DeskCache): number {
  // No answer yet is version -1; an answer of total 0 (an empty queue) is a total like any other, or
  // the margin page past its end would be asked again after every answer.
  return cache.version < 0 ? Number.MAX_SAFE_INTEGER : cache.total;
}

/** Pages covering rows [start, end] (inclusive), one page of margin either side. */
export function pagesFor(start: number, end: number, total: number, size = DESK_PAGE): number[] {
  if (total <= 0) return [0];
  const last = Math.max(0, Math.ceil(total / size) - 1);
  const from = Math.max(0, Math.floor(Math.max(0, start) / size) - 1);
  const to = Math.min(last, Math.floor(Math.max(0, end) / size) + 1);
  const out: number[] = [];
  for (let p = from; p <= to; p++) out.push(p);
  return out;
}

/**
 * The pages the desk holds: the screen's (`pagesFor`), and the selection's page with a page either
 * side when the selection is off screen. After a jump away, `j`/`k` scroll back to the selection;
 * with its rows kept they show in that frame instead of as placeholders for a read's round trip.
 */
export function pagesHeld(start: number, end: number, selected: number | null, total: number, size = DESK_PAGE): number[] {
  const screen = pagesFor(start, end, total, size);
  if (selected === null || selected < 0 || total <= 0) return screen;
  const extra = pagesFor(selected, selected, total, size).filter((p) => !screen.includes(p));
  return [...screen, ...extra].sort((a, b) => a - b);
}

/**
 * The screen moved more than a page in its last frame (a jump with the keyboard or the scrollbar):
 * a read sent now covers the screen and one page either side, and lands a frame later at best, when
 * the screen has left all of it — its answer would be decoded on the main thread and dropped.
 */
export function outrunsReads(rowsMoved: number, size = DESK_PAGE): boolean {
  return Math.abs(rowsMoved) > size;
}

/** Pages to (re)read: missing ones, and stale ones when the station's version moved past them. */
export function pagesToFetch(cache: DeskCache, wanted: readonly number[], stationVersion: number): number[] {
  return wanted.filter((p) => {
    const page = cache.pages.get(p);
    return !page || page.version < stationVersion;
  });
}

/**
 * Stores a read's pages, keeping only the pages around the screen as it is now (`keep`): an answer
 * to a read sent before a jump lands after the screen moved on, and its rows would show nowhere.
 * True when the rows around the screen or the total changed, i.e. when the desk must re-render.
 */
export function storeAnswer(cache: DeskCache, pages: readonly (readonly [number, DeskItem[]])[], total: number, version: number, keep: readonly number[]): boolean {
  const totalMoved = cache.total !== total;
  cache.total = total;
  cache.version = Math.max(cache.version, version);
  let stored = false;
  for (const [page, items] of pages) {
    if (!keep.includes(page)) continue;
    cache.pages.set(page, { items, version });
    stored = true;
  }
  for (const p of [...cache.pages.keys()]) if (!keep.includes(p)) cache.pages.delete(p);
  return stored || totalMoved;
}

/** Some row in [start, end] has no page read yet: the screen shows placeholders there. */
export function rowsMissing(cache: DeskCache, start: number, end: number, size = DESK_PAGE): boolean {
  const last = Math.min(end, cache.total - 1);
  for (let p = Math.floor(Math.max(0, start) / size); p * size <= last; p++) if (!cache.pages.has(p)) return true;
  return false;
}

/** The item at a row, or undefined while its page is not read yet. */
export function itemAt(cache: DeskCache, index: number, size = DESK_PAGE): DeskItem | undefined {
  return cache.pages.get(Math.floor(index / size))?.items[index % size];
}

/** Where an item is now among the cached rows, or -1. */
export function indexOf(cache: DeskCache, id: string, size = DESK_PAGE): number {
  for (const [p, page] of cache.pages) {
    const i = page.items.findIndex((it) => it.id === id);
    if (i >= 0) return p * size + i;
  }
  return -1;
}

/**
 * Rows on screen for a fixed row height: O(1) from the scroll offset, whatever the total (a
 * measuring virtualiser re-measured all 100,000 rows every time the total moved).
 */
export function rowRange(scrollTop: number, viewport: number, rowHeight: number, total: number, overscan: number): { start: number; end: number } {
  if (total <= 0) return { start: 0, end: -1 };
  const first = Math.max(0, Math.floor(scrollTop / rowHeight));
  const last = Math.ceil((scrollTop + Math.max(0, viewport)) / rowHeight) - 1;
  return { start: Math.max(0, Math.min(total - 1, first - overscan)), end: Math.min(total - 1, Math.max(first, last) + overscan) };
}

/** The React key of a read row: its item, so an arrival that moves it keeps its DOM. */
export const itemKey = (id: string) => `i${id}`;

/**
 * The React key of a row whose page is not read yet: its place in a ring as long as the rows on
 * screen (consecutive rows never share one), in its own namespace apart from `itemKey`.
 */
export function placeholderKey(index: number, ring: number): string {
  return `p${index % Math.max(1, ring)}`;
}

/** The scroll offset that brings a row into view ("auto": unchanged when it is already whole on screen). */
export function scrollToShow(index: number, scrollTop: number, viewport: number, rowHeight: number): number {
  const top = index * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + viewport) return Math.max(0, top + rowHeight - viewport);
  return scrollTop;
}

/** Same pages around the screen: the desk only re-reads (and re-renders its shell) when these change. */
export function samePages(a: { start: number; end: number }, b: { start: number; end: number }, size = DESK_PAGE): boolean {
  return Math.floor(a.start / size) === Math.floor(b.start / size) && Math.floor(a.end / size) === Math.floor(b.end / size);
}

/** Sorted pages split into runs of neighbours, each at most `max` long (one read each). */
export function contiguousRuns(pages: readonly number[], max: number): number[][] {
  const out: number[][] = [];
  for (const p of [...pages].sort((a, b) => a - b)) {
    const run = out.at(-1);
    if (run && run.at(-1) === p - 1 && run.length < max) run.push(p);
    else out.push([p]);
  }
  return out;
}

/**
 * Which DOM row each item on screen uses, and which rows are kept hidden for later (`assignRows`).
 * `keys` lists the items on screen in order with their React keys; `parked` lists rows that left
 * the screen and were kept, oldest first, each with the item it last showed.
 */
export interface RowSlots {
  keys: Map<string, string>;
  parked: Map<string, string>;
}

export const noRows = (): RowSlots => ({ keys: new Map(), parked: new Map() });

/**
 * The React keys of the rows on screen, as a recycling list hands them out, with a bounded pool of
 * rows kept hidden after they leave. An item still on screen keeps its key (its DOM stays; an
 * arrival only moves it). An item coming back from the pool takes its own row back, content and
 * all. An item that came in takes the key of a row that just left (in the leavers' order), else of
 * the oldest parked row, else a new one. When no item is left on screen (placeholders only), rows
 * that left are parked (newest last), at most `pool` of them, the oldest dropped first; otherwise a
 * row that left with no taker is dropped.
 *
 * Why a pool: a jump across unread pages shows placeholders only, so every row leaves the screen at
 * once; without the pool they are unmounted, and the next screen of rows (a far `j` back to the
 * selection, a page that lands) is created from nothing — elements, text, style, insertion. Kept,
 * they are shown again or updated in place. Pure and idempotent — fed its own result with the same
 * ids it returns the same slots — so a render that runs twice hands out the same keys. Keys are
 * `r<n>`, apart from `placeholderKey`'s namespace.
 */
export function assignRows(prev: RowSlots, ids: readonly string[], pool: number): RowSlots {
  const wanted = new Set(ids);
  const leavers: string[] = [];
  const used = new Set<string>();
  for (const [id, key] of prev.keys) {
    if (wanted.has(id)) used.add(key);
    else leavers.push(key);
  }
  const parked: [string, string][] = [];
  for (const [id, key] of prev.parked) {
    if (wanted.has(id)) used.add(key);
    else parked.push([id, key]);
  }
  const taken = new Set<string>();
  const next = new Map<string, string>();
  let minted = 0;
  let fromParked = 0;
  for (const id of ids) {
    if (next.has(id)) continue;
    const kept = prev.keys.get(id) ?? prev.parked.get(id);
    if (kept !== undefined) {
      next.set(id, kept);
      continue;
    }
    let key = leavers.shift();
    if (key === undefined && fromParked < parked.length) key = (parked[fromParked++] as [string, string])[1];
    while (key === undefined) {
      const k = `r${minted++}`;
      if (!used.has(k) && !leavers.includes(k) && !parked.some(([, pk]) => pk === k)) key = k;
    }
    used.add(key);
    taken.add(key);
    next.set(id, key);
  }
  // Rows that left: parked under the item they last showed (their DOM still shows it, hidden), but
  // only when no read row is left on screen (a jump onto unread pages). While some stay (a fast
  // scroll that outruns its reads), a row with no taker is dropped: parking and showing rows there
  // cost the main thread more than creating them (moderator-ab scroll, B/A 1.05–1.20).
  const left: [string, string][] = [];
  if (ids.length === 0) for (const [id, key] of prev.keys) if (!wanted.has(id) && !taken.has(key)) left.push([id, key]);
  const kept = [...parked.slice(fromParked), ...left];
  return { keys: next, parked: new Map(kept.slice(Math.max(0, kept.length - Math.max(0, pool)))) };
}
