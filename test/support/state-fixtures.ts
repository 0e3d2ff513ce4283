// Snapshot values for unit tests that exercise projections of the station state (overlays, device feeds, cues)
// without running a core: a fresh station's state at a fixed time and one offer row with every field set.
import { initialState } from '../../src/core/state/initial-state';
import type { OfferView, StationState } from '../../src/shared/contract/index';

export const T0 = 1_800_000_000_000;

/** A headless station's state as it starts at `startedAt`, nobody connected. */
export function freshState(startedAt = T0): StationState {
  return initialState({
    version: 't',
    startedAt,
    mode: 'headless',
    url: '',
    lan: false,
    dataDir: ':memory:',
    views: { producer: 0, host: 0, moderator: 0, approver: 0, commerce: 0, 'customer-service': 0, observer: 0 },
  });
}

/** A live sandbox offer in rehearsal, confirmed by nothing yet; `patch` sets what a test is about. */
export function offerView(patch: Partial<OfferView> = {}): OfferView {
  return {
    id: 'glow-kit',
    name: 'Glow Kit',
    code: 'LIVEGLOW',
    skus: ['KIT'],
    price: { amount: 39, currency: 'USD' },
    state: 'live',
    intent: 'live',
    pending: false,
    pendingSince: null,
    reason: null,
    requestedBy: null,
    storeKind: 'sandbox',
    storeLabel: 'sandbox',
    storeAdminUrl: null,
    storeReachable: true,
    rehearsal: true,
    lastError: null,
    attempts: 0,
    nextRetryAt: null,
    confirmedAt: null,
    lastReadAt: null,
    orders: 0,
    cap: { orders: 200, bonus: 'free pouch', reached: false, reachedAt: null, bonusRemoval: null },
    stock: null,
    lowStock: [],
    rules: [],
    ...patch,
  };
}
