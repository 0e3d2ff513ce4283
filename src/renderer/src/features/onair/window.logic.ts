// An offer window as the producer and host read it: time left, and the words for its phase.
import type { OfferWindowView } from '../../../../shared/contract/index';

export interface WindowLine {
  leftMs: number | null;
  text: string;
  level: 'ok' | 'amber' | 'red';
}

/** Amber in the last minute, red in the last ten seconds and while the end is unconfirmed. */
export function windowLine(w: OfferWindowView, now: number): WindowLine {
  const leftMs = Math.max(0, w.endsAt - now);
  switch (w.phase) {
    case 'opening':
      return { leftMs, text: w.problem ?? 'opening — resuming the offer', level: w.problem ? 'red' : 'amber' };
    case 'open':
      return { leftMs, text: 'ends in', level: leftMs <= 10_000 ? 'red' : leftMs <= 60_000 ? 'amber' : 'ok' };
    case 'ending':
      return { leftMs: null, text: w.problem ?? 'ending — waiting for the store to confirm the pause', level: 'red' };
    case 'ended':
      return { leftMs: null, text: `ended (${w.endReason === 'cap' ? 'cap reached' : w.endReason === 'cut' ? 'cut by the producer' : 'on time'})`, level: 'ok' };
  }
}

export function activeWindows(windows: readonly OfferWindowView[]): OfferWindowView[] {
  return windows.filter((w) => w.phase !== 'ended');
}
