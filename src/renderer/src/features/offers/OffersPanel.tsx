// The producer's offers panel: one card per offer with the big pause button (Shift+P, held by the
// status bar, pauses the first offer), the trigger firings with their evidence (an alarm keeps a
// one-click pause). The rules, store credentials and event webhook key are set up in Setup.
import { useState } from 'react';
import type { OfferView, TriggerFiring } from '../../../../shared/contract/index';
import { useSlice } from '../../state/station.store';
import { useAction } from '../../state/use-action';
import { Panel } from '../../ui/Panel';
import { Button } from '../../ui/Button';
import { formatTimeOfDay } from '../../ui/format';
import { CredentialForm, OfferCard } from './OfferCard';
import { openAlarms, reasonOrDefault } from './offers.logic';
import { RulesEditor } from './RulesEditor';
import './offers.css';

export function OffersPanel() {
  const offers = useSlice('offers');
  const items = offers?.items ?? [];

  return (
    <Panel title="Offers" testId="offers-panel">
      {items.length === 0 ? <p className="muted">The loaded show has no offers.</p> : null}
      <div className="offer-list">
        {items.map((o, i) => (
          <OfferCard key={o.id} offer={o} hotkey={i === 0 ? 'Shift+P' : null} />
        ))}
      </div>
      <Firings firings={offers?.firings ?? []} offers={items} />
    </Panel>
  );
}

/** Setup: each offer's rollback rules and store credential, and the event webhook key. */
export function OffersSetupPanel() {
  const items = useSlice('offers')?.items ?? [];
  return (
    <Panel title="Offers: rules and store" testId="offers-setup">
      {items.length === 0 ? <p className="muted">The loaded show has no offers.</p> : null}
      {items.map((o) => (
        <article key={o.id} className="offer-setup" data-testid={`offer-setup-${o.id}`}>
          <h3 className="subhead">
            {o.name} · <span className="mono">{o.code}</span>
          </h3>
          <RulesEditor offer={o} />
          {o.storeKind !== 'sandbox' ? <CredentialForm offerId={o.id} /> : null}
        </article>
      ))}
      <EventKeyForm />
    </Panel>
  );
}

function Firings(props: { firings: TriggerFiring[]; offers: OfferView[] }) {
  const act = useAction();
  const open = openAlarms(props.firings, props.offers);
  if (props.firings.length === 0) return <p className="muted small offer-firings-empty">No rollback rule has fired.</p>;
  return (
    <>
      <h3 className="subhead">Rule firings</h3>
      <ul className="offer-firings" data-testid="offer-firings">
        {props.firings.map((f) => (
          <li key={f.id} className={`offer-firing offer-firing-${f.action}`}>
            <time className="num">{formatTimeOfDay(f.at)}</time>
            <span className="offer-firing-rule">
              <strong>{f.ruleId}</strong> <span className="muted">{f.action === 'pause' ? 'auto-pause' : 'alarm'}</span>
            </span>
            <span className="offer-firing-evidence">{f.evidence}</span>
            <span className="muted small">{f.outcome}</span>
            {open.has(f.id) ? (
              <Button variant="danger" onClick={() => void act('offer.pause', { offerId: f.offerId, reason: reasonOrDefault(`Alarm ${f.ruleId}: ${f.evidence}`) })}>
                Pause now
              </Button>
            ) : (
              <span />
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

function EventKeyForm() {
  const act = useAction();
  const [value, setValue] = useState('');
  return (
    <details className="offer-more">
      <summary>Event webhook key (POST /api/events)</summary>
      <form
        className="offer-inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void act('offer.eventSecret', { value }).then((r) => {
            if (r) setValue('');
          });
        }}
      >
        <input type="password" aria-label="HMAC key for the event webhook" autoComplete="off" minLength={16} value={value} onChange={(e) => setValue(e.target.value)} />
        <Button type="submit" disabled={value.length < 16}>
          Set key
        </Button>
      </form>
      <p className="muted small">Signed with HMAC-SHA256 over “timestamp.body”; see docs/commerce-webhook.md.</p>
    </details>
  );
}
