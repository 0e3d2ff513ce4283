// GO / END: the producer declares GO (with a written reason for each check that is not passed)
// and END; the GO record the station kept is shown back, as it stands in the audit chain.
import { useState } from 'react';
import { useSlice } from '../../state/station.store';
import { useAction } from '../../state/use-action';
import { Panel } from '../../ui/Panel';
import { Button } from '../../ui/Button';
import { MIN_REASON, goSummary, planGo } from './showday.logic';
import { showPhase } from './show-phase.logic';
import { StatusBadge } from '../../ui/StatusDot';
import { formatTimeOfDay } from '../../ui/format';

export function GoEndPanel() {
  const day = useSlice('showday');
  const preflight = useSlice('preflight');
  const act = useAction();
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [endReason, setEndReason] = useState('');
  const plan = planGo(preflight?.checks ?? [], reasons);
  const phase = day?.phase ?? 'preflight';
  // The same words as the observer's page: a running clock before GO is said as such.
  const said = showPhase(day, useSlice('cues'), formatTimeOfDay);
  return (
    <Panel
      title="GO / END"
      testId="go-end-panel"
      actions={
        phase === 'live' ? (
          <Button variant="danger" data-testid="show-end" onClick={() => void act('show.end', endReason.trim() ? { overrideReason: endReason.trim() } : {})}>
            END show
          </Button>
        ) : (
          <Button
            variant={plan.blocking.length ? 'default' : 'live'}
            data-testid="show-go"
            disabled={plan.missing.length > 0}
            title={plan.missing.length ? `Give a reason for: ${plan.missing.map((c) => c.label).join(', ')}` : undefined}
            onClick={() => void act('show.go', plan.overrides.length ? { overrides: plan.overrides } : {})}
          >
            {plan.blocking.length ? 'GO with overrides' : 'GO'}
          </Button>
        )
      }
    >
      <p className="small" data-testid="go-phase">
        <span className="muted">Show phase: </span>
        <StatusBadge level={said.level}>{said.label}</StatusBadge> <span className="muted">{said.detail}</span>
      </p>
      {phase !== 'live' && plan.blocking.length > 0 ? (
        <div data-testid="go-overrides">
          <p className="warn">{plan.blocking.length} check(s) not passed. Fix them, or write why the show goes anyway:</p>
          {plan.blocking.map((c) => (
            <label key={c.id} className="go-override">
              <span>
                {c.label} <span className="muted">({c.status}: {c.detail})</span>
              </span>
              <input
                data-testid={`override-${c.id}`}
                value={reasons[c.id] ?? ''}
                minLength={MIN_REASON}
                placeholder={`reason (at least ${MIN_REASON} characters)`}
                onChange={(e) => setReasons({ ...reasons, [c.id]: e.target.value })}
              />
            </label>
          ))}
        </div>
      ) : null}
      {phase === 'live' ? (
        <label className="go-override">
          <span className="muted">Only if an offer is still pausing or resuming: why END now</span>
          <input data-testid="end-reason" value={endReason} onChange={(e) => setEndReason(e.target.value)} />
        </label>
      ) : null}
      {day?.go ? (
        <div data-testid="go-record" data-verdict={day.go.verdict}>
          <p>
            <strong>{goSummary(day.go)}</strong>
            {day.go.script ? <span className="muted"> · script v{day.go.script.number} {day.go.script.hash.slice(0, 8)}</span> : null}
          </p>
          {day.go.overrides.map((o) => (
            <p key={o.checkId} className="warn small">
              {o.checkId}: {o.reason}
            </p>
          ))}
          {day.end ? (
            <p data-testid="end-record">
              END by {day.end.by}: {day.end.figures.orders} orders, {day.end.figures.revenue.toFixed(2)} {day.end.figures.currency}. Write the post-show package next.
            </p>
          ) : null}
        </div>
      ) : (
        <p className="muted">No GO declared for this show yet.</p>
      )}
    </Panel>
  );
}
