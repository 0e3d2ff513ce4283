// Alerts from every subsystem: what needs a person first (critical, then warnings), a flapping
// condition as one row with its count and a sparkline of when it came back, "condition ended"
// when it cleared by itself, Ack all, and quiet mode for rehearsals and known issues.
import type { Alert } from '../../../../shared/contract/index';
import { useRole, useSlice } from '../../state/station.store';
import { useAction } from '../../state/use-action';
import { Panel } from '../../ui/Panel';
import { Button } from '../../ui/Button';
import { formatTimeOfDay } from '../../ui/format';
import { useNow } from '../../ui/use-now';
import { emergenciesWithoutAlert, openAlerts, orderedAlerts, raiseMarks } from './alerts.logic';
import { useEmergencies } from '../emergency/EmergencyBanners';
import { alertCounts } from '../status/status-bar.logic';
import type { Emergency } from '../emergency/emergency.logic';

export function AlertsPanel() {
  const alerts = useSlice('alerts');
  const role = useRole();
  const act = useAction();
  const now = useNow(5000);
  const items = alerts?.items ?? [];
  const emergencies = useEmergencies();
  // Counted as the status bar counts (one per cause, every emergency critical), and the emergencies
  // no alert stands for listed first, so "2 crit" up there is two critical rows down here.
  const counts = alertCounts(items, emergencies);
  const total = counts.critical + counts.warn + counts.info;
  const unlisted = emergenciesWithoutAlert(emergencies, items);
  const quiet = alerts?.quiet.on ?? false;
  return (
    <Panel
      title={`Alerts${total ? ` (${total})` : ''}`}
      testId="alerts-panel"
      focusable
      scrollsAlone
      actions={
        <>
          {role === 'producer' ? (
            <Button variant={quiet ? 'selected' : 'ghost'} data-testid="alerts-quiet" aria-pressed={quiet} onClick={() => void act('alert.quiet', { on: !quiet })} title="Warnings and info are listed but not counted; critical stays loud">
              {quiet ? 'Quiet mode ON' : 'Quiet mode'}
            </Button>
          ) : null}
          <Button variant="ghost" data-testid="alerts-ack-all" disabled={openAlerts(items).length === 0} onClick={() => void act('alert.ackAll', {})}>
            Ack all
          </Button>
        </>
      }
    >
      {items.length === 0 && unlisted.length === 0 ? <p className="muted">No alerts. Subsystems raise them here when something needs a person.</p> : null}
      <ul className="alert-list">
        {unlisted.map((e) => (
          <EmergencyRow key={e.id} e={e} />
        ))}
        {orderedAlerts(items)
          .slice(0, 60)
          .map((a) => (
            <AlertRow key={a.id} a={a} now={now} onAck={() => void act('alert.ack', { id: a.id })} />
          ))}
      </ul>
    </Panel>
  );
}

/** An emergency as a critical row: it ends when its condition does, so there is nothing to acknowledge. */
function EmergencyRow(props: { e: Emergency }) {
  const { e } = props;
  return (
    <li className="alert alert-critical alert-emergency" data-testid={`alert-emergency-${e.kind}`}>
      <time className="alert-time num muted">{e.since === null ? 'now' : formatTimeOfDay(e.since)}</time>
      {/* Where to act goes with the message: beside the source it cut "EMERGENCY" at 1366 px. */}
      <span className="alert-source">CRIT · emergency</span>
      <span className="alert-message">
        {e.cause} <span className="muted">Its action is on the red banner above.</span>
      </span>
    </li>
  );
}

function AlertRow(props: { a: Alert; now: number; onAck(): void }) {
  const { a } = props;
  const marks = raiseMarks(a.raises, props.now);
  return (
    <li className={`alert alert-${a.level} ${a.ackedAt ? 'alert-acked' : ''} ${a.clearedAt ? 'alert-cleared' : ''} ${a.quiet ? 'alert-quiet' : ''}`} data-testid={`alert-${a.key}`} data-count={a.count}>
      <time className="alert-time num muted">{formatTimeOfDay(a.raisedAt)}</time>
      <span className="alert-source">{a.level === 'critical' ? 'CRIT' : a.level === 'warn' ? 'WARN' : 'INFO'} · {a.source}</span>
      <span className="alert-message">
        {a.message}
        {a.count > 1 ? (
          <span className="alert-count" data-testid="alert-count" title="times the condition came back">
            {' '}
            ×{a.count}
          </span>
        ) : null}
        {marks.length > 1 ? (
          <svg className="alert-spark" viewBox="0 0 100 10" preserveAspectRatio="none" aria-label={`came back ${a.count - 1} times in the last 10 minutes`} role="img">
            {marks.map((x, i) => (
              <rect key={i} x={x * 98} y={0} width={2} height={10} />
            ))}
          </svg>
        ) : null}
      </span>
      <span className="alert-state muted small">{a.clearedAt ? `ended ${formatTimeOfDay(a.clearedAt)}` : a.quiet ? 'quiet' : ''}</span>
      {a.ackedAt ? (
        <span className="alert-ack muted small">ack {a.ackedBy}</span>
      ) : (
        <Button variant="ghost" className="alert-ack" onClick={props.onAck}>
          Ack
        </Button>
      )}
    </li>
  );
}
