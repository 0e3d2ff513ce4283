// What every domain looks like before anything has happened. True, not optimistic: OBS is
// disconnected, no show is loaded, nothing is approved. The empty shapes come from the contract's
// blank state; only what a fresh station knows beyond "empty" is set here.
import { blankDomains, type StationInfo, type StationState } from '../../shared/contract/index';
import { queueNames } from '../../shared/show/show.schema';
import { initialObsState } from '../obs/obs.state';

export function initialState(station: StationInfo): StationState {
  const blank = blankDomains();
  return {
    ...blank,
    station,
    show: { current: null, source: null, loadedAt: null, lastError: null },
    obs: initialObsState(station.startedAt),
    comments: {
      ...blank.comments,
      // Every queue is listed from the start; spam and other are not watched for overflow.
      queues: queueNames.map((name) => ({
        name,
        open: 0,
        claimed: 0,
        oldestReceivedAt: null,
        watched: name !== 'spam' && name !== 'other',
        overflow: false,
        overflowReason: null,
      })),
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
    kpis: { ...blank.kpis, currency: 'USD' },
    overlays: { ...blank.overlays, native: { ...blank.overlays.native, scene: 'Baton Overlay' } },
    // Orders and the offer window are shared with the host unless the producer says otherwise.
    onair: { ...blank.onair, share: { orders: true, stock: false, window: true } },
  };
}
