// The order cap: once an offer's orders reach `cap.orders` the bonus ends. The cap is marked at
// once (the cue deck moves to the post-bonus CTA from `cap.reached`); the bonus is taken off in
// the store with retries, each attempt audited; a binding that cannot do it asks for a person.
import type { Offer } from '../../shared/show/show.schema';
import type { Clock } from '../platform/clock';
import type { Timers } from '../platform/timers';
import { backoffDelay } from '../../shared/time/backoff';
import type { OffersAuditor } from './offers.audit';
import { asStoreError, StoreError, type CommerceAdapter } from './commerce.adapter';
import type { OfferController } from './offer-control.driver';
import type { OfferTiming } from './offers.ports';

export interface BonusRemover {
  /** Marks the cap reached (if not yet) and ends the bonus in the store. */
  capReached(orders: number): void;
  /** Carries on with a removal interrupted by a restart. */
  resume(): void;
  stop(): void;
}

export function createBonusRemover(deps: {
  offer: Offer;
  adapter: CommerceAdapter;
  controller: OfferController;
  clock: Clock;
  timers: Timers;
  timing: OfferTiming;
  audit: OffersAuditor;
  alert(level: 'info' | 'warn' | 'critical', key: string, message: string): void;
  /** The store's text with the offer's credential taken out. */
  scrub(text: string): string;
}): BonusRemover {
  const { offer, adapter, controller } = deps;
  const actor = 'system:offers:cap';
  let running = false;
  let stopped = false;
  let cancelRetry: (() => void) | null = null;
  const bonus = offer.cap?.bonus ?? 'the bonus';

  const attempt = async (n: number): Promise<void> => {
    if (stopped) return;
    const started = performance.now();
    const reachedAt = controller.cap().reachedAt;
    try {
      const reading = await adapter.removeBonus({ key: `${offer.id}:bonus-end`, reason: 'order cap reached' });
      if (reading.bonusActive === true) throw new StoreError('protocol', `the store's read-back still shows the bonus on (${reading.detail})`);
      deps.audit({ actor, command: 'offer.bonus.remove', args: { offerId: offer.id, attempt: n }, outcome: 'confirmed', detail: reading.detail, durationMs: performance.now() - started });
      controller.setCap(reachedAt, 'removed');
      deps.alert('info', `offers.bonus.${offer.id}`, `${offer.name}: the order cap was reached and "${bonus}" has ended in the store.`);
      running = false;
    } catch (e) {
      const caught = asStoreError(e);
      const error = { kind: caught.kind, message: deps.scrub(caught.message) };
      deps.audit({ actor, command: 'offer.bonus.remove', args: { offerId: offer.id, attempt: n }, outcome: `failed:${error.kind}`, detail: error.message, durationMs: performance.now() - started });
      if (stopped) return;
      if (error.kind === 'config') {
        controller.setCap(reachedAt, 'manual');
        deps.alert('critical', `offers.bonus.${offer.id}`, `${offer.name}: the order cap was reached — end "${bonus}" in the store by hand: ${error.message}.`);
        running = false;
        return;
      }
      controller.setCap(reachedAt, 'retrying');
      deps.alert('warn', `offers.bonus.${offer.id}`, `${offer.name}: the order cap was reached but ending "${bonus}" in the store failed (${error.message}); retrying.`);
      const delay = backoffDelay(n + 1, { baseMs: deps.timing.retryBaseMs, maxMs: deps.timing.retryMaxMs, jitter: 0 }, () => 0);
      cancelRetry = deps.timers.after(delay, () => void attempt(n + 1));
    }
  };

  const start = () => {
    if (running || stopped) return;
    running = true;
    void attempt(1);
  };

  return {
    capReached(orders) {
      if (!offer.cap || controller.cap().reachedAt !== null) return;
      controller.setCap(deps.clock.now(), 'removing');
      deps.audit({
        actor,
        command: 'offer.cap.reached',
        args: { offerId: offer.id, orders, cap: offer.cap.orders },
        outcome: 'ok',
        detail: `${orders} orders reached the cap of ${offer.cap.orders}: "${bonus}" ends; the host deck moves to the post-bonus CTA`,
        durationMs: 0,
      });
      start();
    },
    resume() {
      const c = controller.cap();
      if (c.reachedAt !== null && c.bonusRemoval !== 'removed' && c.bonusRemoval !== 'manual') start();
    },
    stop() {
      stopped = true;
      cancelRetry?.();
    },
  };
}
