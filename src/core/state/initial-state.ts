// What every domain looks like before anything has happened. True, not optimistic: OBS is
// disconnected, no show is loaded, nothing is approved.
import { INTENTS, type StationInfo, type StationState } from '../../shared/contract/index';
import { queueNames } from '../../shared/show/show.schema';

const zeroBy = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

export function initialState(station: StationInfo): StationState {
  return {
    station,
    show: { current: null, source: null, loadedAt: null, lastError: null },
    obs: {
      link: 'disconnected',
      url: null,
      linkError: null,
      lostAt: null,
      reconnectAttempt: 0,
      authDisabled: false,
      synced: false,
      scenes: [],
      programScene: null,
      previewScene: null,
      studioMode: false,
      stream: { phase: 'idle', since: null, reconnects: 0, lastError: null },
      record: { active: false },
      health: { level: 'unknown', reasons: [], sample: null, baselineKbps: null },
      history: [],
      ingest: { active: 'primary', switching: false },
    },
    comments: {
      total: 0,
      byIntent: zeroBy(INTENTS),
      byQueue: zeroBy(queueNames),
      queues: queueNames.map((name) => ({ name, open: 0, oldestReceivedAt: null, overflow: false })),
      sources: [],
      pinned: null,
      slaSeconds: 60,
      viewers: null,
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
    scripts: { versions: [] },
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
    },
    preflight: { checks: [], verdict: 'pending' },
    alerts: { items: [] },
    audit: { recent: [], count: 0, headHash: null },
  };
}
