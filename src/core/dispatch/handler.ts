// What a domain provides to the dispatcher: one handler per command it owns, typed from the
// contract so that arguments arrive parsed and results are checked.
import type { z } from 'zod';
import type { CommandName, CommandSpec, Commands, Role } from '../../shared/contract/index';
import type { AuditInput } from '../storage/audit-writer';

export type Via = 'ipc' | 'ws' | 'http' | 'system' | 'test';

export interface Caller {
  /** A person's name, a token's label, or `system:<subsystem>` for the station's own actions. */
  actor: string;
  /** The role this caller acts in now: the one the dispatcher checks and the audit row names. */
  role: Role;
  /** Every role the caller's token opens (the view switcher's choices); absent means `[role]`. */
  roles?: Role[];
  via: Via;
  /** The person behind a personal token (their show id and name); absent for bootstrap and device tokens. */
  personId?: string;
  name?: string;
  /** The named device or view the command came through (a bootstrap token's label, a device's name). */
  device?: string;
  /**
   * Set when a button panel sent the command (its label). With `personId` it acts for the person it
   * was issued for; without, for nobody, and duties that name a person refuse it.
   */
  panel?: string;
}

export interface HandlerContext {
  caller: Caller;
  /** Clock time when the command was accepted. */
  now: number;
  /**
   * Queue a database write. Queued writes run in one transaction with the command's audit row,
   * after the handler returns: both land, or neither does.
   */
  write(fn: () => void): void;
  /**
   * Queue an audit row that belongs to this command (an attempt, a side effect): it is written in
   * the command's transaction, before the command's own row, for the caller unless `actor` says
   * otherwise. Rows are kept when the command fails; queued writes are not.
   */
  audit(input: AuditInput): void;
  /**
   * Commits what the command has queued so far (its writes and rows) in one transaction now, for a
   * long command that works in steps and hands the event loop back between them (a flood of one
   * question answered a few hundred at a time). Each step lands whole or not at all; a step
   * committed stays when a later one fails. The command's own row still comes last, with whatever
   * is queued after the last commit. Throws when storage fails (nothing of this step written).
   */
  commit(): void;
}

type ResultOfSpec<S> = S extends CommandSpec<z.ZodType, infer R> ? R : never;

/** The handler of one command spec: parsed arguments in, the spec's result (or a promise of it) out. */
export type HandlerOf<S extends CommandSpec> = (args: z.output<S['args']>, ctx: HandlerContext) => ResultOfSpec<S> | Promise<ResultOfSpec<S>>;

/** One handler for every command of a contract: a missing one is a compile error where the table is built. */
export type HandlerMapOf<C extends Record<string, CommandSpec>> = { [N in keyof C]: HandlerOf<C[N]> };

export type Handler<N extends CommandName> = HandlerOf<Commands[N]>;
export type HandlerMap = HandlerMapOf<Commands>;
export type Handlers<N extends CommandName> = Pick<HandlerMap, N>;

/** The command names of one contract file (`typeof obsCommands`): a module's slice of the table. */
export type SliceOf<C> = Extract<keyof C, CommandName>;
