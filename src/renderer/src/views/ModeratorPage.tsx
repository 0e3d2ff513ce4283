// The moderator's triage view.
import { StationHeader } from '../features/station/StationHeader';
import { useStation } from '../state/station.store';
import { AlertsPanel } from '../features/alerts/AlertsPanel';

export function ModeratorPage() {
  const linked = useStation((v) => v.connection === 'open');
  return (
    <div className="view view-moderator">
      <StationHeader view="Moderator" />
      <main className={linked ? '' : 'stale'}>
        <AlertsPanel />
      </main>
    </div>
  );
}
