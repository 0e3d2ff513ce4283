import { describe, expect, it } from 'vitest';
import { blankObsState, type CuesState, type HealthSample, type ObsState } from '../../../../shared/contract/index';
import { emergencies } from '../emergency/emergency.logic';
import { badge, controlsEnabled, linkLostSince, figures, ingestAction, linkLine, phaseLabel, sceneHotkey, sceneRole, sparkSeries, streamAction } from './obs.logic';

const NOW = 1_800_000_000_000;

function down(patch: Partial<ObsState> = {}): ObsState {
  return { ...blankObsState(NOW - 12_000), ...patch };
}

const sample: HealthSample = {
  at: NOW - 500,
  streaming: true,
  bitrateKbps: 312.4,
  droppedFramesPct: 1.25,
  outputSkippedFrames: 3,
  outputTotalFrames: 900,
  renderSkippedFrames: 1,
  renderTotalFrames: 2_000,
  encoderSkippedFrames: 0,
  encoderTotalFrames: 900,
  activeFps: 30,
  cpuPct: 18.4,
  memoryMb: 210.3,
  congestion: 0.12,
  reconnecting: false,
  uptimeMs: 30_000,
  level: 'green',
};

function up(patch: Partial<ObsState> = {}): ObsState {
  return down({
    link: 'connected',
    synced: true,
    url: 'ws://127.0.0.1:4455',
    lostAt: null,
    obsVersion: 'OBS 29.0.2, obs-websocket 5.1.0',
    scenes: ['Intro', 'Host Cam', 'Offer'],
    programScene: 'Intro',
    stream: { phase: 'live', since: NOW - 90_000, startedAt: NOW - 90_000, reconnects: 0, retry: 0, lastError: null },
    record: { active: false },
    health: { level: 'green', reasons: [], sample, baselineKbps: 300, expectedFps: 30 },
    ...patch,
  });
}

describe('the link line', () => {
  it('says "OBS link lost — N s" whenever the link is not usable, with the reason', () => {
    expect(linkLine(down(), NOW)).toMatchObject({ level: 'red', text: 'OBS link lost — 12 s' });
    expect(linkLine(down(), NOW).detail).toContain('enter OBS’s WebSocket address');
    const retrying = linkLine(down({ link: 'connecting', url: 'ws://x:4455', reconnectAttempt: 4, linkError: 'OBS not running at ws://x:4455' }), NOW);
    expect(retrying).toEqual({ level: 'red', text: 'OBS link lost — 12 s · reconnecting (try 4)', detail: 'OBS not running at ws://x:4455' });
    expect(linkLine(down({ link: 'connected' }), NOW)).toMatchObject({ level: 'amber', text: 'OBS link lost — 12 s · resyncing' });
    expect(linkLine(up(), NOW)).toMatchObject({ level: 'green', text: 'OBS linked · ws://127.0.0.1:4455' });
  });

  it('enables controls only on a resynced link seen through a live station link', () => {
    expect(controlsEnabled(up(), true)).toBe(true);
    expect(controlsEnabled(up(), false)).toBe(false);
    expect(controlsEnabled(up({ synced: false }), true)).toBe(false);
    expect(controlsEnabled(down({ link: 'connecting' }), true)).toBe(false);
  });
});

describe('scenes', () => {
  it('marks program, and preview only in studio mode', () => {
    expect(sceneRole(up(), 'Intro')).toBe('program');
    expect(sceneRole(up({ previewScene: 'Offer' }), 'Offer')).toBe('none');
    expect(sceneRole(up({ studioMode: true, previewScene: 'Offer' }), 'Offer')).toBe('preview');
    expect(sceneRole(down({ programScene: 'Intro' }), 'Intro')).toBe('none');
  });

  it('numbers the first nine', () => {
    expect([0, 8, 9].map(sceneHotkey)).toEqual(['1', '9', null]);
  });
});

describe('stream and ingest buttons', () => {
  it('offers stop while on air, start otherwise, and nothing while unsure', () => {
    expect(streamAction(up(), true)).toMatchObject({ kind: 'stop', enabled: true });
    expect(streamAction(up({ stream: { ...up().stream, phase: 'idle' } }), true)).toMatchObject({ kind: 'start', enabled: true, confirm: 'Confirm: go LIVE' });
    expect(streamAction(up({ stream: { ...up().stream, phase: 'stopping' } }), true).enabled).toBe(false);
    expect(streamAction(down(), false).enabled).toBe(false);
  });

  it('offers the other ingest when the show has a backup', () => {
    expect(ingestAction(up(), true)).toBeNull();
    const withBackup = up({ ingest: { active: 'primary', server: 'rtmp://a/live', hasBackup: true, switching: false } });
    expect(ingestAction(withBackup, true)).toEqual({ to: 'backup', label: 'Switch to backup ingest', confirm: 'Confirm: restart the stream on the backup', enabled: true });
    expect(ingestAction({ ...withBackup, ingest: { ...withBackup.ingest, active: 'backup' } }, true)?.to).toBe('primary');
    expect(ingestAction({ ...withBackup, ingest: { ...withBackup.ingest, switching: true } }, true)).toMatchObject({ label: 'Switching ingest…', enabled: false });
  });

  it('labels every phase', () => {
    expect(phaseLabel('reconnecting', 3)).toBe('RECONNECTING (try 3)');
    expect(phaseLabel('failed_start', 0)).toBe('FAILED TO START');
  });
});

