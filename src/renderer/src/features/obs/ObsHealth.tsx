// "Are we OK on air?": the verdict with its reasons, the figures of the last sample, and five
// minutes of bitrate and dropped frames. Nothing here outlives the link: down means dashes.
import type { ObsState } from '../../../../shared/contract/index';
import { StatusBadge } from '../../ui/StatusDot';
import { figures, healthLevelLabel } from './obs.logic';
import { HealthSparklines } from './HealthSparklines';

export function ObsHealth(props: { obs: ObsState; now: number }) {
  const { obs, now } = props;
  const level = obs.synced ? obs.health.level : 'unknown';
  return (
    <div className="obs-health">
      <div className="obs-health-head">
        <StatusBadge level={level} testId="obs-health-level">
          {healthLevelLabel(obs.health.level, obs.synced)}
        </StatusBadge>
        <ul className="obs-reasons" data-testid="obs-health-reasons">
          {obs.synced ? obs.health.reasons.map((r) => <li key={r}>{r}</li>) : null}
        </ul>
      </div>
      <dl className="obs-figures" data-testid="obs-figures">
        {figures(obs, now).map((f) => (
          <div key={f.label} className={`obs-figure obs-figure-${f.level}`}>
            <dt>{f.label}</dt>
            <dd className="num">{f.value}</dd>
          </div>
        ))}
      </dl>
      <HealthSparklines history={obs.history} now={now} baselineKbps={obs.synced ? obs.health.baselineKbps : null} />
    </div>
  );
}
