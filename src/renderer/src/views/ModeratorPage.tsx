// The moderator's triage view.
import { StationHeader } from '../features/station/StationHeader';
import { useStation } from '../state/station.store';
import { ModeratorView } from '../features/comments/ModeratorView';
import { HotkeyOverlay } from '../ui/HotkeyOverlay';

export function ModeratorPage() {
  const linked = useStation((v) => v.connection === 'open');
  return (
    <div className="view view-moderator">
      <StationHeader view="Moderator" />
      <main className={linked ? '' : 'stale'}>
        <ModeratorView />
      </main>
      <HotkeyOverlay view="moderator" />
    </div>
  );
}
