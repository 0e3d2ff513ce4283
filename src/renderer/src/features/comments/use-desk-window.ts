// The desk's rows, paged from the station: only the pages around the visible rows are read (with
// `comments.desk`), and re-read at most four times a second when the station's desk version moves,
// so 100,000 waiting comments and 2,000 arriving a second cost the view a screenful of rows.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DeskFilter } from '../../../../shared/contract/index';
import { useSend, useStation } from '../../state/station.store';
import { contiguousRuns, DESK_PAGE, emptyCache, readTotal, outrunsReads, pagesFor, pagesHeld, pagesToFetch, rowsMissing, samePages, storeAnswer, type DeskCache } from './desk-window.logic';

const MIN_GAP_MS = 250;
/** A move older than this is not a jump under way any more (a few frames, even slow ones). */
const JUMP_FRESH_MS = 100;
const FRAME_MS = 1000 / 60;
/** Pages per `comments.desk` read (the station's window is at most 200 rows). */
const WINDOW_PAGES = 4;

export interface DeskWindow {
  cache: DeskCache;
  /** Bumps whenever the cache changed: a render dependency. */
  tick: number;
  loading: boolean;
  error: string | null;
  facets: { sku: string[]; lang: string[]; platform: string[] };
  /** Re-read the visible pages now (after this desk's own action). */
  refresh(): void;
  /** The list scrolled (called from its scroll listener: records it, renders nothing). */
  scrolled(): void;
  /**
   * The rows on screen (with the list's margin) moved: stable, and renders nothing by itself — a
   * scroll that crosses a page schedules a read here instead of re-rendering the whole desk (every
   * frame of a jump across the list crosses one).
   */
  setRange(start: number, end: number): void;
}

