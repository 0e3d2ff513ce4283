// The observer's page (a brand owner watching): the producer's overview read-only — on air, the
// current cue, offers and orders, conversion, comment queues, preflight and alerts — with no
// configuration (the station strips it) and no control (the station refuses every write).
import { StationHeader } from '../features/station/StationHeader';
import { useSlice } from '../state/station.store';
import { Panel } from '../ui/Panel';
import { Fact } from '../ui/Fact';
import { StatusBadge, StatusDot } from '../ui/StatusDot';
import { useNow } from '../ui/use-now';
import { formatAge, formatTimeOfDay } from '../ui/format';
import { showPhase } from '../features/showday/show-phase.logic';
import { airLine } from '../features/status/status-bar.logic';
import { KpiStrip } from '../features/kpis/KpiStrip';
import { KpiWindowsChart } from '../features/kpis/KpiWindowsChart';
import { MyAlerts } from '../features/roles/MyAlerts';
import { commerceRows } from '../features/roles/roles.logic';
import { checkLevel, verdictLevel, verdictText } from '../features/preflight/preflight.logic';
import { QUEUE_LABELS, QUEUE_ORDER } from '../features/comments/comments.logic';
import '../features/roles/roles.css';
import { StockLines } from '../features/roles/StockLines';

export function ObserverPage() {
  const obs = useSlice('obs');
  const cues = useSlice('cues');
  const day = useSlice('showday');
  const offers = useSlice('offers')?.items ?? [];
  const comments = useSlice('comments');
  const preflight = useSlice('preflight');
  const now = useNow(1000);
  const air = airLine(obs, now);
  const phase = showPhase(day, cues, formatTimeOfDay);
  return (
    <div className="view view-observer">
      <StationHeader view="Observer (read-only)" />
      <KpiStrip />
      <main className="role-grid" data-testid="observer-view">
        <div className="col">
          <Panel title="On air" testId="observer-air">
            <div className="observer-facts">
              <Fact label="stream" value={<StatusBadge level={air.level}>{air.text}</StatusBadge>} />
              <Fact label="show phase" testId="observer-phase" value={
                  <strong>
                    <StatusBadge level={phase.level}>{phase.label}</StatusBadge>
                  </strong>
                } detail={phase.detail} />
              <Fact label="segment" value={cues?.current?.segmentTitle ?? '—'} detail={cues?.segmentStartedAt ? formatAge(now - cues.segmentStartedAt) : ''} />
            </div>
            <p data-testid="observer-cue">{cues?.current ? cues.current.text : <span className="muted">No cue yet.</span>}</p>
          </Panel>
          <Panel title="Offers" testId="observer-offers">
            <table className="commerce-table">
              <thead>
                <tr>
                  <th>Offer</th>
                  <th>State</th>
                  <th>Orders / cap</th>
                  <th>Stock</th>
                </tr>
              </thead>
              <tbody>
                {commerceRows(offers).map((r) => (
                  <tr key={r.id}>
                    <td>{r.name}</td>
                    <td>
                      <StatusBadge level={r.level}>{r.state}</StatusBadge>
                      {r.reason ? <div className="small muted offer-reason">{r.reason}</div> : null}
                    </td>
                    <td className="num">{r.orders}</td>
                    <td className="small">
                      <StockLines lines={r.stockLines} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Panel>
          <KpiWindowsChart />
        </div>
        <div className="col">
          <Panel title="Comments" testId="observer-comments">
            <div className="observer-facts">
              {QUEUE_ORDER.filter((q) => q !== 'spam').map((q) => {
                const s = comments?.queues.find((x) => x.name === q);
                return (
                  <Fact key={q} label={QUEUE_LABELS[q]} value={s?.open ?? 0} numeric detail={s?.oldestReceivedAt ? `oldest ${formatAge(now - s.oldestReceivedAt)}` : 'none open'} />
                );
              })}
            </div>
          </Panel>
          <Panel title="Preflight" testId="observer-preflight" actions={<StatusBadge level={verdictLevel(preflight?.verdict ?? 'pending')}>{verdictText(preflight?.verdict ?? 'pending')}</StatusBadge>}>
            <ul className="preflight-list">
              {(preflight?.checks ?? []).map((c) => (
                <li key={c.id}>
                  <StatusDot level={checkLevel(c.status)} label={c.status} />
                  <span className="preflight-label">{c.label}</span>
                  <span className="preflight-detail muted">{c.detail}</span>
                  <span />
                </li>
              ))}
            </ul>
          </Panel>
          <MyAlerts title="Alerts" empty="No alerts." />
        </div>
      </main>
    </div>
  );
}
