// createCore(deps): the station's whole business logic, under plain Node. No module singletons:
// two cores can run side by side in one test process. Transports (HTTP, WebSocket, Electron IPC)
// only call `dispatch` and `subscribe`.
import { join } from 'node:path';
import { createSteadyWall } from './platform/steady-wall';
import { clockHold, describeStep } from './platform/clock-drift';
import { createClockWatch } from './platform/clock-watch';
import type { AuditEntry, CommandName, ResultOf, ServerMessage, StationInfo, StationState, Role } from '../shared/contract/index';
import { ROLES } from '../shared/contract/roles';
import type { Clock } from './platform/clock';
import type { Logger } from './platform/logger';
import type { SecretStore } from './platform/secret-store';
import { noTrace, type Trace } from './platform/trace';
import { openDatabase, type Db } from './storage/database';
import { createAuditRepo, type AuditRepo } from './storage/audit.repo';
import { createAuditWriter } from './storage/audit-writer';
import { createWalCheckpointer } from './storage/wal-checkpoint';
import { afterIo, createStateStore, type PublishScheduler, type StateStore } from './state/state.store';
import { initialState } from './state/initial-state';
import { createDispatcher, type DispatchResult } from './dispatch/dispatcher';
import type { Caller } from './dispatch/handler';
import { createLateDispatch } from './dispatch/late-dispatch';
import { createAlertsService, type AlertsService } from './alerts/alerts.service';
import { alertsOnNewClock } from './alerts/alerts.clock-step';
import { createShowService, type ShowService } from './show/show.service';
import { writePostShowPackage } from './show/post-show.package';
import { conflict } from './dispatch/command-failure';
import { createSettingsRepo } from './storage/settings.repo';
import type { ModuleContext, ModuleLifecycle } from './module';
import { commandTable, type DomainModules } from './command-table';
import type { CorePorts } from './ports';
import { createObsModule } from './obs/obs.module';
import { createCommentsModule } from './comments/comments.module';
import { createCuesModule } from './cues/cues.module';
import { createOffersModule } from './offers/offers.module';
import { createPreflightModule } from './preflight/preflight.module';
import { createOverlayModule } from './overlay/overlay.module';
import { createShowdayModule } from './showday/showday.module';
import { showDayPackageFiles } from './showday/showday.package';
import { createPeopleModule } from './people/people.module';
import { createHqModule } from './hq-outbox/hq.module';
import type { HqSender } from './hq-outbox/hq-sender';
import { createOnAirModule } from './onair/onair.module';
import { withDuties } from './people/duties';
import type { PeopleGate } from './people/people.gate';
import type { DeviceRegistry } from './people/devices.port';

export interface CoreDeps {
  /** Folder holding baton.db; ':memory:' keeps everything in memory (tests, benchmarks). */
  dataDir: string;
  clock: Clock;
  log: Logger;
  secrets: SecretStore;
  station: Omit<StationInfo, 'startedAt' | 'views' | 'dataDir'>;
  /** Folder that relative show paths are resolved against. */
  cwd: string;
  /** Folders `show.load` may read show files from (the station's shows folder, the demo show's, the start show's), asked at each load. */
  showFolders: () => readonly string[];
  /** Electron builds pass their own better-sqlite3 binary; plain Node leaves it null. */
  nativeBinding: string | null;
  /** The outside world per module: real adapters in the station, fakes in unit tests. */
  ports: CorePorts;
  /** The station's named device and overlay tokens (absent in a core without a station). */
  devices?: DeviceRegistry;
  /** Opt-in timing of each command's steps and of the patch broadcast (BATON_TRACE_FILE). */
  trace?: Trace;
  /** When patches and events go out; the state store's default (after the turn's I/O) unless a bench A/B asks otherwise. */
  publish?: PublishScheduler;
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
  /** People's personal tokens: `authenticate` for the station's token check, `onRevoked` to close their views. */
  readonly people: PeopleGate;
  /** The running report to HQ, if one is configured (tests and shutdown wait on it). */
  hqLink(): Pick<HqSender, 'wake' | 'drained'> | null;
  /** Starts the modules (timers, sources, links). Call once, after the first show is loaded. */
  start(): Promise<void>;
  close(): Promise<void>;
}

const RECENT_AUDIT = 25;

