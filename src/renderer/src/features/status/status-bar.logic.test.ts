import { describe, expect, it } from 'vitest';
import type { Alert, CuesState, ObsState } from '../../../../shared/contract/index';
import { airLine, alertCounts, healthLine, ordersText, segmentLine } from './status-bar.logic';
import type { Emergency } from '../emergency/emergency.logic';

const obs = (patch: Partial<ObsState> = {}, stream: Partial<ObsState['stream']> = {}): ObsState =>
  ({
    link: 'connected',
    synced: true,
    linkError: null,
    stream: { phase: 'live', since: 0, startedAt: 1_000, reconnects: 0, retry: 0, lastError: null, ...stream },
    health: { level: 'green', reasons: [], sample: null, baselineKbps: null, expectedFps: null },
    ...patch,
  }) as ObsState;

const alert = (level: Alert['level'], patch: Partial<Alert> = {}): Alert => ({
  id: Math.random().toString(36),
  level,
  source: 'obs',
  key: 'k',
  message: 'm',
  raisedAt: 0,
  updatedAt: 0,
  clearedAt: null,
  ackedBy: null,
  ackedAt: null,
  count: 1,
  raises: [0],
  clearedBy: null,
  quiet: false,
  ...patch,
});

describe('status bar', () => {
  it('says ON AIR with the stream’s duration, OFF AIR when idle, and never guesses without a link', () => {
    expect(airLine(obs(), 1_000 + 65_000)).toEqual({ level: 'green', text: 'ON AIR 01:05', onAir: true });
    expect(airLine(obs({}, { phase: 'idle' }), 0)).toMatchObject({ text: 'OFF AIR', onAir: false });
    expect(airLine(obs({ synced: false, link: 'connecting' }), 0)).toMatchObject({ level: 'red', onAir: false });
  });

  it('shows the health verdict with its first reason; with OBS out of reach no chip (NO OBS LINK says it), only why', () => {
    expect(healthLine(obs({ health: { level: 'red', reasons: ['off air while the show clock runs (stream stopped)', 'x'], sample: null, baselineKbps: null, expectedFps: null } }))).toEqual({
      level: 'red',
      label: 'RED',
      reason: 'off air while the show clock runs (stream stopped)',
    });
    expect(healthLine(obs({ synced: false, linkError: 'OBS not running' }))).toEqual({ level: 'red', label: null, reason: 'OBS not running' });
    expect(healthLine(null)).toEqual({ level: 'red', label: null, reason: 'no health data' });
  });

  it('counts only alerts nobody has acknowledged and whose condition is not over', () => {
    const counts = alertCounts([alert('critical'), alert('critical', { ackedAt: 1, ackedBy: 'p' }), alert('warn'), alert('warn', { clearedAt: 5 }), alert('info'), alert('warn', { quiet: true })]);
    expect(counts).toEqual({ critical: 1, warn: 1, info: 1 });
  });

  it('counts the emergency banners as critical, one per cause: an alert raised for the same cause is not counted twice', () => {
    const em = (kind: Emergency['kind'], id: string = kind): Emergency => ({ id, kind, cause: 'c', since: 0, action: { kind: 'advice', label: 'a' }, busy: false });
    // Banners derived from state with no alert at all (the OBS link alert cleared itself; the station is lost).
    expect(alertCounts([alert('warn')], [em('station-lost'), em('obs-link-lost')])).toEqual({ critical: 2, warn: 1, info: 0 });
    // The same cause as an open alert and a banner: one count.
    const link = alert('critical', { key: 'obs.link' });
    expect(alertCounts([link], [em('obs-link-lost')])).toEqual({ critical: 1, warn: 0, info: 0 });
    expect(alertCounts([alert('critical', { key: 'obs.health.offair' }), alert('critical', { key: 'obs.health.reconnecting' })], [em('stream-stopped')])).toEqual({ critical: 2, warn: 0, info: 0 });
    expect(alertCounts([alert('critical', { key: 'obs.health.reconnecting' })], [em('ingest-unreachable')])).toEqual({ critical: 1, warn: 0, info: 0 });
    expect(
      alertCounts(
        [alert('critical', { key: 'offers.trigger.serum.pay-errors', source: 'offers' }), alert('critical', { key: 'offers.trigger.kit.pay-errors', source: 'offers' })],
        [em('offer-rule-paused', 'offer-rule-paused-serum')],
      ),
    ).toEqual({ critical: 2, warn: 0, info: 0 });
    expect(alertCounts([alert('warn', { key: 'offers.pending.serum', source: 'offers' })], [em('store-unreachable', 'store-unreachable-serum')])).toEqual({ critical: 1, warn: 0, info: 0 });
    // An acknowledged alert does not hide a banner whose condition still holds: it is counted until it ends.
    expect(alertCounts([{ ...link, ackedAt: 1, ackedBy: 'p' }], [em('obs-link-lost')])).toEqual({ critical: 1, warn: 0, info: 0 });
  });

  it('gives the segment’s time left, and how far over it runs', () => {
    const cues = { current: { segmentTitle: 'Demo' }, showStartedAt: 0, segmentStartedAt: 0, segmentPlannedSeconds: 60 } as unknown as CuesState;
    expect(segmentLine(cues, 20_000)).toEqual({ title: 'Demo', time: '00:40 left', over: false });
    expect(segmentLine(cues, 75_000)).toEqual({ title: 'Demo', time: '00:15 over', over: true });
    expect(segmentLine({ ...cues, segmentStartedAt: null, showStartedAt: null }, 5)).toEqual({ title: 'Demo', time: null, over: false });
  });

  it('counts the time left as the countdown overlay shows viewers: rounded up, 00:00 only once it is up', () => {
    // A 12-minute segment 0.3 s in reads its whole 12 minutes (it read 11:59, a second under the overlay).
    const cues = { current: { segmentTitle: 'Demo' }, showStartedAt: 0, segmentStartedAt: 0, segmentPlannedSeconds: 720 } as unknown as CuesState;
    expect(segmentLine(cues, 300)).toEqual({ title: 'Demo', time: '12:00 left', over: false });
    expect(segmentLine(cues, 8_400)).toEqual({ title: 'Demo', time: '11:52 left', over: false });
    expect(segmentLine(cues, 719_001.5)).toEqual({ title: 'Demo', time: '00:01 left', over: false });
    expect(segmentLine(cues, 720_000)).toEqual({ title: 'Demo', time: '00:00 left', over: false });
    expect(segmentLine(cues, 720_400)).toEqual({ title: 'Demo', time: '00:00 over', over: true });
    expect(segmentLine(cues, 721_000)).toEqual({ title: 'Demo', time: '00:01 over', over: true });
  });

  it('puts orders against the cap when there is one', () => {
    expect(ordersText({ orders: 12, cap: { orders: 50, bonus: 'b', reached: false, reachedAt: null, bonusRemoval: null } })).toBe('12/50');
    expect(ordersText({ orders: 3, cap: null })).toBe('3 orders');
    expect(ordersText({ orders: 1, cap: null })).toBe('1 order');
    expect(ordersText({ orders: 0, cap: null })).toBe('0 orders');
  });
});
