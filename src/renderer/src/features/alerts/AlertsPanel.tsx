// Alerts from every subsystem: newest first, red/amber by level, acknowledged ones dimmed.
import { useSlice } from '../../state/station.store';
import { useAction } from '../../state/use-action';
import { Panel } from '../../ui/Panel';
import { Button } from '../../ui/Button';
import { formatTimeOfDay } from '../../ui/format';
import { openAlerts } from './alerts.logic';

export function AlertsPanel() {
  const alerts = useSlice('alerts');
  const act = useAction();
  const items = alerts?.items ?? [];
  const open = openAlerts(items);
  return (
    <Panel title={`Alerts${open.length ? ` (${open.length})` : ''}`} testId="alerts-panel" focusable>
      {items.length === 0 ? <p className="muted">No alerts. Subsystems raise them here when something needs a person.</p> : null}
      <ul className="alert-list">
        {items.slice(0, 50).map((a) => (
          <li key={a.id} className={`alert alert-${a.level} ${a.ackedAt ? 'alert-acked' : ''} ${a.clearedAt ? 'alert-cleared' : ''}`}>
            <time className="num muted">{formatTimeOfDay(a.raisedAt)}</time>
            <span className="alert-source">{a.source}</span>
            <span className="alert-message">{a.message}</span>
            {a.clearedAt ? <span className="muted">cleared</span> : null}
            {a.ackedAt ? (
              <span className="muted">ack {a.ackedBy}</span>
            ) : (
              <Button variant="ghost" onClick={() => void act('alert.ack', { id: a.id })}>
                Ack
              </Button>
            )}
          </li>
        ))}
      </ul>
    </Panel>
  );
}
