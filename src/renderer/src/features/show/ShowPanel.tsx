// The show at a glance: when, how viewers buy, who is on the team and how to reach them, and
// what the last failed load said (the current show stays loaded).
import { useSlice } from '../../state/station.store';
import { Panel } from '../../ui/Panel';
import { formatMoney } from '../../ui/format';

export function ShowPanel() {
  const show = useSlice('show');
  const s = show?.current;
  if (!s) {
    return (
      <Panel title="Show" testId="show-panel">
        <p>No show is loaded. Start the station with <code>--show &lt;file&gt;</code> or send <code>show.load</code>.</p>
        {show?.lastError ? <LoadErrors error={show.lastError} /> : null}
      </Panel>
    );
  }
  const start = new Date(s.schedule.start);
  return (
    <Panel title="Show" testId="show-panel">
      <dl className="facts">
        <dt>Brand</dt>
        <dd>{s.brand}</dd>
        <dt>Starts</dt>
        <dd className="num">
          {start.toLocaleString()} · {s.schedule.durationMinutes} min · {s.schedule.timezone}
        </dd>
        <dt>Model</dt>
        <dd>{s.operatingModel}</dd>
        <dt>How to buy</dt>
        <dd>{s.conversionPath.description}</dd>
        <dt>Platforms</dt>
        <dd>{s.platforms.join(', ')}</dd>
      </dl>
      <h3 className="subhead">People</h3>
      <table className="grid">
        <tbody>
          {s.people.map((p) => (
            <tr key={p.id}>
              <td>{p.name}</td>
              <td className="muted">{p.role}</td>
              <td className="mono">{[p.contact.phone, p.contact.email, p.contact.handle].filter(Boolean).join(' · ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3 className="subhead">Products</h3>
      <table className="grid">
        <tbody>
          {s.products.map((p) => (
            <tr key={p.sku}>
              <td className="mono">{p.onScreen ?? ''}</td>
              <td>{p.name}</td>
              <td className="mono muted">{p.sku}</td>
              <td className="num">{formatMoney(p.price.amount, p.price.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {show.lastError ? <LoadErrors error={show.lastError} /> : null}
    </Panel>
  );
}

function LoadErrors(props: { error: NonNullable<NonNullable<ReturnType<typeof useSlice<'show'>>>['lastError']> }) {
  return (
    <div className="load-errors" role="alert" data-testid="show-load-errors">
      <strong className="bad">Last load failed ({props.error.source}) — the show above stays loaded:</strong>
      <ul>
        {props.error.issues.slice(0, 20).map((i, n) => (
          <li key={n}>
            <code>{i.path || '(file)'}</code> {i.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
