// The producer's cue deck: what the host reads now and next, the clocks, next / previous / jump,
// arm-then-go for a cue that must land on a beat, and the whole deck to pick from.
// Keys: Space or → next, ← previous, ↑/↓ pick, Enter jump to the pick, A arm it, G go, Esc disarm.
import { approvalCredit } from './approval.logic';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useSlice } from '../../state/station.store';
import { useAction } from '../../state/use-action';
import { Panel } from '../../ui/Panel';
import { Button } from '../../ui/Button';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { StatusBadge } from '../../ui/StatusDot';
import { useHotkeys } from '../../ui/hotkeys';
import { useNow } from '../../ui/use-now';
import { formatClock, formatLeft } from '../../ui/format';
import { clocks } from './host-card.logic';
import {
  cueIds,
  cuesBelow,
  deckRows,
  effectiveSelection,
  moreBelowText,
  moveSelection,
  overrideNotice,
  scrollToShow,
} from './deck.logic';
import './cues.css';

export function CueDeckPanel() {
  const cues = useSlice('cues');
  const scripts = useSlice('scripts');
  const act = useAction();
  const now = useNow(500);
  const [picked, setPicked] = useState<string | null>(null);
  const content = scripts?.deck?.content ?? null;
  const rows = useMemo(() => (content ? deckRows(content) : []), [content]);
  const ids = useMemo(() => (content ? cueIds(content) : []), [content]);
  const selected = cues ? effectiveSelection(cues, picked, ids) : null;
  const listRef = useRef<HTMLUListElement>(null);
  const currentId = cues?.current?.id ?? null;
  // Cues cut or hidden under the list's visible part: the list says so, or a cut row looks like the end.
  const [below, setBelow] = useState(0);
  // The list's scroll bar width: the line sits left of it, so the bar stays whole to drag.
  const [gutter, setGutter] = useState(0);

  // Keep the current cue (and the next, when both fit) in view inside the deck list only:
  // scrollIntoView would also scroll the console itself, and the producer's screen must never jump
  // when the host moves on. Again whenever the list's height changes (a banner comes or goes, the
  // window is resized), or a cue scrolled into view at one height sits cut at the next.
  useEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const show = () => {
      const el = list.querySelector<HTMLElement>(`[data-cue-id="${CSS.escape(currentId ?? '')}"]`);
      if (!el) return;
      // Content coordinates: from inside the list's border, in fractional pixels (a header rounded
      // down by offsetHeight left a 2-pixel strip of the cue under it).
      const base = list.getBoundingClientRect().top + list.clientTop - list.scrollTop;
      const top = el.getBoundingClientRect().top - base;
      const next = el.nextElementSibling?.classList.contains('deck-cue') ? (el.nextElementSibling as HTMLElement) : null;
      const sticky = Math.ceil(list.querySelector<HTMLElement>('.deck-seg')?.getBoundingClientRect().height ?? 0);
      const withNext = next ? next.getBoundingClientRect().bottom - base - top : 0;
      const height = next && withNext + sticky <= list.clientHeight ? withNext : el.getBoundingClientRect().height;
      list.scrollTop = scrollToShow(list.scrollTop, list.clientHeight, top, height, sticky);
    };
    const count = () => {
      const bottom = list.getBoundingClientRect().top + list.clientTop + list.clientHeight;
      setBelow(
        cuesBelow(
          Array.from(list.querySelectorAll('.deck-cue'), (r) => r.getBoundingClientRect().bottom),
          bottom,
        ),
      );
      setGutter(list.offsetWidth - list.clientWidth - 2 * list.clientLeft);
    };
    show();
    count();
    const watch = new ResizeObserver(() => {
      show();
      count();
    });
    watch.observe(list);
    list.addEventListener('scroll', count, { passive: true });
    return () => {
      watch.disconnect();
      list.removeEventListener('scroll', count);
    };
  }, [currentId, rows]);
  const more = moreBelowText(below);

  const loaded = cues?.loaded ?? null;
  const keys = {
    ' ': () => void act('cue.next', {}),
    ArrowRight: () => void act('cue.next', {}),
    ArrowLeft: () => void act('cue.prev', {}),
    ArrowDown: () => setPicked(moveSelection(ids, selected, 1)),
    ArrowUp: () => setPicked(moveSelection(ids, selected, -1)),
    Enter: () => {
      if (selected) void act('cue.goto', { cueId: selected }).then(() => setPicked(null));
    },
    a: () => {
      if (selected) void act('cue.arm', { cueId: selected });
    },
    g: () => void act('cue.go', {}).then(() => setPicked(null)),
    Escape: () => void act('cue.arm', { cueId: null }),
  };
  useHotkeys(keys, loaded !== null);

  if (!cues) return null;
  const c = clocks(cues, now);
  const override = overrideNotice(cues);

  return (
    <Panel
      title="Cue deck"
      testId="cue-deck"
      className="cue-deck"
      actions={
        loaded ? (
          <StatusBadge level="green" testId="deck-version">
            v{loaded.number} · {loaded.shortHash} · {loaded.approval.approver}
            {approvalCredit(loaded.approval).badge === 'RECORDED' ? ' (recorded)' : ''}
          </StatusBadge>
        ) : (
          <StatusBadge level="red" testId="deck-version">
            NO APPROVED SCRIPT
          </StatusBadge>
        )
      }
    >
      {!loaded ? (
        <p data-testid="deck-empty">Nothing is loaded, so the host card is empty. Load an approved version in Scripts.</p>
      ) : (
        <>
          <div className="deck-clocks">
            <span data-testid="deck-show-clock">
              <span className="muted small">SHOW </span>
              <span className="num">{c.show === null ? 'not started' : formatClock(c.show)}</span>
            </span>
            <span data-testid="deck-segment-clock" className={`deck-seg-clock ${c.segmentOver ? 'over' : ''}`}>
              <span className="muted small deck-seg-title" title={cues.current?.segmentTitle}>
                {cues.current?.segmentTitle ?? 'SEGMENT'}{' '}
              </span>
              <span className="num">{c.segment === null ? '--:--' : c.segmentPlanned ? formatLeft(c.segment) : formatClock(c.segment)}</span>
            </span>
            {cues.showStartedAt === null ? (
              <Button variant="ok" onClick={() => void act('show.clock', { action: 'start' })} data-testid="clock-start">
                Start show clock
              </Button>
            ) : (
              <ConfirmButton
                onConfirm={() => void act('show.clock', { action: 'reset' })}
                confirmLabel="Reset the clock?"
                variant="ghost"
              >
                Reset clock
              </ConfirmButton>
            )}
          </div>
          <div className="deck-now">
            <div className="deck-current" data-testid="deck-current" data-cue-id={cues.current?.id ?? ''}>
              <span className="deck-kind">
                {cues.index + 1}/{cues.total} · {cues.current?.kind}{' '}
              </span>
              {cues.current?.text}
            </div>
            {/* The armed cue and a paused (or capped) offer's notice share the next cue's line: the armed
                id in full and Disarm stay readable on a 1366-pixel console, where the control row has room
                for its five buttons only, and the notice takes none of the deck list's height. */}
            <div className="deck-next-row">
              <div className="deck-next" data-testid="deck-next">
                Next: {cues.next ? cues.next.text : '— last cue —'}
              </div>
              {override ? (
                <div
                  className={`deck-override deck-override-${override.tone}`}
                  data-testid="deck-override"
                  role="status"
                  title={override.full}
                >
                  <span className="deck-override-name" aria-hidden="true">
                    {override.name}
                  </span>
                  <span className="deck-override-what" aria-hidden="true">
                    {override.what}
                  </span>
                  <span className="sr-only">{override.full}</span>
                </div>
              ) : null}
              {cues.armed ? (
                <div className="deck-armed" data-testid="deck-armed" role="status">
                  <span className="deck-armed-label">Armed</span>
                  <span className="mono deck-armed-id" data-testid="deck-armed-id">
                    {cues.armed.id}
                  </span>
                  <Button
                    variant="ghost"
                    onClick={() => void act('cue.arm', { cueId: null })}
                    hotkey="Esc"
                    data-testid="cue-disarm"
                  >
                    Disarm
                  </Button>
                </div>
              ) : null}
            </div>
          </div>
          <div className="deck-controls">
            <Button
              size="lg"
              onClick={() => void act('cue.prev', {})}
              disabled={cues.index <= 0}
              hotkey="←"
              data-testid="cue-prev"
            >
              Previous
            </Button>
            <Button
              size="lg"
              variant="primary"
              onClick={() => void act('cue.next', {})}
              disabled={cues.index >= cues.total - 1}
              hotkey="Space"
              data-testid="cue-next"
            >
              Next
            </Button>
            {/* On a narrow console the words in `deck-wide` give way (the name stays whole), so the five
                controls keep one row under the current cue. */}
            <Button
              size="lg"
              onClick={() => selected && void act('cue.goto', { cueId: selected }).then(() => setPicked(null))}
              disabled={!selected}
              hotkey="Enter"
              data-testid="cue-jump"
              aria-label="Jump to pick"
            >
              Jump<span className="deck-wide"> to pick</span>
            </Button>
            <Button
              size="lg"
              variant={cues.armed ? 'selected' : 'default'}
              onClick={() => selected && void act('cue.arm', { cueId: selected })}
              disabled={!selected}
              hotkey="A"
              data-testid="cue-arm"
              aria-label="Arm pick"
            >
              Arm<span className="deck-wide"> pick</span>
            </Button>
            <Button
              size="lg"
              variant={cues.armed ? 'live' : 'default'}
              onClick={() => void act('cue.go', {}).then(() => setPicked(null))}
              disabled={!cues.armed}
              hotkey="G"
              data-testid="cue-go"
              aria-label={cues.armed ? `Go to ${cues.armed.id}` : 'Go'}
              title={cues.armed ? `Go to the armed cue ${cues.armed.id}` : undefined}
            >
              Go
            </Button>
          </div>
          {/* Focusable so the list scrolls from the keyboard too (the cue keys move the deck itself). */}
          <div className="deck-list-wrap">
            {more ? (
              // Over the right end of the segment header that sticks to the list's top (its free end), never
              // over a cue: at 1366×768 the list has no spare line at its foot for it. A click scrolls a page.
              <button
                type="button"
                className="deck-more"
                data-testid="deck-more"
                style={{ right: gutter + 1 }}
                onClick={() => listRef.current?.scrollBy({ top: Math.max(40, (listRef.current?.clientHeight ?? 0) - 40) })}
              >
                {more}
              </button>
            ) : null}
            <ul className="deck-list" ref={listRef} data-testid="deck-list" tabIndex={0} aria-label="Cues of the loaded script">
              {rows.map((r) =>
                r.type === 'segment' ? (
                  <li key={`s:${r.id}`} className="deck-seg" title={r.title}>
                    {r.title}
                    {r.plannedSeconds ? ` · ${formatClock(r.plannedSeconds * 1000)}` : ''}
                  </li>
                ) : (
                  <li
                    key={r.cue.id}
                    data-cue-id={r.cue.id}
                    className={`deck-cue ${r.cue.id === currentId ? 'is-current' : ''} ${r.cue.id === selected ? 'is-selected' : ''} ${r.cue.id === cues.armed?.id ? 'is-armed' : ''}`}
                    onClick={() => setPicked(r.cue.id)}
                    onDoubleClick={() => void act('cue.goto', { cueId: r.cue.id }).then(() => setPicked(null))}
                  >
                    {/* The id sits under the number, not in a column of its own: the text gets the width,
                      so a long CTA takes fewer lines of the short list. */}
                    <span className="deck-kind num">
                      {r.number}. {r.cue.kind}
                      <span className="deck-cue-id muted small mono">{r.cue.id}</span>
                    </span>
                    <span className="deck-cue-text">{r.cue.text}</span>
                  </li>
                ),
              )}
            </ul>
          </div>
        </>
      )}
    </Panel>
  );
}
