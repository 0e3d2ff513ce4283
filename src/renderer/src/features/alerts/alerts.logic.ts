import type { Alert } from '../../../../shared/contract/index';

/** Alerts a person still has to see: not acknowledged, most severe first, then newest. */
export function openAlerts(items: readonly Alert[]): Alert[] {
  const rank = { critical: 0, warn: 1, info: 2 } as const;
  return items.filter((a) => a.ackedAt === null).sort((a, b) => rank[a.level] - rank[b.level] || b.updatedAt - a.updatedAt);
}
