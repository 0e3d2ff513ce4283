// The host's cue card (the whole /host page body) for the second monitor or teleprompter glass:
// the approved text in very large type, the next cue small, show and segment clocks, the offer
// banner, a pinned question, and the approved version's short hash and approver in a corner.
import { approvalCredit } from './approval.logic';
import { useEffect, useRef, useState } from 'react';
import { useSlice } from '../../state/station.store';
import { useHotkeys } from '../../ui/hotkeys';
import { useNow } from '../../ui/use-now';
import { formatClock, formatLeft } from '../../ui/format';
import { cardText, clocks, mirrorFromQuery, offerBanners, segmentLevel } from './host-card.logic';
import { useFitText } from './use-fit-text';
import { useWholeOrHidden } from '../../ui/use-whole-or-hidden';
import { HostOnAir } from '../onair/HostOnAir';
import './cues.css';

const FLASH_MS = 700;

/** `saidAbove`: the offers the emergency banners above the card already name (said once, there). */
export function HostCueCard(props: { saidAbove: ReadonlySet<string> }) {
  const cues = useSlice('cues');
  const offers = useSlice('offers');
  const comments = useSlice('comments');
  const now = useNow(250);
  const [mirror, setMirror] = useState(() => mirrorFromQuery(window.location.search));
  useHotkeys({ m: () => setMirror((m) => !m) });

  const card = cues ? cardText(cues) : null;
  const [flash, setFlash] = useState(false);
  const lastKey = useRef<string | null>(null);
  useEffect(() => {
    if (!card || card.key === lastKey.current) return;
    const first = lastKey.current === null;
    lastKey.current = card.key;
    if (first) return;
    setFlash(true);
    const t = setTimeout(() => setFlash(false), FLASH_MS);
    return () => clearTimeout(t);
  }, [card]);

  const box = useRef<HTMLDivElement>(null);
  const textEl = useRef<HTMLParagraphElement>(null);
  const shown = card?.text ?? '';
  useFitText(box, textEl, shown, 28, 220);
  // What gives way on a short screen goes whole: a 720p card showed the top of the numbers row and a
  // pinned question's label without its question. The next line is cut at a line already (its height).
  const stack = useWholeOrHidden(':scope > *');
  const bottom = useWholeOrHidden(':scope > .host-pinned');

  if (!cues) return null;
  const banners = offerBanners(cues, offers?.items ?? [], props.saidAbove);
  const c = clocks(cues, now);
  const pinned = comments?.pinned ?? null;

  return (
    <div className={`host-card ${mirror ? 'host-mirror' : ''}`} data-testid="host-card" data-mirror={mirror ? '1' : '0'}>
      {/* Everything above the approved text, in the order it gives way on a short screen (cut from
          the bottom): clocks, paused/attention banners ("do not read its CTA" is a rule, not news),
          the talkback, then the numbers and live offers.
          The text keeps its third of the screen whatever stacks up here. */}
      <div className="host-stack" data-testid="host-stack" ref={stack}>
        <div className="host-top">
          <div className="host-clock" data-testid="host-show-clock">
            <span className="host-clock-label">SHOW</span>
            <span className="num">{c.show === null ? '--:--' : formatClock(c.show)}</span>
          </div>
          <div className="host-segment" title={cues.current?.segmentTitle}>
            {cues.current ? cues.current.segmentTitle : ''}
          </div>
          <div
            className={`host-clock ${c.segmentOver ? 'host-over' : ''} host-${segmentLevel(c, cues.segmentPlannedSeconds)}`}
            data-testid="host-segment-clock"
            data-over={c.segmentOver ? '1' : '0'}
            data-level={segmentLevel(c, cues.segmentPlannedSeconds)}
          >
            <span className="host-clock-label">{c.segmentPlanned ? 'SEGMENT LEFT' : 'SEGMENT'}</span>
            <span className="num">{c.segment === null ? '--:--' : c.segmentPlanned ? formatLeft(c.segment) : formatClock(c.segment)}</span>
          </div>
        </div>
        {banners
          .filter((b) => b.level !== 'green')
          .map((b) => (
            <div key={b.text} className={`host-banner host-banner-${b.level}`} data-testid="host-banner" data-level={b.level} role={b.level === 'red' ? 'alert' : undefined}>
              {b.text}
            </div>
          ))}
        <HostOnAir now={now} part="talkback" />
        <HostOnAir now={now} part="numbers" />
        {banners.some((b) => b.level === 'green') ? (
          <div className="host-live-offers">
            {banners
              .filter((b) => b.level === 'green')
              .map((b) => (
                <span key={b.text} className="host-banner host-banner-green" data-testid="host-banner" data-level="green" title={b.text}>
                  {b.text}
                </span>
              ))}
          </div>
        ) : null}
      </div>

      <div className={`host-main ${flash ? 'host-flash' : ''}`} ref={box}>
        {card ? (
          <>
            <span className={`host-kind ${card.replaced ? 'host-kind-replaced' : ''}`} data-testid="host-cue-kind">
              {card.kind}
            </span>
            <p
              ref={textEl}
              className={`host-text ${card.kind === 'note' ? 'host-note' : ''} ${card.alarm ? 'host-text-alarm' : ''}`}
              data-testid="host-cue-text"
              data-cue={card.key}
            >
              {shown}
            </p>
          </>
        ) : (
          <p ref={textEl} className="host-text host-empty" data-testid="host-cue-text" data-cue="none">
            No approved script is loaded. The producer loads one in Scripts.
          </p>
        )}
      </div>

      <div className="host-bottom" ref={bottom}>
        <div className="host-next" data-testid="host-next">
          {cues.next ? (
            <>
              <span className="host-clock-label">
                NEXT · <span className="host-next-kind">{cues.next.kind}</span>
              </span>{' '}
              {cues.next.text}
            </>
          ) : cues.current ? (
            <span className="muted">Last cue</span>
          ) : null}
        </div>
        {pinned ? (
          <div className="host-pinned" data-testid="host-pinned">
            <span className="host-clock-label">
              PINNED QUESTION · <bdi>{pinned.author}</bdi>
            </span>
            <span dir="auto">{pinned.text}</span>
          </div>
        ) : null}
      </div>

      <div className="host-corner" data-testid="host-version">
        {cues.loaded ? (
          <>
            v{cues.loaded.number} · <span className="mono">{cues.loaded.shortHash}</span> · {approvalCredit(cues.loaded.approval).short}
          </>
        ) : (
          'no approved version'
        )}
        <button type="button" className="host-mirror-toggle" onClick={() => setMirror((m) => !m)} title="Mirror for teleprompter glass (M)">
          {mirror ? 'Unmirror' : 'Mirror'}
        </button>
      </div>
    </div>
  );
}
