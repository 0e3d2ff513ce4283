// The bitrate the health rules compare against. The show may state it; otherwise it is learned
// per stream: the median of the first 30 clean readings after a short ramp-up, then fixed until
// the stream stops (a slowly sinking baseline would hide exactly the drop we must report).
import type { UnratedSample } from './health.reading';

const RAMP_UP_MS = 3_000;
const LEARN_SAMPLES = 30;

export interface BaselineLearner {
  /** The baseline in kbps, or null while it is being learned. */
  current(): number | null;
  observe(sample: UnratedSample, live: boolean): void;
  /** A new stream: learn again. */
  reset(): void;
}

export function createBaselineLearner(configuredKbps: () => number | null): BaselineLearner {
  let learned: number | null = null;
  let readings: number[] = [];
  return {
    current: () => configuredKbps() ?? learned,
    observe(sample, live) {
      if (learned !== null || !live || sample.reconnecting || sample.bitrateKbps === null) return;
      if (sample.uptimeMs < RAMP_UP_MS) return;
      readings.push(sample.bitrateKbps);
      if (readings.length >= LEARN_SAMPLES) {
        learned = median(readings);
        readings = [];
      }
    },
    reset() {
      learned = null;
      readings = [];
    },
  };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return Math.round(value * 10) / 10;
}
