// When a queue's overflow alarm goes up and comes down. The desk's OVERFLOW line follows the queue
// as it is; the alarm has hysteresis (src/core/alerts/hysteresis.ts): raised once the queue has been
// over its limit (backlog or oldest wait) for the raise hold, cleared once both have been back at or
// under a lower mark (`clearRatio` of each limit) for the clear hold. A queue hovering around its
// limit, 41 ↔ 40 against 40, is one alarm that stays up, not a raise and a clear every second.
import type { QueueSummary } from '../../shared/contract/index';
import { readLevel, worstReading, type HysteresisRule, type Reading } from '../alerts/hysteresis';
import type { OverflowLimits } from './comments.queues';

export interface OverflowAlarmRule extends HysteresisRule {
  /** The clear marks as a share of each limit (0.8: a limit of 40 waiting clears at 32). */
  clearRatio: number;
}

export const DEFAULT_OVERFLOW_ALARM: OverflowAlarmRule = { raiseHoldMs: 10_000, clearHoldMs: 30_000, clearRatio: 0.8 };

/** The queue against its raise marks (its limits) and its clear marks. A queue nobody watches is always under. */
export function overflowReading(q: Pick<QueueSummary, 'watched' | 'open' | 'items' | 'oldestReceivedAt'>, limits: OverflowLimits, clearRatio: number, now: number): Reading {
  if (!q.watched) return 'under';
  const age = q.oldestReceivedAt === null ? 0 : Math.floor((now - q.oldestReceivedAt) / 1000);
  return worstReading([
    readLevel(q.items ?? q.open, limits.backlog, Math.floor(limits.backlog * clearRatio)),
    readLevel(age, limits.oldestSeconds, Math.floor(limits.oldestSeconds * clearRatio)),
  ]);
}
