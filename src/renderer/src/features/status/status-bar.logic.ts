// What the producer's status bar says, derived from the snapshot (pure, unit-tested): on or off
// air with the duration, the health verdict with its first reason, open alerts by severity, the
// segment and its time left, and each offer's orders against its cap.
import type { Alert, AlertLevel, CuesState, ObsState, OfferView } from '../../../../shared/contract/index';
import type { Level } from '../../ui/StatusDot';
import { formatClock, formatLeft } from '../../ui/format';
import { clocks } from '../cues/host-card.logic';
import { sameCause, type Emergency } from '../emergency/emergency.logic';

export interface AirLine {
  level: Level;
  text: string;
  onAir: boolean;
}

export function airLine(obs: ObsState | null, now: number): AirLine {
  if (!obs || !(obs.link === 'connected' && obs.synced)) return { level: 'red', text: 'NO OBS LINK', onAir: false };
  const s = obs.stream;
  switch (s.phase) {
    case 'live':
      return { level: 'green', text: `ON AIR ${s.startedAt === null ? '' : formatClock(now - s.startedAt)}`.trim(), onAir: true };
    case 'reconnecting':
      return { level: 'red', text: `RECONNECTING${s.retry > 0 ? ` (try ${s.retry})` : ''}`, onAir: true };
    case 'starting':
      return { level: 'amber', text: 'STARTING…', onAir: false };
    case 'stopping':
      return { level: 'amber', text: 'STOPPING…', onAir: false };
    case 'failed_start':
      return { level: 'red', text: 'FAILED TO START', onAir: false };
    default:
      return { level: 'unknown', text: 'OFF AIR', onAir: false };
  }
}

export interface HealthLine {
  level: Level;
  /** The chip; null while OBS is out of reach, where the air cell's NO OBS LINK already says so. */
  label: string | null;
  reason: string | null;
}

/** Health as the station rates it; while the link is down nobody can say, and that is red. */
export function healthLine(obs: ObsState | null): HealthLine {
  // A "NO LINK" chip beside the red NO OBS LINK said the same thing twice: only why is left to say.
  if (!obs || !obs.synced) return { level: 'red', label: null, reason: obs?.linkError ?? 'no health data' };
  const level = obs.health.level;
  return {
    level: level === 'unknown' ? 'unknown' : level,
    label: level === 'unknown' ? 'NO DATA' : level.toUpperCase(),
    reason: obs.health.reasons[0] ?? null,
  };
}

export type AlertCounts = Record<AlertLevel, number>;

/**
 * What needs the producer now, by severity: every emergency banner (critical while its condition
 * holds: it cannot be acknowledged away), and the alerts still waiting for a person (not
 * acknowledged, not over, not raised in quiet mode) unless a banner already stands for the same cause.
 */
export function alertCounts(items: readonly Alert[], emergencies: readonly Pick<Emergency, 'id' | 'kind'>[] = []): AlertCounts {
  const counts: AlertCounts = { critical: emergencies.length, warn: 0, info: 0 };
  for (const a of items) {
    if (a.ackedAt !== null || a.clearedAt !== null || a.quiet) continue;
    if (emergencies.some((e) => sameCause(e, a.key))) continue;
    counts[a.level] += 1;
  }
  return counts;
}

export interface SegmentLine {
  title: string;
  /** "04:12 left", "01:03 over" or the elapsed time of an unplanned segment; null before the clock. */
  time: string | null;
  over: boolean;
}

export function segmentLine(cues: CuesState | null, now: number): SegmentLine | null {
  if (!cues?.current) return null;
  const c = clocks(cues, now);
  if (c.segment === null) return { title: cues.current.segmentTitle, time: null, over: false };
  if (!c.segmentPlanned) return { title: cues.current.segmentTitle, time: formatClock(c.segment), over: false };
  return { title: cues.current.segmentTitle, time: c.segmentOver ? `${formatClock(-c.segment)} over` : `${formatLeft(c.segment)} left`, over: c.segmentOver };
}

export function ordersText(o: Pick<OfferView, 'orders' | 'cap'>): string {
  return o.cap ? `${o.orders}/${o.cap.orders}` : `${o.orders} ${o.orders === 1 ? 'order' : 'orders'}`;
}
