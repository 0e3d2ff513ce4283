// The station itself: who is connected, where it listens, and the show-independent parts of the
// snapshot (alerts, the audit trail's head).
import { z } from 'zod';
import { ALL_ROLES, PRODUCER, command } from './command';
import type { Role } from './roles';

export interface StationInfo {
  version: string;
  startedAt: number;
  /** `electron` when the shell runs, `headless` when the station serves the UI on its own. */
  mode: 'electron' | 'headless';
  url: string;
  lan: boolean;
  dataDir: string;
  /** SHA-256 fingerprint of the station's TLS certificate when it serves HTTPS (`--lan`), so a
   *  view on another machine can pin it. Producer only. */
  tlsFingerprint?: string | null;
  /** Number of connected views per role, so the producer sees that the host's card is up. */
  views: Record<Role, number>;
  /**
   * How far the station's clock has been realigned to the OS clock since it started (ms, the sum of
   * every realignment: platform/clock-watch.ts). A view took its clock offset from a hello; when this
   * changes, the station's times from then on are that much apart from the ones before, and the view
   * moves its offset by the change (renderer state/apply-message.ts). Absent: 0 (a station from
   * before realignment existed).
   */
  clockShiftMs?: number;
}

export type AlertLevel = 'info' | 'warn' | 'critical';
export interface Alert {
  id: string;
  level: AlertLevel;
  /** Subsystem that raised it: `obs`, `offers`, `comments`, `preflight`, … */
  source: string;
  /** Stable key so the same condition updates one alert instead of stacking copies. */
  key: string;
  message: string;
  raisedAt: number;
  updatedAt: number;
  /** Set when the condition is over; the alert stays visible until acknowledged. */
  clearedAt: number | null;
  ackedBy: string | null;
  ackedAt: number | null;
  /**
   * The roles besides the producer who read this alert in their view (a KPI threshold goes to the
   * KPI's owner role). Absent: the producer's alone.
   */
  audience?: Role[];
  /** Times the condition came back after clearing (a flapping condition stays one alert). */
  count: number;
  /** When it was raised or came back, oldest first, the last 20: the alert's sparkline. */
  raises: number[];
  /** Who ended it: `condition` when the subsystem saw it end by itself. */
  clearedBy: string | null;
  /** Raised during quiet mode below critical: listed, but not counted or sounded. */
  quiet: boolean;
}
export interface AlertsState {
  items: Alert[];
  /** Quiet mode (rehearsal, known issues): warnings and info are kept quiet; critical stays loud. */
  quiet: { on: boolean; by: string | null; since: number | null };
}

export interface AuditEntry {
  seq: number;
  at: number;
  actor: string;
  role: string;
  via: string;
  command: string;
  args: unknown;
  outcome: string;
  detail: string | null;
  durationMs: number;
  hash: string;
}
export interface AuditState {
  /** The last few entries, newest first, for the console's activity strip. */
  recent: AuditEntry[];
  count: number;
  headHash: string | null;
}

export const stationCommands = {
  'station.whoami': command<{ actor: string; role: Role }>()({
    summary: 'The caller’s name and role, as the station sees them.',
    roles: ALL_ROLES,
    kind: 'read',
    args: z.object({}).strict(),
  }),
  'alert.ack': command<{ id: string }>()({
    summary: 'Acknowledge an alert: it stays in the log, it leaves the banner.',
    // Alerts are the producer's (the role policy shows them to no one else).
    roles: PRODUCER,
    kind: 'write',
    args: z.object({ id: z.string().min(1) }).strict(),
  }),
  'alert.ackAll': command<{ acked: number }>()({
    summary: 'Acknowledge every open alert (optionally only up to a level): they stay in the log.',
    // The producer's, like alert.ack: a host or moderator acking "every" alert would clear the
    // producer's banner of alerts their own views never show them.
    roles: PRODUCER,
    kind: 'write',
    args: z.object({ upTo: z.enum(['info', 'warn', 'critical']).default('critical') }).strict(),
  }),
  'alert.quiet': command<{ on: boolean }>()({
    summary: 'Quiet mode for rehearsals and known issues: new warnings and info alerts are listed but not counted; critical alerts stay loud.',
    roles: PRODUCER,
    kind: 'write',
    args: z.object({ on: z.boolean() }).strict(),
  }),
  'audit.list': command<{ entries: AuditEntry[] }>()({
    summary: 'Audit entries, newest first; `before` pages back by sequence number.',
    roles: PRODUCER,
    kind: 'read',
    args: z
      .object({
        before: z.number().int().positive().optional(),
        limit: z.number().int().min(1).max(1000).default(100),
        command: z.string().optional(),
      })
      .strict(),
  }),
};
