import { afterEach, describe, expect, it } from 'vitest';
import type { HealthSample } from '../../shared/contract/index';
import { openDatabase, type Db } from '../storage/database';
import { createHealthRepo } from './health.repo';

const dbs: Db[] = [];
afterEach(() => dbs.splice(0).forEach((d) => d.close()));
function db(): Db {
  const d = openDatabase({ file: ':memory:' });
  dbs.push(d);
  return d;
}
const sample = (at: number, patch: Partial<HealthSample> = {}): HealthSample => ({
  at,
  streaming: true,
  bitrateKbps: 300,
  droppedFramesPct: null,
  outputSkippedFrames: 1,
  outputTotalFrames: 30,
  renderSkippedFrames: 0,
  renderTotalFrames: 60,
  encoderSkippedFrames: 0,
  encoderTotalFrames: 30,
  activeFps: 30,
  cpuPct: 7.5,
  memoryMb: 201.2,
  congestion: null,
  reconnecting: false,
  uptimeMs: 1_000,
  level: 'green',
  ...patch,
});
const rows = (d: Db) => (d.prepare('SELECT COUNT(*) AS n FROM obs_health_samples').get() as { n: number }).n;

describe('the health sample store', () => {
  it('writes in batches, and a read sees the unwritten rest too', () => {
    const d = db();
    const repo = createHealthRepo(d, 3);
    repo.add(sample(1));
    repo.add(sample(2));
    expect(rows(d)).toBe(0);
    repo.add(sample(3));
    expect(rows(d)).toBe(3);
    repo.add(sample(4, { level: 'red', reconnecting: true, bitrateKbps: 0 }));
    const { samples, truncated } = repo.range(2, 10);
    expect(samples.map((s) => s.at)).toEqual([2, 3, 4]);
    expect(samples[2]).toEqual(sample(4, { level: 'red', reconnecting: true, bitrateKbps: 0 }));
    expect(truncated).toBe(false);
    expect(rows(d)).toBe(4);
  });
});
