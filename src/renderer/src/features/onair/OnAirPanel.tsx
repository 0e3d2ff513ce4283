// The producer's on-air panel: talkback to the host, time-boxed offer windows, the rundown's timing
// and the overlays' show/hide (with hotkeys). Every button is one station command, audited there.
import { useState } from 'react';
import { OVERLAY_NAMES, TALKBACK_PRESETS, TALKBACK_TEXT_MAX, type OverlayName } from '../../../../shared/contract/constants';
import { useSlice } from '../../state/station.store';
import { useAction } from '../../state/use-action';
import { Panel } from '../../ui/Panel';
import { Button } from '../../ui/Button';
import { useNow } from '../../ui/use-now';
import { useHotkeys } from '../../ui/hotkeys';
import { formatClock, formatLeft, formatTimeOfDay } from '../../ui/format';
import { readLine } from './talkback.logic';
import { activeWindows, windowLine } from './window.logic';
import { overUnderText, rundown } from './rundown.logic';
import './onair.css';

const TABS = [
  { id: 'talkback', label: 'Talkback' },
  { id: 'window', label: 'Window' },
  { id: 'rundown', label: 'Rundown' },
  { id: 'overlays', label: 'Overlays' },
] as const;
type Tab = (typeof TABS)[number]['id'];

/** Shift+O/C/Q/L toggle the offer, countdown, question and lower-third overlays. */
export const OVERLAY_KEYS: Record<OverlayName, string> = { offer: 'shift+o', countdown: 'shift+c', question: 'shift+q', 'lower-third': 'shift+l' };

export function OnAirPanel() {
  const [tab, setTab] = useState<Tab>('talkback');
  const overlays = useSlice('overlays');
  const act = useAction();
  const toggle = (name: OverlayName) => {
    if (overlays) void act('overlay.show', { overlay: name, visible: !overlays.shown[name] });
  };
  useHotkeys(Object.fromEntries(OVERLAY_NAMES.map((n) => [OVERLAY_KEYS[n], () => toggle(n)])), overlays !== null);
  return (
    <Panel
      title={`On air${useWindowSummary()}`}
      testId="onair-panel"
      className="onair-panel"
      actions={
        <nav className="onair-tabs" aria-label="On-air sections">
          {TABS.map((t) => (
            <button key={t.id} type="button" className={`onair-tab ${tab === t.id ? 'onair-tab-on' : ''}`} aria-current={tab === t.id ? 'true' : undefined} data-testid={`onair-tab-${t.id}`} onClick={() => setTab(t.id)}>
              {t.label}
            </button>
          ))}
        </nav>
      }
    >
      {tab === 'talkback' ? <TalkbackTab /> : tab === 'window' ? <WindowTab /> : tab === 'rundown' ? <RundownTab /> : <OverlaysTab toggle={toggle} />}
    </Panel>
  );
}

/** " · 04:12 · Glow Kit" for the first running window, so the countdown shows whichever tab is open;
 * the time comes first because a long offer name is what the one-line title cuts. */
function useWindowSummary(): string {
  const windows = useSlice('onair')?.windows ?? [];
  const now = useNow(1000);
  const w = activeWindows(windows)[0];
  if (!w) return '';
  const line = windowLine(w, now);
  return ` · ${line.leftMs === null ? 'ending' : formatLeft(line.leftMs)} · ${w.offerName}`;
}

function TalkbackTab() {
  const onair = useSlice('onair');
  const hosts = useSlice('station')?.views.host ?? 0;
  const act = useAction();
  const now = useNow(1000);
  const [text, setText] = useState('');
  const current = onair?.talkback.current ?? null;
  const share = onair?.share ?? { orders: false, stock: false, window: false };
  return (
    <div className="onair-talkback">
      <div className="onair-presets">
        {TALKBACK_PRESETS.map((p) => (
          <Button key={p.id} data-testid={`talkback-preset-${p.id}`} disabled={hosts === 0} onClick={() => void act('talkback.send', { preset: p.id })}>
            {p.text}
          </Button>
        ))}
      </div>
      <form
        className="onair-row"
        onSubmit={(e) => {
          e.preventDefault();
          const t = text.trim();
          if (t) void act('talkback.send', { text: t }).then((r) => r && setText(''));
        }}
      >
        <input className="onair-input" data-testid="talkback-text" maxLength={TALKBACK_TEXT_MAX} value={text} placeholder={`Short message (${TALKBACK_TEXT_MAX} characters)`} onChange={(e) => setText(e.target.value)} />
        <Button type="submit" variant="primary" disabled={hosts === 0 || text.trim() === ''}>
          Send
        </Button>
      </form>
      <p className="onair-status" data-testid="talkback-status" data-read={current?.ackAt ? '1' : '0'}>
        {hosts === 0 ? 'No host view is open: talkback is off.' : current ? `“${current.text}” — ${readLine(current, now)}` : `${hosts} host view${hosts > 1 ? 's' : ''} open.`}
      </p>
      <div className="onair-row onair-share" role="group" aria-label="Numbers on the host card">
        <span className="muted">On the host card:</span>
        {(['orders', 'stock', 'window'] as const).map((k) => (
          <label key={k}>
            <input type="checkbox" data-testid={`share-${k}`} checked={share[k]} onChange={(e) => void act('onair.share', { [k]: e.target.checked })} />{' '}
            {k === 'orders' ? 'orders vs cap' : k === 'stock' ? 'stock left' : 'window time left'}
          </label>
        ))}
      </div>
    </div>
  );
}

