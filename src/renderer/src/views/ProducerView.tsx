// The producer console: everything that runs the show, on one screen.
import { StationHeader } from '../features/station/StationHeader';
import { ShowPanel } from '../features/show/ShowPanel';
import { AlertsPanel } from '../features/alerts/AlertsPanel';
import { AuditPanel } from '../features/audit/AuditPanel';
import { PreflightPanel } from '../features/preflight/PreflightPanel';
import { useStation } from '../state/station.store';

export function ProducerView() {
  const linked = useStation((v) => v.connection === 'open');
  return (
    <div className="view view-producer">
      <StationHeader view="Producer console" />
      <main className={`producer-grid ${linked ? '' : 'stale'}`}>
        <div className="col col-main">
          <PreflightPanel />
          <AlertsPanel />
        </div>
        <div className="col col-side">
          <ShowPanel />
          <AuditPanel />
        </div>
      </main>
    </div>
  );
}
