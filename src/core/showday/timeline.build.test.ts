import { describe, expect, it } from 'vitest';
import type { Alert, GoRecord, HealthSample } from '../../shared/contract/index';
import { buildTimeline } from './timeline.build';

const go = { showId: 's', title: 'Show', rehearsal: true, at: 10_000, by: 'pat', verdict: 'go', checks: [], overrides: [], script: null, offers: [], roster: { views: {}, tickedBy: [] } } as GoRecord;
const sample = (at: number, streaming: boolean, level: HealthSample['level']) => ({ at, streaming, level, bitrateKbps: streaming ? 900 : null, droppedFramesPct: streaming ? 12.5 : null, uptimeMs: 0 }) as unknown as HealthSample;

describe('incident timeline', () => {
  it('lists stream drops, turns to red and back, and alerts raised and cleared, in time order', () => {
    const alert = { id: 'a', level: 'warn', source: 'kpi', key: 'k', message: 'cart→checkout below 30 %', raisedAt: 12_000, updatedAt: 12_000, clearedAt: 15_000, clearedBy: 'condition', ackedBy: null, ackedAt: null, count: 1, raises: [12_000], quiet: false } as Alert;
    const t = buildTimeline({
      go,
      end: null,
      to: 30_000,
      segments: [],
      audit: [],
      health: [sample(11_000, true, 'green'), sample(12_000, true, 'red'), sample(13_000, true, 'green'), sample(14_000, false, 'unknown'), sample(16_000, true, 'green')],
      comments: [],
      alerts: [alert],
      firings: [],
    });
    expect(t.items.map((i) => [i.at, i.kind, i.label])).toEqual([
      [10_000, 'go', 'GO'],
      [12_000, 'alert', 'warn · kpi'],
      [12_000, 'stream', 'stream health red'],
      [13_000, 'stream', 'stream health green'],
      [14_000, 'stream', 'stream dropped'],
      [15_000, 'cleared', 'cleared · kpi'],
      [16_000, 'stream', 'stream back'],
    ]);
    expect(t.items[2]!.detail).toBe('900 kbps, 12.5 % frames dropped');
    expect(t.items[5]!.by).toBe('condition');
  });
});
