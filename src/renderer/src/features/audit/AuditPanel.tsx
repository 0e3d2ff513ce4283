// Who did what: the newest audit rows, with the outcome of each command (refusals included).
import { useSlice } from '../../state/station.store';
import { Panel } from '../../ui/Panel';
import { formatTimeOfDay } from '../../ui/format';
import { plainActor } from './actor-label';
import { auditTimes } from './audit-times.logic';

export function AuditPanel() {
  const audit = useSlice('audit');
  const rows = audit?.recent ?? [];
  // Rows stamped before a realignment of the station's clock, on the corrected clock (audit-times.logic.ts).
  const times = auditTimes(rows, formatTimeOfDay);
  return (
    <Panel title={`Audit trail (${audit?.count ?? 0})`} testId="audit-panel">
      <table className="grid audit-table">
        <tbody>
          {rows.map((e) => {
            const t = times.get(e.seq) ?? { at: e.at, note: null };
            return (
              <tr key={e.seq}>
                <td className="num muted" title={t.note ?? undefined} data-testid={t.note ? 'audit-time-moved' : undefined}>
                  {formatTimeOfDay(t.at)}
                  {t.note ? '*' : ''}
                </td>
                <td>{plainActor(e.actor)}</td>
                <td className="mono">{e.command}</td>
                <td
                  className={e.outcome === 'ok' ? 'ok' : e.outcome.startsWith('refused') ? 'warn' : 'bad'}
                  title={e.detail ?? ''}
                >
                  {e.outcome}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {audit?.headHash ? <p className="muted mono small">chain head {audit.headHash.slice(0, 16)}…</p> : null}
    </Panel>
  );
}
