// What the alerts panel lists and in which order (pure, unit-tested): what still needs a person
// first (most severe, then newest), then what is over or acknowledged, dimmed.
import type { Alert } from '../../../../shared/contract/index';
import { sameCause, type Emergency } from '../emergency/emergency.logic';

const RANK = { critical: 0, warn: 1, info: 2 } as const;

/** Alerts a person still has to see: not acknowledged, most severe first, then newest. */
export function openAlerts(items: readonly Alert[]): Alert[] {
  return items.filter((a) => a.ackedAt === null).sort((a, b) => RANK[a.level] - RANK[b.level] || b.updatedAt - a.updatedAt);
}

/** The whole list: open and loud first, then quiet, then cleared or acknowledged; newest first within each. */
export function orderedAlerts(items: readonly Alert[]): Alert[] {
  const group = (a: Alert) => (a.ackedAt !== null || a.clearedAt !== null ? 2 : a.quiet ? 1 : 0);
  return [...items].sort((a, b) => group(a) - group(b) || (group(a) === 0 ? RANK[a.level] - RANK[b.level] : 0) || b.updatedAt - a.updatedAt);
}

/** Raise times as x positions (0..1) over the last `windowMs`, for the flap sparkline. */
export function raiseMarks(raises: readonly number[], now: number, windowMs = 10 * 60_000): number[] {
  return raises.filter((t) => t >= now - windowMs && t <= now).map((t) => 1 - (now - t) / windowMs);
}

/** The emergencies no open alert stands for (e.g. OBS lost before it was ever linked, or its alert
 * acknowledged while the condition lasts). The status bar counts every emergency as critical, so the
 * panel it opens lists these too: the producer who clicks "2 crit" finds two critical rows. */
export function emergenciesWithoutAlert<E extends Pick<Emergency, 'id' | 'kind'>>(emergencies: readonly E[], items: readonly Alert[]): E[] {
  return emergencies.filter((e) => !items.some((a) => a.ackedAt === null && a.clearedAt === null && sameCause(e, a.key)));
}
