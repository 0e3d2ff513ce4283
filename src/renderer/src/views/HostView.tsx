// The host's cue card, for the second monitor.
import { StationHeader } from '../features/station/StationHeader';
import { useStation } from '../state/station.store';
import { HostCueCard } from '../features/cues/HostCueCard';
import { ObsStatusBadge } from '../features/obs/ObsStatusBadge';

export function HostView() {
  const linked = useStation((v) => v.connection === 'open');
  return (
    <div className="view view-host">
      <StationHeader view="Host" extra={<ObsStatusBadge />} />
      <main className={linked ? '' : 'stale'}>
        <HostCueCard />
      </main>
    </div>
  );
}
