// The producer's OBS panel: the link ("OBS link lost — Ns" when it is not usable), scenes with
// program/preview and Take, the stream with start/stop and the backup ingest, and stream health.
// Keys: 1–9 switch scenes, T takes (studio mode), Shift+S twice starts/stops, Shift+B twice
// switches the ingest. Every control is off unless the link is up and resynced. The connection
// form lives in Setup (ObsSetupPanel): on air the producer needs the link's state, not its address.
import { useState } from 'react';
import { useSlice, useStation } from '../../state/station.store';
import { useAction } from '../../state/use-action';
import { Panel } from '../../ui/Panel';
import { useHotkeys, type HotkeyMap } from '../../ui/hotkeys';
import { useNow } from '../../ui/use-now';
import { controlsEnabled, ingestAction, linkLostSince, streamAction } from './obs.logic';
import { ObsLink } from './ObsLink';
import { ObsScenes } from './ObsScenes';
import { ObsStream, INGEST_KEY, STREAM_KEY } from './ObsStream';
import { ObsHealth } from './ObsHealth';
import { useArm } from './use-arm';
import './obs.css';

export function ObsPanel() {
  const obs = useSlice('obs');
  const show = useSlice('show');
  const showStartedAt = useSlice('cues')?.showStartedAt ?? null;
  const stationLinked = useStation((v) => v.connection === 'open');
  const now = useNow(1000);
  const act = useAction();
  const arm = useArm();
  const [pending, setPending] = useState<string | null>(null);
  const enabled = obs ? controlsEnabled(obs, stationLinked) : false;

  const switchTo = (scene: string) => {
    if (!enabled || pending !== null) return;
    setPending(scene);
    void act('obs.switchScene', { scene }).finally(() => setPending(null));
  };
  const take = () => {
    if (enabled && obs?.studioMode) void act('obs.take', {});
  };
  const runStream = (kind: 'start' | 'stop') => void act(kind === 'start' ? 'obs.startStream' : 'obs.stopStream', {});
  const runIngest = (to: 'primary' | 'backup') => void act('obs.switchIngest', { to });

  const keys: HotkeyMap = { t: take };
  (obs?.synced ? obs.scenes.slice(0, 9) : []).forEach((scene, i) => (keys[String(i + 1)] = () => switchTo(scene)));
  if (obs) {
    const s = streamAction(obs, enabled);
    if (s.enabled) keys[STREAM_KEY] = () => arm.press(`stream:${s.kind}`, () => runStream(s.kind));
    const ing = ingestAction(obs, enabled);
    if (ing?.enabled) keys[INGEST_KEY] = () => arm.press(`ingest:${ing.to}`, () => runIngest(ing.to));
  }
  useHotkeys(keys, enabled);

  if (!obs) return null;
  return (
    <Panel title="OBS" testId="obs-panel" className="obs-panel">
      <ObsLink obs={obs} now={now} lostSince={linkLostSince(obs, showStartedAt)} defaultUrl={show?.current?.obs.url ?? null} stationLinked={stationLinked} form={false} />
      <div className="obs-columns">
        <section className="obs-col" aria-label="Scenes">
          <h3 className="subhead">Scenes</h3>
          <ObsScenes obs={obs} enabled={enabled} pending={pending} onSwitch={switchTo} onTake={take} />
        </section>
        <section className="obs-col" aria-label="Stream">
          <h3 className="subhead">Stream</h3>
          <ObsStream obs={obs} enabled={enabled} arm={arm} onStream={runStream} onIngest={runIngest} />
        </section>
      </div>
      <h3 className="subhead">Health</h3>
      <ObsHealth obs={obs} now={now} />
    </Panel>
  );
}

/** Setup: where the station finds OBS (address and password), with the link's state. */
export function ObsSetupPanel() {
  const obs = useSlice('obs');
  const show = useSlice('show');
  const stationLinked = useStation((v) => v.connection === 'open');
  const showStartedAt = useSlice('cues')?.showStartedAt ?? null;
  const now = useNow(1000);
  if (!obs) return null;
  return (
    <Panel title="OBS connection" testId="obs-setup" className="obs-panel">
      <ObsLink obs={obs} now={now} lostSince={linkLostSince(obs, showStartedAt)} defaultUrl={show?.current?.obs.url ?? null} stationLinked={stationLinked} form />
    </Panel>
  );
}