export function createCore(deps: CoreDeps): Core {
  const { log } = deps;
  // One timeline for everything the core stamps while it runs: the wall clock read once, at start,
  // plus monotonic time since (platform/steady-wall.ts). Comment waits, cue and offer windows, pins,
  // audit rows and the "now" every view aligns to (`now()` below: the session's hello, the overlay's,
  // the device feed's ages) are then differences on one clock, so an NTP step mid-show moves none of
  // them apart. Chosen over stamping only the comments on steady time and giving the views that
  // clock: cue countdowns and offer windows are shown against the same "now", and would be off by
  // the step. The audit chain's format is unchanged: its rows keep a millisecond time, now one that
  // never goes back within a run. Across a restart the wall clock is read afresh, so times in an
  // existing data folder (and a restart after a step) meet the wall clock as before. Within a run,
  // the clock watch below realigns it to the wall clock when no running figure would jump with it.
  const steady = createSteadyWall(deps.clock);
  const clock: Clock = { now: steady.now, monotonic: () => deps.clock.monotonic() };
  const db = openDatabase({
    file: deps.dataDir === ':memory:' ? ':memory:' : join(deps.dataDir, 'baton.db'),
    ...(deps.nativeBinding ? { nativeBinding: deps.nativeBinding } : {}),
  });
  const audit = createAuditRepo(db);
  // Checkpoints wait for a quiet moment, out of every command's commit (an in-memory store has no WAL).
  const checkpointer =
    deps.dataDir === ':memory:'
      ? null
      : createWalCheckpointer({ db, timers: deps.ports.offers.timers, onError: (error) => log.warn('WAL checkpoint failed', { error: String(error) }) });
  const trace = deps.trace ?? noTrace;
  const publish = deps.publish ?? afterIo;
  const state = createStateStore(
    initialState({ ...deps.station, startedAt: clock.now(), clockShiftMs: 0, dataDir: deps.dataDir, views: Object.fromEntries(ROLES.map((r) => [r, 0])) as Record<Role, number> }),
    // Traced, the broadcast is timed too, on the store's own default schedule.
    trace === noTrace
      ? publish
      : (flush) =>
          publish(() => {
            trace('publish');
            flush();
            trace('published');
          }),
  );
  state.set('audit', { recent: audit.list({ limit: RECENT_AUDIT }), count: audit.count(), headHash: audit.head()?.hash ?? null });

  // The audit slice takes the rows appended since it was last built, when it is next read or
  // published: a command's rows are committed on its reply path, its slice is built after the reply.
  let appended: AuditEntry[] = [];
  const withAppended = (a: StationState['audit']): StationState['audit'] => {
    const fresh = appended;
    appended = [];
    const last = fresh.at(-1);
    if (!last) return a;
    return { recent: [...fresh.reverse(), ...a.recent].slice(0, RECENT_AUDIT), count: a.count + fresh.length, headHash: last.hash };
  };
  const onAppended = (entry: AuditEntry) => {
    checkpointer?.wrote();
    appended.push(entry);
    state.invalidate('audit', withAppended);
    state.emit({ name: 'audit.appended', entry });
  };

  const auditWriter = createAuditWriter({ db, repo: audit, clock, onAppended });
  const systemAuditor = (subsystem: string) => auditWriter.bind({ actor: `system:${subsystem}`, role: 'producer', via: 'system' });

  const alertsAuditor = systemAuditor('alerts');
  const alerts = createAlertsService({
    state,
    clock,
    // An alert's automatic clear is recorded; a storage failure there must not break the subsystem raising it.
    record: (e) => {
      try {
        alertsAuditor.event(e);
      } catch (error) {
        log.warn('alert change not audited', { command: e.command, error: String(error) });
      }
    },
  });
  const show = createShowService({ state, clock, cwd: deps.cwd, showFolders: deps.showFolders, log });

  // Modules are built first, over a dispatch that is bound once the complete table exists.
  const late = createLateDispatch();
  const base: Omit<ModuleContext, 'audit'> = {
    db,
    state,
    clock,
    log,
    secrets: deps.secrets,
    settings: createSettingsRepo(db),
    alerts,
    show,
    dispatch: late.dispatch,
  };
  /** Each module audits its own steps under its own name. */
  const contextFor = (subsystem: string): ModuleContext => ({ ...base, audit: systemAuditor(subsystem) });
  // People first: the preflight's "roles assigned" check reads their access.
  const people = createPeopleModule(contextFor('people'), deps.devices);
  const preflight = createPreflightModule(contextFor('preflight'), deps.ports.preflight, people.service);
  const domains: DomainModules = {
    obs: createObsModule(contextFor('obs'), deps.ports.obs),
    comments: createCommentsModule(contextFor('comments'), deps.ports.comments),
    cues: createCuesModule(contextFor('cues'), deps.ports.cues),
    offers: createOffersModule(contextFor('offers'), deps.ports.offers),
    preflight,
    overlay: createOverlayModule(contextFor('overlay'), deps.ports.obs),
    // GO reads the checklist as it is now, not as last published.
    showday: createShowdayModule(contextFor('showday'), preflight.checklist),
    people,
    // Windows wait on the same timers as the offers' retries, so a test drives both by hand.
    onair: createOnAirModule(contextFor('onair'), deps.ports.offers.timers),
    hq: createHqModule(contextFor('hq'), deps.ports.hq),
  };
  const modules: ModuleLifecycle[] = [domains.obs, domains.comments, domains.cues, domains.offers, domains.preflight, domains.overlay, domains.showday, domains.people, domains.onair, domains.hq];
  const handlers = withDuties(commandTable({
    core: {
      'station.whoami': (_args, c) => ({ actor: c.caller.actor, role: c.caller.role }),
      'audit.list': ({ before, limit, command }) => ({
        entries: audit.list({ limit, ...(before !== undefined ? { before } : {}), ...(command !== undefined ? { command } : {}) }),
      }),
      'show.package': (_args, c) => {
        if (deps.dataDir === ':memory:') throw conflict('This station keeps its data in memory: there is no folder to write a package to.');
        return writePostShowPackage({ dataDir: deps.dataDir, now: c.now, db, audit, state, dispatch: late.dispatch, extras: showDayPackageFiles, record: c.audit });
      },
    },
    alerts: alerts.handlers,
    show: show.handlers,
    modules: domains,
  }), { show, alerts, state, timers: deps.ports.offers.timers });
  const dispatcher = createDispatcher({ audit: auditWriter, clock, log, handlers, trace });
  late.bind(dispatcher);

  const stationAudit = systemAuditor('station');
  const system = (detail: string, command: string) => stationAudit.event({ command, args: { detail } });

  system(`${deps.station.mode} station v${deps.station.version} at ${deps.station.url}`, 'station.start');

  // After a step of the OS clock the station's times would stay off by the step until the next
  // start (audit rows, comment times, show-day records, HQ facts). Checked on the offers' timers, a
  // test drives them by hand; the producer is told while the show holds it (platform/clock-drift.ts).
  const CLOCK_ALERT = 'station:clock-step';
  const clockWatch = createClockWatch({
    steady,
    timers: deps.ports.offers.timers,
    hold: () => clockHold({ showday: state.get('showday'), obs: state.get('obs'), onair: state.get('onair'), cues: state.get('cues'), comments: state.get('comments') }),
    notice: (message) => alerts.raise({ source: 'station', key: CLOCK_ALERT, level: 'warn', message }),
    withdraw: () => alerts.clear(CLOCK_ALERT),
    realigned(shiftMs) {
      stationAudit.event({
        command: 'station.clock.realigned',
        args: { offsetSeconds: shiftMs / 1000 },
        detail: `System clock moved ${describeStep(shiftMs)}: the station's times follow it from here (rows before this one are on the clock it started with)`,
      });
      state.update('station', (s) => ({ ...s, clockShiftMs: (s.clockShiftMs ?? 0) + shiftMs }));
      // The alerts on screen move with the clock (alerts/alerts.clock-step.ts): shown and judged on one clock.
      state.update('alerts', (a) => alertsOnNewClock(a, shiftMs));
    },
  });

  let closed = false;
  return {
    dispatch: dispatcher.dispatch,
    snapshot: () => state.snapshot(),
    now: clock.now,
    subscribe: (listener) => state.subscribe(listener),
    setViewCount(role, delta) {
      state.update('station', (s) => ({ ...s, views: { ...s.views, [role]: Math.max(0, s.views[role] + delta) } }));
    },
    show,
    alerts,
    db,
    audit,
    state,
    people: domains.people.gate,
    hqLink: () => domains.hq.current(),
    async start() {
      for (const m of modules) await m.start();
      clockWatch.start();
    },
    async close() {
      if (closed) return;
      closed = true;
      clockWatch.close();
      for (const m of [...modules].reverse()) {
        try {
          await m.close();
        } catch (error) {
          log.error('module failed to close', { error: String(error) });
        }
      }
      system('station stopped', 'station.stop');
      state.flush();
      checkpointer?.close();
      db.close();
    },
  };
}
