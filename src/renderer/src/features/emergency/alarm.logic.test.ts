import { describe, expect, it } from 'vitest';
import { alarmStep, FRESH_MEMORY, readAlarmOn, REPEAT_MS, saveAlarmOn, type AlarmMemory } from './alarm.logic';
import type { Emergency, EmergencyKind } from './emergency.logic';

const e = (kind: EmergencyKind, id: string = kind): Emergency => ({ id, kind, cause: `${kind} cause`, since: 0, action: { kind: 'advice', label: `fix ${kind}` }, busy: false });
const on = { on: true, quiet: false };

function run(steps: { at: number; list: Emergency[]; on?: boolean; quiet?: boolean }[]) {
  let memory: AlarmMemory = FRESH_MEMORY;
  const raised: string[][] = [];
  for (const s of steps) {
    const r = alarmStep(memory, s.list, { now: s.at, on: s.on ?? true, quiet: s.quiet ?? false });
    memory = r.memory;
    raised.push(r.calls.map((c) => `${c.id}${c.tone ? '♪' : ''}`));
  }
  return raised;
}

describe('the emergency alarm', () => {
  it('sounds once when a banner appears, not for banners already up when the console opened', () => {
    expect(run([{ at: 0, list: [e('stream-stopped')] }, { at: 1, list: [e('stream-stopped'), e('obs-link-lost')] }, { at: 2, list: [e('stream-stopped'), e('obs-link-lost')] }])).toEqual([
      [],
      ['obs-link-lost♪'],
      [],
    ]);
  });

  it('a flapping condition sounds once a minute at most; after that it sounds again', () => {
    const lost = [e('ingest-unreachable')];
    expect(run([{ at: 0, list: [] }, { at: 1_000, list: lost }, { at: 2_000, list: [] }, { at: 3_000, list: lost }, { at: 4_000, list: [] }, { at: 1_000 + REPEAT_MS, list: lost }])).toEqual([
      [],
      ['ingest-unreachable♪'],
      [],
      [],
      [],
      ['ingest-unreachable♪'],
    ]);
  });

  it('several banners at once: one tone, one notification each', () => {
    const r = alarmStep({ up: new Set(), raisedAt: new Map() }, [e('station-lost'), e('store-unreachable', 'store-unreachable-a')], { now: 0, ...on });
    expect(r.calls.map((c) => [c.id, c.tone])).toEqual([
      ['station-lost', true],
      ['store-unreachable-a', false],
    ]);
    expect(r.calls[0]).toMatchObject({ title: 'Baton — fix station-lost', body: 'station-lost cause' });
  });

  it('quiet mode keeps a rule pause (a warning) quiet; critical emergencies stay loud', () => {
    expect(run([{ at: 0, list: [] }, { at: 1, list: [e('offer-rule-paused', 'offer-rule-paused-x')], quiet: true }, { at: 2, list: [e('offer-rule-paused', 'offer-rule-paused-x'), e('stream-stopped')], quiet: true }])).toEqual([
      [],
      [],
      ['stream-stopped♪'],
    ]);
    expect(run([{ at: 0, list: [] }, { at: 1, list: [e('offer-rule-paused', 'p')] }])).toEqual([[], ['p♪']]);
  });

  it('nothing while the alarm is off; a banner that appeared while off does not sound when it is turned on', () => {
    expect(run([{ at: 0, list: [] }, { at: 1, list: [e('obs-link-lost')], on: false }, { at: 2, list: [e('obs-link-lost')] }])).toEqual([[], [], []]);
  });

  it('is opt-in and remembered per machine', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    expect(readAlarmOn(storage)).toBe(false);
    saveAlarmOn(storage, true);
    expect(readAlarmOn(storage)).toBe(true);
    saveAlarmOn(storage, false);
    expect(readAlarmOn(storage)).toBe(false);
    expect(readAlarmOn({ getItem: () => { throw new Error('denied'); } })).toBe(false);
  });
});
