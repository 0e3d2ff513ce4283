// The producer's offers panel: one card per offer with the big pause button (Shift+P pauses the
// first offer), the trigger firings with their evidence (an alarm keeps a one-click pause), and
// the event webhook key.
import { useState } from 'react';
import type { OfferView, TriggerFiring } from '../../../../shared/contract/index';
import { useSlice } from '../../state/station.store';
import { useAction } from '../../state/use-action';
import { Panel } from '../../ui/Panel';
import { Button } from '../../ui/Button';
import { useHotkeys } from '../../ui/hotkeys';
import { formatTimeOfDay } from '../../ui/format';
import { OfferCard } from './OfferCard';
import { mainAction, openAlarms, reasonOrDefault } from './offers.logic';
import './offers.css';

export function OffersPanel() {
  const offers = useSlice('offers');
  const act = useAction();
  const items = offers?.items ?? [];
  const first = items[0];

  useHotkeys({
    'shift+p': () => {
      if (!first) return;
      const a = mainAction(first);
      if (a.kind === 'pause' || (a.kind === 'retry' && a.target === 'paused')) {
        void act('offer.pause', { offerId: first.id, reason: reasonOrDefault(first.reason ?? 'Paused with Shift+P') });
      }
    },
  });

  return (
    <Panel title="Offers" testId="offers-panel">
      {items.length === 0 ? <p className="muted">The loaded show has no offers.</p> : null}
      <div className="offer-list">
        {items.map((o, i) => (
          <OfferCard key={o.id} offer={o} hotkey={i === 0 ? 'Shift+P' : null} />
        ))}
      </div>
      <Firings firings={offers?.firings ?? []} offers={items} />
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
