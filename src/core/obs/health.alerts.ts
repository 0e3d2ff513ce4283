// Health findings as station alerts, one per condition (`obs.health.<key>`). An alert is raised
// when its condition appears or changes level, not every second: a producer who acknowledged
// "bitrate low" is not nagged again until it gets worse. A reconnect's try count is the exception.
import type { AlertsService } from '../alerts/alerts.service';
import type { Finding } from './health.rules';

export interface HealthAlerts {
  apply(findings: readonly Finding[]): void;
  clearAll(): void;
}

export function createHealthAlerts(alerts: Pick<AlertsService, 'raise' | 'clear'>): HealthAlerts {
  const raised = new Map<string, { level: Finding['level']; message: string }>();
  const keyOf = (key: string) => `obs.health.${key}`;
  return {
    apply(findings) {
      const seen = new Set<string>();
      for (const f of findings) {
        seen.add(f.key);
        const before = raised.get(f.key);
        const changed = !before || before.level !== f.level || (f.key === 'reconnecting' && before.message !== f.message);
        if (!changed) continue;
        raised.set(f.key, { level: f.level, message: f.message });
        alerts.raise({ source: 'obs', key: keyOf(f.key), level: f.level === 'red' ? 'critical' : 'warn', message: f.message });
      }
      for (const key of [...raised.keys()]) {
        if (seen.has(key)) continue;
        raised.delete(key);
        alerts.clear(keyOf(key));
      }
    },
    clearAll() {
      for (const key of raised.keys()) alerts.clear(keyOf(key));
      raised.clear();
    },
  };
}
