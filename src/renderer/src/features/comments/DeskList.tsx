// The desk's rows on screen: a fixed-height virtual list over the station's paged work items. Only
// the visible rows (plus a margin) are in the DOM; scrolling re-renders this list alone, and a row
// re-renders only when what it shows changed — never the whole desk per frame or per patch.
import { forwardRef, memo, useEffect, useImperativeHandle, useRef, useState, type ReactElement } from 'react';
import { flushSync } from 'react-dom';
import type { DeskItem } from '../../../../shared/contract/index';
import { CommentRow } from './CommentRow';
import { readsClock } from './comments.logic';
import { assignRows, itemAt, noRows, placeholderKey, rowRange, samePages, scrollToShow, type DeskCache, type RowSlots } from './desk-window.logic';

export const ROW_HEIGHT = 60;
/**
 * Rows kept beyond each edge of the viewport. The rows for a new offset are rendered in the same
 * frame as the scroll is read (flushSync below), so the margin only has to cover what the
 * compositor scrolls before the next frame; every extra row is style, layout and paint per jump.
 */
const OVERSCAN = 3;

export interface DeskListHandle {
  /** Brings a row into view (keyboard moves). */
  show(index: number): void;
  toTop(): void;
}

export interface DeskListProps {
  cache: DeskCache;
  /** Bumps when the cache changed. */
  tick: number;
  total: number;
  loading: boolean;
  me: string;
  now: number;
  slaSeconds: number;
  selectedId: string | null;
  /** The items selected for a bulk action (a set, or a map keyed by item id). */
  checked: { has(id: string): boolean };
  /** Done lists have no bulk selection. */
  canCheck: boolean;
  onSelect(index: number, id: string): void;
  onCheck(id: string): void;
  /** The rows on screen (with the margin), for paging. */
  onRange(start: number, end: number): void;
  /** Every scroll event (stable; must not render): the desk reads unread rows once scrolling stops. */
  onScrolled(): void;
}

