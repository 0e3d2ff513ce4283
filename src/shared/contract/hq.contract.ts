// The station's link to HQ as the producer sees it, and the facts a station reports to HQ.
// Both sides (the station's outbox and the HQ service) parse the same wire shapes.

/** `synced`: nothing waiting; `behind`: facts waiting but HQ answers; `offline`: HQ unreachable or refusing. */
export type HqSyncPhase = 'synced' | 'behind' | 'offline';

export interface HqSyncState {
  /** False when the station was started without `--hq`: nothing is collected or sent. */
  configured: boolean;
  state: HqSyncPhase;
  /** Facts in the outbox that HQ has not acknowledged yet. */
  behind: number;
  /** When the current state began (ms); for `offline`, since when HQ has been away. */
  since: number | null;
  /** HQ's last refusal or the network error, for the producer; never a token. */
  lastError: string | null;
}

export const HQ_FACT_KINDS = ['audit', 'show', 'commerce', 'comment_minute', 'offer_pause', 'alert'] as const;
export type HqFactKind = (typeof HQ_FACT_KINDS)[number];

/** One fact as it travels: `seq` is the station's outbox sequence, strictly increasing, never reused. */
export interface HqFact {
  seq: number;
  showId: string;
  kind: HqFactKind;
  /** The station's clock when the fact was made (ms). HQ keeps it beside its own receipt time. */
  at: number;
  body: Record<string, unknown>;
}

export interface HqBatch {
  stationId: string;
  /** Random per batch attempt chain: a resend of the same facts carries the same id. */
  batchId: string;
  /** The station's clock when the batch was sent (ms): HQ records the skew it sees. */
  sentAt: number;
  facts: HqFact[];
}

export interface HqAck {
  /** The highest seq HQ holds for this station (applied now or before). */
  ackedSeq: number;
  applied: number;
  duplicates: number;
}
