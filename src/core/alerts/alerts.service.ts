// Alerts: raised by subsystems under a stable key (one alert per condition, updated in place),
// cleared when the condition ends, and kept on screen until a person acknowledges them. A
// condition that comes back soon after clearing reopens the same alert with a count (flapping is
// one alert, not a stack), and every automatic clear is recorded in the audit trail.
import type { Alert, AlertLevel, Role } from '../../shared/contract/index';
import type { Handlers } from '../dispatch/handler';
import { conflict } from '../dispatch/command-failure';
import type { StateStore } from '../state/state.store';
import type { Clock } from '../platform/clock';

const MAX_ALERTS = 200;
/** A condition back within this time of its clear is the same alert flapping. */
export const REOPEN_WINDOW_MS = 10 * 60_000;
const MAX_RAISES = 20;
const RANK: Record<AlertLevel, number> = { info: 0, warn: 1, critical: 2 };

export interface AlertsService {
  /** `audience`: the roles besides the producer who read it in their view (the role policy filters by it). */
  raise(input: { source: string; key: string; level: AlertLevel; message: string; audience?: readonly Role[] }): void;
  /**
   * Ends the open alarm under `key`. With `upTo` (a `stamp()` taken when the condition was seen to
   * end), an alarm raised after that stamp is spared: a clear that runs later, after a reply, never
   * ends the condition's return in between.
   */
  clear(key: string, upTo?: number): void;
  /** How many raises there have been so far: the stamp a later `clear` is given. */
  stamp(): number;
  handlers: Handlers<'alert.ack' | 'alert.ackAll' | 'alert.quiet'>;
}

export interface AlertsDeps {
  state: StateStore;
  clock: Clock;
  /** Records an automatic clear or a reopen in the audit trail. */
  record(entry: { command: string; args: unknown; detail: string | null }): void;
}

export function createAlertsService(deps: AlertsDeps): AlertsService {
  const { state, clock } = deps;
  let seq = 0;
  let raises = 0;
  /** The stamp of each key's latest raise (keys whose clear may still come; pruned when it grows). */
  const lastRaise = new Map<string, number>();
  // When each key's alert last ended, on the monotonic clock: the reopen window is a duration, and
  // `clearedAt` (the wall clock, shown and stored) can step. Bounded like lastRaise: one per key.
  const endedAt = new Map<string, number>();
  const noteRaise = (key: string) => {
    raises += 1;
    lastRaise.set(key, raises);
    if (lastRaise.size > 2 * MAX_ALERTS) {
      const open = new Set(items().filter((a) => a.clearedAt === null).map((a) => a.key));
      for (const k of lastRaise.keys()) if (k !== key && !open.has(k)) lastRaise.delete(k);
      const kept = new Set(items().map((a) => a.key));
      for (const k of endedAt.keys()) if (!kept.has(k)) endedAt.delete(k);
    }
  };
  const slice = () => state.get('alerts');
  const items = () => slice().items;
  const put = (next: Alert[]) => state.update('alerts', (a) => ({ ...a, items: next.slice(0, MAX_ALERTS) }));

  return {
    raise({ source, key, level, message, audience }) {
      const to = audience && audience.length > 0 ? { audience: [...audience] } : {};
      noteRaise(key);
      const now = clock.now();
      const quiet = slice().quiet.on && level !== 'critical';
      const open = items().find((a) => a.key === key && a.clearedAt === null);
      if (open) {
        if (open.message === message && open.level === level) return;
        // Worse than before needs a person again; an update at the same level or better does not.
        const worse = RANK[level] > RANK[open.level];
        put(items().map((a) => (a === open ? { ...a, ...to, level, message, updatedAt: now, ...(worse ? { ackedAt: null, ackedBy: null, quiet } : {}) } : a)));
        return;
      }
      const ended = endedAt.get(key);
      const withinWindow = ended !== undefined && clock.monotonic() - ended <= REOPEN_WINDOW_MS;
      const recent = withinWindow ? items().find((a) => a.key === key && a.clearedAt !== null) : undefined;
      if (recent) {
        const worse = RANK[level] > RANK[recent.level];
        const reopened: Alert = {
          ...recent,
          ...to,
          level,
          message,
          updatedAt: now,
          clearedAt: null,
          clearedBy: null,
          count: recent.count + 1,
          raises: [...recent.raises, now].slice(-MAX_RAISES),
          // Coming back is a new raise, judged by quiet mode as it is now (a rehearsal's known
          // flapping queue stays out of the counts; after quiet mode it counts again).
          quiet,
          // A flap that was acknowledged stays acknowledged unless it came back worse.
          ...(worse ? { ackedAt: null, ackedBy: null } : {}),
        };
        put([reopened, ...items().filter((a) => a !== recent)]);
        deps.record({ command: 'alert.reopened', args: { key, count: reopened.count }, detail: message });
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
        count: 1,
        raises: [now],
        clearedBy: null,
        quiet,
        ...to,
      };
      put([alert, ...items()]);
    },
    clear(key, upTo) {
      if (upTo !== undefined && (lastRaise.get(key) ?? 0) > upTo) return;
      lastRaise.delete(key);
      const now = clock.now();
      const open = items().find((a) => a.key === key && a.clearedAt === null);
      if (!open) return;
      endedAt.set(key, clock.monotonic());
      put(items().map((a) => (a === open ? { ...a, clearedAt: now, clearedBy: 'condition', updatedAt: now } : a)));
      deps.record({ command: 'alert.cleared', args: { key, level: open.level, count: open.count }, detail: `condition ended: ${open.message}`.slice(0, 300) });
    },
    stamp: () => raises,
    handlers: {
      'alert.ack': ({ id }, ctx) => {
        const alert = items().find((a) => a.id === id);
        if (!alert) throw conflict(`No alert ${id}.`);
        put(items().map((a) => (a.id === id ? { ...a, ackedBy: ctx.caller.actor, ackedAt: ctx.now } : a)));
        return { id };
      },
      'alert.ackAll': ({ upTo }, ctx) => {
        let acked = 0;
        put(
          items().map((a) => {
            if (a.ackedAt !== null || RANK[a.level] > RANK[upTo]) return a;
            acked += 1;
            return { ...a, ackedBy: ctx.caller.actor, ackedAt: ctx.now };
          }),
        );
        return { acked };
      },
      'alert.quiet': ({ on }, ctx) => {
        state.update('alerts', (a) => ({ ...a, quiet: on ? { on: true, by: ctx.caller.actor, since: ctx.now } : { on: false, by: null, since: null } }));
        return { on };
      },
    },
  };
}
