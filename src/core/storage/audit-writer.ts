// The one audit writer: every row of the chain, a command's or the station's own, is written here,
// in the transaction of the data writes it describes; listeners hear of rows only after the commit.
import type { AuditEntry } from '../../shared/contract/station.contract';
import type { Clock } from '../platform/clock';
import type { Db } from './database';
import type { AuditRepo } from './audit.repo';

/** Who a row is written for: filled in once per module (`system:<module>`) or per command (its caller). */
export interface AuditWho {
  actor: string;
  role: string;
  via: string;
}

/** One row, as its writer states it. Everything about who is filled in by the bound auditor. */
export interface AuditInput {
  /** A dotted name: a contract command, or a step like `offer.pause.attempt` or `obs.link.up`. */
  command: string;
  args: unknown;
  /** `ok` unless said otherwise. */
  outcome?: string;
  detail?: string | null;
  durationMs?: number;
  /** When it happened; now unless said otherwise. */
  at?: number;
  /** On whose behalf the step ran, when not the bound actor (a person's pause, retried by the station). */
  actor?: string;
  /**
   * The role that person acted in, when not the bound one: a person's job the station finishes after
   * a restart is theirs, in their role ("Ana (moderator)"), not the station's producer role.
   */
  role?: string;
}

export interface Auditor {
  /** A row of its own, written now: a step of the station that belongs to no command. */
  event(input: AuditInput): void;
  /** Rows and the data writes they describe, in one transaction: all land, or none does. */
  events(inputs: readonly AuditInput[], writes?: readonly (() => void)[]): void;
}

export interface AuditWriter {
  /** Runs `writes`, then appends `rows`, in one transaction; throws (nothing written) when storage fails. */
  commit(who: AuditWho, rows: readonly AuditInput[], writes?: readonly (() => void)[]): AuditEntry[];
  bind(who: AuditWho): Auditor;
}

export function createAuditWriter(deps: { db: Db; repo: AuditRepo; clock: Clock; onAppended(entry: AuditEntry): void }): AuditWriter {
  const { db, repo, clock, onAppended } = deps;

  // One transaction function for every commit (better-sqlite3 builds its wrappers per call otherwise).
  const write = db.transaction((who: AuditWho, rows: readonly AuditInput[], writes: readonly (() => void)[]): AuditEntry[] => {
    for (const w of writes) w();
    return rows.map((r) =>
      repo.append({
        at: r.at ?? clock.now(),
        actor: r.actor ?? who.actor,
        role: r.role ?? who.role,
        via: who.via,
        command: r.command,
        args: r.args,
        outcome: r.outcome ?? 'ok',
        detail: r.detail ?? null,
        durationMs: r.durationMs ?? 0,
      }),
    );
  });

  const commit: AuditWriter['commit'] = (who, rows, writes = []) => {
    if (rows.length === 0 && writes.length === 0) return [];
    let appended: AuditEntry[];
    try {
      appended = write(who, rows, writes);
    } catch (error) {
      // Rows appended before the failure were rolled back with it: the repo forgets them too.
      repo.resync();
      throw error;
    }
    for (const e of appended) onAppended(e);
    return appended;
  };

  return {
    commit,
    bind: (who) => ({
      event: (input) => void commit(who, [input]),
      events: (inputs, writes) => void commit(who, inputs, writes),
    }),
  };
}
