// What the offer-control tests share: the demo's Glow Kit offer bound to a signed webhook nobody
// answers (port 9; the tests drive its store through a fake adapter, so the binding only has to
// parse), and a controller's outward ports that nobody listens to.
import { offerSchema, type Offer } from '../../src/shared/show/show.schema';

export const webhookGlowKit: Offer = offerSchema.parse({
  id: 'glow-kit-live',
  name: 'Glow Kit live bundle',
  skus: ['BNDL-GLOW-KIT'],
  price: { amount: 39, currency: 'USD' },
  code: 'LIVEGLOW',
  store: { adapter: 'webhook', url: 'http://127.0.0.1:9/hook', hmacSecret: 'hook' },
});

/** A controller's outward ports that nobody listens to (tests that watch only the store and the timers). */
export const unheard = {
  audit: () => {},
  alert: () => {},
  clearAlert: () => {},
  alertStamp: () => 0,
  changed: () => {},
  onReading: () => {},
  onOrders: () => {},
  scrub: (text: string) => text,
};
