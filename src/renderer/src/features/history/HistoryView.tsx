// Past shows side by side: KPIs per show, a sparkline per KPI across shows with the newest show's
// change against the earlier mean, and a CSV export.
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import type { ShowFigures } from '../../../../shared/contract/index';
import { useAction } from '../../state/use-action';
import { useSlice } from '../../state/station.store';
import { Panel } from '../../ui/Panel';
import { Button } from '../../ui/Button';
import { KPI_COLUMNS, historyCsv, sparkline, trend } from './history.logic';

// Loaded on first use (a chunk of its own), so views without a chart never fetch or run recharts.
const HistorySpark = lazy(() => import('./HistorySpark'));

export function HistoryView() {
  const act = useAction();
  const ended = useSlice('showday')?.end?.at ?? null;
  const [shows, setShows] = useState<ShowFigures[] | null>(null);
  const load = useCallback(async () => {
    const r = await act('show.history', { limit: 50 });
    if (r) setShows(r.shows);
  }, [act]);
  // Reload when a show ends, so the newest one appears without a click.
  useEffect(() => void load(), [load, ended]);
  const download = () => {
    if (!shows) return;
    const url = URL.createObjectURL(new Blob([historyCsv(shows)], { type: 'text/csv' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'baton-show-history.csv';
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <Panel
      title="History"
      testId="history-view"
      actions={
        <Button onClick={download} disabled={!shows?.length}>
          Export CSV
        </Button>
      }
    >
      {!shows ? (
        <p className="muted">Loading…</p>
      ) : shows.length === 0 ? (
        <p className="muted">No finished show yet: END a show to keep its figures here.</p>
      ) : (
        <table className="history-table" data-testid="history-table">
          <thead>
            <tr>
              <th>Show</th>
              {KPI_COLUMNS.map((c) => (
                <th key={c.key}>{c.label}</th>
              ))}
            </tr>
            <tr data-testid="history-sparklines">
              <th className="muted small">across shows</th>
              {KPI_COLUMNS.map((c) => {
                const t = trend(shows, c);
                return (
                  <th key={c.key}>
                    <Suspense fallback={<div style={{ height: 28 }} />}>
                      <HistorySpark points={sparkline(shows, c)} />
                    </Suspense>
                    <span className="muted small">
                      {t === null ? '' : `${t >= 0 ? '+' : '−'}${c.format(Math.abs(t), shows[0]!)}`}
                    </span>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {shows.map((f) => (
              <tr key={`${f.showId}-${f.endAt}`} data-testid="history-row">
                <td>
                  {f.title}
                  {f.rehearsal ? <span className="warn small"> REHEARSAL</span> : null}
                  <div className="muted small">{new Date(f.goAt).toLocaleString()}</div>
                </td>
                {KPI_COLUMNS.map((c) => (
                  <td key={c.key}>{c.format(c.value(f), f)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}