const DeskListImpl = forwardRef<DeskListHandle, DeskListProps>(function DeskList(props, ref) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 0 });
  const frame = useRef(0);
  const { total, onRange } = props;
  const scrolledRef = useRef(props.onScrolled);
  const slots = useRef<RowSlots>(noRows());
  /** What each row in the DOM (on screen or parked) last showed: a parked row is rendered as it was. */
  const shown = useRef<ReadonlyMap<string, { item: DeskItem; index: number }>>(new Map());
  scrolledRef.current = props.onScrolled;

  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    // Read the offset once per frame, and re-render only when the first row on screen changed.
    // The new rows are rendered inside this frame, not in a task after it has been painted.
    const read = () => {
      frame.current = 0;
      const top = el.scrollTop;
      flushSync(() => setView((v) => (sameFirstRow(v.top, top) ? v : { ...v, top })));
    };
    const onScroll = () => {
      scrolledRef.current();
      if (!frame.current) frame.current = requestAnimationFrame(read);
    };
    // The viewport's height comes from a ResizeObserver, never from reading layout while scrolling.
    const resize = new ResizeObserver((entries) => {
      const h = entries[0]?.contentRect.height ?? 0;
      setView((v) => (v.height === h ? v : { ...v, height: h }));
    });
    resize.observe(el);
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      el.removeEventListener('scroll', onScroll);
      resize.disconnect();
      if (frame.current) cancelAnimationFrame(frame.current);
    };
  }, []);

  const range = rowRange(view.top, view.height || ROW_HEIGHT * 12, ROW_HEIGHT, total, OVERSCAN);
  // The desk hears of a move only when the pages around the screen changed: a scroll frame that
  // stays within its pages re-renders this list and nothing above it.
  const told = useRef<{ start: number; end: number; onRange: DeskListProps['onRange'] } | null>(null);
  useEffect(() => {
    const next = { start: range.start, end: Math.max(range.end, range.start + 20), onRange };
    const last = told.current;
    if (last && last.onRange === onRange && samePages(last, next)) return;
    told.current = next;
    onRange(next.start, next.end);
  }, [range.start, range.end, onRange]);

  useImperativeHandle(
    ref,
    () => ({
      show(index) {
        const el = scrollRef.current;
        if (!el) return;
        const next = scrollToShow(index, el.scrollTop, el.clientHeight, ROW_HEIGHT);
        if (next === el.scrollTop) return;
        el.scrollTop = next;
        // The rows for the new offset render with the move itself, in the same batch as the
        // selection that asked for it (a key press: one render of the list, not a second one from
        // the scroll event a frame later, and never a frame showing the new offset without its rows).
        // The scroll event that follows finds the same first row and renders nothing.
        const top = el.scrollTop;
        setView((v) => (sameFirstRow(v.top, top) ? v : { ...v, top }));
      },
      toTop() {
        if (scrollRef.current) scrollRef.current.scrollTop = 0;
      },
    }),
    [],
  );

  // A row keeps its key (and DOM) while its item stays on screen, so an arrival only moves it; an
  // item that comes in takes the key of one that left (assignRows), so a far `j` or a jump
  // updates the rows already in the DOM instead of unmounting and mounting a screenful. Rows that
  // leave while nothing takes them (a jump onto unread pages, all placeholders) are parked: kept in
  // the DOM, hidden, at most a screenful, so the next screen of rows (a far `j` back to the
  // selection, a page that lands) reuses them instead of creating its rows from nothing. Rows on
  // screen stay in index order for assistive tech. A row whose page is not read yet is keyed by its
  // place in a ring and kept after the rows in ring order, so a big jump only moves the same few
  // placeholders (their `top`) instead of re-inserting each one every frame. Placeholders and
  // parked rows are hidden from assistive tech, so their DOM order says nothing to anyone.
  const onScreen: { item: DeskItem; index: number }[] = [];
  for (let i = range.start; i <= range.end; i++) {
    const item = itemAt(props.cache, i);
    if (item) onScreen.push({ item, index: i });
  }
  const ring = range.end - range.start + 1;
  // At most a screenful parked, whatever the total (a list emptied by a new filter keeps its rows
  // for the filter's first answer).
  const screenful = Math.ceil((view.height || ROW_HEIGHT * 12) / ROW_HEIGHT) + 1 + 2 * OVERSCAN;
  // Idempotent, so a render run twice hands out the same keys.
  const next = assignRows(
    slots.current,
    onScreen.map((r) => r.item.id),
    screenful,
  );
  const nextShown = new Map<string, { item: DeskItem; index: number }>();
  for (const r of onScreen) nextShown.set(r.item.id, r);
  for (const id of next.parked.keys()) {
    const last = shown.current.get(id);
    if (last) nextShown.set(id, last);
  }
  slots.current = next;
  shown.current = nextShown;
  const keys = next.keys;
  const rows: { index: number; el: ReactElement }[] = [];
  const holes: { slot: number; el: ReactElement }[] = [];
  const row = (item: DeskItem, index: number, key: string | undefined, parked: boolean) => (
    <DeskRow
      key={key}
      item={item}
      index={index}
      parked={parked}
      me={props.me}
      now={!parked && readsClock(item.comment) ? props.now : 0}
      slaSeconds={props.slaSeconds}
      selected={!parked && item.id === props.selectedId}
      checked={!parked && props.checked.has(item.id)}
      canCheck={props.canCheck}
      onSelect={props.onSelect}
      onCheck={props.onCheck}
    />
  );
  for (let i = range.start; i <= range.end; i++) {
    const item = itemAt(props.cache, i);
    if (!item) {
      const slot = i % ring;
      holes.push({
        slot,
        el: (
          <div
            key={placeholderKey(i, ring)}
            className="comment-row comment-row-loading"
            style={{ top: i * ROW_HEIGHT }}
            aria-hidden="true"
          />
        ),
      });
      continue;
    }
    rows.push({ index: i, el: row(item, i, keys.get(item.id), false) });
  }
  // Parked rows sit among the rows by the index they last showed, where they already are in the DOM:
  // parking one moves no element (a moved element has its style and layout built again, hidden or not).
  for (const [id, key] of next.parked) {
    const last = nextShown.get(id);
    if (last) rows.push({ index: last.index, el: row(last.item, last.index, key, true) });
  }
  rows.sort((a, b) => a.index - b.index);
  holes.sort((a, b) => a.slot - b.slot);
  const children = [...rows.map((r) => r.el), ...holes.map((h) => h.el)];
  // An empty listbox is an error to assistive tech: with no rows it is a plain region.
  // Focusable itself: its rows (options) take no focus, so a list that scrolls (rows, loading
  // placeholders) would otherwise be out of the keyboard's reach (axe: scrollable-region-focusable).
  return (
    <div
      className="mod-list"
      ref={scrollRef}
      role={total > 0 ? 'listbox' : 'region'}
      aria-label="Comments"
      tabIndex={0}
      aria-multiselectable={total > 0 ? true : undefined}
      data-testid="comment-list"
    >
      {total === 0 && !props.loading ? <p className="muted mod-empty">Nothing waiting here.</p> : null}
      <div className="desk-rows" style={{ height: total * ROW_HEIGHT }}>
        {children}
      </div>
    </div>
  );
});