describe('figures', () => {
  it('formats the current sample with tabular-friendly strings', () => {
    const f = Object.fromEntries(figures(up(), NOW).map((x) => [x.label, x]));
    expect(f['Bitrate']).toEqual({ label: 'Bitrate', value: '312 kbps', level: 'green' });
    expect(f['Dropped']).toEqual({ label: 'Dropped', value: '1.3 %', level: 'amber' });
    expect(f['FPS']?.value).toBe('30.0 / 30');
    expect(f['Uptime']?.value).toBe('01:30');
    expect(f['Congestion']?.value).toBe('12 %');
  });

  it('shows dashes, never the last values, while the link is down', () => {
    const stale = down({ health: { level: 'unknown', reasons: [], sample, baselineKbps: 300, expectedFps: 30 } });
    const values = figures(stale, NOW).filter((x) => x.label !== 'Baseline').map((x) => x.value);
    expect(values.every((v) => v === '—')).toBe(true);
  });
});

describe('sparklines', () => {
  it('places points in seconds before now and leaves a gap where sampling stopped', () => {
    const pts = sparkSeries(
      [
        { at: NOW - 400_000, bitrateKbps: 1, droppedFramesPct: 0, level: 'green' },
        { at: NOW - 10_000, bitrateKbps: 300, droppedFramesPct: 0, level: 'green' },
        { at: NOW - 9_000, bitrateKbps: 310, droppedFramesPct: 0.5, level: 'green' },
        { at: NOW - 2_000, bitrateKbps: 0, droppedFramesPct: null, level: 'red' },
      ],
      NOW,
    );
    expect(pts).toEqual([
      { t: -10, bitrate: 300, dropped: 0 },
      { t: -9, bitrate: 310, dropped: 0.5 },
      { t: -8, bitrate: null, dropped: null },
      { t: -2, bitrate: 0, dropped: null },
    ]);
  });
});

describe('the status badge', () => {
  it('is red with the lost time while the link is down, and says on/off air otherwise', () => {
    expect(badge(down(), NOW, NOW - 12_000)).toEqual({ level: 'red', text: 'OBS LINK LOST 12 s' });
    expect(badge(down(), NOW, null)).toEqual({ level: 'red', text: 'OBS LINK LOST' });
    expect(badge(up(), NOW, null)).toEqual({ level: 'green', text: 'ON AIR' });
    expect(badge(up({ health: { ...up().health, level: 'amber' } }), NOW, null)).toEqual({ level: 'amber', text: 'ON AIR · AMBER' });
    expect(badge(up({ stream: { ...up().stream, phase: 'idle' } }), NOW, null)).toEqual({ level: 'unknown', text: 'OFF AIR' });
  });
});

describe('since when a lost link counts (the host’s chip and the OBS banner)', () => {
  it('counts from the loss, or from the show clock’s start when the link was down before it', () => {
    expect(linkLostSince({ lostAt: 5_000 }, null)).toBe(5_000);
    expect(linkLostSince({ lostAt: null }, null)).toBeNull();
    expect(linkLostSince({ lostAt: 5_000 }, 9_000)).toBe(9_000);
    expect(linkLostSince({ lostAt: 12_000 }, 9_000)).toBe(12_000);
    expect(linkLostSince({ lostAt: null }, 9_000)).toBe(9_000);
  });

  it('is the very moment the OBS emergency banner counts from', () => {
    const showStartedAt = NOW - 14_000;
    const o = down({ lostAt: NOW - 15_000 });
    const [banner] = emergencies({ obs: o, cues: { showStartedAt } as CuesState, offers: [], stationLinked: true, stationLostAt: null, stationTrying: false });
    expect(banner?.kind).toBe('obs-link-lost');
    expect(banner?.since).toBe(linkLostSince(o, showStartedAt));
    expect(badge(o, NOW, linkLostSince(o, showStartedAt)).text).toBe('OBS LINK LOST 14 s');
    // The producer's OBS panel says the same number as the banner above it.
    expect(linkLine(o, NOW, linkLostSince(o, showStartedAt)).text).toBe('OBS link lost — 14 s');
  });
});
