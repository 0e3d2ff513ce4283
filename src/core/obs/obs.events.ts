// OBS's events on one session, turned into the module's updates. Before the resync finishes they
// are only counted (the resync repeats if any arrived); after it, they keep the snapshot current.
import type { ObsSession } from './obs.client';
import { sceneNames } from './obs.resync';
import { obsFlag, sceneName } from './obs.text';

export interface SessionEventHandlers {
  /** Any event that changes what the resync reads. */
  changed(): void;
  /** True once this session is resynced and current. */
  live(): boolean;
  scenes(names: string[]): void;
  program(scene: string): void;
  preview(scene: string): void;
  renamed(from: string, to: string): void;
  studioMode(enabled: boolean, preview: string | null): void;
  stream(outputState: string): void;
  record(active: boolean): void;
  exiting(): void;
  fault(error: unknown): void;
}

export function bindSessionEvents(session: ObsSession, h: SessionEventHandlers): void {
  const when = (apply: () => void) => {
    h.changed();
    if (h.live()) apply();
  };
  // Some changes carry no full picture (a scene added, studio mode turned on, which silently sets
  // the preview): read the list again instead of guessing.
  const refresh = (studioMode: boolean | null) =>
    session.call('GetSceneList').then((list) => {
      if (!h.live()) return;
      h.scenes(sceneNames(list.scenes));
      const program = sceneName(list.currentProgramSceneName);
      const preview = sceneName(list.currentPreviewSceneName);
      if (program) h.program(program);
      if (studioMode !== null) h.studioMode(studioMode, preview);
      else if (preview) h.preview(preview);
    }, h.fault);
  // A name OBS sends that no view can show (not text, too long) is not taken: the list is read again.
  const named = (v: unknown, apply: (name: string) => void) => {
    const name = sceneName(v);
    if (name) apply(name);
    else void refresh(null);
  };

  session.on('CurrentProgramSceneChanged', ({ sceneName: v }) => when(() => named(v, h.program)));
  session.on('CurrentPreviewSceneChanged', ({ sceneName: v }) => when(() => named(v, h.preview)));
  session.on('SceneListChanged', ({ scenes }) => when(() => h.scenes(sceneNames(scenes))));
  session.on('SceneNameChanged', ({ oldSceneName, sceneName: v }) =>
    when(() => {
      const from = sceneName(oldSceneName);
      const to = sceneName(v);
      if (from && to) h.renamed(from, to);
      else void refresh(null);
    }),
  );
  session.on('SceneCreated', () => when(() => void refresh(null)));
  session.on('SceneRemoved', () => when(() => void refresh(null)));
  session.on('StudioModeStateChanged', ({ studioModeEnabled }) =>
    when(() => (studioModeEnabled === true ? void refresh(true) : h.studioMode(false, null))),
  );
  session.on('StreamStateChanged', ({ outputState }) => when(() => h.stream(outputState)));
  session.on('RecordStateChanged', ({ outputActive }) => when(() => h.record(obsFlag(outputActive))));
  session.on('ExitStarted', () => h.exiting());
}
