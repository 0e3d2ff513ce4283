// Go / no-go: every item with its live status and the reason; manual items ticked by name.
import { useSlice } from '../../state/station.store';
import { useAction } from '../../state/use-action';
import { Panel } from '../../ui/Panel';
import { Button } from '../../ui/Button';
import { StatusBadge, StatusDot } from '../../ui/StatusDot';
import { checkLevel, verdictLevel, verdictText } from './preflight.logic';
import { useShowIsRehearsal } from '../../ui/use-rehearsal';
import { unlabelled } from '../../ui/rehearsal.logic';

export function PreflightPanel() {
  const preflight = useSlice('preflight');
  const act = useAction();
  const saidOnce = useShowIsRehearsal();
  const checks = preflight?.checks ?? [];
  const verdict = preflight?.verdict ?? 'pending';
  return (
    <Panel
      title="Preflight"
      testId="preflight-panel"
      actions={
        <>
          <StatusBadge level={verdictLevel(verdict)} testId="preflight-verdict">
            {verdictText(verdict)}
          </StatusBadge>
          <Button onClick={() => void act('preflight.run', {})}>Run checks</Button>
        </>
      }
    >
      <ul className="preflight-list">
        {checks.map((c) => (
          <li key={c.id} data-testid={`preflight-${c.id}`} data-status={c.status}>
            <StatusDot level={checkLevel(c.status)} label={c.status} />
            <span className="preflight-label">{c.label}</span>
            <span className="muted preflight-detail">{unlabelled(c.detail, saidOnce)}</span>
            {c.kind === 'manual' ? (
              <Button variant={c.status === 'pass' ? 'ok' : 'default'} onClick={() => void act('preflight.tick', { id: c.id, done: c.status !== 'pass' })}>
                {c.status === 'pass' ? 'Done ✓' : 'Tick'}
              </Button>
            ) : (
              <span className="kbd">auto</span>
            )}
          </li>
        ))}
      </ul>
    </Panel>
  );
}
