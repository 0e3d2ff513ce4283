// The alerts still on the producer's screen when the station realigns its clock to the OS clock
// (platform/clock-watch.ts): their times move with it. An alert raised at 09:58 on a clock an hour
// fast must read 08:58 beside a header saying 09:05, and its raises must stay minutes old for the
// flap sparkline, not an hour in the future. A view cannot do this itself: after a step back, the
// stamps of the hour before it and of the hour after it overlap. The alerts are live state, not the
// record (the audit trail keeps its rows as stamped, and says where the step was).
import type { Alert, AlertsState } from '../../shared/contract/index';

export function alertOnNewClock(a: Alert, shiftMs: number): Alert {
  const move = (t: number | null) => (t === null ? null : t + shiftMs);
  return {
    ...a,
    raisedAt: a.raisedAt + shiftMs,
    updatedAt: a.updatedAt + shiftMs,
    clearedAt: move(a.clearedAt),
    ackedAt: move(a.ackedAt),
    raises: a.raises.map((t) => t + shiftMs),
  };
}

export function alertsOnNewClock(s: AlertsState, shiftMs: number): AlertsState {
  if (shiftMs === 0) return s;
  return {
    ...s,
    items: s.items.map((a) => alertOnNewClock(a, shiftMs)),
    quiet: s.quiet.since === null ? s.quiet : { ...s.quiet, since: s.quiet.since + shiftMs },
  };
}