export const DeskList = memo(DeskListImpl);

/** Two scroll offsets show the same first row: the list's rows do not change between them. */
const sameFirstRow = (a: number, b: number) => Math.floor(a / ROW_HEIGHT) === Math.floor(b / ROW_HEIGHT);

interface DeskRowProps {
  item: DeskItem;
  index: number;
  /** Off screen, kept hidden for reuse (not a row anyone sees or reads). */
  parked: boolean;
  me: string;
  now: number;
  slaSeconds: number;
  selected: boolean;
  checked: boolean;
  canCheck: boolean;
  onSelect(index: number, id: string): void;
  onCheck(id: string): void;
}

/** What a row shows: a re-read page hands over new objects, but an unchanged row is not re-rendered. */
function sameRow(a: DeskRowProps, b: DeskRowProps): boolean {
  const x = a.item;
  const y = b.item;
  const c = x.comment;
  const d = y.comment;
  return (
    a.index === b.index &&
    a.parked === b.parked &&
    a.me === b.me &&
    a.now === b.now &&
    a.slaSeconds === b.slaSeconds &&
    a.selected === b.selected &&
    a.checked === b.checked &&
    a.canCheck === b.canCheck &&
    a.onSelect === b.onSelect &&
    a.onCheck === b.onCheck &&
    x.id === y.id &&
    x.size === y.size &&
    x.pinned === y.pinned &&
    (c === d ||
      (c.id === d.id &&
        c.text === d.text &&
        c.author === d.author &&
        c.status === d.status &&
        c.claimedBy === d.claimedBy &&
        c.intent === d.intent &&
        c.sku === d.sku &&
        c.contextSku === d.contextSku &&
        c.pinned === d.pinned &&
        c.answeredVia === d.answeredVia &&
        c.receivedAt === d.receivedAt &&
        c.answeredAt === d.answeredAt))
  );
}

const DeskRow = memo(function DeskRow(props: DeskRowProps) {
  const { item } = props;
  return (
    <CommentRow
      top={props.index * ROW_HEIGHT}
      parked={props.parked}
      c={item.comment}
      me={props.me}
      now={props.now}
      slaSeconds={props.slaSeconds}
      selected={props.selected}
      onSelect={() => props.onSelect(props.index, item.id)}
      clusterSize={item.size}
      clusterId={item.id}
      pinnedAnswer={item.pinned}
      checked={props.checked}
      onCheck={props.canCheck ? () => props.onCheck(item.id) : null}
    />
  );
}, sameRow);
