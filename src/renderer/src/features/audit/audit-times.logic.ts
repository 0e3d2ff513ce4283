// The audit rows' times as the panel shows them. When the station realigns its clock to the OS clock
// (platform/clock-watch.ts), the rows before it keep the time they were stamped with (the chain is
// hashed; the record is not rewritten) and its own row says where the step was. A producer reading
// "10:02 offer.pause" under a header saying 09:05 would read the future: so the panel shows each older
// row on the corrected clock, with a note saying so, and the stamp itself in the note.
import type { AuditEntry } from '../../../../shared/contract/index';

export const REALIGNED = 'station.clock.realigned';

export interface RowTime {
  /** When, on today's clock. */
  at: number;
  /** Said beside a moved time (its tooltip), or null when the row is on today's clock already. */
  note: string | null;
}

function realignedMs(e: AuditEntry): number {
  const args = e.args as { offsetSeconds?: unknown } | null;
  return typeof args?.offsetSeconds === 'number' && Number.isFinite(args.offsetSeconds) ? args.offsetSeconds * 1000 : 0;
}

/**
 * The rows' times by `seq`. Exact whichever way the clock moved (after a step back, the stamps of
 * the hour before and the hour after overlap; their order does not): a row is older than a
 * realignment when its seq is below that realignment's own row, which is in the list whenever an
 * older row is (the list is the newest rows). The realignment's row is on the new clock already.
 * `stamped` formats the original stamp for the note.
 */
export function auditTimes(entries: readonly AuditEntry[], stamped: (ms: number) => string): Map<number, RowTime> {
  const out = new Map<number, RowTime>();
  let moved = 0;
  for (const e of [...entries].sort((a, b) => b.seq - a.seq)) {
    out.set(
      e.seq,
      moved === 0
        ? { at: e.at, note: null }
        : {
            at: e.at + moved,
            note: `Stamped ${stamped(e.at)} on the station's clock before it was corrected; shown on the corrected clock`,
          },
    );
    if (e.command === REALIGNED) moved += realignedMs(e);
  }
  return out;
}
