// The station's link to HQ as the producer sees it, and the facts a station reports to HQ.
// Both sides (the station's outbox and the HQ service) parse the same wire shapes.
import { z } from 'zod';
import { command, PRODUCER } from './command';

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
  /** Where the station reports, and as which station (never the token); absent when not configured. */
  url?: string | null;
  stationId?: string | null;
  /** `cli`: from `--hq` at start (not stored); `setting`: set by the producer (`hq.configure`). */
  source?: 'cli' | 'setting' | null;
  /**
   * Facts HQ acknowledged but will not read (its `rejected`), since the station started, with HQ's
   * latest reason: the producer learns that HQ's figures leave some of this station's facts out.
   */
  flagged?: { count: number; lastReason: string | null };
}

export const HQ_STATION_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export const hqCommands = {
  'hq.configure': command<{ url: string; stationId: string }>()({
    summary:
      'Report this station to Baton HQ at `url` as `stationId` with the station token HQ issued (stored as a secret, sent only to that HQ; omit it to keep the stored one for the same HQ). `url` is https:// — plain http:// only to this machine, unless the station was started with --allow-insecure-hq (labs). Remembered across restarts.',
    roles: PRODUCER,
    kind: 'write',
    args: z
      .object({
        url: z
          .string()
          .max(300)
          .refine((v) => {
            try {
              const u = new URL(v);
              return (u.protocol === 'http:' || u.protocol === 'https:') && u.username === '' && u.password === '';
            } catch {
              return false;
            }
          }, 'an https:// URL such as https://hq.studio.lan:4900 (http:// only to this machine), without a user or password in it'),
        stationId: z.string().regex(HQ_STATION_ID, 'letters, digits, dot, dash or underscore (up to 64)'),
        token: z.string().min(8).max(200).regex(/^[\x21-\x7e]+$/, 'the token HQ printed, without spaces').optional(),
      })
      .strict(),
    secretArgs: ['token'],
  }),
  'hq.disconnect': command<{ configured: false }>()({
    summary: 'Stop reporting to HQ and forget its URL and the station token (facts already waiting stay in the outbox).',
    roles: PRODUCER,
    kind: 'write',
    args: z.object({}).strict(),
  }),
};

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
  /**
   * Facts of this batch HQ holds but will not read (a figure that is not a number, an unknown
   * currency, a date beyond any calendar...), each with what is wrong: acknowledged all the same,
   * so one bad fact never stalls the outbox, and counted on HQ's station list.
   */
  rejected?: { seq: number; reason: string }[];
}

/**
 * What a post-show package's totals count, so HQ reconciles like with like: the KPIs exactly as the
 * package wrote them, and the station's commerce events they include (every event of the show up to
 * `throughEventSeq`, `events` of them). A show keeps selling after its package (late webhooks, a
 * rehearsal's shoppers), and its package record can reach HQ before the last events it counted:
 * against all the show's facts, neither is a mismatch.
 */
export interface PackageTotals {
  showId: string;
  kpis: { views: number; addToCart: number; checkouts: number; orders: number; revenue: number; currency: string };
  counted: { throughEventSeq: number; events: number };
}

/** The audit row, in the show.package command's transaction, that states the package's totals. */
export const PACKAGE_TOTALS_ROW = 'show.package.totals';

const count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const packageTotalsSchema = z.object({
  showId: z.string().max(128),
  kpis: z.object({ views: count, addToCart: count, checkouts: count, orders: count, revenue: z.number().finite(), currency: z.string().max(16) }),
  counted: z.object({ throughEventSeq: count, events: count }),
});

/** A package's totals as a station stated them, or null when absent or malformed (facts are untrusted). */
export function parsePackageTotals(v: unknown): PackageTotals | null {
  const r = packageTotalsSchema.safeParse(v);
  return r.success ? r.data : null;
}
