// Scene buttons in OBS's order: program in green (on air), preview in blue (studio mode), keys 1–9.
// A button shows "…" while its switch is on its way and turns green only when OBS has confirmed.
import type { ObsState } from '../../../../shared/contract/index';
import { Button } from '../../ui/Button';
import { sceneHotkey, sceneRole } from './obs.logic';

export function ObsScenes(props: { obs: ObsState; enabled: boolean; pending: string | null; onSwitch(scene: string): void; onTake(): void }) {
  const { obs } = props;
  if (!obs.synced) {
    return (
      <p className="muted obs-scenes-empty" data-testid="obs-scenes-empty">
        Scenes appear once the OBS link is up and resynced; nothing shown here is ever a leftover.
      </p>
    );
  }
  return (
    <div className="obs-scenes-wrap">
      <div className="obs-scenes" role="group" aria-label="Scenes" data-testid="obs-scenes">
        {obs.scenes.map((scene, i) => {
          const role = sceneRole(obs, scene);
          const key = sceneHotkey(i);
          return (
            <Button
              key={scene}
              size="lg"
              variant={role === 'preview' ? 'selected' : 'default'}
              className={`obs-scene obs-scene-${role}`}
              data-testid={`obs-scene-${i + 1}`}
              data-role={role}
              aria-pressed={role === 'program'}
              aria-busy={props.pending === scene}
              disabled={!props.enabled || props.pending !== null}
              hotkey={key ?? undefined}
              onClick={() => props.onSwitch(scene)}
            >
              <span className="obs-scene-name">{scene}</span>
              <span className="obs-scene-tag small">{props.pending === scene ? '…' : role === 'program' ? 'PROGRAM' : role === 'preview' ? 'PREVIEW' : ''}</span>
            </Button>
          );
        })}
      </div>
      {obs.studioMode ? (
        <div className="obs-take">
          <span className="muted small">Studio mode: a scene goes to preview first.</span>
          <Button size="lg" variant="primary" hotkey="T" disabled={!props.enabled || !obs.previewScene} onClick={props.onTake} data-testid="obs-take">
            Take {obs.previewScene ? `“${obs.previewScene}”` : ''}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
