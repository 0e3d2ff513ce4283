// The customer-service view: escalations first (with the note they came with), the comment desk
// opened on the customer-service queue (complaints, "where is my order"), time to fulfil, and the
// alerts addressed to customer service. Claims and answers carry the person's own name.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CommentRecord } from '../../../shared/contract/index';
import { StationHeader } from '../features/station/StationHeader';
import { ModeratorView } from '../features/comments/ModeratorView';
import { MyAlerts } from '../features/roles/MyAlerts';
import { useSend, useSlice, useStation } from '../state/station.store';
import { useStationEvent } from '../state/events';
import { Panel } from '../ui/Panel';
import { Fact } from '../ui/Fact';
import { formatAge } from '../ui/format';
import { useNow } from '../ui/use-now';
import '../features/roles/roles.css';

export function ServicePage() {
  const linked = useStation((v) => v.connection === 'open');
  const kpis = useSlice('kpis');
  const queue = useSlice('comments')?.queues.find((q) => q.name === 'customer-service') ?? null;
  const escalated = useEscalations(linked);
  const now = useNow(5000);
  return (
    <div className="view view-service">
      <StationHeader view="Customer service" />
      <main className="role-grid" style={{ gridTemplateColumns: 'minmax(0, 3fr) minmax(340px, 1fr)' }}>
        <div className="col" style={{ minHeight: 600 }}>
          <ModeratorView initial={{ queue: 'customer-service' }} />
        </div>
        <div className="col">
          <Panel title={`Escalations${escalated.length ? ` (${escalated.length})` : ''}`} testId="service-escalations">
            {escalated.length === 0 ? <p className="muted">Nothing escalated. Comments a moderator escalates land here with their note.</p> : null}
            <ul className="alert-list">
              {escalated.map((c) => (
                <li key={c.id} className="alert alert-warn" data-testid="service-escalation">
                  <span className="alert-source">{c.platform}</span>
                  <span className="alert-time num small">{formatAge(now - c.receivedAt)}</span>
                  <span className="alert-message">
                    <strong>
                      <bdi>{c.author}</bdi>
                    </strong>
                    : <bdi>{c.text}</bdi>
                    {c.note ? <span className="muted"> — {c.note}</span> : null}
                  </span>
                  <span className="alert-state small">{c.claimedBy ?? 'unclaimed'}</span>
                </li>
              ))}
            </ul>
          </Panel>
          <Panel title="Service levels" testId="service-kpis">
            <div className="observer-facts">
              <Fact label="open in your queue" value={queue?.open ?? 0} numeric detail={queue?.oldestReceivedAt ? `oldest ${formatAge(now - queue.oldestReceivedAt)}` : 'none waiting'} />
              <Fact label="time to fulfil" value={kpis?.timeToFulfilSeconds == null ? '—' : formatAge(kpis.timeToFulfilSeconds * 1000)} numeric detail={`${kpis?.fulfilled ?? 0} fulfilled`} />
            </div>
          </Panel>
          <MyAlerts empty="No alerts for customer service: time-to-fulfil thresholds land here." />
        </div>
      </main>
    </div>
  );
}

/** The escalated comments, re-read when comments change (at most every 2 s). */
function useEscalations(linked: boolean): CommentRecord[] {
  const send = useSend();
  const [items, setItems] = useState<CommentRecord[]>([]);
  const due = useRef<ReturnType<typeof setTimeout> | null>(null);
  const load = useCallback(() => {
    send('comments.list', { status: 'escalated', limit: 50 })
      .then((r) => setItems(r.comments))
      .catch(() => undefined);
  }, [send]);
  useEffect(() => {
    if (linked) load();
  }, [linked, load]);
  useEffect(() => () => void (due.current && clearTimeout(due.current)), []);
  useStationEvent('comments.changed', (e) => {
    if (due.current || !e.comments.some((c) => c.status === 'escalated' || items.some((i) => i.id === c.id))) return;
    due.current = setTimeout(() => {
      due.current = null;
      load();
    }, 2000);
  });
  return items;
}
