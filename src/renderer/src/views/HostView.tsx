// The host's cue card, for the second monitor.
import { StationHeader } from '../features/station/StationHeader';
import { useStation } from '../state/station.store';
import { ShowPanel } from '../features/show/ShowPanel';

export function HostView() {
  const linked = useStation((v) => v.connection === 'open');
  return (
    <div className="view view-host">
      <StationHeader view="Host" />
      <main className={linked ? '' : 'stale'}>
        <ShowPanel />
      </main>
    </div>
  );
}
