// What every domain looks like before anything has happened. True, not optimistic: OBS is
// disconnected, no show is loaded, nothing is approved.
import { INTENTS, type StationInfo, type StationState } from '../../shared/contract/index';
import { queueNames } from '../../shared/show/show.schema';
import { initialObsState } from '../obs/obs.state';

const zeroBy = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

export function initialState(station: StationInfo): StationState {
  return {
    station,
    show: { current: null, source: null, loadedAt: null, lastError: null },
    obs: initialObsState(station.startedAt),
    comments: {
      total: 0,
      byIntent: zeroBy(INTENTS),
      byQueue: zeroBy(queueNames),
      queues: queueNames.map((name) => ({
        name,
        open: 0,
        claimed: 0,
        oldestReceivedAt: null,
        watched: name !== 'spam' && name !== 'other',
        overflow: false,
        overflowReason: null,
      })),
      sources: [],
      pinned: null,
      pinnedProduct: null,
      slaSeconds: 60,
      viewers: null,
      demand: {},
      rehearsal: false,
      unsureBelow: 0.55,
      overflowLimits: { backlog: 50, oldestSeconds: 120 },
    },
    cues: {
      loaded: null,
      current: null,
      next: null,
      index: -1,
      total: 0,
      armed: null,
      showStartedAt: null,
      segmentStartedAt: null,
      segmentPlannedSeconds: null,
      override: null,
      changedAt: null,
    },
    scripts: { versions: [], deck: null, importError: null },
    offers: { items: [], firings: [] },
    kpis: {
      views: 0,
      addToCart: 0,
      checkouts: 0,
      orders: 0,
      revenue: 0,
      currency: 'USD',
      viewToCart: null,
      cartToCheckout: null,
      aov: null,
      timeToFulfilSeconds: null,
      fulfilled: 0,
      paymentErrors: 0,
      rehearsal: false,
      updatedAt: null,
    },
    preflight: { checks: [], verdict: 'pending' },
    overlays: {
      shown: { offer: false, countdown: false, question: false, 'lower-third': false },
      offerId: null,
      question: null,
      stock: false,
      native: { enabled: false, scene: 'Baton Overlay', status: 'off', error: null, updatedAt: null },
    },
    showday: { phase: 'preflight', go: null, end: null, segments: [], kpis: null, series: [], refusals: [], probes: {} },
    alerts: { items: [], quiet: { on: false, by: null, since: null } },
    audit: { recent: [], count: 0, headHash: null },
    hq: { configured: false, state: 'offline', behind: 0, since: null, lastError: null },
    onair: { windows: [], talkback: { current: null, history: [] }, share: { orders: true, stock: false, window: true }, rundown: [] },
  };
}
