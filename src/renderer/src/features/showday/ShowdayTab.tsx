// The GO / KPIs tab: the GO and END records, the KPI charts with their pause markers and the live
// incident timeline, all from one timeline read so the chart and the list agree.
import { KpiWindowsChart } from '../kpis/KpiWindowsChart';
import { GoEndPanel } from './GoEndPanel';
import { IncidentTimelinePanel } from './IncidentTimelinePanel';
import { useLiveTimeline } from './use-live-timeline';
import './showday.css';

export function ShowdayTab() {
  const timeline = useLiveTimeline();
  return (
    <div className="showday-grid">
      <GoEndPanel />
      <KpiWindowsChart timelineItems={timeline?.items ?? null} />
      <IncidentTimelinePanel timeline={timeline} />
    </div>
  );
}
