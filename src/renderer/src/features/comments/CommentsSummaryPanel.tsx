// The producer's view of comment triage: queue counts and overflow, each source's health (with
// start/stop), the pinned product, and REHEARSAL when replayed comments are flowing.
import type { SourceHealth } from '../../../../shared/contract/index';
import { useSlice, useRole } from '../../state/station.store';
import { useAction } from '../../state/use-action';
import { Panel } from '../../ui/Panel';
import { Button } from '../../ui/Button';
import { SecretForm } from '../../ui/SecretForm';
import { StatusDot } from '../../ui/StatusDot';
import { formatAge } from '../../ui/format';
import { useNow } from '../../ui/use-now';
import { QUEUE_LABELS, QUEUE_ORDER } from './comments.logic';
import { useShowIsRehearsal } from '../../ui/use-rehearsal';
import { unlabelled } from '../../ui/rehearsal.logic';
import './comments.css';

const SOURCE_LEVEL: Record<SourceHealth['status'], 'green' | 'amber' | 'red' | 'unknown'> = {
  connected: 'green',
  connecting: 'amber',
  reconnecting: 'amber',
  rate_limited: 'amber',
  stopped: 'unknown',
  error: 'red',
};

export function CommentsSummaryPanel() {
  const c = useSlice('comments');
  const role = useRole();
  const act = useAction();
  const now = useNow(1000);
  const saidOnce = useShowIsRehearsal();
  const products = useSlice('show')?.current?.products ?? [];
  if (!c) return null;
  return (
    <Panel
      title={`Comments · ${c.total.toLocaleString('en')}`}
      testId="comments-summary"
      actions={c.rehearsal && !saidOnce ? <span className="badge badge-rehearsal">REHEARSAL</span> : null}
    >
      <table className="grid comments-queues">
        <tbody>
          {QUEUE_ORDER.map((name) => {
            const q = c.queues.find((x) => x.name === name);
            if (!q) return null;
            return (
              <tr key={name} className={q.overflow ? 'row-bad' : ''} data-testid={`summary-queue-${name}`}>
                {/* Three columns, overflow under the queue's name: a third of a 1366-pixel console has no room for five. */}
                <td>
                  {QUEUE_LABELS[name]}
                  {q.overflow ? <span className="summary-overflow">OVERFLOW · {q.overflowReason}</span> : null}
                </td>
                <td className="num">{q.open}</td>
                {/* Each part keeps its words together (no lone "s" on a line of its own); the line breaks at the dot. */}
                <td className="num muted">{[q.claimed ? `${q.claimed} claimed` : '', q.oldestReceivedAt !== null ? `oldest ${formatAge(now - q.oldestReceivedAt)}` : ''].filter(Boolean).map((part) => part.replace(/ /g, '\u00a0')).join(' · ')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="small demand-line" data-testid="summary-demand">
        <span className="muted">Demand (orders needing no reply: “+1”, “I’ll take the red”; counted per SKU): </span>
        {Object.keys(c.demand ?? {}).length === 0
          ? 'none yet'
          : Object.entries(c.demand)
              .sort((a, b) => b[1] - a[1])
              .map(([sku, n]) => `${sku === '?' ? 'no SKU' : sku} ×${n}`)
              .join(' · ')}
      </p>
      <h3 className="subhead">Sources</h3>
      {c.sources.length === 0 ? <p className="muted small">The show lists no comment sources; comments arrive only through comments.ingest.</p> : null}
      <ul className="source-list">
        {c.sources.map((s) => (
          <li key={s.id} data-testid={`source-${s.id}`}>
            <StatusDot level={SOURCE_LEVEL[s.status]} label={s.status} />
            <span className="source-label">
              {s.rehearsal && !saidOnce ? <span className="badge badge-rehearsal">REHEARSAL</span> : null} {s.label}
            </span>
            <span className="source-status">{s.status.replace('_', ' ')}</span>
            <span className="muted small source-detail">
              {unlabelled(s.detail ?? '', saidOnce)}
              {s.lastMessageAt !== null ? ` · last ${formatAge(now - s.lastMessageAt)} ago · ${s.received.toLocaleString('en')} received` : ''}
            </span>
            {role === 'producer' ? (
              s.status === 'stopped' || s.status === 'error' ? (
                <Button onClick={() => void act('comments.source', { id: s.id, action: 'start' })}>Start</Button>
              ) : (
                <Button variant="ghost" onClick={() => void act('comments.source', { id: s.id, action: 'stop' })}>
                  Stop
                </Button>
              )
            ) : null}
            {role === 'producer' && s.credential ? <SourceCredentialForm id={s.id} credential={s.credential} /> : null}
          </li>
        ))}
      </ul>
      <div className="small pinned-product">
        <label>
          Pinned in the live{' '}
          <select
            value={c.pinnedProduct?.sku ?? ''}
            onChange={(e) => void act('comments.pinProduct', { sku: e.target.value || null })}
            disabled={role === 'host'}
            data-testid="pinned-product"
          >
            <option value="">none</option>
            {c.pinnedProduct && !c.pinnedProduct.sku ? <option value="">{c.pinnedProduct.label} (not in the catalog)</option> : null}
            {products.map((p) => (
              <option key={p.sku} value={p.sku}>
                {p.onScreen ? `${p.onScreen} ` : ''}
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <span className="muted">
          {c.pinnedProduct ? ` set by ${c.pinnedProduct.source}` : ''}
          {c.viewers !== null ? ` · ${c.viewers.toLocaleString('en')} viewers` : ''}
        </span>
      </div>
    </Panel>
  );
}

/** The source's own secret (the show names it): typed once, stored in the secret store, never shown again. */
function SourceCredentialForm(props: { id: string; credential: { secret: string; stored: boolean } }) {
  const act = useAction();
  return (
    <SecretForm
      className="source-credential small"
      testId={`source-credential-${props.id}`}
      summary={props.credential.stored ? 'Login token stored · replace' : 'No login token stored (read-only) · store one'}
      label={`Login token for ${props.id} (kept as ${props.credential.secret})`}
      submit="Store and reconnect"
      onStore={(value) => act('comments.sourceCredentials', { id: props.id, value })}
    />
  );
}
