// The small OBS badge for the header and the host's card: red "OBS LINK LOST 12 s" while the link is
// not usable (counted from the moment the OBS emergency banner counts from), otherwise on/off air
// with the health level.
import { useSlice } from '../../state/station.store';
import { StatusBadge } from '../../ui/StatusDot';
import { useNow } from '../../ui/use-now';
import { badge, linkLostSince } from './obs.logic';

export function ObsStatusBadge() {
  const obs = useSlice('obs');
  const showStartedAt = useSlice('cues')?.showStartedAt ?? null;
  const now = useNow(1000);
  if (!obs) return null;
  const b = badge(obs, now, linkLostSince(obs, showStartedAt));
  return (
    <StatusBadge level={b.level} testId="obs-badge">
      <span className="num">{b.text}</span>
    </StatusBadge>
  );
}
