// The moderator's triage view.
import { StationHeader } from '../features/station/StationHeader';
import { useStation } from '../state/station.store';
import { ModeratorView } from '../features/comments/ModeratorView';
import { HotkeyOverlay } from '../ui/HotkeyOverlay';
import { MyAlerts } from '../features/roles/MyAlerts';

export function ModeratorPage() {
  const linked = useStation((v) => v.connection === 'open');
  return (
    <div className="view view-moderator">
      <StationHeader view="Moderator" />
      {/* Social ops' KPI alerts (view→cart, comment routing) reach the desk; nothing shows when there are none. */}
      <MyAlerts title="Alerts for social ops" empty="" hideWhenEmpty compact />
      <main className={linked ? '' : 'stale'}>
        <ModeratorView />
      </main>
      <HotkeyOverlay view="moderator" />
    </div>
  );
}
