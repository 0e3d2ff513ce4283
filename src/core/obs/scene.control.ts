// Scene switching: one request per switch, answered when OBS confirms it (no scene-list round trip:
// the list is kept current by OBS's events). In studio mode a switch sets the preview and `take`
// runs the transition.
import { conflict } from '../dispatch/command-failure';
import type { ObsSession } from './obs.client';
import { OBS_STATUS, ObsRequestError, ObsTimeoutError, requestFailure } from './obs.errors';

export interface SceneView {
  studioMode: boolean;
  programScene: string | null;
  previewScene: string | null;
}

export interface SceneControlDeps {
  /** The resynced session; throws a conflict when the link is not usable. */
  session(): ObsSession;
  view(): SceneView;
  /** OBS confirmed: record it (its events will say the same). */
  confirmed(change: Partial<Pick<SceneView, 'programScene' | 'previewScene'>>): void;
  onTimeout(error: ObsTimeoutError): void;
}

export interface SceneControl {
  switchTo(scene: string): Promise<{ programScene: string | null; previewScene: string | null }>;
  take(): Promise<{ programScene: string | null }>;
}

export function createSceneControl(deps: SceneControlDeps): SceneControl {
  const fail = (error: unknown, action: string, scene?: string) => {
    if (error instanceof ObsTimeoutError) deps.onTimeout(error);
    if (error instanceof ObsRequestError && error.code === OBS_STATUS.resourceNotFound && scene !== undefined) {
      return conflict(`OBS has no scene "${scene}" (renamed or removed?). Pick one from the current list.`);
    }
    if (error instanceof ObsRequestError && error.code === OBS_STATUS.studioModeNotActive) {
      return conflict('OBS is not in studio mode: a scene switch cuts directly, there is nothing to take.');
    }
    return requestFailure(error, action);
  };

  return {
    async switchTo(scene) {
      const session = deps.session();
      const { studioMode } = deps.view();
      try {
        if (studioMode) {
          await session.call('SetCurrentPreviewScene', { sceneName: scene });
          deps.confirmed({ previewScene: scene });
        } else {
          await session.call('SetCurrentProgramScene', { sceneName: scene });
          deps.confirmed({ programScene: scene });
        }
      } catch (error) {
        throw fail(error, `the switch to "${scene}"`, scene);
      }
      const v = deps.view();
      return { programScene: v.programScene, previewScene: v.studioMode ? v.previewScene : null };
    },
    async take() {
      const session = deps.session();
      const before = deps.view();
      if (!before.studioMode) throw conflict('OBS is not in studio mode: a scene switch cuts directly, there is nothing to take.');
      if (!before.previewScene) throw conflict('There is no preview scene to take.');
      try {
        await session.call('TriggerStudioModeTransition');
      } catch (error) {
        throw fail(error, 'the take');
      }
      // The transition puts the preview on program; OBS's events follow with the new preview.
      deps.confirmed({ programScene: before.previewScene });
      return { programScene: deps.view().programScene };
    },
  };
}
