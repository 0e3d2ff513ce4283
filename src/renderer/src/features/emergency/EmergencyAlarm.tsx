// The producer's opt-in alarm: a toggle in the console's header (remembered on this machine) and,
// while on, a short Web Audio tone and a desktop notification when an emergency banner appears.
// Which banners sound is decided by alarm.logic; this file only plays and shows.
import { useEffect, useRef, useState } from 'react';
import { useSlice } from '../../state/station.store';
import { alarmStep, FRESH_MEMORY, readAlarmOn, saveAlarmOn, TONE, type AlarmCall, type AlarmMemory } from './alarm.logic';
import { useEmergencies } from './EmergencyBanners';

type Permission = NotificationPermission | 'unsupported';
const permissionNow = (): Permission => (typeof Notification === 'undefined' ? 'unsupported' : Notification.permission);

export function EmergencyAlarm() {
  const [on, setOn] = useState(() => readAlarmOn(window.localStorage));
  const [permission, setPermission] = useState<Permission>(permissionNow);
  const list = useEmergencies();
  const quiet = useSlice('alerts')?.quiet.on ?? false;
  const memory = useRef<AlarmMemory>(FRESH_MEMORY);
  const audio = useRef<AudioContext | null>(null);

  const ids = list.map((e) => e.id).join('|');
  useEffect(() => {
    // Its own repeat intervals only: the monotonic clock, so a wall-clock step neither silences nor repeats it.
    const r = alarmStep(memory.current, list, { now: performance.now(), on, quiet });
    memory.current = r.memory;
    for (const call of r.calls) raise(call, audio);
    // `ids` stands for the list: a banner's ticking text must not re-run the step.
  }, [ids, on, quiet]); // eslint-disable-line react-hooks/exhaustive-deps

  const toggle = () => {
    const next = !on;
    setOn(next);
    saveAlarmOn(window.localStorage, next);
    if (!next) return;
    // Both need this click: browsers start audio and ask for notifications only on a user gesture.
    audio.current ??= createAudio();
    void audio.current?.resume().catch(() => undefined);
    if (permissionNow() === 'default') void Notification.requestPermission().then(setPermission, () => setPermission(permissionNow()));
  };

  const blocked = on && permission !== 'granted';
  return (
    <button
      type="button"
      className={`btn alarm-toggle ${on ? 'btn-selected' : 'btn-ghost'}`}
      aria-pressed={on}
      data-testid="alarm-toggle"
      title={
        on
          ? blocked
            ? 'Alarm on: tone only — desktop notifications are blocked for this page (allow them in the browser’s site settings).'
            : 'Alarm on: a tone and a desktop notification when an emergency banner appears. Click to turn off.'
          : 'Alarm off. Click for a tone and a desktop notification when an emergency banner appears (this machine only).'
      }
      onClick={toggle}
    >
      {on ? 'Alarm on' : 'Alarm off'}
    </button>
  );
}

function createAudio(): AudioContext | null {
  try {
    return new AudioContext();
  } catch {
    return null;
  }
}

function raise(call: AlarmCall, audio: { current: AudioContext | null }) {
  if (call.tone) {
    audio.current ??= createAudio();
    const ctx = audio.current;
    if (ctx) {
      void ctx.resume().catch(() => undefined);
      const t0 = ctx.currentTime + 0.02;
      for (const beep of TONE) {
        const osc = ctx.createOscillator();
        const gain = ctx.createGain();
        osc.type = 'square';
        osc.frequency.value = beep.hz;
        // A short ramp in and out: a beep, not a click.
        gain.gain.setValueAtTime(0.0001, t0 + beep.at);
        gain.gain.exponentialRampToValueAtTime(0.25, t0 + beep.at + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, t0 + beep.at + beep.seconds);
        osc.connect(gain).connect(ctx.destination);
        osc.start(t0 + beep.at);
        osc.stop(t0 + beep.at + beep.seconds + 0.02);
      }
    }
  }
  if (typeof Notification !== 'undefined' && Notification.permission === 'granted') {
    try {
      // `tag`: the desktop keeps one notification per condition, even across the producer's windows.
      const n = new Notification(call.title, { body: call.body, tag: call.id, requireInteraction: false });
      n.onclick = () => window.focus();
    } catch {
      // Some shells refuse notifications from a page; the banner and the tone still say it.
    }
  }
}
