// The host card's on-air strip: the producer's talkback (big, acknowledged with Enter or a tap),
// and the live numbers the producer chose to share (orders vs cap, stock left, window time left).
import { useSlice } from '../../state/station.store';
import { useAction } from '../../state/use-action';
import { useHotkeys } from '../../ui/hotkeys';
import { formatLeft } from '../../ui/format';
import { activeWindows, windowLine } from './window.logic';
import './onair.css';

/** `part`: the card stacks the talkback above the offer banners and the numbers below them, so
 * on a short screen the numbers are what gives way first. */
export function HostOnAir(props: { now: number; part: 'talkback' | 'numbers' }) {
  const onair = useSlice('onair');
  const offers = useSlice('offers')?.items ?? [];
  const act = useAction();
  const talk = onair?.talkback.current ?? null;
  const unread = talk !== null && talk.ackAt === null;
  const ack = () => {
    if (talk && unread) void act('talkback.ack', { id: talk.id });
  };
  useHotkeys({ Enter: ack }, unread && props.part === 'talkback');
  if (!onair) return null;
  const share = onair.share;
  const windows = activeWindows(onair.windows);
  // `name` (the offer) is set apart from the label, in the host's reading case: a long name wraps
  // above its figure instead of being cut mid-word next to it.
  const numbers: { key: string; name?: string; label: string; value: string; level: string }[] = [];
  for (const o of offers) {
    if (share.orders) numbers.push({ key: `${o.id}-orders`, ...(offers.length > 1 ? { name: o.name } : {}), label: 'ORDERS', value: o.cap ? `${o.orders} / ${o.cap.orders}` : String(o.orders), level: o.cap?.reached ? 'amber' : 'ok' });
    if (share.stock && o.stock) {
      const units = o.skus.map((sku) => o.stock?.[sku]).filter((n): n is number => typeof n === 'number');
      if (units.length) numbers.push({ key: `${o.id}-stock`, label: 'STOCK LEFT', value: String(Math.max(0, Math.min(...units))), level: o.lowStock.length ? 'amber' : 'ok' });
    }
  }
  if (share.window) {
    for (const w of windows) {
      const line = windowLine(w, props.now);
      numbers.push({ key: `${w.offerId}-window`, name: w.offerName, label: line.leftMs === null ? '' : 'ENDS IN', value: line.leftMs === null ? line.text : formatLeft(line.leftMs), level: line.level === 'ok' ? 'ok' : line.level });
    }
  }
  const cta = share.window ? windows.find((w) => w.cta)?.cta ?? null : null;
  if (props.part === 'talkback')
    return talk ? (
        <button type="button" className="host-talkback" data-testid="host-talkback" data-read={unread ? '0' : '1'} data-id={talk.id} role={unread ? 'alert' : undefined} onClick={ack}>
          <span>{talk.text}</span>
          <span className="host-talkback-ack">{unread ? 'Enter / tap = read' : 'read'}</span>
        </button>
    ) : null;
  return (
    <>
      {numbers.length ? (
        <div className="host-numbers" data-testid="host-numbers">
          {numbers.map((n) => (
            <span key={n.key} className={n.level === 'ok' ? '' : `host-${n.level === 'red' ? 'red' : 'amber'}`} data-testid={`host-number-${n.key}`}>
              {n.name ? <span className="host-number-name" title={n.name}>{n.name}</span> : null}
              {n.label ? <span className="host-clock-label">{n.label}</span> : null}
              <span className="num">{n.value}</span>
            </span>
          ))}
        </div>
      ) : null}
      {cta ? (
        <div className="host-window-cta" data-testid="host-window-cta">
          {cta.text}
        </div>
      ) : null}
    </>
  );
}
