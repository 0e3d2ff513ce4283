import { describe, expect, it } from 'vitest';
import type { HqSyncState } from '../../../../shared/contract/index';
import { hqConfigureArgs, hqLine } from './hq.logic';

const hq = (patch: Partial<HqSyncState>): HqSyncState => ({ configured: true, state: 'synced', behind: 0, since: 0, lastError: null, ...patch });
const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 19);

describe('hqLine', () => {
  it('says nothing when the station does not report to HQ', () => {
    expect(hqLine(hq({ configured: false }), hhmm)).toBeNull();
    expect(hqLine(null, hhmm)).toBeNull();
  });
  it('says synced, how far behind, or offline since when and why', () => {
    expect(hqLine(hq({}), hhmm)).toEqual({ level: 'green', text: 'HQ: synced', detail: null });
    expect(hqLine(hq({ state: 'behind', behind: 312 }), hhmm)?.text).toBe('HQ: 312 behind');
    expect(hqLine(hq({ state: 'behind', behind: 12_000 }), hhmm)?.level).toBe('amber');
    const off = hqLine(hq({ state: 'offline', since: Date.parse('2026-12-05T18:02:40Z'), behind: 40, lastError: 'HQ unreachable: connect ECONNREFUSED' }), hhmm);
    expect(off).toEqual({ level: 'amber', text: 'HQ: offline since 18:02 · 40 waiting', detail: 'HQ unreachable: connect ECONNREFUSED' });
  });
});

describe('hqLine, facts HQ did not read', () => {
  it('turns amber and says how many, with HQ’s reason in the detail, whatever the sync state', () => {
    expect(hqLine(hq({ flagged: { count: 3, lastReason: 'commerce amount is not a number' } }), hhmm)).toEqual({
      level: 'amber',
      text: 'HQ: synced · 3 facts not read by HQ',
      detail: 'commerce amount is not a number',
    });
    expect(hqLine(hq({ state: 'behind', behind: 20, flagged: { count: 1, lastReason: null } }), hhmm)?.text).toBe('HQ: 20 behind · 1 fact not read by HQ');
    expect(hqLine(hq({ flagged: { count: 0, lastReason: null } }), hhmm)).toEqual({ level: 'green', text: 'HQ: synced', detail: null });
  });
});

describe('hqConfigureArgs', () => {
  it('trims and keeps the stored token when none is typed', () => {
    expect(hqConfigureArgs({ url: ' http://hq:4900 ', stationId: ' studio-a ', token: '' })).toEqual({ ok: true, args: { url: 'http://hq:4900', stationId: 'studio-a' } });
    expect(hqConfigureArgs({ url: 'https://hq', stationId: 'a', token: ' bhq_x ' })).toEqual({ ok: true, args: { url: 'https://hq', stationId: 'a', token: 'bhq_x' } });
  });
  it('refuses what is not an HQ address or a station id', () => {
    expect(hqConfigureArgs({ url: 'hq:4900', stationId: 'a', token: '' }).ok).toBe(false);
    expect(hqConfigureArgs({ url: 'ftp://hq', stationId: 'a', token: '' }).ok).toBe(false);
    expect(hqConfigureArgs({ url: 'http://hq', stationId: '../x', token: '' }).ok).toBe(false);
  });
});
