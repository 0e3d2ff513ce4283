// One offer of the loaded show at run time: its store adapter, its control, its bonus remover and
// the counters the rules and views read (orders, stock, the rule window).
import type { Offer, Show, TriggerRule } from '../../shared/show/show.schema';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import type { SecretStore } from '../platform/secret-store';
import type { CommerceAdapter, StoreOrder } from './commerce.adapter';
import type { OffersPorts } from './offers.ports';
import type { OffersRepo } from './offers.repo';
import type { OffersAuditor } from './offers.audit';
import type { TriggerTarget } from './trigger.engine';
import type { WindowEvent } from './trigger.rules';
import { createRepoMemo } from './adapter.memo';
import { createAdapter, secretNameOf } from './adapter.factory';
import { scrubSecrets } from './store-fault.text';
import { createOfferController, type OfferController } from './offer-control.driver';
import { createBonusRemover, type BonusRemover } from './bonus.remover';

export interface OfferRuntime extends TriggerTarget {
  offer: Offer;
  adapter: CommerceAdapter;
  controller: OfferController;
  bonus: BonusRemover;
  rules: TriggerRule[];
  window: WindowEvent[];
  orders: number;
  stock: Record<string, number> | null;
  /** The store's text with this offer's credential taken out, before it is kept or shown. */
  scrub(text: string): string;
}

export type Alert = (level: 'info' | 'warn' | 'critical', key: string, message: string) => void;

export interface RuntimeDeps {
  show: Show;
  offer: Offer;
  repo: OffersRepo;
  ports: OffersPorts;
  clock: Clock;
  log: Logger;
  secrets: SecretStore;
  audit: OffersAuditor;
  alert: Alert;
  clearAlert(key: string, upTo: number): void;
  alertStamp(): number;
  changed(): void;
  /** The store answered with a server error (feeds the `store_5xx` rule). */
  storeTrouble(status: number): void;
  /** New orders the store listed. */
  onOrders(orders: StoreOrder[]): void;
  /** Where the runtime's counters start: from what is stored. */
  start: { orders: number; stock: Record<string, number> | null; rules: TriggerRule[]; window: WindowEvent[] };
}

export function createOfferRuntime(deps: RuntimeDeps): OfferRuntime {
  const { offer, show, ports, clock } = deps;
  const adapter = createAdapter({
    offer,
    products: show.products,
    post: ports.post,
    timing: ports.timing,
    sandbox: ports.sandbox,
    allowInsecureStore: ports.allowInsecureStore === true,
    secrets: deps.secrets,
    memo: createRepoMemo(deps.repo, show.id, offer.id),
    now: () => clock.now(),
    observe: (status) => {
      if (status !== null && status >= 500) deps.storeTrouble(status);
    },
  });
  // Read at each use: the credential may be stored or changed after the offer was built.
  const secretName = secretNameOf(offer);
  const scrub = (text: string) => scrubSecrets(text, secretName ? [deps.secrets.get(secretName)] : []);
  const controller = createOfferController({
    showId: show.id,
    offer,
    adapter,
    repo: deps.repo,
    clock,
    timers: ports.timers,
    log: deps.log,
    timing: ports.timing,
    audit: deps.audit,
    alert: deps.alert,
    clearAlert: deps.clearAlert,
    alertStamp: deps.alertStamp,
    changed: deps.changed,
    onReading: (reading) => {
      if (reading.stock) rt.stock = { ...rt.stock, ...reading.stock };
    },
    onOrders: deps.onOrders,
    scrub,
  });
  const rt: OfferRuntime = {
    offer,
    adapter,
    controller,
    bonus: createBonusRemover({ offer, adapter, controller, clock, timers: ports.timers, timing: ports.timing, audit: deps.audit, alert: deps.alert, scrub }),
    rules: deps.start.rules,
    window: deps.start.window,
    orders: deps.start.orders,
    stock: deps.start.stock,
    facts: () => ({ orders: rt.orders, stock: rt.stock, skus: offer.skus }),
    intent: () => controller.view().intent,
    scrub,
  };
  return rt;
}

/** The order cap: once the offer's orders reach it, the bonus ends (once). */
export function reachCapIfDue(rt: OfferRuntime): void {
  if (rt.offer.cap && rt.orders >= rt.offer.cap.orders) rt.bonus.capReached(rt.orders);
}
