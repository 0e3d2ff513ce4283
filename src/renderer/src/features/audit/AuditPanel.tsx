// Who did what: the newest audit rows, with the outcome of each command (refusals included).
import { useSlice } from '../../state/station.store';
import { Panel } from '../../ui/Panel';
import { formatTimeOfDay } from '../../ui/format';
import { plainActor } from './actor-label';

export function AuditPanel() {
  const audit = useSlice('audit');
  return (
    <Panel title={`Audit trail (${audit?.count ?? 0})`} testId="audit-panel">
      <table className="grid audit-table">
        <tbody>
          {(audit?.recent ?? []).map((e) => (
            <tr key={e.seq}>
              <td className="num muted">{formatTimeOfDay(e.at)}</td>
              <td>{plainActor(e.actor)}</td>
              <td className="mono">{e.command}</td>
              <td className={e.outcome === 'ok' ? 'ok' : e.outcome.startsWith('refused') ? 'warn' : 'bad'} title={e.detail ?? ''}>
                {e.outcome}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {audit?.headHash ? <p className="muted mono small">chain head {audit.headHash.slice(0, 16)}…</p> : null}
    </Panel>
  );
}
