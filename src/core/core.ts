// createCore(deps): the station's whole business logic, under plain Node. No module singletons:
// two cores can run side by side in one test process. Transports (HTTP, WebSocket, Electron IPC)
// only call `dispatch` and `subscribe`.
import { join } from 'node:path';
import type { AuditEntry, CommandName, ResultOf, ServerMessage, StationInfo, StationState, Role } from '../shared/contract/index';
import type { Clock } from './platform/clock';
import type { Logger } from './platform/logger';
import type { SecretStore } from './platform/secret-store';
import { openDatabase, type Db } from './storage/database';
import { createAuditRepo, type AuditRepo } from './storage/audit.repo';
import { createStateStore, type StateStore } from './state/state.store';
import { initialState } from './state/initial-state';
import { createDispatcher, type DispatchResult } from './dispatch/dispatcher';
import type { Caller, HandlerMap } from './dispatch/handler';
import { createAlertsService, type AlertsService } from './alerts/alerts.service';
import { createShowService, type ShowService } from './show/show.service';
import { writePostShowPackage } from './show/post-show.package';
import { conflict } from './dispatch/command-failure';
import { createSettingsRepo } from './storage/settings.repo';
import type { CoreModule, ModuleContext } from './module';
import type { CorePorts } from './ports';
import { createObsModule } from './obs/obs.module';
import { createCommentsModule } from './comments/comments.module';
import { createCuesModule } from './cues/cues.module';
import { createOffersModule } from './offers/offers.module';
import { createPreflightModule } from './preflight/preflight.module';

export interface CoreDeps {
  /** Folder holding baton.db; ':memory:' keeps everything in memory (tests, benchmarks). */
  dataDir: string;
  clock: Clock;
  log: Logger;
  secrets: SecretStore;
  station: Omit<StationInfo, 'startedAt' | 'views' | 'dataDir'>;
  /** Folder that relative show paths are resolved against. */
  cwd: string;
  /** Electron builds pass their own better-sqlite3 binary; plain Node leaves it null. */
  nativeBinding: string | null;
  /** The outside world per module: real adapters in the station, fakes in unit tests. */
  ports: CorePorts;
}

export interface Core {
  dispatch<N extends CommandName>(name: N, args: unknown, caller: Caller): Promise<DispatchResult<ResultOf<N>>>;
  dispatch(name: string, args: unknown, caller: Caller): Promise<DispatchResult>;
  snapshot(): { rev: number; state: StationState };
  /** Patches and events from now on; take `snapshot()` first. */
  subscribe(listener: (message: ServerMessage) => void): () => void;
  /** Tells the station how many views of each role are connected (shown to the producer). */
  setViewCount(role: Role, delta: number): void;
  /** The station's clock (ms): views align their clocks to it. */
  now(): number;
  readonly show: ShowService;
  readonly alerts: AlertsService;
  readonly db: Db;
  readonly audit: AuditRepo;
  readonly state: StateStore;
  /** Starts the modules (timers, sources, links). Call once, after the first show is loaded. */
  start(): Promise<void>;
  close(): Promise<void>;
}

const RECENT_AUDIT = 25;

export function createCore(deps: CoreDeps): Core {
  const { clock, log } = deps;
  const db = openDatabase({
    file: deps.dataDir === ':memory:' ? ':memory:' : join(deps.dataDir, 'baton.db'),
    ...(deps.nativeBinding ? { nativeBinding: deps.nativeBinding } : {}),
  });
  const audit = createAuditRepo(db);
  const state = createStateStore(
    initialState({ ...deps.station, startedAt: clock.now(), dataDir: deps.dataDir, views: { producer: 0, host: 0, moderator: 0 } }),
  );
  state.set('audit', { recent: audit.list({ limit: RECENT_AUDIT }), count: audit.count(), headHash: audit.head()?.hash ?? null });

  const onAudit = (entry: AuditEntry) => {
    state.update('audit', (a) => ({ recent: [entry, ...a.recent].slice(0, RECENT_AUDIT), count: a.count + 1, headHash: entry.hash }));
    state.emit({ name: 'audit.appended', entry });
  };

  const alerts = createAlertsService({
    state,
    clock,
    record: (e) => onAudit(audit.append({ actor: 'system:alerts', role: 'producer', outcome: 'ok', durationMs: 0, ...e, at: clock.now(), via: 'system' })),
  });
  const show = createShowService({ state, clock, cwd: deps.cwd, log });

  // Filled below, once the modules exist; the dispatcher reads it per call.
  const handlers: Partial<HandlerMap> = {};
  const dispatcher = createDispatcher({ db, audit, clock, log, handlers, onAudit });
  const ctx: ModuleContext = {
    db,
    state,
    clock,
    log,
    secrets: deps.secrets,
    settings: createSettingsRepo(db),
    alerts,
    show,
    dispatch: dispatcher.dispatch,
    auditEvent: (e) => onAudit(audit.append({ ...e, at: clock.now(), via: 'system' })),
  };
  const modules: CoreModule<never>[] = [
    createObsModule(ctx, deps.ports.obs),
    createCommentsModule(ctx, deps.ports.comments),
    createCuesModule(ctx, deps.ports.cues),
    createOffersModule(ctx, deps.ports.offers),
    createPreflightModule(ctx, deps.ports.preflight),
  ] as CoreModule<never>[];
  Object.assign(
    handlers,
    {
      'station.whoami': (_args, c) => ({ actor: c.caller.actor, role: c.caller.role }),
      'audit.list': ({ before, limit, command }) => ({
        entries: audit.list({ limit, ...(before !== undefined ? { before } : {}), ...(command !== undefined ? { command } : {}) }),
      }),
      'show.package': (_args, c) => {
        if (deps.dataDir === ':memory:') throw conflict('This station keeps its data in memory: there is no folder to write a package to.');
        return writePostShowPackage({ dataDir: deps.dataDir, now: c.now, db, audit, state, dispatch: dispatcher.dispatch });
      },
      ...alerts.handlers,
      ...show.handlers,
    } satisfies Partial<HandlerMap>,
    ...modules.map((m) => m.handlers),
  );

  const system = (detail: string, command: string) =>
    ctx.auditEvent({ actor: 'system:station', role: 'producer', command, args: { detail }, outcome: 'ok', detail: null, durationMs: 0 });

  system(`${deps.station.mode} station v${deps.station.version} at ${deps.station.url}`, 'station.start');

  let closed = false;
  return {
    dispatch: dispatcher.dispatch,
    snapshot: () => state.snapshot(),
    now: () => clock.now(),
    subscribe: (listener) => state.subscribe(listener),
    setViewCount(role, delta) {
      state.update('station', (s) => ({ ...s, views: { ...s.views, [role]: Math.max(0, s.views[role] + delta) } }));
    },
    show,
    alerts,
    db,
    audit,
    state,
    async start() {
      for (const m of modules) await m.start();
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const m of [...modules].reverse()) {
        try {
          await m.close();
        } catch (error) {
          log.error('module failed to close', { error: String(error) });
        }
      }
      system('station stopped', 'station.stop');
      state.flush();
      db.close();
    },
  };
}
