// The full-width emergency banners: cause, time since, and the one suggested action. On the
// producer's console the action is a button; on the host's card it is said plainly, because the
// host keeps talking and the producer acts.
import { useReconnectNow, useSlice, useStation } from '../../state/station.store';
import { useAction } from '../../state/use-action';
import { Button } from '../../ui/Button';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { formatAge } from '../../ui/format';
import { useNow } from '../../ui/use-now';
import { emergencies, hostLines, stationRetryLine, type Emergency } from './emergency.logic';
import './emergency.css';

export function useEmergencies(): Emergency[] {
  const obs = useSlice('obs');
  const cues = useSlice('cues');
  const offers = useSlice('offers');
  const stationLinked = useStation((v) => v.connection === 'open');
  const stationLostAt = useStation((v) => v.lostAt);
  const stationTrying = useStation((v) => v.connection === 'connecting');
  return emergencies({ obs, cues, offers: offers?.items ?? [], stationLinked, stationLostAt, stationTrying });
}

export function EmergencyBanners(props: { mode: 'producer' | 'host' }) {
  const list = useEmergencies();
  const now = useNow(1000);
  if (list.length === 0) return null;
  return (
    <div className={`emergencies emergencies-${props.mode}`} role="alert" data-testid="emergencies">
      {list.map((e) => (
        <div key={e.id} className={`emergency emergency-${e.kind}`} data-testid={`emergency-${e.kind}`} data-emergency={e.id}>
          <strong className="emergency-since num" data-testid="emergency-since">
            {e.since === null ? 'NOW' : formatAge(Math.max(0, now - e.since))}
          </strong>
          {props.mode === 'producer' ? (
            <>
              <span className="emergency-cause" data-testid="emergency-cause">
                {e.cause}
                {e.kind === 'station-lost' ? <StationRetry now={now} /> : null}
              </span>
              <ActionButton e={e} />
            </>
          ) : (
            <HostLines e={e} />
          )}
        </div>
      ))}
    </div>
  );
}

/** The host's card: what to do (or not read) first, then why in the host's words (hostLines). */
function HostLines(props: { e: Emergency }) {
  const { lead, second } = hostLines(props.e);
  return (
    <>
      <span className="emergency-cause" data-testid="emergency-cause">
        {lead}
      </span>
      {second === null ? null : <span className="emergency-advice">{second}</span>}
    </>
  );
}

/** What the view is doing about the lost station: trying now, or when it tries again by itself. */
function StationRetry(props: { now: number }) {
  const trying = useStation((v) => v.connection === 'connecting');
  const retryAt = useStation((v) => v.retryAt);
  return <> {stationRetryLine(trying, retryAt, props.now)}</>;
}

function ActionButton(props: { e: Emergency }) {
  const { e } = props;
  const act = useAction();
  const reconnectNow = useReconnectNow();
  const linked = useStation((v) => v.connection === 'open');
  const a = e.action;
  const testId = 'emergency-action';
  switch (a.kind) {
    case 'advice':
      return (
        <span className="emergency-advice" data-testid={testId}>
          {a.label}
        </span>
      );
    case 'openStoreAdmin':
      // Another tab (the system browser in Electron): Baton stays on screen beside the store's admin.
      return (
        <a className="btn btn-lg btn-primary" data-testid={testId} href={a.url} target="_blank" rel="noopener noreferrer">
          {a.label}
        </a>
      );
    case 'resumeOffer':
      return (
        <ConfirmButton variant="ok" size="lg" testId={testId} disabled={!linked || e.busy} confirmLabel={`Confirm: ${a.label.toLowerCase()}`} onConfirm={() => void act('offer.resume', { offerId: a.offerId })}>
          {a.label}
        </ConfirmButton>
      );
    case 'switchIngest':
      return (
        <Button size="lg" variant="primary" data-testid={testId} disabled={!linked || e.busy} onClick={() => void act('obs.switchIngest', { to: a.to })}>
          {e.busy ? 'Switching…' : a.label}
        </Button>
      );
    case 'startStream':
      return (
        <Button size="lg" variant="primary" data-testid={testId} disabled={!linked || e.busy} onClick={() => void act('obs.startStream', {})}>
          {a.label}
        </Button>
      );
    case 'reconnectStation':
      // Never disabled: pressed while a try is under way it does nothing, and the line beside it says so.
      return (
        <Button size="lg" variant="primary" data-testid={testId} onClick={() => reconnectNow()}>
          {e.busy ? 'Reconnecting…' : a.label}
        </Button>
      );
    case 'reconnectObs':
      return (
        <Button size="lg" variant="primary" data-testid={testId} disabled={!linked || a.url === null} onClick={() => a.url !== null && void act('obs.connect', { url: a.url })}>
          {a.label}
        </Button>
      );
  }
}
