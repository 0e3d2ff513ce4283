// The one place that spells out each snapshot domain's empty shape: what the station starts from and what a role
// reads for a domain it may not see. Starting values that differ (OBS lost since start, the queues listed, the
// shop's currency) are set by the core on top of these, so a new field is added here once.
import { INTENTS } from './constants';
import type { ObsState } from './obs.contract';
import type { StationState } from './state';
import { queueNames } from '../show/queue-names';

export type BlankDomains = Omit<StationState, 'station' | 'show' | 'cues'>;

const zeroBy = <K extends string>(keys: readonly K[]): Record<K, number> => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** OBS as nobody has seen it: disconnected, nothing learned. `lostAt` is when the link was (last) known down. */
export function blankObsState(lostAt: number | null): ObsState {
  return {
    link: 'disconnected',
    url: null,
    linkError: null,
    lostAt,
    reconnectAttempt: 0,
    authDisabled: false,
    synced: false,
    obsVersion: null,
    scenes: [],
    programScene: null,
    previewScene: null,
    studioMode: false,
    stream: { phase: 'unknown', since: null, startedAt: null, reconnects: 0, retry: 0, lastError: null },
    record: { active: null },
    health: { level: 'unknown', reasons: [], sample: null, baselineKbps: null, expectedFps: null },
    history: [],
    ingest: { active: null, server: null, hasBackup: false, switching: false },
  };
}

/** Every domain but station/show/cues, empty: zero counts, no items, nothing shown, nothing configured. */
export function blankDomains(): BlankDomains {
  return {
    obs: blankObsState(null),
    comments: {
      total: 0,
      byIntent: zeroBy(INTENTS),
      byQueue: zeroBy(queueNames),
      queues: [],
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
    offers: { items: [], firings: [] },
    scripts: { versions: [], deck: null, importError: null },
    kpis: {
      views: 0,
      addToCart: 0,
      checkouts: 0,
      orders: 0,
      revenue: 0,
      currency: '',
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
    alerts: { items: [], quiet: { on: false, by: null, since: null } },
    audit: { recent: [], count: 0, headHash: null },
    overlays: {
      shown: { offer: false, countdown: false, question: false, 'lower-third': false },
      offerId: null,
      question: null,
      stock: false,
      native: { enabled: false, scene: '', status: 'off', error: null, updatedAt: null },
    },
    showday: { phase: 'preflight', go: null, end: null, segments: [], kpis: null, series: [], refusals: [], probes: {} },
    hq: { configured: false, state: 'offline', behind: 0, since: null, lastError: null },
    onair: { windows: [], talkback: { current: null, history: [] }, share: { orders: false, stock: false, window: false }, rundown: [] },
  };
}
