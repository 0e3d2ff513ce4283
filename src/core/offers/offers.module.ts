// Offers and the commerce toggle: pause/resume with read-back, rollback triggers, KPIs.
import type { CoreModule, ModuleContext } from '../module';
import type { OffersPorts } from './offers.ports';

export function createOffersModule(_ctx: ModuleContext, _ports: OffersPorts): CoreModule<never> {
  return {
    handlers: {},
    start() {},
    close() {},
  };
}
