// What every domain module gets from the core, and what it gives back. Modules talk to each other
// through the state store (subscribe to another domain's patches) and through `dispatch` (the
// station's own actions go through the same validate → authorise → audit chain as a person's).
import type { CommandName } from '../shared/contract/index';
import type { Clock } from './platform/clock';
import type { Logger } from './platform/logger';
import type { SecretStore } from './platform/secret-store';
import type { Db } from './storage/database';
import type { SettingsRepo } from './storage/settings.repo';
import type { StateStore } from './state/state.store';
import type { AlertsService } from './alerts/alerts.service';
import type { ShowService } from './show/show.service';
import type { Dispatcher } from './dispatch/dispatcher';
import type { Handlers } from './dispatch/handler';
import type { Auditor } from './storage/audit-writer';

export interface ModuleContext {
  db: Db;
  state: StateStore;
  /**
   * The core's clock: `now()` is steady wall time (core.ts, platform/steady-wall.ts), so stored times
   * whose differences are durations (a comment's wait and response time) are read against the same
   * timeline they were stamped on; `monotonic()` is the host's monotonic clock. `now()` can jump once,
   * by a step of the OS clock, when the station realigns to it with nothing running (platform/clock-drift.ts):
   * never time a duration across that on `now()`, and never take "newest" from a stored time.
   */
  clock: Clock;
  log: Logger;
  secrets: SecretStore;
  settings: SettingsRepo;
  alerts: AlertsService;
  show: ShowService;
  dispatch: Dispatcher['dispatch'];
  /**
   * This module's auditor (actor `system:<module>`, role producer, via system), for steps that
   * belong to no command. Inside a handler, use the handler context's `audit` instead.
   */
  audit: Auditor;
}

/** What the core does with every module once the table is built: start it, and stop it at the end. */
export interface ModuleLifecycle {
  /** Called once after every module exists and the first show is loaded (or not). */
  start(): void | Promise<void>;
  /** Stop timers, close sockets, flush batches. */
  close(): void | Promise<void>;
}

/** A domain module: its lifecycle and the handlers of its slice of the contract, all of them. */
export interface CoreModule<N extends CommandName> extends ModuleLifecycle {
  handlers: Handlers<N>;
}
