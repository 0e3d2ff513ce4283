// Health findings as station alerts, one per condition (`obs.health.<key>`). An alert is raised
// when its condition appears or changes level, not every second: a producer who acknowledged
// "bitrate low" is not nagged again until it gets worse. A reconnect's try count is the exception.
// The rules time a condition before finding it; the end is timed here (src/core/alerts/hysteresis.ts):
// an alert clears once its condition has been gone for the clear hold (the show's sustain time), so a
// drop rate hovering at its threshold, found one second and not the next, is one alert that stays up.
// A state of the stream (failed start, off air, reconnecting) is no level around a threshold: it ends
// when OBS says it has, at once.
import type { AlertsService } from '../alerts/alerts.service';
import { createLatches } from '../alerts/hysteresis';
import type { Finding } from './health.rules';
import type { Clock } from '../platform/clock';

export interface HealthAlerts {
  /** The findings of the sample just taken. */
  apply(findings: readonly Finding[]): void;
  clearAll(): void;
}

/** Findings that say what state the stream is in (health.rules.ts), not how a figure compares to a threshold. */
const STREAM_STATES = new Set(['stream', 'offair', 'reconnecting']);

/** `clock.monotonic` times the clear hold: the wall clock can step (NTP, a producer) and hold an alert up for hours, or drop it at once. */
export function createHealthAlerts(alerts: Pick<AlertsService, 'raise' | 'clear'>, deps: { clearHoldMs(): number; clock: Pick<Clock, 'monotonic'> }): HealthAlerts {
  const raised = new Map<string, { level: Finding['level']; message: string }>();
  // Raised as soon as found (the rules held it already); cleared after the hold without it.
  const latches = createLatches(() => ({ raiseHoldMs: 0, clearHoldMs: deps.clearHoldMs() }));
  const keyOf = (key: string) => `obs.health.${key}`;
  const endsAtOnce = (key: string) => STREAM_STATES.has(key);
  return {
    apply(findings) {
      const now = deps.clock.monotonic();
      const seen = new Set<string>();
      for (const f of findings) {
        seen.add(f.key);
        latches.step(f.key, 'over', now);
        const before = raised.get(f.key);
        const changed = !before || before.level !== f.level || (f.key === 'reconnecting' && before.message !== f.message);
        if (!changed) continue;
        raised.set(f.key, { level: f.level, message: f.message });
        alerts.raise({ source: 'obs', key: keyOf(f.key), level: f.level === 'red' ? 'critical' : 'warn', message: f.message });
      }
      for (const key of [...raised.keys()]) {
        if (seen.has(key)) continue;
        if (latches.step(key, 'under', now).change !== 'clear' && !endsAtOnce(key)) continue;
        latches.reset(key);
        raised.delete(key);
        alerts.clear(keyOf(key));
      }
    },
    clearAll() {
      for (const key of raised.keys()) alerts.clear(keyOf(key));
      raised.clear();
      latches.reset();
    },
  };
}
