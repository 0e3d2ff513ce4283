// The snapshot: one object, one key per domain. Patches replace one domain's value at a time.
import type { AlertsState, AuditState, StationInfo } from './station.contract';
import type { ShowState } from './show.contract';
import type { ObsState } from './obs.contract';
import type { CommentsState } from './comments.contract';
import type { CuesState, ScriptsState } from './cues.contract';
import type { KpiState, OffersState } from './offers.contract';
import type { PreflightState } from './preflight.contract';
import type { OverlaysState } from './overlay.contract';
import type { ShowDayState } from './showday.contract';
import type { HqSyncState } from './hq.contract';
import type { OnAirState } from './onair.contract';

export interface StationState {
  station: StationInfo;
  show: ShowState;
  obs: ObsState;
  comments: CommentsState;
  cues: CuesState;
  scripts: ScriptsState;
  offers: OffersState;
  kpis: KpiState;
  preflight: PreflightState;
  overlays: OverlaysState;
  showday: ShowDayState;
  alerts: AlertsState;
  audit: AuditState;
  /** The link to HQ (multi-station reporting); `configured: false` without `--hq`. */
  hq: HqSyncState;
  /** Offer windows, talkback, the numbers shared with the host, the rundown as it ran. */
  onair: OnAirState;
}
export type Domain = keyof StationState;
