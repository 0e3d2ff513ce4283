// The producer's status bar, always on top: on/off air with the duration, health and its reason,
// each offer's state with its PAUSE (Shift+P pauses the first, with the reason picked on its card),
// open alerts and emergencies by severity (one count per cause), the current segment with its time left, and orders against the cap.
import type { OfferView } from '../../../../shared/contract/index';
import { useSlice, useStation } from '../../state/station.store';
import { useAction } from '../../state/use-action';
import { Button } from '../../ui/Button';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { StatusBadge } from '../../ui/StatusDot';
import { useHotkeys } from '../../ui/hotkeys';
import { useNow } from '../../ui/use-now';
import { mainAction, phaseLabel, phaseLevel, reasonOrDefault } from '../offers/offers.logic';
import { usePauseReason } from '../offers/pause-reason';
import { airLine, alertCounts, healthLine, ordersText, segmentLine } from './status-bar.logic';
import { hqLine } from '../hq/hq.logic';
import { useEmergencies } from '../emergency/EmergencyBanners';
import { formatTimeOfDay } from '../../ui/format';
import './status.css';

export function StatusBar(props: { onAlerts(): void }) {
  const obs = useSlice('obs');
  const cues = useSlice('cues');
  const offers = useSlice('offers')?.items ?? [];
  const alerts = useSlice('alerts')?.items ?? [];
  const now = useNow(1000);
  const air = airLine(obs, now);
  const health = healthLine(obs);
  const banners = useEmergencies();
  const counts = alertCounts(alerts, banners);
  const seg = segmentLine(cues, now);
  const hq = hqLine(useSlice('hq'), formatTimeOfDay);
  return (
    <section className="status-bar" aria-label="Show status" data-testid="status-bar">
      <div className={`status-air status-air-${air.level}`} data-testid="status-air" data-on-air={air.onAir ? '1' : '0'}>
        <span className="num">{air.text}</span>
      </div>
      <div className="status-cell status-health" data-testid="status-health" title={health.reason ?? undefined}>
        {health.label === null ? null : <StatusBadge level={health.level}>{health.label}</StatusBadge>}
        <span className="status-reason">{health.reason ?? (health.level === 'green' ? 'stream healthy' : '')}</span>
      </div>
      <div className="status-offers">
        {offers.map((o, i) => (
          <OfferChip key={o.id} offer={o} first={i === 0} />
        ))}
      </div>
      <button type="button" className="status-cell status-alerts" data-testid="status-alerts" onClick={props.onAlerts} aria-label={`Alerts: ${counts.critical} critical, ${counts.warn} warnings, ${counts.info} info`}>
        <span className="status-label">alerts</span>
        <span className={`status-count ${counts.critical ? 'status-count-red' : ''}`} data-testid="status-alerts-critical" title="critical">
          {counts.critical} crit
        </span>
        <span className={`status-count ${counts.warn ? 'status-count-amber' : ''}`} data-testid="status-alerts-warn" title="warnings">
          {counts.warn} warn
        </span>
        <span className="status-count" data-testid="status-alerts-info" title="information">
          {counts.info} info
        </span>
      </button>
      <div className="status-cell status-segment" data-testid="status-segment">
        {seg ? (
          <>
            <span className="status-label" title={seg.title}>
              {seg.title}
            </span>
            <span className={`num status-seg-time ${seg.over ? 'bad' : ''}`}>{seg.time ?? 'clock not started'}</span>
          </>
        ) : (
          <span className="status-label">no cue</span>
        )}
      </div>
      {hq ? (
        <div className={`status-cell status-hq status-hq-${hq.level}`} data-testid="status-hq" title={hq.detail ?? undefined}>
          {hq.text}
        </div>
      ) : null}
    </section>
  );
}

function OfferChip(props: { offer: OfferView; first: boolean }) {
  const o = props.offer;
  const act = useAction();
  const linked = useStation((v) => v.connection === 'open');
  const [reason] = usePauseReason(o.id);
  const action = mainAction(o);
  const pause = () => void act('offer.pause', { offerId: o.id, reason: reasonOrDefault(reason || (o.reason ?? '')) });
  useHotkeys(props.first ? { 'shift+p': () => (action.kind === 'pause' || (action.kind === 'retry' && action.target === 'paused') ? pause() : undefined) } : {}, props.first && linked);
  return (
    <div className={`status-offer status-offer-${phaseLevel(o.state)}`} data-testid={`status-offer-${o.id}`} data-state={o.state}>
      <span className="status-offer-name" title={o.name}>
        {o.name}
      </span>
      <span className="status-offer-state">{phaseLabel(o)}</span>
      <span className="num status-offer-orders" data-testid={`status-orders-${o.id}`} title="orders / cap">
        {ordersText(o)}
      </span>
      {action.kind === 'pause' || (action.kind === 'retry' && action.target === 'paused') ? (
        <Button variant="danger" data-testid={`status-pause-${o.id}`} disabled={!linked} onClick={pause} hotkey={props.first ? 'Shift+P' : undefined} title={`Pause: ${reasonOrDefault(reason)}`}>
          {action.kind === 'retry' ? 'RETRY PAUSE' : 'PAUSE'}
        </Button>
      ) : action.kind === 'resume' ? (
        <ConfirmButton variant="ok" testId={`status-resume-${o.id}`} disabled={!linked} confirmLabel="Confirm resume" onConfirm={() => void act('offer.resume', { offerId: o.id })}>
          Resume
        </ConfirmButton>
      ) : (
        <Button disabled data-testid={`status-wait-${o.id}`}>
          {action.label}
        </Button>
      )}
    </div>
  );
}
