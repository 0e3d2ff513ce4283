// The core's command table: every domain's handlers in one object that the compiler checks against
// the whole contract. A command added to the contract without a handler does not compile.
import type { HandlerMap, Handlers } from './dispatch/handler';
import type { AlertsService } from './alerts/alerts.service';
import type { ShowService } from './show/show.service';
import type { createObsModule } from './obs/obs.module';
import type { createCommentsModule } from './comments/comments.module';
import type { createCuesModule } from './cues/cues.module';
import type { createOffersModule } from './offers/offers.module';
import type { createPreflightModule } from './preflight/preflight.module';
import type { createOverlayModule } from './overlay/overlay.module';
import type { createShowdayModule } from './showday/showday.module';
import type { PeopleModule } from './people/people.module';
import type { HqModule } from './hq-outbox/hq.module';
import type { createOnAirModule } from './onair/onair.module';

/** The commands the core answers itself: who is calling, the audit trail, the post-show package. */
export type CoreCommand = 'station.whoami' | 'audit.list' | 'show.package';

export interface DomainModules {
  obs: ReturnType<typeof createObsModule>;
  comments: ReturnType<typeof createCommentsModule>;
  cues: ReturnType<typeof createCuesModule>;
  offers: ReturnType<typeof createOffersModule>;
  preflight: ReturnType<typeof createPreflightModule>;
  overlay: ReturnType<typeof createOverlayModule>;
  showday: ReturnType<typeof createShowdayModule>;
  people: PeopleModule;
  hq: HqModule;
  onair: ReturnType<typeof createOnAirModule>;
}

export interface CommandTableParts {
  core: Handlers<CoreCommand>;
  alerts: AlertsService['handlers'];
  show: ShowService['handlers'];
  modules: DomainModules;
}

export function commandTable({ core, alerts, show, modules: m }: CommandTableParts) {
  return {
    ...core,
    ...alerts,
    ...show,
    ...m.obs.handlers,
    ...m.comments.handlers,
    ...m.cues.handlers,
    ...m.offers.handlers,
    ...m.preflight.handlers,
    ...m.overlay.handlers,
    ...m.showday.handlers,
    ...m.people.handlers,
    ...m.hq.handlers,
    ...m.onair.handlers,
  } satisfies HandlerMap;
}

export type CommandTable = ReturnType<typeof commandTable>;
