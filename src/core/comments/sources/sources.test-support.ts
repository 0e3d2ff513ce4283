// Shared by the source unit tests: a sink that records what a source hands over.
import type { SourceComment } from '../comment.model';
import type { SourceSink } from './source.types';
import { createMemorySecretStore } from '../../platform/secret-store';
import { silentLogger } from '../../platform/logger';
export { until } from '../../../../test/support/until';

export interface RecordingSink extends SourceSink {
  got: SourceComment[];
  viewerCounts: number[];
  pins: string[];
  healthCalls: number;
}

export function recordingSink(): RecordingSink {
  const sink: RecordingSink = {
    got: [],
    viewerCounts: [],
    pins: [],
    healthCalls: 0,
    comments: (batch) => void sink.got.push(...batch),
    health: () => void (sink.healthCalls += 1),
    viewers: (n) => void sink.viewerCounts.push(n),
    pinnedProduct: (t) => void sink.pins.push(t),
  };
  return sink;
}

export const baseDeps = {
  clock: { now: () => Date.now(), monotonic: () => performance.now() },
  log: silentLogger,
  secrets: createMemorySecretStore(),
  baseDir: process.cwd(),
  backoff: { baseMs: 20, maxMs: 100, jitter: 0, random: () => 0 },
};
