// The stream: its phase as OBS reports it, start/stop (confirmed twice), and the move to the
// backup ingest. Every button is off while the link is not resynced or the phase is in flux.
import type { ObsState } from '../../../../shared/contract/index';
import { Button } from '../../ui/Button';
import { ingestAction, phaseLabel, phaseLevel, streamAction } from './obs.logic';
import type { Arm } from './use-arm';

export const STREAM_KEY = 'shift+s';
export const INGEST_KEY = 'shift+b';

export function ObsStream(props: { obs: ObsState; enabled: boolean; arm: Arm; onStream(kind: 'start' | 'stop'): void; onIngest(to: 'primary' | 'backup'): void }) {
  const { obs, arm } = props;
  const stream = streamAction(obs, props.enabled);
  const ingest = ingestAction(obs, props.enabled);
  const phase = obs.synced ? obs.stream.phase : 'unknown';
  const streamArmed = arm.armed === `stream:${stream.kind}`;
  const ingestArmed = ingest !== null && arm.armed === `ingest:${ingest.to}`;
  return (
    <div className="obs-stream">
      <div className={`obs-phase obs-phase-${phaseLevel(phase)}`} data-testid="obs-phase" data-phase={phase} aria-live="polite">
        {phaseLabel(phase, obs.stream.retry)}
      </div>
      <div className="obs-stream-buttons">
        <Button
          size="lg"
          variant={streamArmed ? 'danger' : stream.kind === 'start' && stream.enabled ? 'ok' : 'default'}
          disabled={!stream.enabled}
          hotkey="Shift+S"
          data-testid="obs-stream-button"
          data-armed={String(streamArmed)}
          onClick={() => arm.press(`stream:${stream.kind}`, () => props.onStream(stream.kind))}
        >
          {streamArmed ? stream.confirm : stream.label}
        </Button>
        {ingest ? (
          <Button
            size="lg"
            variant={ingestArmed ? 'danger' : 'default'}
            disabled={!ingest.enabled}
            hotkey="Shift+B"
            data-testid="obs-ingest-button"
            onClick={() => arm.press(`ingest:${ingest.to}`, () => props.onIngest(ingest.to))}
          >
            {ingestArmed ? ingest.confirm : ingest.label}
          </Button>
        ) : null}
      </div>
      <p className="small muted obs-ingest-line" data-testid="obs-ingest">
        {obs.synced
          ? `Ingest: ${obs.ingest.active ?? 'not one of the show’s'}${obs.ingest.server ? ` · ${obs.ingest.server}` : ''}`
          : 'Ingest: unknown while the link is down'}
      </p>
      {obs.synced && obs.stream.lastError ? (
        <p className="obs-error small" data-testid="obs-stream-error">
          {obs.stream.lastError}
        </p>
      ) : null}
    </div>
  );
}
