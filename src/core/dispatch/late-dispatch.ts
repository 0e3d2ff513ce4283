// The modules need `dispatch` (the station's own actions run through the command chain), and the
// dispatcher needs the modules' handlers: modules get this forwarder first, the dispatcher is bound
// to it once the complete table exists. Nothing is filled in after the table is built.
import type { CommandName, ResultOf } from '../../shared/contract/index';
import type { DispatchResult, Dispatcher } from './dispatcher';
import type { Caller } from './handler';

export interface LateDispatch {
  dispatch: Dispatcher['dispatch'];
  /** Called once, with the dispatcher built over the complete command table. */
  bind(target: Dispatcher): void;
}

export function createLateDispatch(): LateDispatch {
  let target: Dispatcher | null = null;

  function dispatch<N extends CommandName>(name: N, args: unknown, caller: Caller): Promise<DispatchResult<ResultOf<N>>>;
  function dispatch(name: string, args: unknown, caller: Caller): Promise<DispatchResult>;
  function dispatch(name: string, args: unknown, caller: Caller): Promise<DispatchResult> {
    // A module that dispatches while the core is still being assembled gets an answer, not a throw.
    if (!target) return Promise.resolve({ ok: false, error: { code: 'unavailable', message: `${name} was sent before the station finished starting.` } });
    return target.dispatch(name, args, caller);
  }

  return {
    dispatch,
    bind(next) {
      if (target) throw new Error('the dispatcher is already bound');
      target = next;
    },
  };
}
