// What the offers panel shows and offers, from an offer's view. Pure, so it is unit-tested.
// The big label says PAUSED only when the station says `paused` (the store's read-back).
import type { OfferPhase, OfferView, TriggerFiring } from '../../../../shared/contract/index';
import type { Level } from '../../ui/StatusDot';

export function phaseLevel(state: OfferPhase): Level {
  switch (state) {
    case 'live':
      return 'green';
    case 'pausing':
    case 'resuming':
      return 'amber';
    case 'paused':
    case 'error':
      return 'red';
    case 'unknown':
      return 'unknown';
  }
}

export function phaseLabel(o: Pick<OfferView, 'state' | 'intent'>): string {
  switch (o.state) {
    case 'live':
      return 'LIVE';
    case 'pausing':
      return 'PAUSING…';
    case 'resuming':
      return 'RESUMING…';
    case 'paused':
      return 'PAUSED';
    case 'unknown':
      return 'CHECKING STORE';
    case 'error':
      return o.intent === 'paused' ? 'PAUSE NOT CONFIRMED' : 'ERROR';
  }
}

/** The one main button of an offer card. */
export type MainAction =
  | { kind: 'pause'; label: string }
  | { kind: 'resume'; label: string; confirm: string }
  | { kind: 'retry'; target: 'paused' | 'live'; label: string }
  | { kind: 'wait'; label: string };

export function mainAction(o: Pick<OfferView, 'state' | 'intent' | 'pending'>): MainAction {
  if (o.state === 'pausing') return { kind: 'wait', label: 'Pausing…' };
  if (o.state === 'resuming') return { kind: 'wait', label: 'Resuming…' };
  if (o.state === 'error' && o.pending) {
    return o.intent === 'paused' ? { kind: 'retry', target: 'paused', label: 'Retry pause' } : { kind: 'retry', target: 'live', label: 'Retry resume' };
  }
  if (o.state === 'paused') return { kind: 'resume', label: 'Resume offer', confirm: 'Confirm resume' };
  // live, unknown, or a half-applied store state: pausing is always possible and always safe.
  return { kind: 'pause', label: 'PAUSE OFFER' };
}

export const QUICK_REASONS = ['Checkout broken', 'Wrong price live', 'Stock problem', 'Fulfilment backlog', 'Host asked'] as const;
export const DEFAULT_REASON = 'Paused from the producer console';

export function reasonOrDefault(text: string): string {
  const t = text.trim();
  return t.length ? t.slice(0, 300) : DEFAULT_REASON;
}

export function capProgress(o: Pick<OfferView, 'orders' | 'cap'>): { text: string; ratio: number; level: Level } | null {
  if (!o.cap) return null;
  const ratio = Math.min(1, o.orders / o.cap.orders);
  if (o.cap.reached) {
    const removal =
      o.cap.bonusRemoval === 'removed'
        ? 'bonus ended in the store'
        : o.cap.bonusRemoval === 'manual'
          ? 'end the bonus in the store BY HAND'
          : o.cap.bonusRemoval === 'retrying'
            ? 'ending the bonus in the store — retrying'
            : 'ending the bonus in the store…';
    return { text: `Cap reached: ${o.orders} / ${o.cap.orders} — ${removal}`, ratio: 1, level: o.cap.bonusRemoval === 'removed' ? 'green' : 'red' };
  }
  return { text: `${o.orders} / ${o.cap.orders} orders get ${o.cap.bonus}`, ratio, level: ratio >= 0.9 ? 'amber' : 'green' };
}

export function retryText(o: Pick<OfferView, 'attempts' | 'nextRetryAt' | 'pending'>, now: number): string | null {
  if (!o.pending || o.attempts === 0) return null;
  const next = o.nextRetryAt === null ? 'retrying now' : `next try in ${Math.max(0, Math.ceil((o.nextRetryAt - now) / 1000))} s`;
  return `attempt ${o.attempts}, ${next}`;
}

export function storeLine(o: Pick<OfferView, 'storeLabel' | 'storeReachable' | 'lastReadAt'>, now: number): { text: string; level: Level } {
  if (o.storeReachable === false) return { text: `${o.storeLabel} — NOT REACHABLE`, level: 'red' };
  if (o.storeReachable === null || o.lastReadAt === null) return { text: `${o.storeLabel} — not read yet`, level: 'unknown' };
  const age = Math.max(0, Math.round((now - o.lastReadAt) / 1000));
  return { text: `${o.storeLabel} — read back ${age} s ago`, level: 'green' };
}

/** Alarm firings whose offer is still selling: the one-click "pause now" stays offered. */
export function openAlarms(firings: readonly TriggerFiring[], offers: readonly OfferView[]): Set<string> {
  const live = new Set(offers.filter((o) => o.intent === 'live').map((o) => o.id));
  return new Set(firings.filter((f) => f.action === 'alarm' && live.has(f.offerId)).map((f) => f.id));
}
