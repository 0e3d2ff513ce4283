// The producer console: everything that runs the show, on one screen.
import { StationHeader } from '../features/station/StationHeader';
import { ShowPanel } from '../features/show/ShowPanel';
import { AlertsPanel } from '../features/alerts/AlertsPanel';
import { AuditPanel } from '../features/audit/AuditPanel';
import { PreflightPanel } from '../features/preflight/PreflightPanel';
import { CueDeckPanel } from '../features/cues/CueDeckPanel';
import { ScriptPanel } from '../features/cues/ScriptPanel';
import { CommentsSummaryPanel } from '../features/comments/CommentsSummaryPanel';
import { OffersPanel } from '../features/offers/OffersPanel';
import { KpiStrip } from '../features/kpis/KpiStrip';
import { ObsPanel } from '../features/obs/ObsPanel';
import { ObsStatusBadge } from '../features/obs/ObsStatusBadge';
import { PostShowPanel } from '../features/post-show/PostShowPanel';
import { GoEndPanel } from '../features/showday/GoEndPanel';
import { KpiWindowsChart } from '../features/kpis/KpiWindowsChart';
import { HistoryView } from '../features/history/HistoryView';
import { PeoplePanel } from '../features/people/PeoplePanel';
import { useStation } from '../state/station.store';

export function ProducerView() {
  const linked = useStation((v) => v.connection === 'open');
  return (
    <div className="view view-producer">
      <StationHeader view="Producer console" extra={<ObsStatusBadge />} />
      <main className={`producer-grid ${linked ? '' : 'stale'}`}>
        <div className="col col-main">
          <KpiStrip />
          <ObsPanel />
          <CueDeckPanel />
          <OffersPanel />
          <PreflightPanel />
          <GoEndPanel />
          <KpiWindowsChart />
          <AlertsPanel />
          <ScriptPanel />
        </div>
        <div className="col col-side">
          <ShowPanel />
          <CommentsSummaryPanel />
          <PeoplePanel />
          <AuditPanel />
          <PostShowPanel />
          <HistoryView />
        </div>
      </main>
    </div>
  );
}
