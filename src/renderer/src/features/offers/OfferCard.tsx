// One offer: its state as the store confirmed it, the big pause button (one click; resume asks
// to confirm), the store's error with a retry, the cap and the stock.
import type { OfferView } from '../../../../shared/contract/index';
import { useAction } from '../../state/use-action';
import { Button } from '../../ui/Button';
import { SecretForm } from '../../ui/SecretForm';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { StatusDot } from '../../ui/StatusDot';
import { formatMoney, formatTimeOfDay } from '../../ui/format';
import { useNow } from '../../ui/use-now';
import { QUICK_REASONS, capProgress, mainAction, phaseLabel, phaseLevel, reasonOrDefault, retryText, storeLine } from './offers.logic';
import { usePauseReason } from './pause-reason';
import { useShowIsRehearsal } from '../../ui/use-rehearsal';

export function OfferCard(props: { offer: OfferView; hotkey: string | null }) {
  const o = props.offer;
  const act = useAction();
  const now = useNow(1000);
  const [reason, setReason] = usePauseReason(o.id);
  const saidOnce = useShowIsRehearsal();
  const action = mainAction(o);
  const level = phaseLevel(o.state);
  const cap = capProgress(o);
  const store = storeLine(o, now);
  const retry = retryText(o, now);
  const pause = (why: string) => void act('offer.pause', { offerId: o.id, reason: reasonOrDefault(why) });

  return (
    <article className={`offer-card offer-${level}`} data-testid={`offer-${o.id}`} data-state={o.state}>
      <div className="offer-head">
        <div className="offer-title">
          <strong>{o.name}</strong>
          <span className="mono offer-code">{o.code}</span>
          <span className="num">{formatMoney(o.price.amount, o.price.currency)}</span>
          {o.rehearsal && !saidOnce ? (
            <span className="badge badge-rehearsal" data-testid="offer-rehearsal">
              REHEARSAL
            </span>
          ) : null}
        </div>
        <div className={`offer-phase offer-phase-${level}`} data-testid={`offer-state-${o.id}`} aria-live="polite">
          {phaseLabel(o)}
        </div>
      </div>

      <div className="offer-controls">
        {action.kind === 'pause' ? (
          <Button variant="danger" size="lg" className="offer-main" data-testid={`offer-pause-${o.id}`} hotkey={props.hotkey ?? undefined} onClick={() => pause(reason)}>
            {action.label}
          </Button>
        ) : action.kind === 'resume' ? (
          <ConfirmButton
            variant="ok"
            size="lg"
            testId={`offer-resume-${o.id}`}
            confirmLabel={action.confirm}
            onConfirm={() => void act('offer.resume', { offerId: o.id })}
          >
            {action.label}
          </ConfirmButton>
        ) : action.kind === 'retry' ? (
          <Button
            variant="danger"
            size="lg"
            className="offer-main"
            data-testid={`offer-retry-${o.id}`}
            onClick={() => (action.target === 'paused' ? pause(o.reason ?? reason) : void act('offer.resume', { offerId: o.id }))}
          >
            {action.label}
          </Button>
        ) : (
          <Button size="lg" className="offer-main" disabled data-testid={`offer-wait-${o.id}`}>
            {action.label}
          </Button>
        )}
        {action.kind === 'pause' ? (
          <div className="offer-reason">
            <input
              aria-label="Reason for the pause"
              placeholder="Reason (optional)"
              value={reason}
              maxLength={300}
              onChange={(e) => setReason(e.target.value)}
            />
            <div className="offer-quick">
              {QUICK_REASONS.map((r) => (
                <Button key={r} variant={reason === r ? 'selected' : 'ghost'} onClick={() => setReason(r)}>
                  {r}
                </Button>
              ))}
            </div>
          </div>
        ) : null}
        {action.kind === 'retry' && o.intent === 'paused' ? (
          <ConfirmButton variant="ghost" confirmLabel="Confirm: resume instead" onConfirm={() => void act('offer.resume', { offerId: o.id })}>
            Resume instead
          </ConfirmButton>
        ) : null}
      </div>

      {o.lastError ? (
        <div className="offer-error" role="alert" data-testid={`offer-error-${o.id}`}>
          <strong>{o.pending ? `The store has not confirmed the ${o.intent === 'paused' ? 'pause' : 'resume'}.` : 'Store problem.'}</strong>{' '}
          {o.lastError}
          {retry ? <span className="muted num"> — {retry}; Baton keeps the intent until the store confirms.</span> : null}
        </div>
      ) : null}

      <dl className="facts offer-facts">
        <dt>Store</dt>
        <dd>
          <StatusDot level={store.level} label={store.text} /> <span data-testid={`offer-store-${o.id}`}>{store.text}</span>
          <Button variant="ghost" className="offer-refresh" onClick={() => void act('offer.refresh', { offerId: o.id })}>
            Read back
          </Button>
        </dd>
        {o.reason && o.intent === 'paused' ? (
          <>
            <dt>{o.state === 'paused' ? 'Paused for' : 'Pause asked for'}</dt>
            <dd data-testid={`offer-reason-${o.id}`}>
              {o.reason} <span className="muted">— {o.requestedBy}</span>
            </dd>
          </>
        ) : null}
        {o.pending && o.pendingSince !== null ? (
          <>
            <dt>Waiting since</dt>
            <dd className="num">{formatTimeOfDay(o.pendingSince)} — not confirmed by the store yet</dd>
          </>
        ) : o.confirmedAt !== null && (o.state === 'live' || o.state === 'paused') ? (
          <>
            <dt>Confirmed</dt>
            <dd className="num">
              {o.state.toUpperCase()} at {formatTimeOfDay(o.confirmedAt)}
            </dd>
          </>
        ) : null}
        {o.stock ? (
          <>
            <dt>Stock</dt>
            <dd className="num">
              {Object.entries(o.stock).map(([sku, n]) => (
                <span key={sku} className={o.lowStock.includes(sku) ? 'warn offer-sku' : 'offer-sku'}>
                  {sku}: {n}
                </span>
              ))}
            </dd>
          </>
        ) : null}
        <dt>Orders</dt>
        <dd className="num" data-testid={`offer-orders-${o.id}`}>
          {o.orders}
        </dd>
      </dl>

      {cap ? (
        <div className={`offer-cap offer-cap-${cap.level}`} data-testid={`offer-cap-${o.id}`}>
          <div className="offer-cap-bar" style={{ width: `${Math.round(cap.ratio * 100)}%` }} />
          <span className="offer-cap-text num">{cap.text}</span>
        </div>
      ) : null}

    </article>
  );
}

export function CredentialForm(props: { offerId: string }) {
  const act = useAction();
  return (
    <SecretForm
      className="offer-more"
      summary="Store credential"
      label="Store password, token or webhook key"
      submit="Store in the secret store"
      onStore={(value) => act('offer.credentials', { offerId: props.offerId, value })}
    />
  );
}
