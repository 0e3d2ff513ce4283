// Alerts: raised by subsystems under a stable key (one alert per condition, updated in place),
// cleared when the condition ends, and kept on screen until a person acknowledges them.
import type { Alert, AlertLevel } from '../../shared/contract/index';
import type { Handlers } from '../dispatch/handler';
import { conflict } from '../dispatch/command-failure';
import type { StateStore } from '../state/state.store';
import type { Clock } from '../platform/clock';

const MAX_ALERTS = 200;

export interface AlertsService {
  raise(input: { source: string; key: string; level: AlertLevel; message: string }): void;
  clear(key: string): void;
  handlers: Handlers<'alert.ack'>;
}

export function createAlertsService(deps: { state: StateStore; clock: Clock }): AlertsService {
  const { state, clock } = deps;
  let seq = 0;
  const items = () => state.get('alerts').items;
  const put = (next: Alert[]) => state.set('alerts', { items: next.slice(0, MAX_ALERTS) });

  return {
    raise({ source, key, level, message }) {
      const now = clock.now();
      const existing = items().find((a) => a.key === key && a.clearedAt === null);
      if (existing) {
        if (existing.message === message && existing.level === level) return;
        put(items().map((a) => (a === existing ? { ...a, level, message, updatedAt: now, ackedAt: null, ackedBy: null } : a)));
        return;
      }
      seq += 1;
      const alert: Alert = {
        id: `${now.toString(36)}-${seq}`,
        level,
        source,
        key,
        message,
        raisedAt: now,
        updatedAt: now,
        clearedAt: null,
        ackedBy: null,
        ackedAt: null,
      };
      put([alert, ...items()]);
    },
    clear(key) {
      const now = clock.now();
      if (!items().some((a) => a.key === key && a.clearedAt === null)) return;
      put(items().map((a) => (a.key === key && a.clearedAt === null ? { ...a, clearedAt: now, updatedAt: now } : a)));
    },
    handlers: {
      'alert.ack': ({ id }, ctx) => {
        const alert = items().find((a) => a.id === id);
        if (!alert) throw conflict(`No alert ${id}.`);
        put(items().map((a) => (a.id === id ? { ...a, ackedBy: ctx.caller.actor, ackedAt: ctx.now } : a)));
        return { id };
      },
    },
  };
}
