// When the producer's machine sounds a tone and raises a desktop notification for an emergency:
// once when its banner appears (not for banners already up when the console opens), not again for
// the same condition flapping back within a minute, never while the alarm is off, and in quiet
// mode only for critical emergencies (quiet mode keeps warnings quiet, critical stays loud). Pure.
import type { Emergency, EmergencyKind } from './emergency.logic';

/** A rule's pause did what the show asked: worth knowing, not a fire. Everything else is critical. */
export function emergencyLevel(kind: EmergencyKind): 'critical' | 'warn' {
  return kind === 'offer-rule-paused' ? 'warn' : 'critical';
}

/** The same condition coming back within this long after it was raised does not sound again. */
export const REPEAT_MS = 60_000;

export interface AlarmMemory {
  /** The banners up at the last step; null before the first one (the console just opened). */
  up: ReadonlySet<string> | null;
  /** When each emergency id last raised the alarm. */
  raisedAt: ReadonlyMap<string, number>;
}
export const FRESH_MEMORY: AlarmMemory = { up: null, raisedAt: new Map() };

export interface AlarmCall {
  id: string;
  title: string;
  body: string;
  /** One tone per step, however many banners appeared at once. */
  tone: boolean;
}

export function alarmStep(memory: AlarmMemory, list: readonly Emergency[], input: { now: number; on: boolean; quiet: boolean }): { memory: AlarmMemory; calls: AlarmCall[] } {
  const up = new Set(list.map((e) => e.id));
  if (memory.up === null) return { memory: { up, raisedAt: memory.raisedAt }, calls: [] };
  const raisedAt = new Map(memory.raisedAt);
  const calls: AlarmCall[] = [];
  for (const e of list) {
    if (memory.up.has(e.id)) continue;
    const last = raisedAt.get(e.id);
    if (last !== undefined && input.now - last < REPEAT_MS) continue;
    if (!input.on || (input.quiet && emergencyLevel(e.kind) !== 'critical')) continue;
    raisedAt.set(e.id, input.now);
    calls.push({ id: e.id, title: `Baton — ${e.action.label}`, body: e.cause, tone: calls.length === 0 });
  }
  // Forget what was raised long ago, so the map stays as small as the show's emergencies.
  for (const [id, at] of raisedAt) if (input.now - at >= REPEAT_MS && !up.has(id)) raisedAt.delete(id);
  return { memory: { up, raisedAt }, calls };
}

/** The short tone: three beeps (seconds from now, Hz), loud enough over studio noise, under a second. */
export const TONE = [
  { at: 0, hz: 880, seconds: 0.16 },
  { at: 0.22, hz: 660, seconds: 0.16 },
  { at: 0.44, hz: 880, seconds: 0.3 },
] as const;

const KEY = 'baton.emergencyAlarm';

/** Remembered per machine (local storage): opt-in, so anything but an explicit "on" is off. */
export function readAlarmOn(storage: Pick<Storage, 'getItem'>): boolean {
  try {
    return storage.getItem(KEY) === 'on';
  } catch {
    return false;
  }
}

export function saveAlarmOn(storage: Pick<Storage, 'setItem'>, on: boolean): void {
  try {
    storage.setItem(KEY, on ? 'on' : 'off');
  } catch {
    // Storage refused (private mode, quota): the toggle still works for this session.
  }
}