/** `selected`: the selected row's index (its pages are held while it is off screen), or null. */
export function useDeskWindow(filter: DeskFilter, selected: number | null): DeskWindow {
  const send = useSend();
  const connection = useStation((v) => v.connection);
  const stationVersion = useStation((v) => v.state?.comments.deskVersion ?? 0);
  const key = JSON.stringify(filter);
  const cacheRef = useRef<DeskCache>(emptyCache(key));
  const [tick, setTick] = useState(0);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [facets, setFacets] = useState<DeskWindow['facets']>({ sku: [], lang: [], platform: [] });
  const [force, setForce] = useState(0);
  /** The filter key of the read under way: a read for another filter never waits behind it. */
  const inFlight = useRef<string | null>(null);
  const again = useRef(false);
  const lastAt = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** The frame that checks whether a scroll onto unread rows has stopped (0: none). */
  const settling = useRef(0);
  /** The list scrolled since that check last looked. */
  const scrolled = useRef(false);
  /** The rows on screen, as the list last told (not state: a move renders nothing until its rows land). */
  const rangeRef = useRef({ start: 0, end: 30 });
  /** The screen's last move across a page: rows a frame, and when. */
  const moved = useRef({ rows: 0, at: 0 });
  const latest = useRef({ filter, range: rangeRef.current, stationVersion, key, force, selected, connection });
  latest.current = { filter, range: rangeRef.current, stationVersion, key, force, selected, connection };
  const forcedRef = useRef(0);

  if (cacheRef.current.key !== key) cacheRef.current = emptyCache(key);

  const run = useCallback(async () => {
    const { filter: f, range: r, stationVersion: v, key: k, force: fc, selected: sel } = latest.current;
    // Same filter: one read at a time (the next one follows it). A new filter (a queue clicked) reads
    // at once; the old filter's answer, when it lands, is dropped by the key check below.
    if (inFlight.current === k) {
      again.current = true;
      return;
    }
    inFlight.current = k;
    lastAt.current = performance.now();
    try {
      const cache = cacheRef.current;
      const total = readTotal(cache);
      const wanted = pagesFor(r.start, r.end, total);
      const held = pagesHeld(r.start, r.end, sel, total);
      // A forced refresh (this desk acted) re-reads every page held, whatever the versions say. The
      // selection's pages off screen are read when missing, not re-read each time the version moves
      // (2,000 comments/s move it all the time): a `j` back there re-reads them as the screen's.
      const todo =
        fc !== forcedRef.current ? held : [...pagesToFetch(cache, wanted, v), ...held.filter((p) => !wanted.includes(p) && !cache.pages.has(p))].sort((a, b) => a - b);
      forcedRef.current = fc;
      if (todo.length) {
        // Neighbouring pages in one read: one command (and one pass over the station's order) per run of pages.
        const answers = await Promise.all(
          contiguousRuns(todo, WINDOW_PAGES).map((run) =>
            send('comments.desk', { filter: f, offset: (run[0] as number) * DESK_PAGE, limit: run.length * DESK_PAGE }).then((a) => [run, a] as const),
          ),
        );
        if (cacheRef.current.key === k) {
          // Kept: the pages around the screen now, which a jump may have moved since the read was sent;
          // an answer that shows nowhere any more re-renders nothing.
          const { range: now, selected: nowSel } = latest.current;
          let changed = false;
          for (const [run, a] of answers) {
            const pages = run.map((p, i) => [p, a.items.slice(i * DESK_PAGE, (i + 1) * DESK_PAGE)] as const);
            if (storeAnswer(cacheRef.current, pages, a.total, a.version, pagesHeld(now.start, now.end, nowSel, a.total || DESK_PAGE))) changed = true;
          }
          const fa = answers[0]?.[1].facets;
          if (fa) setFacets((old) => (JSON.stringify(old) === JSON.stringify(fa) ? old : fa));
          if (changed) setTick((t) => t + 1);
        }
      }
      if (cacheRef.current.key === k) {
        setError(null);
        setLoading(false);
      }
    } catch (e) {
      if (cacheRef.current.key === k) {
        setError(e instanceof Error ? e.message : String((e as { message?: string }).message ?? e));
        setLoading(false);
      }
    } finally {
      // A read for a filter left behind ends quietly; the current filter's read owns the follow-up.
      if (inFlight.current === k) {
        inFlight.current = null;
        if (again.current) {
          again.current = false;
          schedule();
        }
      }
    }
  }, [send]); // eslint-disable-line react-hooks/exhaustive-deps

  const schedule = useCallback(() => {
    // A desk that has nothing to show yet (opened, filter changed) reads at once, ahead of a
    // refresh that was waiting its turn; refreshes keep their pace.
    if (cacheRef.current.pages.size === 0) {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      void run();
      return;
    }
    // Rows on screen with no page yet (a jump, a `j` back to the selection) are read as soon as the
    // scroll has stopped — a frame with no scroll — instead of at the refresh pace: the moderator
    // sees rows within a read's round trip, not after up to 250 ms of placeholders. A scroll still
    // moving (a flick, a drag) keeps the pace: what it would read is off screen when it lands.
    if (!settling.current && rowsMissing(cacheRef.current, latest.current.range.start, latest.current.range.end)) {
      scrolled.current = false;
      const check = () => {
        settling.current = 0;
        const { range: r } = latest.current;
        if (!rowsMissing(cacheRef.current, r.start, r.end)) return;
        if (scrolled.current) {
          scrolled.current = false;
          settling.current = requestAnimationFrame(check);
          return;
        }
        if (timer.current) clearTimeout(timer.current);
        timer.current = null;
        void run();
      };
      settling.current = requestAnimationFrame(check);
    }
    if (timer.current) return;
    const wait = Math.max(0, MIN_GAP_MS - (performance.now() - lastAt.current));
    timer.current = setTimeout(() => {
      timer.current = null;
      // Jumping (the screen moved more than a page in a recent frame) onto rows not read: this read's
      // answer would land off screen. The settling check above reads once the jumps stop.
      const { range: r } = latest.current;
      if (settling.current && outrunsReads(moved.current.rows) && performance.now() - moved.current.at < JUMP_FRESH_MS && rowsMissing(cacheRef.current, r.start, r.end)) return;
      void run();
    }, wait);
  }, [run]);

  // `tick`: once the total is known, the pages around the screen may still be missing.
  useEffect(() => {
    if (connection !== 'open') return;
    schedule();
  }, [connection, key, stationVersion, force, tick, schedule]);

  const setRange = useCallback(
    (start: number, end: number) => {
      const next = { start, end };
      if (samePages(rangeRef.current, next)) return;
      // Rows a frame (60 Hz) since the last page crossed: a jump crosses a thousand in one, a smooth
      // scroll a page in a dozen.
      const now = performance.now();
      moved.current = { rows: (next.start - rangeRef.current.start) / Math.max(1, (now - moved.current.at) / FRAME_MS), at: now };
      rangeRef.current = next;
      latest.current.range = next;
      if (latest.current.connection === 'open') schedule();
    },
    [schedule],
  );

  // A reconnect may have missed changes: start from the station's truth again.
  useEffect(() => {
    if (connection === 'open') {
      cacheRef.current = emptyCache(latest.current.key);
      setLoading(true);
    }
  }, [connection]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      if (settling.current) cancelAnimationFrame(settling.current);
    },
    [],
  );

  const refresh = useCallback(() => setForce((n) => n + 1), []);
  const onScrolled = useCallback(() => {
    scrolled.current = true;
  }, []);
  return { cache: cacheRef.current, tick, loading, error, facets, refresh, scrolled: onScrolled, setRange };
}
