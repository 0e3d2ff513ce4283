// The live KPI strip: view→cart, cart→checkout, orders, AOV, time to fulfil. Rehearsal figures
// (the sandbox's simulated shoppers) carry the REHEARSAL label.
import { useSlice } from '../../state/station.store';
import { formatTimeOfDay } from '../../ui/format';
import { kpiTiles } from './kpis.logic';
import { useShowIsRehearsal } from '../../ui/use-rehearsal';
import './kpis.css';

export function KpiStrip() {
  const kpis = useSlice('kpis');
  const saidOnce = useShowIsRehearsal();
  if (!kpis) return null;
  return (
    <section className="kpi-strip" aria-label="Live KPIs" data-testid="kpi-strip">
      {kpis.rehearsal && !saidOnce ? (
        <span className="badge badge-rehearsal kpi-rehearsal" title="Includes simulated shoppers from the sandbox store">
          REHEARSAL
        </span>
      ) : null}
      {kpiTiles(kpis).map((t) => (
        <div key={t.id} className="kpi-tile" data-testid={`kpi-${t.id}`}>
          <span className="kpi-label">{t.label}</span>
          <span className="kpi-value num">{t.value}</span>
          <span className="kpi-detail num">{t.detail}</span>
        </div>
      ))}
      <span className="kpi-updated muted small num">{kpis.updatedAt === null ? 'no events yet' : `updated ${formatTimeOfDay(kpis.updatedAt)}`}</span>
    </section>
  );
}
