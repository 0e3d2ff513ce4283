// The alerts addressed to this view's role (a KPI's threshold goes to its owner role): the station
// sends a role only the alerts meant for it, so this lists the slice as it comes.
import { useSlice } from '../../state/station.store';
import { Panel } from '../../ui/Panel';
import { formatTimeOfDay } from '../../ui/format';

/** `compact`: one line per alert in a strip that scrolls inside itself, for a view whose own list must keep the height (the desk). */
export function MyAlerts(props: { title?: string; empty: string; hideWhenEmpty?: boolean; compact?: boolean }) {
  const items = (useSlice('alerts')?.items ?? []).filter((a) => a.clearedAt === null);
  if (props.hideWhenEmpty && items.length === 0) return null;
  return (
    <Panel title={`${props.title ?? 'Alerts for you'}${items.length ? ` (${items.length})` : ''}`} testId="my-alerts" className={props.compact ? 'my-alerts-compact' : ''}>
      {items.length === 0 ? <p className="muted">{props.empty}</p> : null}
      {/* The compact strip scrolls: focusable, so the keyboard scrolls it too. */}
      <ul className="alert-list" tabIndex={props.compact ? 0 : undefined} aria-label={props.compact ? 'Alerts' : undefined}>
        {items.map((a) => (
          <li key={a.id} className={`alert alert-${a.level}`} data-testid="my-alert">
            <span className="alert-source">{a.source}</span>
            <span className="alert-time num small">{formatTimeOfDay(a.raisedAt)}</span>
            <span className="alert-message">{a.message}</span>
          </li>
        ))}
      </ul>
    </Panel>
  );
}