function WindowTab() {
  const offers = useSlice('offers')?.items ?? [];
  const windows = useSlice('onair')?.windows ?? [];
  const act = useAction();
  const now = useNow(250);
  const [minutes, setMinutes] = useState('10');
  const [reason, setReason] = useState('');
  const active = activeWindows(windows);
  const mins = Number(minutes);
  return (
    <div className="onair-window">
      {offers.map((o) => {
        const w = active.find((x) => x.offerId === o.id) ?? null;
        const line = w ? windowLine(w, now) : null;
        return (
          <div key={o.id} className="onair-window-row" data-testid={`window-${o.id}`} data-phase={w?.phase ?? 'none'}>
            <strong>{o.name}</strong> <span className="muted">{o.state}</span>
            {w && line ? (
              <>
                <div className={`onair-countdown onair-${line.level}`} data-testid={`window-left-${o.id}`}>
                  {line.text} {line.leftMs !== null ? <span className="num">{formatLeft(line.leftMs)}</span> : null}
                </div>
                {w.cta ? <div className="onair-cta">Read: {w.cta.text}</div> : null}
                <div className="onair-row">
                  <input className="onair-input" data-testid={`window-reason-${o.id}`} value={reason} placeholder="Reason (required)" maxLength={300} onChange={(e) => setReason(e.target.value)} />
                  {(['extend', 'cut'] as const).map((action) => (
                    <Button key={action} disabled={!reason.trim() || w.phase === 'ending'} onClick={() => void act('offer.windowAdjust', { offerId: o.id, action, minutes: 1, reason: reason.trim() })}>
                      {action === 'extend' ? '+1 min' : '−1 min'}
                    </Button>
                  ))}
                  <Button variant="danger" data-testid={`window-end-${o.id}`} disabled={!reason.trim() || w.phase === 'ending'} onClick={() => void act('offer.windowAdjust', { offerId: o.id, action: 'end', reason: reason.trim() })}>
                    End now
                  </Button>
                </div>
              </>
            ) : (
              <div className="onair-row">
                <input className="onair-input onair-minutes" type="number" min={0.5} max={240} step={0.5} data-testid={`window-minutes-${o.id}`} value={minutes} onChange={(e) => setMinutes(e.target.value)} aria-label="Minutes" />
                <span className="muted">min</span>
                <Button variant="primary" data-testid={`window-open-${o.id}`} disabled={!(mins > 0)} onClick={() => void act('offer.window', { offerId: o.id, minutes: mins })}>
                  Open window
                </Button>
              </div>
            )}
          </div>
        );
      })}
      {windows
        .filter((w) => w.phase === 'ended')
        .slice(0, 3)
        .map((w) => (
          <p key={`${w.offerId}-${w.openedAt}`} className="muted" data-testid="window-ended">
            {w.offerName}: {windowLine(w, now).text} at {w.endedAt ? formatTimeOfDay(w.endedAt) : '—'}
          </p>
        ))}
    </div>
  );
}

function RundownTab() {
  const deck = useSlice('scripts')?.deck ?? null;
  const ran = useSlice('onair')?.rundown ?? [];
  const now = useNow(1000);
  if (!deck) return <p className="muted">No approved script is loaded.</p>;
  const r = rundown(deck.content.segments, ran, now);
  return (
    <div className="onair-rundown">
      <p className="onair-row" data-testid="rundown-summary">
        <span>Show: {overUnderText(r.overUnderMs)}</span>
        <span>Planned {formatClock(r.plannedTotalMs)}</span>
        <span>Projected end {r.projectedEndAt ? formatTimeOfDay(r.projectedEndAt) : '—'}</span>
      </p>
      <table className="onair-table">
        <thead>
          <tr>
            <th>Segment</th>
            <th>Planned</th>
            <th>Actual</th>
            <th>±</th>
          </tr>
        </thead>
        <tbody>
          {r.rows.map((row) => (
            <tr key={row.segmentId} className={`rundown-${row.state} ${row.alarm ? `rundown-${row.alarm}` : ''}`} data-testid={`rundown-${row.segmentId}`} data-alarm={row.alarm ?? ''}>
              <td>
                {row.title}
                {row.alarm === 'warn' ? ' — wrap up soon' : row.alarm === 'over' ? ' — over-running' : ''}
              </td>
              <td className="num">{row.plannedMs === null ? '—' : formatClock(row.plannedMs)}</td>
              <td className="num">{row.actualMs === null ? '—' : formatClock(row.actualMs)}</td>
              <td className="num">{row.deltaMs === null ? '' : `${row.deltaMs > 0 ? '+' : row.deltaMs < 0 ? '−' : ''}${formatClock(Math.abs(row.deltaMs))}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function OverlaysTab(props: { toggle(name: OverlayName): void }) {
  const overlays = useSlice('overlays');
  const pinned = useSlice('comments')?.pinned ?? null;
  const act = useAction();
  if (!overlays) return null;
  return (
    <div className="onair-overlays">
      {OVERLAY_NAMES.map((n) => (
        <div key={n} className="onair-row">
          <Button
            variant={overlays.shown[n] ? 'live' : 'default'}
            aria-pressed={overlays.shown[n]}
            data-testid={`overlay-toggle-${n}`}
            hotkey={OVERLAY_KEYS[n].replace('shift+', '⇧').toUpperCase()}
            disabled={n === 'question' && !overlays.shown.question && !pinned}
            onClick={() => props.toggle(n)}
          >
            {overlays.shown[n] ? 'Hide' : 'Show'} {n}
          </Button>
          {n === 'question' ? (
            <span className="muted onair-question">{overlays.question ? `on air: ${overlays.question.text}` : pinned ? `pinned: ${pinned.text}` : 'no question pinned'}</span>
          ) : null}
        </div>
      ))}
      <label className="onair-row">
        <input type="checkbox" data-testid="overlay-stock" checked={overlays.stock} onChange={(e) => void act('overlay.stock', { visible: e.target.checked })} /> Stock left on the offer overlay
      </label>
    </div>
  );
}
