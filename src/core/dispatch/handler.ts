// What a domain provides to the dispatcher: one handler per command it owns, typed from the
// contract so that arguments arrive parsed and results are checked.
import type { CommandName, ParsedArgsOf, ResultOf, Role } from '../../shared/contract/index';

export type Via = 'ipc' | 'ws' | 'http' | 'system' | 'test';

export interface Caller {
  /** A person's name, a token's label, or `system:<subsystem>` for the station's own actions. */
  actor: string;
  role: Role;
  via: Via;
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
}

export type Handler<N extends CommandName> = (
  args: ParsedArgsOf<N>,
  ctx: HandlerContext,
) => ResultOf<N> | Promise<ResultOf<N>>;

export type HandlerMap = { [N in CommandName]: Handler<N> };
export type Handlers<N extends CommandName> = Pick<HandlerMap, N>;
